import { and, desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, users } from '@/db/schema';
import { choosePasswordSchema, createUserSchema } from '@/lib/admin-validation';
import {
  changeUserRole,
  createUser as createUserByAdmin,
  getUserForAdmin,
  issuePasswordSetupLink,
  listUsers,
  setUserDisabled,
} from '@/lib/dal/admin-users';
import { completePasswordSetup, findPasswordSetup } from '@/lib/dal/password-setup';
import { findActiveActor, verifyCredentials } from '@/lib/dal/users';
import { hashSetupSecret } from '@/lib/password-setup';
import { createAdminCast, createFeedToken } from '@/test/helpers/admin';
import { setupTestDatabase } from '@/test/helpers/database';
import {
  addMember,
  createTeam,
  createUser,
  openSession,
  teamCalendarVersion,
} from '@/test/helpers/factories';

const db = setupTestDatabase();
const request = { ip: '203.0.113.7', userAgent: 'Firefox/140' };
const unique = () => Math.random().toString(36).slice(2, 10);

async function lastAudit() {
  const [event] = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return event!;
}

describe('who may manage users', () => {
  it('only an enabled admin, by the role in the database, lists, creates and changes users', async () => {
    const cast = await createAdminCast(db());
    const target = await createUser(db());
    const calls = [
      (actor: typeof cast.admin) => listUsers(actor, { page: 1 }),
      (actor: typeof cast.admin) => getUserForAdmin(actor, target.id),
      (actor: typeof cast.admin) =>
        createUserByAdmin(actor, {
          email: `new-${unique()}@example.com`,
          name: 'N',
          role: 'member',
        }),
      (actor: typeof cast.admin) => issuePasswordSetupLink(actor, target.id),
      (actor: typeof cast.admin) => changeUserRole(actor, { userId: target.id, role: 'admin' }),
      (actor: typeof cast.admin) => setUserDisabled(actor, { userId: target.id, disabled: true }),
    ];
    for (const [who, actor] of cast.refused)
      for (const call of calls)
        await expect(call(actor), who).rejects.toMatchObject({ code: 'not_found' });
    const [before] = await db().select().from(users).where(eq(users.id, target.id));
    expect(before).toMatchObject({ role: 'member', disabledAt: null, passwordSetupHash: null });

    for (const call of calls) await call(cast.admin);
    const [after] = await db().select().from(users).where(eq(users.id, target.id));
    expect(after!.role).toBe('admin');
    expect(after!.disabledAt).not.toBeNull();
  });
});

describe('listing users', () => {
  it('searches names and emails on the server and pages through the results', async () => {
    const cast = await createAdminCast(db());
    const tag = unique();
    for (let i = 0; i < 27; i++)
      await createUser(db(), { name: `Zed ${tag} ${String(i).padStart(2, '0')}` });
    await createUser(db(), { email: `${tag}@example.net`, name: 'Aaron Email' });
    const first = await listUsers(cast.admin, { q: tag, page: 1 });
    expect(first).toMatchObject({ total: 28, pageCount: 2, pageSize: 25 });
    expect(first.rows[0]!.name).toBe('Aaron Email');
    const second = await listUsers(cast.admin, { q: tag.toUpperCase(), page: 2 });
    expect(second.rows.map((u) => u.name)).toEqual([
      `Zed ${tag} 24`,
      `Zed ${tag} 25`,
      `Zed ${tag} 26`,
    ]);
    // Wildcards typed in the search are taken literally.
    expect((await listUsers(cast.admin, { q: '%', page: 1 })).total).toBe(0);
  });
});

