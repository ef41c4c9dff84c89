import crypto from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, policy, users } from '@/db/schema';
import { signInWithOidc, type OidcIdentity } from '@/lib/dal/oidc-sign-in';
import { verifyCredentials } from '@/lib/dal/users';
import { setupTestDatabase } from '@/test/helpers/database';
import { createUser, TEST_PASSWORD } from '@/test/helpers/factories';

const db = setupTestDatabase();
const ISSUER = 'https://login.example.org';
let addressCounter = 0;
const fromNewAddress = () => ({ ip: `198.51.100.${++addressCounter}`, userAgent: 'vitest' });

/** What a verified ID token of a new person at the provider says. */
function identity(overrides: Partial<OidcIdentity> = {}): OidcIdentity {
  return {
    issuer: ISSUER,
    subject: `sub-${crypto.randomBytes(6).toString('hex')}`,
    email: null,
    emailVerified: true,
    name: 'Ada Lovelace',
    ...overrides,
  };
}

const newEmail = () => `person-${crypto.randomBytes(4).toString('hex')}@example.com`;

async function setPolicy(values: Partial<typeof policy.$inferInsert>) {
  await db().update(policy).set(values).where(eq(policy.id, 1));
}

async function accountOf(userId: string) {
  const [row] = await db()
    .select({ issuer: users.oidcIssuer, subject: users.oidcSubject })
    .from(users)
    .where(eq(users.id, userId));
  return row!;
}

async function lastEvents(count: number) {
  const rows = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(count);
  return rows.reverse();
}

describe('signing in through the OpenID provider', () => {
  it('matches a person by their verified email, binds the account and records the method', async () => {
    const user = await createUser(db());
    const person = identity({ email: user.email });
    const request = fromNewAddress();
    const outcome = await signInWithOidc(person, request);
    expect(outcome).toEqual({ ok: true, actor: expect.objectContaining({ id: user.id }) });
    expect(await accountOf(user.id)).toEqual({ issuer: ISSUER, subject: person.subject });
    const [bound, signedIn] = await lastEvents(2);
    expect(bound).toMatchObject({
      action: 'user.oidc_account_bound',
      targetId: user.id,
      details: { issuer: ISSUER, subject: person.subject },
    });
    expect(signedIn).toMatchObject({
      action: 'auth.signed_in',
      actorId: user.id,
      ip: request.ip,
      details: { method: 'oidc' },
    });
  });

  it('never matches an unverified email, and binds nothing', async () => {
    const user = await createUser(db());
    const outcome = await signInWithOidc(
      identity({ email: user.email, emailVerified: false }),
      fromNewAddress(),
    );
    expect(outcome).toEqual({ ok: false, reason: 'email_unverified' });
    expect(await accountOf(user.id)).toEqual({ issuer: null, subject: null });
    const [refused] = await lastEvents(1);
    expect(refused).toMatchObject({
      action: 'auth.sign_in_failed',
      actorId: null,
      details: { method: 'oidc', reason: 'email_unverified' },
    });
  });

  it('finds a bound person by issuer and subject on later sign-ins, even after their email changed', async () => {
    const user = await createUser(db());
    const person = identity({ email: user.email });
    await signInWithOidc(person, fromNewAddress());
    const renamed = { ...person, email: newEmail(), emailVerified: false };
    expect(await signInWithOidc(renamed, fromNewAddress())).toEqual({
      ok: true,
      actor: expect.objectContaining({ id: user.id, email: user.email }),
    });
    // The same subject at another issuer is someone else.
    const elsewhere = { ...person, issuer: 'https://other.example.org', emailVerified: false };
    expect(await signInWithOidc(elsewhere, fromNewAddress())).toEqual({
      ok: false,
      reason: 'email_unverified',
    });
  });

  it('refuses someone unknown while provisioning is off, and creates a member once it is on', async () => {
    const email = newEmail();
    const person = identity({ email, name: 'Grace Hopper' });
    expect(await signInWithOidc(person, fromNewAddress())).toEqual({
      ok: false,
      reason: 'not_provisioned',
    });
    expect(await db().select().from(users).where(eq(users.email, email))).toEqual([]);
    expect((await lastEvents(1))[0]).toMatchObject({
      details: { method: 'oidc', reason: 'not_provisioned', email },
    });

    await setPolicy({ oidcProvisioningAllowed: true });
    try {
      const outcome = await signInWithOidc(person, fromNewAddress());
      expect(outcome).toEqual({
        ok: true,
        actor: expect.objectContaining({ email, name: 'Grace Hopper', role: 'member' }),
      });
      const [created] = await db().select().from(users).where(eq(users.email, email));
      expect(created).toMatchObject({
        role: 'member',
        passwordHash: null,
        oidcIssuer: ISSUER,
        oidcSubject: person.subject,
      });
      const [createdEvent, signedIn] = await lastEvents(2);
      expect(createdEvent).toMatchObject({
        action: 'user.created',
        targetId: created!.id,
        details: { email, role: 'member', method: 'oidc' },
      });
      expect(signedIn).toMatchObject({ action: 'auth.signed_in', details: { method: 'oidc' } });
    } finally {
      await setPolicy({ oidcProvisioningAllowed: false });
    }
  });

  it('never creates an account for an unverified email, even with provisioning on', async () => {
    await setPolicy({ oidcProvisioningAllowed: true });
    try {
      const email = newEmail();
      expect(
        await signInWithOidc(identity({ email, emailVerified: false }), fromNewAddress()),
      ).toEqual({ ok: false, reason: 'email_unverified' });
      expect(await db().select().from(users).where(eq(users.email, email))).toEqual([]);
    } finally {
      await setPolicy({ oidcProvisioningAllowed: false });
    }
  });

  it('one person’s two first sign-ins at once make one account', async () => {
    await setPolicy({ oidcProvisioningAllowed: true });
    try {
      const person = identity({ email: newEmail() });
      const [first, second] = await Promise.all([
        signInWithOidc(person, fromNewAddress()),
        signInWithOidc(person, fromNewAddress()),
      ]);
      expect(first.ok && second.ok && first.actor.id === second.actor.id).toBe(true);
      const rows = await db().select().from(users).where(eq(users.email, person.email!));
      expect(rows).toHaveLength(1);
    } finally {
      await setPolicy({ oidcProvisioningAllowed: false });
    }
  });

  it('refuses a disabled person, whether found by email or by their bound account', async () => {
    const byEmail = await createUser(db(), { disabledAt: new Date() });
    expect(await signInWithOidc(identity({ email: byEmail.email }), fromNewAddress())).toEqual({
      ok: false,
      reason: 'disabled',
    });
    expect(await accountOf(byEmail.id)).toEqual({ issuer: null, subject: null });
    expect((await lastEvents(1))[0]).toMatchObject({
      action: 'auth.sign_in_failed',
      targetId: byEmail.id,
      details: { method: 'oidc', reason: 'disabled' },
    });

    const bound = await createUser(db());
    const person = identity({ email: bound.email });
    expect((await signInWithOidc(person, fromNewAddress())).ok).toBe(true);
    await db()
      .update(users)
      .set({ disabledAt: sql`now()` })
      .where(eq(users.id, bound.id));
    expect(await signInWithOidc(person, fromNewAddress())).toEqual({
      ok: false,
      reason: 'disabled',
    });
  });

  it('refuses a verified email whose account is already bound to another account at the provider', async () => {
    const user = await createUser(db());
    await signInWithOidc(identity({ email: user.email }), fromNewAddress());
    const impostor = identity({ email: user.email });
    expect(await signInWithOidc(impostor, fromNewAddress())).toEqual({
      ok: false,
      reason: 'bound_to_another_account',
    });
    const [row] = await db()
      .select({ subject: users.oidcSubject })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row!.subject).not.toBe(impostor.subject);
  });
});

