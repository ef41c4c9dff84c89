import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { policy } from '@/db/schema';
import type { PolicyInput } from '@/lib/admin-validation';
import type { RequestInfo } from '@/lib/request-info';
import type { Actor } from './actor';
import { assertActiveAdmin } from './admin-access';
import { recordAuditEvent } from './audit';
import { getPolicy, type Policy } from './policy';

// The organisation's settings for links and sign-in. Link settings apply to links created from
// now on; links that exist keep their expiry (revoke them in the token audit if they must stop).
// Sign-in settings apply from the next sign-in; sessions already open stay open.

/** The policy as the admin form shows it. */
export async function getPolicyForAdmin(actor: Actor): Promise<Policy> {
  await assertActiveAdmin(getDb(), actor);
  return getPolicy();
}

/** An admin changes the policy; the audit event keeps the values before and after. */
export async function updatePolicy(
  actor: Actor,
  input: PolicyInput,
  request?: RequestInfo,
): Promise<Policy> {
  return getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    await tx.select({ id: policy.id }).from(policy).where(eq(policy.id, 1)).for('update');
    const before = await getPolicy(tx);
    const changed = (Object.keys(input) as Array<keyof Policy>).filter(
      (key) => before[key] !== input[key],
    );
    if (changed.length === 0) return before;
    await tx
      .update(policy)
      .set({ ...input, updatedAt: sql`now()`, updatedById: actor.id })
      .where(eq(policy.id, 1));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'policy.updated',
      targetType: 'policy',
      targetId: '1',
      details: { before, after: input, changed },
      request,
    });
    return input;
  });
}
