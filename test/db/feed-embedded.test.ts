import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabaseHandle } from '@/db';
import { feedTokens, users } from '@/db/schema';
import { getPolicyForAdmin, updatePolicy } from '@/lib/dal/admin-policy';
import { removeTeamMember } from '@/lib/dal/admin-teams';
import { revokeToken } from '@/lib/dal/admin-tokens';
import { setUserDisabled } from '@/lib/dal/admin-users';
import { flushFeedUsage } from '@/lib/dal/feed-usage';
import { respondWithFeed } from '@/lib/feed-server';
import { createAdminCast, createFeedToken } from '@/test/helpers/admin';
import { countStatements, setupTestDatabase } from '@/test/helpers/database';
import { readWithIcalJs } from '@/test/helpers/ics';

// The embedded mode answers a poll from the link's row it read last, as long as nothing has been
// written since (lib/dal/feed-access.ts): no statement at all on PGlite, one on PostgreSQL. Every
// change that ends a link answers 410 on the very next poll, on both.

const db = setupTestDatabase();
const embedded = () => getDatabaseHandle().kind === 'pglite';

async function poll(token: string, etag?: string, authorization?: string) {
  const headers = new Headers();
  if (etag) headers.set('If-None-Match', etag);
  if (authorization) headers.set('Authorization', authorization);
  return respondWithFeed(
    new Request(`https://teamcal.example.com/api/ics/${token}`, { headers }),
    token,
    'GET',
  );
}

/** A link polled until its row is warm: its ETag, with nothing pending to be written. */
async function warmLink(kind: 'personal' | 'public' = 'public') {
  const cast = await createAdminCast(db());
  const owner = kind === 'public' ? cast.manager : cast.member;
  const link = await createFeedToken(db(), { kind, ownerId: owner.id, teamId: cast.team.id });
  const first = await poll(link.token);
  expect(first.status).toBe(200);
  const body = await first.text();
  expect(readWithIcalJs(body).properties['X-WR-CALNAME']).toBe(`${cast.team.name} – TeamCal`);
  // The first use is written at once, off the response path: out of the way before counting.
  await flushFeedUsage();
  const etag = first.headers.get('etag')!;
  expect((await poll(link.token, etag)).status).toBe(304);
  return { ...cast, owner, link, etag, body };
}

describe('polls with nothing written in between', () => {
  it('are answered without a statement on PGlite, with one on PostgreSQL', async () => {
    const org = await warmLink();
    let answer: Response | undefined;
    const statements = await countStatements(db(), async () => {
      answer = await poll(org.link.token, org.etag);
    });
    expect(answer!.status).toBe(304);
    expect(statements).toBe(embedded() ? 0 : 1);

    // A 200 of the same content comes from the kept row and the body cache alike.
    let full: Response | undefined;
    const fullStatements = await countStatements(db(), async () => {
      full = await poll(org.link.token);
    });
    expect(full!.status).toBe(200);
    expect(full!.headers.get('etag')).toBe(org.etag);
    expect(await full!.text()).toBe(org.body);
    expect(fullStatements).toBe(embedded() ? 0 : 1);
  });

  it('read the row again after any write, and still answer 304 when the link is unchanged', async () => {
    const org = await warmLink();
    await db().update(users).set({ name: 'Someone else' }).where(eq(users.id, org.admin.id));
    let answer: Response | undefined;
    const statements = await countStatements(db(), async () => {
      answer = await poll(org.link.token, org.etag);
    });
    expect(answer!.status).toBe(304);
    expect(statements).toBe(1);
  });
});

describe('the very next poll answers 410', () => {
  it('after an admin revokes the link', async () => {
    const org = await warmLink();
    await revokeToken(org.admin, { tokenId: org.link.id, reason: 'Lost phone' });
    expect((await poll(org.link.token, org.etag)).status).toBe(410);
  });

  it('after the owner leaves the team', async () => {
    const org = await warmLink('personal');
    await removeTeamMember(org.admin, { teamId: org.team.id, userId: org.owner.id });
    expect((await poll(org.link.token, org.etag)).status).toBe(410);
  });

  it('after the owner is disabled', async () => {
    const org = await warmLink('personal');
    await setUserDisabled(org.admin, { userId: org.owner.id, disabled: true });
    expect((await poll(org.link.token, org.etag)).status).toBe(410);
  });

  it('after the policy turns public links off', async () => {
    const org = await warmLink('public');
    const current = await getPolicyForAdmin(org.admin);
    await updatePolicy(org.admin, { ...current, publicLinksAllowed: false });
    try {
      expect((await poll(org.link.token, org.etag)).status).toBe(410);
    } finally {
      await updatePolicy(org.admin, { ...current, publicLinksAllowed: true });
    }
  });

  it('once the link has expired, with nothing written since its last poll', async () => {
    const cast = await createAdminCast(db());
    const link = await createFeedToken(db(), {
      kind: 'personal',
      ownerId: cast.member.id,
      teamId: cast.team.id,
      expiresAt: sql`now() + interval '1.5 seconds'`,
    });
    const first = await poll(link.token);
    expect(first.status).toBe(200);
    await flushFeedUsage();
    const etag = first.headers.get('etag')!;
    expect((await poll(link.token, etag)).status).toBe(304);
    const [{ expiresAt }] = (await db()
      .select({ expiresAt: feedTokens.expiresAt })
      .from(feedTokens)
      .where(eq(feedTokens.id, link.id))) as [{ expiresAt: Date }];
    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 100));
    const statements = await countStatements(db(), async () => {
      expect((await poll(link.token, etag)).status).toBe(410);
    });
    expect(statements).toBe(embedded() ? 0 : 1);
  });
});
