import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { dummyPasswordHash, verifyPassword } from '@/lib/passwords';
import type { RequestInfo } from '@/lib/request-info';
import type { SignInInput } from '@/lib/validation';
import { actorColumns, toActor, type Actor } from './actor';
import { recordAuditEvent } from './audit';
import { countRateLimitHit, readRateLimit, type RateLimitRule } from './rate-limits';

// Failed sign-ins slow down guessing: per address, and per account against distributed guessing.
export const SIGN_IN_LIMIT_PER_IP: RateLimitRule = { limit: 10, windowSeconds: 15 * 60 };
export const SIGN_IN_LIMIT_PER_EMAIL: RateLimitRule = { limit: 20, windowSeconds: 15 * 60 };

/**
 * Checks an email and password. Returns the actor, or null for wrong credentials or a disabled
 * account (the same answer, so neither reveals which accounts exist). Throws `rate_limited` after
 * too many failures.
 */
export async function verifyCredentials(
  input: SignInInput,
  request: RequestInfo,
): Promise<Actor | null> {
  const ipKey = `sign-in:ip:${request.ip ?? 'unknown'}`;
  const emailKey = `sign-in:email:${input.email}`;
  for (const [key, rule] of [
    [ipKey, SIGN_IN_LIMIT_PER_IP],
    [emailKey, SIGN_IN_LIMIT_PER_EMAIL],
  ] as const) {
    const state = await readRateLimit(key, rule);
    if (state.limited) {
      throw new AppError(
        'rate_limited',
        `Too many failed sign-in attempts. Try again in ${Math.ceil(state.retryAfterSeconds / 60)} minute(s).`,
        { retryAfterSeconds: state.retryAfterSeconds },
      );
    }
  }

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
    await countRateLimitHit(ipKey, SIGN_IN_LIMIT_PER_IP);
    await countRateLimitHit(emailKey, SIGN_IN_LIMIT_PER_EMAIL);
    await recordAuditEvent(db, {
      actorId: user?.id ?? null,
      action: 'auth.sign_in_failed',
      targetType: 'user',
      targetId: user?.id,
      details: {
        reason: !user ? 'unknown_email' : user.disabledAt && valid ? 'disabled' : 'wrong_password',
      },
      request,
    });
    return null;
  }
  await recordAuditEvent(db, {
    actorId: user.id,
    action: 'auth.signed_in',
    targetType: 'user',
    targetId: user.id,
    request,
  });
  return toActor(user);
}

/** The actor behind a session, re-read on every request: a disabled or deleted user gets null. */
export async function findActiveActor(userId: string): Promise<Actor | null> {
  const user = await getDb().query.users.findFirst({
    where: eq(users.id, userId),
    columns: { ...actorColumns, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return toActor(user);
}
