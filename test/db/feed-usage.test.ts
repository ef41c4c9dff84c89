import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, feedTokens } from '@/db/schema';
import { createPersonalSubscription } from '@/lib/dal/feed-tokens';
import { createFeedUsageRecorder } from '@/lib/dal/feed-usage';
import { feedOptionsSchema } from '@/lib/validation';
import { countStatements, setupTestDatabase } from '@/test/helpers/database';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';

const db = setupTestDatabase();
const older = { ip: '198.51.100.1', userAgent: 'Thunderbird/128' };
const newer = { ip: '198.51.100.2', userAgent: 'Google-Calendar-Importer' };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Personal subscription links of `count` members of a new team; their token ids. */
async function subscribedTokens(count: number): Promise<string[]> {
  const team = await createTeam(db());
  const type = await createAbsenceType(db());
  const options = feedOptionsSchema.parse({ privacy: 'busy', absenceTypeIds: [type.id] });
  const ids = [];
  for (let i = 0; i < count; i++) {
    const member = await createUser(db());
    await addMember(db(), team.id, member.id);
    ids.push(
      (await createPersonalSubscription(member, { kind: 'team', slug: team.slug }, options))
        .subscription.id,
    );
  }
  return ids;
}

async function usageOf(tokenId: string) {
  const [row] = await db()
    .select({
      useCount: feedTokens.useCount,
      lastUsedAt: feedTokens.lastUsedAt,
      lastUsedIp: feedTokens.lastUsedIp,
      lastUsedUserAgent: feedTokens.lastUsedUserAgent,
    })
    .from(feedTokens)
    .where(eq(feedTokens.id, tokenId));
  return row!;
}

describe('recording feed usage', () => {
  it('two instances’ counts add up, and the one that writes last does not replace a newer last use', async () => {
    const [tokenId] = await subscribedTokens(1);
    const first = createFeedUsageRecorder();
    const second = createFeedUsageRecorder();
    for (let i = 0; i < 3; i++) first.record(tokenId!, false, older);
    const olderUse = Date.now();
    await pause(20);
    second.record(tokenId!, false, newer);
    second.record(tokenId!, false, newer);

    await second.flush();
    await first.flush();
    const usage = await usageOf(tokenId!);
    expect(usage).toMatchObject({
      useCount: 5,
      lastUsedIp: newer.ip,
      lastUsedUserAgent: newer.userAgent,
    });
    expect(usage.lastUsedAt!.getTime()).toBeGreaterThan(olderUse + 10);

    // A later use seen by the first instance moves the last use forward again.
    await pause(20);
    first.record(tokenId!, false, older);
    await first.flush();
    expect(await usageOf(tokenId!)).toMatchObject({ useCount: 6, lastUsedIp: older.ip });
  });

  it('a first use is audited once, however many instances saw the token unused', async () => {
    const [tokenId] = await subscribedTokens(1);
    const instances = [createFeedUsageRecorder(), createFeedUsageRecorder()];
    for (const instance of instances) instance.record(tokenId!, true, newer);
    await Promise.all(instances.map((instance) => instance.flush()));
    const audits = await db()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.targetId, tokenId!), eq(auditEvents.action, 'feed_token.first_used')),
      );
    expect(audits).toHaveLength(1);
    expect((await usageOf(tokenId!)).useCount).toBe(2);
  });

  it('keeps at most its limit of tokens in memory, writing early rather than dropping counts', async () => {
    const tokenIds = await subscribedTokens(7);
    const recorder = createFeedUsageRecorder({ maxPendingTokens: 3 });
    const expected = new Map<string, number>();
    for (let round = 0; round < 3; round++)
      for (const [i, tokenId] of tokenIds.entries()) {
        if (i > round * 3) continue;
        recorder.record(tokenId, false, newer);
        expected.set(tokenId, (expected.get(tokenId) ?? 0) + 1);
        expect(recorder.pendingTokens).toBeLessThanOrEqual(3);
      }
    await recorder.flush();
    expect(recorder.pendingTokens).toBe(0);
    for (const [tokenId, uses] of expected) expect((await usageOf(tokenId)).useCount).toBe(uses);
  });

  it('writes the counts of many tokens in a few statements, one after another, and loses none', async () => {
    const tokenIds = await bulkTokens(1_100);
    const recorder = createFeedUsageRecorder();
    for (const tokenId of tokenIds) recorder.record(tokenId, false, older);
    await pause(5);
    for (const tokenId of tokenIds) recorder.record(tokenId, false, newer);
    // One statement per 500 tokens, not one per token.
    expect(await countStatements(db(), () => recorder.flush())).toBe(3);
    await expectUses(tokenIds, 2, newer.ip);
  });

  it('writes a full map early, its statements paced, and loses none', async () => {
    const tokenIds = await bulkTokens(1_100);
    const recorder = createFeedUsageRecorder({ maxPendingTokens: 1_000 });
    // The 1,001st token writes the first 1,000 (two statements, the second after a pause).
    const statements = await countStatements(db(), async () => {
      for (const tokenId of tokenIds) recorder.record(tokenId, false, newer);
      await recorder.flush();
    });
    expect(statements).toBe(3);
    expect(recorder.pendingTokens).toBe(0);
    await expectUses(tokenIds, 1, newer.ip);
  });
});

async function bulkTokens(count: number): Promise<string[]> {
  const [subscription] = await subscribedTokens(1);
  const [link] = await db().select().from(feedTokens).where(eq(feedTokens.id, subscription!));
  return (
    await db()
      .insert(feedTokens)
      .values(
        Array.from({ length: count }, () => ({
          kind: 'public' as const,
          tokenHash: crypto.randomBytes(32).toString('hex'),
          displayPrefix: 'bulk',
          ownerId: link!.ownerId,
          calendarId: link!.calendarId,
        })),
      )
      .returning({ id: feedTokens.id })
  ).map((row) => row.id);
}

/** Every token's count is `uses`, with `ip` as its last use. */
async function expectUses(tokenIds: string[], uses: number, ip: string | null) {
  const rows = await db()
    .select({ useCount: feedTokens.useCount, lastUsedIp: feedTokens.lastUsedIp })
    .from(feedTokens)
    .where(inArray(feedTokens.id, tokenIds));
  expect(rows).toHaveLength(tokenIds.length);
  expect(rows.filter((row) => row.useCount === uses && row.lastUsedIp === ip)).toHaveLength(
    tokenIds.length,
  );
}