describe('password sign-in when the policy keeps it for admins', () => {
  it('refuses a member’s right password with its own answer, and still signs an admin in', async () => {
    const member = await createUser(db());
    const admin = await createUser(db(), { role: 'admin' });
    await setPolicy({ passwordSignInAllowed: false });
    try {
      const refused = verifyCredentials(
        { email: member.email, password: TEST_PASSWORD },
        fromNewAddress(),
      );
      await expect(refused).rejects.toMatchObject({ code: 'forbidden' });
      expect((await lastEvents(1))[0]).toMatchObject({
        action: 'auth.sign_in_failed',
        targetId: member.id,
        details: { method: 'password', reason: 'password_sign_in_off' },
      });
      // A wrong password or an unknown email get the usual answer: nothing more is revealed.
      expect(
        await verifyCredentials({ email: member.email, password: 'wrong!' }, fromNewAddress()),
      ).toBeNull();
      expect(
        await verifyCredentials({ email: newEmail(), password: TEST_PASSWORD }, fromNewAddress()),
      ).toBeNull();

      expect(
        await verifyCredentials({ email: admin.email, password: TEST_PASSWORD }, fromNewAddress()),
      ).toMatchObject({ id: admin.id });
      expect((await lastEvents(1))[0]).toMatchObject({
        action: 'auth.signed_in',
        actorId: admin.id,
        details: { method: 'password' },
      });
    } finally {
      await setPolicy({ passwordSignInAllowed: true });
    }
    expect(
      await verifyCredentials({ email: member.email, password: TEST_PASSWORD }, fromNewAddress()),
    ).toMatchObject({ id: member.id });
  });
});