describe('creating a user', () => {
  it('explains each mistake in the form', () => {
    const result = createUserSchema.safeParse({ email: 'nope', name: '  ', role: 'owner' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['email', 'Enter a valid email address, like name@example.com.'],
      ['name', 'Enter the person’s name.'],
      ['role', 'Choose admin or member.'],
    ]);
  });

  it('creates the account with a setup link stored only as a hash, and audits it', async () => {
    const cast = await createAdminCast(db());
    const email = `ada-${unique()}@example.com`;
    const issued = await createUserByAdmin(
      cast.admin,
      createUserSchema.parse({ email: ` ${email.toUpperCase()} `, name: 'Ada', role: 'member' }),
      request,
    );
    const [row] = await db().select().from(users).where(eq(users.id, issued.userId));
    expect(row).toMatchObject({ email, name: 'Ada', role: 'member', passwordHash: null });
    expect(row!.passwordSetupHash).toBe(hashSetupSecret(issued.secret));
    expect(JSON.stringify(row)).not.toContain(issued.secret);
    // Measured from the row's creation, on the database's clock, like the expiry itself.
    const days = (issued.expiresAt.getTime() - row!.createdAt.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      actorId: cast.admin.id,
      action: 'user.created',
      targetId: issued.userId,
      ip: request.ip,
      userAgent: request.userAgent,
    });
    expect(JSON.stringify(audit)).not.toContain(issued.secret);
  });

  it('refuses an email address someone already has, next to the field', async () => {
    const cast = await createAdminCast(db());
    await expect(
      createUserByAdmin(cast.admin, { email: cast.member.email, name: 'Twin', role: 'member' }),
    ).rejects.toMatchObject({ code: 'conflict', field: 'email' });
  });
});

describe('password setup links', () => {
  it('let the person choose a password once, then sign in with it', async () => {
    const cast = await createAdminCast(db());
    const email = `grace-${unique()}@example.com`;
    const { secret } = await createUserByAdmin(cast.admin, {
      email,
      name: 'Grace',
      role: 'member',
    });
    expect(await findPasswordSetup(secret)).toMatchObject({ email, name: 'Grace' });
    await completePasswordSetup(secret, 'a long enough password', request);
    expect(await lastAudit()).toMatchObject({ action: 'user.password_set' });
    const actor = await verifyCredentials({ email, password: 'a long enough password' }, request);
    expect(actor?.email).toBe(email);

    await expect(findPasswordSetup(secret)).rejects.toMatchObject({
      code: 'gone',
      message: expect.stringContaining('already been used'),
    });
    await expect(completePasswordSetup(secret, 'another long password')).rejects.toMatchObject({
      code: 'gone',
    });
    expect(
      await verifyCredentials({ email, password: 'another long password' }, request),
    ).toBeNull();
  });

  it('says when a link has expired, and a new link replaces the old one', async () => {
    const cast = await createAdminCast(db());
    const { secret, userId } = await createUserByAdmin(cast.admin, {
      email: `linus-${unique()}@example.com`,
      name: 'Linus',
      role: 'member',
    });
    await db()
      .update(users)
      .set({ passwordSetupExpiresAt: sql`now() - interval '1 minute'` })
      .where(eq(users.id, userId));
    await expect(findPasswordSetup(secret)).rejects.toMatchObject({
      code: 'gone',
      // The day as the reader writes it (English here: en-GB), e.g. "3 Dec 2026".
      message: expect.stringMatching(/^This link expired on \d{1,2} [A-Z][a-z]{2} \d{4}\./),
    });
    await expect(completePasswordSetup(secret, 'a long enough password')).rejects.toMatchObject({
      code: 'gone',
    });

    const renewed = await issuePasswordSetupLink(cast.admin, userId, request);
    expect(await lastAudit()).toMatchObject({
      action: 'user.password_setup_issued',
      targetId: userId,
    });
    await expect(findPasswordSetup(secret)).rejects.toMatchObject({ code: 'gone' });
    await completePasswordSetup(renewed.secret, 'a long enough password');
  });

  it('refuses malformed links without a query and checks the chosen password', async () => {
    await expect(findPasswordSetup('not-a-secret')).rejects.toMatchObject({ code: 'gone' });
    const tooShort = choosePasswordSchema.safeParse({ password: 'short', confirmation: 'short' });
    expect(tooShort.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['password', 'Use at least 10 characters.'],
    ]);
    const differ = choosePasswordSchema.safeParse({
      password: 'a long enough password',
      confirmation: 'a long enough passwort',
    });
    expect(differ.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['confirmation', 'The two passwords differ: type the same one twice.'],
    ]);
  });

  it('does not work for a disabled account', async () => {
    const cast = await createAdminCast(db());
    const { secret, userId } = await createUserByAdmin(cast.admin, {
      email: `off-${unique()}@example.com`,
      name: 'Off',
      role: 'member',
    });
    await setUserDisabled(cast.admin, { userId, disabled: true });
    await expect(completePasswordSetup(secret, 'a long enough password')).rejects.toMatchObject({
      code: 'gone',
    });
  });
});

