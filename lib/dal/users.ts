import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { sessions, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';
import { dummyPasswordHash, verifyPassword } from '@/lib/passwords';
import type { RequestInfo } from '@/lib/request-info';
import type { SignInInput } from '@/lib/validation';
import { actorColumns, toActor, type Actor } from './actor';
import { recordAuditEvent } from './audit';
import { getPolicy } from './policy';
import {
  countAttempt,
  refundAttempt,
  sleep,
  type RateLimitRule,
  type SlowdownRule,
} from './rate-limits';
import type { SessionRef } from './sessions';

// Sign-in throttling after OWASP's authentication guidance: hard limits per (account, address)
// and per address, so one address cannot guess for long; only a bounded slowdown per account, so
// that a stranger failing on purpose from elsewhere can never lock the person out.
export const SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS: RateLimitRule = {
  limit: 10,
  windowSeconds: 15 * 60,
};
export const SIGN_IN_LIMIT_PER_ADDRESS: RateLimitRule = { limit: 30, windowSeconds: 15 * 60 };
export const SIGN_IN_SLOWDOWN_PER_ACCOUNT: SlowdownRule = {
  limit: 10,
  windowSeconds: 15 * 60,
  maxDelayMs: 3_000,
};

export const PASSWORD_SIGN_IN_OFF_MESSAGE =
  'Password sign-in is turned off for your account: sign in with your organisation’s account.';

/**
 * Checks an email and password. Returns the actor, or null for wrong credentials or a disabled
 * account (the same answer, so neither reveals which accounts exist). Throws `rate_limited`, before
 * any password is checked, once this address has failed too often, and `forbidden` for the right
 * password of a non-admin while the policy allows password sign-in to admins only — said only to
 * someone who knows the password, so it reveals nothing more about which accounts exist.
 */
export async function verifyCredentials(
  input: SignInInput,
  request: RequestInfo,
): Promise<Actor | null> {
  const address = request.ip ?? 'unknown';
  const attempt = await countAttempt({
    limits: [
      {
        key: `sign-in:account-address:${input.email}:${address}`,
        rule: SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS,
      },
      { key: `sign-in:address:${address}`, rule: SIGN_IN_LIMIT_PER_ADDRESS },
    ],
    slowdown: { key: `sign-in:account:${input.email}`, rule: SIGN_IN_SLOWDOWN_PER_ACCOUNT },
  });
  if (attempt.retryAfterSeconds !== null)
    throw new AppError(
      'rate_limited',
      new TranslatableText('auth.signInErrors.tryAgainIn', {
        minutes: Math.ceil(attempt.retryAfterSeconds / 60),
      }),
      { retryAfterSeconds: attempt.retryAfterSeconds },
    );
  if (attempt.delayMs > 0) await sleep(attempt.delayMs);

  const db = getDb();
  const user = await db.query.users.findFirst({
    where: eq(users.email, input.email),
    columns: { ...actorColumns, passwordHash: true, disabledAt: true },
  });
  const valid = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    input.password,
  );

  if (!user || !user.passwordHash || !valid || user.disabledAt) {
    await recordAuditEvent(db, {
      actorId: user?.id ?? null,
      action: 'auth.sign_in_failed',
      targetType: 'user',
      targetId: user?.id,
      details: {
        method: 'password',
        reason: !user ? 'unknown_email' : user.disabledAt && valid ? 'disabled' : 'wrong_password',
      },
      request,
    });
    return null;
  }
  await refundAttempt(attempt);
  if (user.role !== 'admin' && !(await getPolicy()).passwordSignInAllowed) {
    await recordAuditEvent(db, {
      actorId: user.id,
      action: 'auth.sign_in_failed',
      targetType: 'user',
      targetId: user.id,
      details: { method: 'password', reason: 'password_sign_in_off' },
      request,
    });
    throw new AppError('forbidden', PASSWORD_SIGN_IN_OFF_MESSAGE);
  }
  await recordAuditEvent(db, {
    actorId: user.id,
    action: 'auth.signed_in',
    targetType: 'user',
    targetId: user.id,
    details: { method: 'password' },
    request,
  });
  return toActor(user);
}

/**
 * The actor behind a session cookie, re-read on every request in one query: the user must be
 * enabled and the session open (not signed out, not ended by an admin or a new password, not past
 * its lifetime), and the session must be this user's. Anything else gets null: signed out.
 */
export async function findActiveActor(session: SessionRef): Promise<Actor | null> {
  const [user] = await getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      timeZone: users.timeZone,
      locale: users.locale,
    })
    .from(users)
    .innerJoin(sessions, eq(sessions.userId, users.id))
    .where(
      and(
        eq(users.id, session.userId),
        isNull(users.disabledAt),
        eq(sessions.id, session.sessionId),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    );
  return user ? toActor(user) : null;
}
