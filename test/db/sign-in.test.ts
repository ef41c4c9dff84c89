import { and, count, desc, eq, like, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, rateLimits, users } from '@/db/schema';
import { slowdownDelayMs, sweepRateLimits } from '@/lib/dal/rate-limits';
import {
  findActiveActor,
  SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS,
  SIGN_IN_LIMIT_PER_ADDRESS,
  SIGN_IN_SLOWDOWN_PER_ACCOUNT,
  verifyCredentials,
} from '@/lib/dal/users';
import { AppError } from '@/lib/errors';
import { translateText, TranslatableText } from '@/lib/i18n/translate';
import { setupTestDatabase } from '@/test/helpers/database';
import { createUser, openSession, TEST_PASSWORD } from '@/test/helpers/factories';

const db = setupTestDatabase();
let addressCounter = 0;
// Each test signs in from its own address so that failure counters don't leak between tests.
const fromNewAddress = () => ({ ip: `203.0.113.${++addressCounter}`, userAgent: 'vitest' });

/** Password checks that failed from an address: one audit event each. */
async function failuresFrom(ip: string) {
  const [row] = await db()
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'auth.sign_in_failed'), eq(auditEvents.ip, ip)));
  return row!.n;
}

/** Lets the counting windows of an address end, as 15 minutes would. */
async function endWindowsOf(ip: string) {
  await db()
    .update(rateLimits)
    .set({ windowEndsAt: sql`now() - interval '1 second'` })
    .where(like(rateLimits.key, `%:${ip}`));
}

async function lastAuditEvent() {
  const [event] = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return event!;
}

