import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, isUniqueViolation, type Transaction } from '@/db';
import { users } from '@/db/schema';
import type { RequestInfo } from '@/lib/request-info';
import { actorColumns, toActor, type Actor } from './actor';
import { recordAuditEvent } from './audit';
import { getPolicy } from './policy';

// Signing in through the organisation's OpenID Connect provider. The provider's account is found
// by (issuer, subject), which never changes; on the first sign-in it is matched to a TeamCal
// account by an email address the provider says it verified, and bound to it. An unverified
// address never matches: anyone may type any address into an account at many providers.

/** What a verified ID token says about the person (lib/oidc-id-token.ts). */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

export const OIDC_REFUSALS = [
  'not_provisioned',
  'disabled',
  'email_unverified',
  'invalid_id_token',
  'bound_to_another_account',
] as const;
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

export type OidcSignInOutcome = { ok: true; actor: Actor } | { ok: false; reason: OidcRefusal };

const userColumns = { ...actorColumns, disabledAt: true, oidcSubject: true } as const;
const actorFields = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  timeZone: users.timeZone,
  locale: users.locale,
};

type Resolution =
  | { ok: true; actor: Actor; bound?: boolean; created?: boolean }
  | { ok: false; reason: OidcRefusal; userId?: string };

async function resolveIdentity(tx: Transaction, identity: OidcIdentity): Promise<Resolution> {
  const known = await tx.query.users.findFirst({
    where: and(eq(users.oidcIssuer, identity.issuer), eq(users.oidcSubject, identity.subject)),
    columns: userColumns,
  });
  if (known) {
    return known.disabledAt
      ? { ok: false, reason: 'disabled', userId: known.id }
      : { ok: true, actor: toActor(known) };
  }
  if (!identity.email || !identity.emailVerified) return { ok: false, reason: 'email_unverified' };

  const [byEmail] = await tx
    .select({
      ...actorFields,
      disabledAt: users.disabledAt,
      oidcIssuer: users.oidcIssuer,
      oidcSubject: users.oidcSubject,
    })
    .from(users)
    .where(eq(users.email, identity.email))
    .for('update');
  if (byEmail) {
    if (byEmail.disabledAt) return { ok: false, reason: 'disabled', userId: byEmail.id };
    // Bound to this very account since the first lookup: a sign-in of the same person at the same
    // moment committed it in between.
    if (byEmail.oidcIssuer === identity.issuer && byEmail.oidcSubject === identity.subject)
      return { ok: true, actor: toActor(byEmail) };
    // Another account at the provider (or at another provider) already signs in as this person:
    // the address may have been given to someone else there.
    if (byEmail.oidcSubject !== null)
      return { ok: false, reason: 'bound_to_another_account', userId: byEmail.id };
    await tx
      .update(users)
      .set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject })
      .where(eq(users.id, byEmail.id));
    return { ok: true, actor: toActor(byEmail), bound: true };
  }

  if (!(await getPolicy(tx)).oidcProvisioningAllowed)
    return { ok: false, reason: 'not_provisioned' };
  const [created] = await tx
    .insert(users)
    .values({
      email: identity.email,
      name: identity.name ?? identity.email.split('@')[0]!.slice(0, 100),
      role: 'member',
      oidcIssuer: identity.issuer,
      oidcSubject: identity.subject,
    })
    .returning(actorFields);
  return { ok: true, actor: toActor(created!), created: true };
}

/**
 * Signs in the person a verified ID token names: the account bound to their (issuer, subject),
 * else the enabled account with their verified email (which gets bound), else — when the policy
 * allows it — a new member. Every outcome is audited with `method: 'oidc'`.
 */
export async function signInWithOidc(
  identity: OidcIdentity,
  request?: RequestInfo,
): Promise<OidcSignInOutcome> {
  const attempt = () =>
    getDb().transaction(async (tx) => {
      const outcome = await resolveIdentity(tx, identity);
      await recordResolution(tx, identity, outcome, request);
      return outcome;
    });
  // Two first sign-ins of one person at once: the second finds what the first bound or created.
  const resolution = await attempt().catch((error: unknown) => {
    if (isUniqueViolation(error)) return attempt();
    throw error;
  });
  return resolution.ok
    ? { ok: true, actor: resolution.actor }
    : { ok: false, reason: resolution.reason };
}

async function recordResolution(
  tx: Transaction,
  identity: OidcIdentity,
  outcome: Resolution,
  request?: RequestInfo,
): Promise<void> {
  const account = { issuer: identity.issuer, subject: identity.subject };
  if (!outcome.ok) {
    await recordAuditEvent(tx, {
      actorId: outcome.userId ?? null,
      action: 'auth.sign_in_failed',
      targetType: 'user',
      targetId: outcome.userId,
      details: { method: 'oidc', reason: outcome.reason, ...account, email: identity.email },
      request,
    });
    return;
  }
  const { actor } = outcome;
  if (outcome.created)
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'user.created',
      targetType: 'user',
      targetId: actor.id,
      details: { email: actor.email, role: actor.role, method: 'oidc', ...account },
      request,
    });
  if (outcome.bound)
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'user.oidc_account_bound',
      targetType: 'user',
      targetId: actor.id,
      details: account,
      request,
    });
  await recordAuditEvent(tx, {
    actorId: actor.id,
    action: 'auth.signed_in',
    targetType: 'user',
    targetId: actor.id,
    details: { method: 'oidc' },
    request,
  });
}

/** A sign-in refused before any account was looked at: the provider's answer did not verify. */
export async function recordOidcTokenRefusal(request?: RequestInfo): Promise<void> {
  await recordAuditEvent(getDb(), {
    action: 'auth.sign_in_failed',
    details: { method: 'oidc', reason: 'invalid_id_token' },
    request,
  });
}
