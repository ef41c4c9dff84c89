import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, policy } from '@/db/schema';
import { policySchema } from '@/lib/admin-validation';
import { getPolicyForAdmin, updatePolicy } from '@/lib/dal/admin-policy';
import { getPolicy } from '@/lib/dal/policy';
import { createAdminCast } from '@/test/helpers/admin';
import { setupTestDatabase } from '@/test/helpers/database';

const db = setupTestDatabase();
const request = { ip: '203.0.113.10', userAgent: 'Edge/140' };

describe('the policy', () => {
  it('only an enabled admin, by the role in the database, reads and changes it', async () => {
    const cast = await createAdminCast(db());
    const input = policySchema.parse({
      maxTokenLifetimeDays: '90',
      personalLinkLifetimeDays: '90',
      publicLinksAllowed: 'on',
    });
    for (const [who, actor] of cast.refused) {
      await expect(getPolicyForAdmin(actor), who).rejects.toMatchObject({ code: 'not_found' });
      await expect(updatePolicy(actor, input), who).rejects.toMatchObject({ code: 'not_found' });
    }
    expect(await getPolicy()).toMatchObject({
      maxTokenLifetimeDays: 183,
      oidcProvisioningAllowed: false,
      passwordSignInAllowed: true,
    });
    expect(await getPolicyForAdmin(cast.admin)).toEqual(await getPolicy());
  });

  it('an update is audited with the values before and after', async () => {
    const cast = await createAdminCast(db());
    const before = await getPolicy();
    const input = policySchema.parse({
      maxTokenLifetimeDays: '30',
      personalLinkLifetimeDays: '183',
      publicLinksAllowed: 'on',
      neverExpiringLinksAllowed: 'on',
      oidcProvisioningAllowed: 'on',
      passwordSignInAllowed: 'on',
    });
    await updatePolicy(cast.admin, input, request);
    expect(await getPolicy()).toEqual({
      maxTokenLifetimeDays: 30,
      personalLinkLifetimeDays: 183,
      publicLinksAllowed: true,
      neverExpiringLinksAllowed: true,
      guestSharesAllowed: false,
      oidcProvisioningAllowed: true,
      passwordSignInAllowed: true,
    });
    const [row] = await db().select().from(policy).where(eq(policy.id, 1));
    expect(row!.updatedById).toBe(cast.admin.id);
    const [event] = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({
      action: 'policy.updated',
      actorId: cast.admin.id,
      ip: request.ip,
      details: {
        before,
        after: input,
        changed: [
          'maxTokenLifetimeDays',
          'neverExpiringLinksAllowed',
          'guestSharesAllowed',
          'oidcProvisioningAllowed',
        ],
      },
    });

    // Saving the same values again records nothing.
    await updatePolicy(cast.admin, input, request);
    const events = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'policy.updated'));
    expect(events).toHaveLength(1);
    await updatePolicy(cast.admin, before);
  });

  it('explains a lifetime out of range', () => {
    const message = (days: unknown) =>
      policySchema.safeParse({ maxTokenLifetimeDays: days, personalLinkLifetimeDays: '183' }).error
        ?.issues[0]?.message;
    expect(message('0')).toBe('Enter at least 1 day.');
    expect(message('3661')).toBe('Enter at most 3660 days (about ten years).');
    expect(message('2.5')).toBe('Enter a whole number of days.');
    expect(message('ten')).toBe('Enter a number of days.');
    expect(message('3660')).toBeUndefined();
  });
});
