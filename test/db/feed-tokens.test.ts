import { and, desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  absenceTypes,
  auditEvents,
  calendars,
  feedTokens,
  memberships,
  policy,
  users,
} from '@/db/schema';
import { openFeed, UNKNOWN_TOKEN_LIMIT } from '@/lib/dal/feed-access';
import {
  createPersonalSubscription,
  getPersonalSubscription,
  invalidatePersonalSubscription,
  regeneratePersonalSubscription,
  updatePersonalSubscriptionSettings,
} from '@/lib/dal/feed-tokens';
import { generateFeedToken, hashFeedToken } from '@/lib/feed-tokens';
import { feedOptionsSchema } from '@/lib/validation';
import { setupTestDatabase } from '@/test/helpers/database';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';

const db = setupTestDatabase();
const request = { ip: '203.0.113.9', userAgent: 'Thunderbird/140' };

async function organisation() {
  const team = await createTeam(db());
  const member = await createUser(db());
  const manager = await createUser(db());
  const outsider = await createUser(db());
  const admin = await createUser(db(), { role: 'admin' });
  await addMember(db(), team.id, member.id);
  await addMember(db(), team.id, manager.id, 'manager');
  const type = await createAbsenceType(db());
  const allTypes = await db()
    .select({ id: absenceTypes.id })
    .from(absenceTypes)
    .where(eq(absenceTypes.active, true));
  const options = (overrides: Record<string, unknown> = {}) =>
    feedOptionsSchema.parse({
      privacy: 'standard',
      includeTeamEvents: 'on',
      absenceTypeIds: allTypes.map((t) => t.id),
      ...overrides,
    });
  const calendar = { kind: 'team', slug: team.slug } as const;
  return { team, calendar, member, manager, outsider, admin, type, options };
}

