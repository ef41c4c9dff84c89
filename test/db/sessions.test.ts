import { and, desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, sessions } from '@/db/schema';
import { issuePasswordSetupLink, setUserDisabled } from '@/lib/dal/admin-users';
import { completePasswordSetup } from '@/lib/dal/password-setup';
import { endSession, signOutEverywhere } from '@/lib/dal/sessions';
import { findActiveActor } from '@/lib/dal/users';
import { createAdminCast } from '@/test/helpers/admin';
import { setupTestDatabase } from '@/test/helpers/database';
import { createUser, openSession } from '@/test/helpers/factories';

const db = setupTestDatabase();
const request = { ip: '203.0.113.80', userAgent: 'Firefox/140' };

async function auditOf(action: string, targetId: string) {
  return db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)))
    .orderBy(desc(auditEvents.id));
}

describe('sessions', () => {
  it('a session yields its actor until its person signs out; another person’s session is unaffected', async () => {
    const user = await createUser(db());
    const other = await createUser(db());
    const session = await openSession(user);
    const otherSession = await openSession(other);
    expect(await findActiveActor(session)).toMatchObject({ id: user.id });

    await endSession(session, request);
    expect(await findActiveActor(session)).toBeNull();
    expect(await findActiveActor(otherSession)).toMatchObject({ id: other.id });
    expect(await auditOf('auth.signed_out', user.id)).toHaveLength(1);
    // Signing out twice (the action, then Auth.js's event) records it once.
    await endSession(session, request);
    expect(await auditOf('auth.signed_out', user.id)).toHaveLength(1);
  });

  it('signing out ends only that session, not the person’s other browsers', async () => {
    const user = await createUser(db());
    const laptop = await openSession(user);
    const phone = await openSession(user);
    await endSession(laptop);
    expect(await findActiveActor(laptop)).toBeNull();
    expect(await findActiveActor(phone)).toMatchObject({ id: user.id });
  });

  it('a session named with another person’s id yields nobody, and cannot be ended by them', async () => {
    const user = await createUser(db());
    const intruder = await createUser(db());
    const session = await openSession(user);
    const forged = { userId: intruder.id, sessionId: session.sessionId };
    expect(await findActiveActor(forged)).toBeNull();
    await endSession(forged);
    expect(await findActiveActor(session)).toMatchObject({ id: user.id });
  });

  it('a session past its lifetime yields nobody', async () => {
    const user = await createUser(db());
    const session = await openSession(user);
    await db()
      .update(sessions)
      .set({
        createdAt: sql`now() - interval '31 days'`,
        expiresAt: sql`now() - interval '1 second'`,
      })
      .where(eq(sessions.id, session.sessionId));
    expect(await findActiveActor(session)).toBeNull();
  });

  it('a new password through a setup link ends every session of the person, and no one else’s', async () => {
    const cast = await createAdminCast(db());
    const user = await createUser(db());
    const sessionsOfUser = [await openSession(user), await openSession(user)];
    const otherSession = await openSession(cast.member);
    const { secret } = await issuePasswordSetupLink(cast.admin, user.id);
    await completePasswordSetup(secret, 'a brand new long password', request);
    for (const session of sessionsOfUser) expect(await findActiveActor(session)).toBeNull();
    expect(await findActiveActor(otherSession)).toMatchObject({ id: cast.member.id });
    expect(await findActiveActor(await openSession(user))).toMatchObject({ id: user.id });
    const [row] = await db()
      .select({ endReason: sessions.endReason })
      .from(sessions)
      .where(eq(sessions.id, sessionsOfUser[0]!.sessionId));
    expect(row!.endReason).toBe('password_changed');
  });

  it('disabling a person ends every session of theirs at once, and no one else’s', async () => {
    const cast = await createAdminCast(db());
    const user = await createUser(db());
    const session = await openSession(user);
    const otherSession = await openSession(cast.member);
    await setUserDisabled(cast.admin, { userId: user.id, disabled: true }, request);
    expect(await findActiveActor(session)).toBeNull();
    expect(await findActiveActor(otherSession)).toMatchObject({ id: cast.member.id });
    const [row] = await db()
      .select({ endReason: sessions.endReason })
      .from(sessions)
      .where(eq(sessions.id, session.sessionId));
    expect(row!.endReason).toBe('disabled');
  });
});

describe('signing a person out everywhere', () => {
  it('an admin ends all of a person’s sessions at once and the audit log says so', async () => {
    const cast = await createAdminCast(db());
    const user = await createUser(db());
    const laptop = await openSession(user);
    const phone = await openSession(user);
    const otherSession = await openSession(cast.member);

    expect(await signOutEverywhere(cast.admin, user.id, request)).toEqual({ ended: 2 });
    expect(await findActiveActor(laptop)).toBeNull();
    expect(await findActiveActor(phone)).toBeNull();
    expect(await findActiveActor(otherSession)).toMatchObject({ id: cast.member.id });
    const [event] = await auditOf('user.signed_out_everywhere', user.id);
    expect(event).toMatchObject({
      actorId: cast.admin.id,
      details: { sessions: 2 },
      ip: request.ip,
    });
    // Signing in again opens a new session that works.
    expect(await findActiveActor(await openSession(user))).toMatchObject({ id: user.id });
  });

  it('is refused to everyone but an enabled admin, and changes nothing for them', async () => {
    const cast = await createAdminCast(db());
    const user = await createUser(db());
    const session = await openSession(user);
    for (const [who, actor] of cast.refused)
      await expect(signOutEverywhere(actor, user.id), who).rejects.toMatchObject({
        code: 'not_found',
      });
    expect(await findActiveActor(session)).toMatchObject({ id: user.id });
    expect(await auditOf('user.signed_out_everywhere', user.id)).toEqual([]);
  });

  it('answers not found for an unknown person', async () => {
    const cast = await createAdminCast(db());
    await expect(
      signOutEverywhere(cast.admin, '00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