describe('roles and disabling', () => {
  it('an admin changes a role with the change audited and the person’s feeds moved on', async () => {
    const cast = await createAdminCast(db());
    const versionOf = () => teamCalendarVersion(db(), cast.team.id);
    const before = await versionOf();
    await changeUserRole(cast.admin, { userId: cast.member.id, role: 'admin' }, request);
    expect(await lastAudit()).toMatchObject({
      action: 'user.role_changed',
      targetId: cast.member.id,
      details: { before: 'member', after: 'admin' },
    });
    expect(await versionOf()).toBe(before + 1);
    const session = await openSession(cast.member);
    expect((await findActiveActor(session))?.role).toBe('admin');
    await changeUserRole(cast.admin, { userId: cast.member.id, role: 'member' });
    expect((await findActiveActor(session))?.role).toBe('member');
  });

  it('an admin can neither demote nor disable themselves', async () => {
    const cast = await createAdminCast(db());
    await expect(
      changeUserRole(cast.admin, { userId: cast.admin.id, role: 'member' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      setUserDisabled(cast.admin, { userId: cast.admin.id, disabled: true }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await findActiveActor(await openSession(cast.admin)))?.role).toBe('admin');
  });

  it('two admins demoting each other at once leave one admin, never none', async () => {
    const first = await createUser(db(), { role: 'admin' });
    const second = await createUser(db(), { role: 'admin' });
    const demoteEachOther = () =>
      Promise.allSettled([
        changeUserRole(first, { userId: second.id, role: 'member' }),
        changeUserRole(second, { userId: first.id, role: 'member' }),
      ]);
    let racing: ReturnType<typeof demoteEachOther> | undefined;
    if (process.env.TEST_DB_KIND === 'postgres') {
      // A third transaction holds both rows until both demotions wait for it, so that they really
      // run at the same time. (PGlite runs one transaction at a time anyway.)
      await db().transaction(async (tx) => {
        await tx
          .select()
          .from(users)
          .where(sql`${users.id} in (${first.id}, ${second.id})`)
          .for('update');
        racing = demoteEachOther();
        for (let waiting = 0; waiting < 2;) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          const [row] = (await tx.execute(
            sql`select count(*)::int as waiting from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`,
          )) as unknown as Array<{ waiting: number }>;
          waiting = row!.waiting;
        }
      });
    } else racing = demoteEachOther();
    const outcomes = await racing!;
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    // The second one finds it is no longer an admin: a refusal, not a database error.
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: { code: 'not_found' },
    });
    const roles = await db()
      .select({ role: users.role })
      .from(users)
      .where(sql`${users.id} in (${first.id}, ${second.id})`);
    expect(roles.map((r) => r.role).sort()).toEqual(['admin', 'member']);
  });

  it('disabling someone ends their sessions at once, and once enabled they sign in again', async () => {
    const cast = await createAdminCast(db());
    const team = await createTeam(db());
    await addMember(db(), team.id, cast.member.id);
    const session = await openSession(cast.member);
    expect(await findActiveActor(session)).not.toBeNull();
    await setUserDisabled(cast.admin, { userId: cast.member.id, disabled: true }, request);
    expect(await findActiveActor(session)).toBeNull();
    expect(await lastAudit()).toMatchObject({ action: 'user.disabled', targetId: cast.member.id });
    await createFeedToken(db(), { kind: 'personal', ownerId: cast.member.id, teamId: team.id });
    expect(await getUserForAdmin(cast.admin, cast.member.id)).toMatchObject({
      disabled: true,
      teamCount: 2,
      activeTokenCount: 1,
      memberships: expect.arrayContaining([expect.objectContaining({ teamId: team.id })]),
    });
    await setUserDisabled(cast.admin, { userId: cast.member.id, disabled: false }, request);
    // Enabling does not revive the sessions that disabling ended; a new sign-in works.
    expect(await findActiveActor(session)).toBeNull();
    expect(await findActiveActor(await openSession(cast.member))).not.toBeNull();
    expect(await lastAudit()).toMatchObject({ action: 'user.enabled' });
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, cast.member.id), eq(auditEvents.actorId, cast.admin.id)));
    expect(events.map((e) => e.action)).toEqual(['user.disabled', 'user.enabled']);
  });

  it('a disabled admin is refused even with an actor that still says admin', async () => {
    const cast = await createAdminCast(db());
    const other = await createUser(db(), { role: 'admin' });
    await setUserDisabled(cast.admin, { userId: other.id, disabled: true });
    await expect(listUsers(other, { page: 1 })).rejects.toMatchObject({ code: 'not_found' });
  });
});