describe('personal subscriptions', () => {
  it('a member generates a link shown once, stored as a hash, expiring after the policy’s lifetime', async () => {
    const org = await organisation();
    const { token, subscription } = await createPersonalSubscription(
      org.member,
      org.calendar,
      org.options(),
      request,
    );
    expect(token.startsWith(subscription.displayPrefix)).toBe(true);
    const [row] = await db().select().from(feedTokens).where(eq(feedTokens.id, subscription.id));
    expect(row!.tokenHash).toBe(hashFeedToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const lifetime = row!.expiresAt!.getTime() - row!.createdAt.getTime();
    expect(Math.round(lifetime / 86_400_000)).toBe(183);
    // Every active type chosen means "all types", so types added later show too.
    expect(subscription.absenceTypeIds).toBeNull();
    const [audit] = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({ action: 'feed_token.created', targetId: subscription.id });
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(await getPersonalSubscription(org.member, org.calendar)).toMatchObject({
      id: subscription.id,
      privacy: 'standard',
      includeTeamEvents: true,
      includePending: false,
    });
  });

  it('keeps one active link per person and team', async () => {
    const org = await organisation();
    await createPersonalSubscription(org.member, org.calendar, org.options());
    await expect(
      createPersonalSubscription(org.member, org.calendar, org.options()),
    ).rejects.toMatchObject({ code: 'conflict' });
    const both = await Promise.allSettled([
      createPersonalSubscription(org.manager, org.calendar, org.options()),
      createPersonalSubscription(org.manager, org.calendar, org.options()),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const active = await db()
      .select()
      .from(feedTokens)
      .where(and(eq(feedTokens.ownerId, org.manager.id), sql`${feedTokens.revokedAt} is null`));
    expect(active).toHaveLength(1);
  });

  it('gives a personal link its own lifetime, never the maximum itself', async () => {
    const org = await organisation();
    // An admin allows shared links of up to ten years: subscriptions keep their six months.
    await db().update(policy).set({ maxTokenLifetimeDays: 3650, personalLinkLifetimeDays: 183 });
    const { subscription } = await createPersonalSubscription(
      org.member,
      org.calendar,
      org.options(),
    );
    await db().update(policy).set({ maxTokenLifetimeDays: 183 });
    const days = (subscription.expiresAt.getTime() - subscription.createdAt.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(183);
  });

  it('follows the policy’s maximum lifetime for new links', async () => {
    const org = await organisation();
    await db().update(policy).set({ maxTokenLifetimeDays: 30 });
    const { subscription } = await createPersonalSubscription(
      org.member,
      org.calendar,
      org.options(),
    );
    await db().update(policy).set({ maxTokenLifetimeDays: 183 });
    const days = (subscription.expiresAt.getTime() - subscription.createdAt.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
  });

  it('keeps a chosen subset of types and refuses an unknown one next to the field', async () => {
    const org = await organisation();
    const { subscription } = await createPersonalSubscription(
      org.member,
      org.calendar,
      org.options({ absenceTypeIds: [org.type.id], privacy: 'busy', includePending: 'on' }),
    );
    expect(subscription).toMatchObject({
      absenceTypeIds: [org.type.id],
      privacy: 'busy',
      includePending: true,
    });
    await expect(
      createPersonalSubscription(
        org.manager,
        org.calendar,
        org.options({ absenceTypeIds: [crypto.randomUUID()] }),
      ),
    ).rejects.toMatchObject({ code: 'bad_request', field: 'absenceTypeIds' });
  });

  it('is for members of the team and admins only', async () => {
    const org = await organisation();
    await expect(
      createPersonalSubscription(org.outsider, org.calendar, org.options()),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(getPersonalSubscription(org.outsider, org.calendar)).rejects.toMatchObject({
      code: 'not_found',
    });
    const { token } = await createPersonalSubscription(org.admin, org.calendar, org.options());
    expect((await openFeed(token, request)).privateTypes).toBe('all');
  });

  it('regenerating kills the old link at once and keeps the settings', async () => {
    const org = await organisation();
    const first = await createPersonalSubscription(
      org.member,
      org.calendar,
      org.options({ privacy: 'full', includePending: 'on' }),
    );
    const second = await regeneratePersonalSubscription(
      org.member,
      org.calendar,
      first.subscription.id,
      request,
    );
    expect(second.token).not.toBe(first.token);
    expect(second.subscription).toMatchObject({ privacy: 'full', includePending: true });
    await expect(openFeed(first.token, request)).rejects.toMatchObject({ code: 'gone' });
    expect((await openFeed(second.token, request)).tokenId).toBe(second.subscription.id);
    const [old] = await db()
      .select()
      .from(feedTokens)
      .where(eq(feedTokens.id, first.subscription.id));
    expect(old).toMatchObject({ replacedById: second.subscription.id, revokedById: org.member.id });
  });

  it('invalidating stops the link on the next fetch', async () => {
    const org = await organisation();
    const { token, subscription } = await createPersonalSubscription(
      org.member,
      org.calendar,
      org.options(),
    );
    expect(
      await invalidatePersonalSubscription(org.member, org.calendar, subscription.id, request),
    ).toEqual({ alreadyInvalidated: false });
    await expect(openFeed(token, request)).rejects.toMatchObject({ code: 'gone' });
    expect(await getPersonalSubscription(org.member, org.calendar)).toBeNull();
    // A second click says what happened rather than that there is nothing.
    expect(
      await invalidatePersonalSubscription(org.member, org.calendar, subscription.id, request),
    ).toEqual({ alreadyInvalidated: true });
    await expect(
      regeneratePersonalSubscription(org.member, org.calendar, subscription.id, request),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'This link was invalidated: generate a new one instead.',
    });
  });

  it('someone else’s link, or a link of another team, is not found', async () => {
    const org = await organisation();
    const { subscription } = await createPersonalSubscription(
      org.member,
      org.calendar,
      org.options(),
    );
    for (const attempt of [
      () => regeneratePersonalSubscription(org.manager, org.calendar, subscription.id),
      () => invalidatePersonalSubscription(org.manager, org.calendar, subscription.id),
      () => regeneratePersonalSubscription(org.member, org.calendar, crypto.randomUUID()),
    ])
      await expect(attempt()).rejects.toMatchObject({ code: 'not_found' });
    expect(await getPersonalSubscription(org.member, org.calendar)).toMatchObject({
      id: subscription.id,
    });
  });

  it('five Regenerate clicks at once leave one link, and each caller gets a true answer', async () => {
    const org = await organisation();
    const first = await createPersonalSubscription(org.member, org.calendar, org.options());
    const answers = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        regeneratePersonalSubscription(org.member, org.calendar, first.subscription.id, request),
      ),
    );
    const issued = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    expect(issued).toHaveLength(1);
    const active = await getPersonalSubscription(org.member, org.calendar);
    expect(active!.id).toBe(issued[0]!.subscription.id);
    // Every other caller is told the link they saw was regenerated, and into which link.
    for (const answer of answers.filter((a) => a.status === 'rejected'))
      expect(answer.reason).toMatchObject({
        code: 'conflict',
        message: expect.stringContaining(
          `already regenerated: the new one starts with ${active!.displayPrefix}…`,
        ),
      });
    await expect(openFeed(first.token, request)).rejects.toMatchObject({ code: 'gone' });
    expect((await openFeed(issued[0]!.token, request)).tokenId).toBe(active!.id);
  });

  it('Invalidate racing Regenerate on the same link answers truthfully either way', async () => {
    const org = await organisation();
    for (let round = 0; round < 5; round++) {
      const current = await getPersonalSubscription(org.member, org.calendar);
      const link =
        current ??
        (await createPersonalSubscription(org.member, org.calendar, org.options())).subscription;
      const [regenerated, invalidated] = await Promise.allSettled([
        regeneratePersonalSubscription(org.member, org.calendar, link.id),
        invalidatePersonalSubscription(org.member, org.calendar, link.id),
      ]);
      const after = await getPersonalSubscription(org.member, org.calendar);
      if (regenerated.status === 'fulfilled') {
        // Regenerate went first: Invalidate is told the link it saw was replaced, which lives on.
        expect(invalidated).toMatchObject({
          status: 'rejected',
          reason: { code: 'conflict', message: expect.stringContaining('already regenerated') },
        });
        expect(after!.id).toBe(regenerated.value.subscription.id);
      } else {
        expect(invalidated).toMatchObject({
          status: 'fulfilled',
          value: { alreadyInvalidated: false },
        });
        expect(regenerated.reason).toMatchObject({ code: 'conflict' });
        expect(after).toBeNull();
      }
    }
  });
});

describe('changing a subscription’s settings', () => {
  it('keeps the address, stores the new settings, records them and moves the calendar’s version', async () => {
    const org = await organisation();
    const { token, subscription } = await createPersonalSubscription(
      org.member,
      org.calendar,
      org.options(),
      request,
    );
    const versionOf = async () =>
      (
        await db()
          .select({ version: calendars.version, presentation: calendars.presentationVersion })
          .from(calendars)
          .where(eq(calendars.teamId, org.team.id))
      )[0]!;
    const before = await versionOf();
    const updated = await updatePersonalSubscriptionSettings(
      org.member,
      org.calendar,
      subscription.id,
      org.options({ privacy: 'busy', absenceTypeIds: [org.type.id], includePending: 'on' }),
      request,
    );
    expect(updated).toMatchObject({
      id: subscription.id,
      displayPrefix: subscription.displayPrefix,
      privacy: 'busy',
      absenceTypeIds: [org.type.id],
      includePending: true,
    });
    expect(updated.expiresAt).toEqual(subscription.expiresAt);
    const after = await versionOf();
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.presentation).toBeGreaterThan(before.presentation);
    // The same address still opens the feed, with the new settings.
    const access = await openFeed(token, request);
    expect(access.tokenId).toBe(subscription.id);
    expect(access.options).toMatchObject({ privacy: 'busy', absenceTypeIds: [org.type.id] });
    const [audit] = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({
      action: 'feed_token.settings_updated',
      actorId: org.member.id,
      targetId: subscription.id,
      details: { privacy: 'busy', before: { privacy: 'standard' } },
    });
  });

  it('acts only on one’s own active link, and refuses an unknown type next to the field', async () => {
    const org = await organisation();
    const { subscription } = await createPersonalSubscription(
      org.member,
      org.calendar,
      org.options(),
    );
    await expect(
      updatePersonalSubscriptionSettings(org.manager, org.calendar, subscription.id, org.options()),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      updatePersonalSubscriptionSettings(
        org.outsider,
        org.calendar,
        subscription.id,
        org.options(),
      ),
    ).rejects.toMatchObject({ code: expect.stringMatching(/not_found|forbidden/) });
    await expect(
      updatePersonalSubscriptionSettings(
        org.member,
        org.calendar,
        subscription.id,
        org.options({ absenceTypeIds: [crypto.randomUUID()] }),
      ),
    ).rejects.toMatchObject({ code: 'bad_request', field: 'absenceTypeIds' });
    await invalidatePersonalSubscription(org.member, org.calendar, subscription.id);
    await expect(
      updatePersonalSubscriptionSettings(org.member, org.calendar, subscription.id, org.options()),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('opening a feed', () => {
  it('names its owner’s own private types only, for a member', async () => {
    const org = await organisation();
    const { token } = await createPersonalSubscription(org.member, org.calendar, org.options());
    expect(await openFeed(token, request)).toMatchObject({
      kind: 'personal',
      ownerId: org.member.id,
      privateTypes: 'own',
      calendar: { kind: 'team', teamId: org.team.id, timeZone: org.team.timeZone },
    });
  });

  it('refuses a malformed or unknown token as not found', async () => {
    await expect(openFeed('tcal_nope', request)).rejects.toMatchObject({ code: 'not_found' });
    await expect(openFeed(generateFeedToken().token, request)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('tells an address that tries too many unknown tokens to wait', async () => {
    const prober = { ip: '198.51.100.250', userAgent: 'curl' };
    for (let i = 1; i < UNKNOWN_TOKEN_LIMIT.limit; i++)
      await expect(openFeed(generateFeedToken().token, prober)).rejects.toMatchObject({
        code: 'not_found',
      });
    const refused = await openFeed(generateFeedToken().token, prober).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'rate_limited' });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
  });

  it('answers gone once the link has expired', async () => {
    const org = await organisation();
    const { token, subscription } = await createPersonalSubscription(
      org.member,
      org.calendar,
      org.options(),
    );
    await db()
      .update(feedTokens)
      .set({
        createdAt: sql`now() - interval '200 days'`,
        expiresAt: sql`now() - interval '1 day'`,
      })
      .where(eq(feedTokens.id, subscription.id));
    await expect(openFeed(token, request)).rejects.toMatchObject({ code: 'gone' });
  });

  it('answers gone once the owner is disabled or removed from the team', async () => {
    const org = await organisation();
    const mine = await createPersonalSubscription(org.member, org.calendar, org.options());
    const managers = await createPersonalSubscription(org.manager, org.calendar, org.options());
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, org.member.id));
    await expect(openFeed(mine.token, request)).rejects.toMatchObject({ code: 'gone' });
    await db()
      .delete(memberships)
      .where(and(eq(memberships.userId, org.manager.id), eq(memberships.teamId, org.team.id)));
    await expect(openFeed(managers.token, request)).rejects.toMatchObject({ code: 'gone' });
  });
});
