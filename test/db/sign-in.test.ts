import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, users } from '@/db/schema';
import { findActiveActor, SIGN_IN_LIMIT_PER_IP, verifyCredentials } from '@/lib/dal/users';
import { AppError } from '@/lib/errors';
import { setupTestDatabase } from '@/test/helpers/database';
import { createUser, TEST_PASSWORD } from '@/test/helpers/factories';

const db = setupTestDatabase();
let addressCounter = 0;
// Each test signs in from its own address so that failure counters don't leak between tests.
const fromNewAddress = () => ({ ip: `203.0.113.${++addressCounter}`, userAgent: 'vitest' });

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

  it('slows down repeated failures from one address, even for a right password', async () => {
    const user = await createUser(db());
    const request = fromNewAddress();
    for (let i = 0; i < SIGN_IN_LIMIT_PER_IP.limit; i++) {
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
    // Another address is not affected.
    expect(
      await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, fromNewAddress()),
    ).not.toBeNull();
  });
});

describe('a session', () => {
  it('stops working on the next request once its user is disabled', async () => {
    const user = await createUser(db());
    expect(await findActiveActor(user.id)).toMatchObject({ id: user.id });
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await findActiveActor(user.id)).toBeNull();
  });

  it('carries the role from the database, not from the cookie', async () => {
    const user = await createUser(db());
    await db().update(users).set({ role: 'admin' }).where(eq(users.id, user.id));
    expect(await findActiveActor(user.id)).toMatchObject({ role: 'admin' });
  });
});
