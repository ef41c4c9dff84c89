import 'server-only';
import crypto from 'node:crypto';
import { AppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';
import { verifyPassword } from '@/lib/passwords';
import type { RequestInfo } from '@/lib/request-info';
import {
  countAttempt,
  refundAttempt,
  sleep,
  type RateLimitRule,
  type SlowdownRule,
} from './rate-limits';

// HTTP Basic auth of guest feeds. Calendar clients send the credentials on every poll, so a
// verified pair is remembered (by a hash that includes the stored password hash: a new password
// forgets it) instead of running the slow password hash every few minutes.

// The sign-in scheme (lib/dal/users.ts): hard limits per (share, address) and per address, only a
// bounded slowdown per share, so that strangers cannot lock a guest out of their calendar.
export const GUEST_LIMIT_PER_SHARE_AND_ADDRESS: RateLimitRule = { limit: 10, windowSeconds: 900 };
export const GUEST_LIMIT_PER_ADDRESS: RateLimitRule = { limit: 30, windowSeconds: 900 };
export const GUEST_SLOWDOWN_PER_SHARE: SlowdownRule = {
  limit: 10,
  windowSeconds: 900,
  maxDelayMs: 3_000,
};
const REMEMBERED_MAX = 5_000;
const remembered = new Set<string>();

interface GuestShareCredentials {
  shareId: string;
  email: string;
  /** Null until the guest has completed the setup. */
  passwordHash: string | null;
}

function parseBasic(authorization: string | null): { email: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]{1,1024})$/i.exec(authorization?.trim() ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return {
    email: decoded.slice(0, colon).trim().toLowerCase(),
    password: decoded.slice(colon + 1),
  };
}

/** Passes, or throws `unauthenticated` (401) or `rate_limited` (429). */
export async function checkGuestCredentials(
  share: GuestShareCredentials,
  authorization: string | null,
  request: RequestInfo,
): Promise<void> {
  const credentials = parseBasic(authorization);
  if (!credentials)
    throw new AppError('unauthenticated', new TranslatableText('guest.errors.credentialsNeeded'));
  const rememberKey = crypto
    .createHash('sha256')
    .update(`${share.shareId}\n${share.passwordHash}\n${authorization}`)
    .digest('hex');
  if (share.passwordHash && remembered.has(rememberKey)) return;

  const address = request.ip ?? 'unknown';
  const attempt = await countAttempt({
    limits: [
      {
        key: `guest:share-address:${share.shareId}:${address}`,
        rule: GUEST_LIMIT_PER_SHARE_AND_ADDRESS,
      },
      { key: `guest:address:${address}`, rule: GUEST_LIMIT_PER_ADDRESS },
    ],
    slowdown: { key: `guest:share:${share.shareId}`, rule: GUEST_SLOWDOWN_PER_SHARE },
  });
  if (attempt.retryAfterSeconds !== null)
    throw new AppError('rate_limited', new TranslatableText('guest.errors.tooManyAttempts'), {
      retryAfterSeconds: attempt.retryAfterSeconds,
    });
  if (attempt.delayMs > 0) await sleep(attempt.delayMs);

  // The password is checked even for a wrong email, so timing tells nothing about either.
  const passwordMatches =
    share.passwordHash !== null && (await verifyPassword(share.passwordHash, credentials.password));
  const valid = passwordMatches && credentials.email === share.email;
  if (!valid)
    throw new AppError('unauthenticated', new TranslatableText('guest.errors.wrongCredentials'));
  await refundAttempt(attempt);
  if (remembered.size >= REMEMBERED_MAX) remembered.clear();
  remembered.add(rememberKey);
}