describe('signing in', () => {
  it('accepts the right password and records the sign-in', async () => {
    const user = await createUser(db());
    const request = fromNewAddress();
    const actor = await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, request);
    expect(actor).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: 'member',
      timeZone: 'Europe/Paris',
      locale: null,
    });
    expect(await lastAuditEvent()).toMatchObject({
      action: 'auth.signed_in',
      actorId: user.id,
      ip: request.ip,
    });
  });

  it('refuses a wrong password and records the failure without the password', async () => {
    const user = await createUser(db());
    const actor = await verifyCredentials(
      { email: user.email, password: 'wrong password!' },
      fromNewAddress(),
    );
    expect(actor).toBeNull();
    const event = await lastAuditEvent();
    expect(event).toMatchObject({
      action: 'auth.sign_in_failed',
      targetId: user.id,
      details: { reason: 'wrong_password' },
    });
    expect(JSON.stringify(event)).not.toContain('wrong password!');
  });

  it('refuses an unknown email the same way as a wrong password', async () => {
    const actor = await verifyCredentials(
      { email: 'nobody@example.com', password: TEST_PASSWORD },
      fromNewAddress(),
    );
    expect(actor).toBeNull();
    expect(await lastAuditEvent()).toMatchObject({
      action: 'auth.sign_in_failed',
      details: { reason: 'unknown_email' },
    });
  });

  it('refuses a disabled user even with the right password', async () => {
    const user = await createUser(db(), { disabledAt: new Date() });
    const actor = await verifyCredentials(
      { email: user.email, password: TEST_PASSWORD },
      fromNewAddress(),
    );
    expect(actor).toBeNull();
    expect(await lastAuditEvent()).toMatchObject({ details: { reason: 'disabled' } });
  });

  it('refuses an invited user who has not chosen a password yet', async () => {
    const user = await createUser(db(), { passwordHash: null });
    expect(
      await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, fromNewAddress()),
    ).toBeNull();
  });

  it('refuses an address that failed too often on an account, even with the right password, until the window ends', async () => {
    const user = await createUser(db());
    const request = fromNewAddress();
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS.limit; i++) {
      expect(
        await verifyCredentials({ email: user.email, password: `guess-${i}` }, request),
      ).toBeNull();
    }
    const refused = verifyCredentials({ email: user.email, password: TEST_PASSWORD }, request);
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: expect.any(Number),
    });
    // The wait in the reader's language, from the message's key and the minutes left.
    const { text, retryAfterSeconds } = (await refused.catch(
      (error: unknown) => error,
    )) as AppError;
    const minutes = Math.ceil(retryAfterSeconds! / 60);
    expect(text).toBeInstanceOf(TranslatableText);
    expect((text as TranslatableText).values).toEqual({ minutes });
    expect(translateText(text, 'en-GB')).toBe(
      `Too many failed sign-in attempts. Try again in ${minutes} minutes.`,
    );
    expect(translateText(text, 'fr-FR')).toBe(
      `Trop de tentatives de connexion échouées. Réessayez dans ${minutes} minutes.`,
    );
    // Another address is not affected.
    expect(
      await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, fromNewAddress()),
    ).not.toBeNull();
    // Once the window is over, the address may try again.
    await endWindowsOf(request.ip);
    expect(
      await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, request),
    ).toEqual(expect.objectContaining({ id: user.id }));
  });

  it('checks exactly as many passwords as the limit allows when 60 wrong sign-ins from one address arrive at once', async () => {
    const user = await createUser(db());
    const request = fromNewAddress();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        verifyCredentials({ email: user.email, password: `burst-${i}` }, request).then(
          (actor) => (actor === null ? 'wrong' : 'signed in'),
          (error: unknown) => (error as AppError).code,
        ),
      ),
    );
    const limit = SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS.limit;
    expect(answers.filter((a) => a === 'wrong')).toHaveLength(limit);
    expect(answers.filter((a) => a === 'rate_limited')).toHaveLength(60 - limit);
    expect(await failuresFrom(request.ip)).toBe(limit);
  });

  it('refuses one address that tries many accounts beyond the per-address limit, even in parallel', async () => {
    const request = fromNewAddress();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        verifyCredentials(
          { email: `spray-${i}@example.com`, password: TEST_PASSWORD },
          request,
        ).then(
          () => 'wrong',
          (error: unknown) => (error as AppError).code,
        ),
      ),
    );
    expect(answers.filter((a) => a === 'wrong')).toHaveLength(SIGN_IN_LIMIT_PER_ADDRESS.limit);
    expect(await failuresFrom(request.ip)).toBe(SIGN_IN_LIMIT_PER_ADDRESS.limit);
  });

  it('never locks a person out: after a stranger’s many failures from other addresses, the right password from a fresh address signs in', async () => {
    const user = await createUser(db());
    const failures = SIGN_IN_SLOWDOWN_PER_ACCOUNT.limit + 15;
    const answers = await Promise.all(
      Array.from({ length: failures }, (_, i) =>
        verifyCredentials({ email: user.email, password: `stranger-${i}` }, fromNewAddress()),
      ),
    );
    expect(answers.every((actor) => actor === null)).toBe(true);
    expect(
      await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, fromNewAddress()),
    ).toMatchObject({ id: user.id });
  });

  it('slows an account down after many failures, by a bounded delay', () => {
    const rule = SIGN_IN_SLOWDOWN_PER_ACCOUNT;
    expect(slowdownDelayMs(rule.limit, rule)).toBe(0);
    expect(slowdownDelayMs(rule.limit + 1, rule)).toBeGreaterThan(0);
    expect(slowdownDelayMs(rule.limit + 2, rule)).toBeGreaterThan(
      slowdownDelayMs(rule.limit + 1, rule),
    );
    expect(slowdownDelayMs(rule.limit + 1_000, rule)).toBe(rule.maxDelayMs);
    expect(rule.maxDelayMs).toBeLessThanOrEqual(5_000);
  });

  it('gives back the count of a successful sign-in, so signing in often is never limited', async () => {
    const user = await createUser(db());
    const request = fromNewAddress();
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS.limit + 5; i++)
      expect(
        await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, request),
      ).not.toBeNull();
  });
});

describe('failure counters', () => {
  it('are swept an hour after their window ends, and kept until then', async () => {
    await db()
      .insert(rateLimits)
      .values([
        { key: 'test:old', count: 3, windowEndsAt: sql`now() - interval '2 hours'` },
        { key: 'test:recent', count: 3, windowEndsAt: sql`now() - interval '10 minutes'` },
        { key: 'test:current', count: 3, windowEndsAt: sql`now() + interval '10 minutes'` },
      ]);
    await sweepRateLimits();
    const left = await db()
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(like(rateLimits.key, 'test:%'));
    expect(left.map((row) => row.key).sort()).toEqual(['test:current', 'test:recent']);
  });
});

describe('a session', () => {
  it('stops working on the next request once its user is disabled', async () => {
    const user = await createUser(db());
    const session = await openSession(user);
    expect(await findActiveActor(session)).toMatchObject({ id: user.id });
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await findActiveActor(session)).toBeNull();
  });

  it('carries the role from the database, not from the cookie', async () => {
    const user = await createUser(db());
    const session = await openSession(user);
    await db().update(users).set({ role: 'admin' }).where(eq(users.id, user.id));
    expect(await findActiveActor(session)).toMatchObject({ role: 'admin' });
  });
});
