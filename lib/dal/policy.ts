import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { policy } from '@/db/schema';

export interface Policy {
  maxTokenLifetimeDays: number;
  personalLinkLifetimeDays: number;
  publicLinksAllowed: boolean;
  neverExpiringLinksAllowed: boolean;
  guestSharesAllowed: boolean;
  /** Whether someone unknown to TeamCal who signs in through the OpenID provider becomes a member. */
  oidcProvisioningAllowed: boolean;
  /** Off: only admins sign in with a password; everyone else through the OpenID provider. */
  passwordSignInAllowed: boolean;
}

/** The organisation's settings (a single row, created by the migrations). */
export async function getPolicy(tx?: Transaction): Promise<Policy> {
  const [row] = await (tx ?? getDb())
    .select({
      maxTokenLifetimeDays: policy.maxTokenLifetimeDays,
      personalLinkLifetimeDays: policy.personalLinkLifetimeDays,
      publicLinksAllowed: policy.publicLinksAllowed,
      neverExpiringLinksAllowed: policy.neverExpiringLinksAllowed,
      guestSharesAllowed: policy.guestSharesAllowed,
      oidcProvisioningAllowed: policy.oidcProvisioningAllowed,
      passwordSignInAllowed: policy.passwordSignInAllowed,
    })
    .from(policy)
    .where(eq(policy.id, 1));
  if (!row) throw new Error('The policy row is missing: run the migrations.');
  return row;
}
