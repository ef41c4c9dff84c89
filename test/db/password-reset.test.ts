import { and, desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, outboxMessages, passwordResets, policy } from '@/db/schema';
import { findActiveActor, verifyCredentials } from '@/lib/dal/users';
import {
  completePasswordReset,
  findPasswordReset,
  requestPasswordReset,
  RESET_LIMIT_PER_ACCOUNT,
} from '@/lib/dal/password-reset';
import { hashSetupSecret } from '@/lib/password-setup';
import { setupTestDatabase } from '@/test/helpers/database';
import { createUser, openSession, TEST_PASSWORD } from '@/test/helpers/factories';

const db = setupTestDatabase();
const NEW_PASSWORD = 'a brand new passphrase';
let addressCount = 0;
/** A fresh client address per test, so that the per-address limit of one test spares the others. */
const freshRequest = () => ({ ip: `198.51.100.${++addressCount}`, userAgent: 'Firefox/140' });

async function resetMailsTo(email: string) {
  return db()
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.recipient, email), eq(outboxMessages.kind, 'user.password_reset')))
    .orderBy(desc(outboxMessages.createdAt));
}

/** The secret of the newest reset link mailed to `email`, read from the message as sent. */
async function secretMailedTo(email: string): Promise<string> {
  const [mail] = await resetMailsTo(email);
  const match = mail?.textBody.match(/\/reset-password\/([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error(`no reset link mailed to ${email}`);
  return match[1]!;
}

describe('forgot password', () => {
  it('mails a one-time link, stored only as its SHA-256, that sets the password and ends every session', async () => {
    const user = await createUser(db());
    const laptop = await openSession(user);
    await requestPasswordReset(user.email, freshRequest());

    const [mail] = await resetMailsTo(user.email);
    expect(mail).toMatchObject({ subject: 'Reset your TeamCal password', state: 'held' });
    expect(mail!.htmlBody).toContain('/reset-password/');
    const secret = await secretMailedTo(user.email);
    const [stored] = await db()
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.userId, user.id));
    expect(stored!.secretHash).toBe(hashSetupSecret(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    // Short-lived: an hour, not days.
    const lifetimeMinutes = (stored!.expiresAt.getTime() - stored!.createdAt.getTime()) / 60_000;
    expect(lifetimeMinutes).toBe(60);

    expect(await findPasswordReset(secret)).toEqual({ name: user.name, email: user.email });
    await completePasswordReset(secret, NEW_PASSWORD, freshRequest());
    expect(await findActiveActor(laptop)).toBeNull();
    expect(
      await verifyCredentials({ email: user.email, password: NEW_PASSWORD }, freshRequest()),
    ).toMatchObject({ id: user.id });
    expect(
      await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, freshRequest()),
    ).toBeNull();

    // Single use.
    await expect(findPasswordReset(secret)).rejects.toMatchObject({ code: 'gone' });
    await expect(completePasswordReset(secret, 'yet another passphrase')).rejects.toMatchObject({
      code: 'gone',
    });
    const audit = await db()
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, user.id));
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining(['user.password_reset_requested', 'user.password_reset']),
    );
    expect(audit.find((event) => event.action === 'user.password_reset')?.details).toEqual({
      sessionsEnded: 1,
    });
  });

  it('answers the same for an unknown or disabled address, and mails nothing', async () => {
    const disabled = await createUser(db(), { disabledAt: new Date() });
    await expect(
      requestPasswordReset('nobody@example.com', freshRequest()),
    ).resolves.toBeUndefined();
    await expect(requestPasswordReset(disabled.email, freshRequest())).resolves.toBeUndefined();
    expect(await resetMailsTo('nobody@example.com')).toHaveLength(0);
    expect(await resetMailsTo(disabled.email)).toHaveLength(0);
  });

  it('a new request replaces the earlier link; an expired link is gone', async () => {
    const user = await createUser(db());
    await requestPasswordReset(user.email, freshRequest());
    const first = await secretMailedTo(user.email);
    await requestPasswordReset(user.email, freshRequest());
    const second = await secretMailedTo(user.email);
    expect(second).not.toBe(first);
    await expect(findPasswordReset(first)).rejects.toMatchObject({ code: 'gone' });

    await db()
      .update(passwordResets)
      .set({
        createdAt: sql`now() - interval '2 hours'`,
        expiresAt: sql`now() - interval '1 hour'`,
      })
      .where(eq(passwordResets.secretHash, hashSetupSecret(second)));
    await expect(completePasswordReset(second, NEW_PASSWORD)).rejects.toMatchObject({
      code: 'gone',
    });
    expect(
      await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, freshRequest()),
    ).toMatchObject({ id: user.id });
  });

  it('is rate-limited per account, whatever address asks, and the refusal does not depend on the account existing', async () => {
    const user = await createUser(db());
    for (let attempt = 0; attempt < RESET_LIMIT_PER_ACCOUNT.limit - 1; attempt += 1)
      await requestPasswordReset(user.email, freshRequest());
    await expect(requestPasswordReset(user.email, freshRequest())).rejects.toMatchObject({
      code: 'rate_limited',
    });
    expect(await resetMailsTo(user.email)).toHaveLength(RESET_LIMIT_PER_ACCOUNT.limit - 1);

    const unknown = 'ghost@example.com';
    for (let attempt = 0; attempt < RESET_LIMIT_PER_ACCOUNT.limit - 1; attempt += 1)
      await requestPasswordReset(unknown, freshRequest());
    await expect(requestPasswordReset(unknown, freshRequest())).rejects.toMatchObject({
      code: 'rate_limited',
    });
  });

  it('with password sign-in off for members, only admins get a link', async () => {
    const member = await createUser(db());
    const admin = await createUser(db(), { role: 'admin' });
    await db().update(policy).set({ passwordSignInAllowed: false }).where(eq(policy.id, 1));
    try {
      await requestPasswordReset(member.email, freshRequest());
      await requestPasswordReset(admin.email, freshRequest());
      expect(await resetMailsTo(member.email)).toHaveLength(0);
      expect(await resetMailsTo(admin.email)).toHaveLength(1);
    } finally {
      await db().update(policy).set({ passwordSignInAllowed: true }).where(eq(policy.id, 1));
    }
  });

  it('two submissions of one link at once: exactly one sets the password', async () => {
    const user = await createUser(db());
    await requestPasswordReset(user.email, freshRequest());
    const secret = await secretMailedTo(user.email);
    const outcomes = await Promise.allSettled([
      completePasswordReset(secret, 'first new passphrase'),
      completePasswordReset(secret, 'second new passphrase'),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({
      reason: { code: 'gone' },
    });
  });
});
