import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, feedTokens, guestShares } from '@/db/schema';
import { tokenFilterSchema, type TokenFilter } from '@/lib/admin-validation';
import type { Actor } from '@/lib/dal/actor';
import {
  listTokenFilterTeams,
  listTokens,
  revokeToken,
  revokeUserTokens,
  streamTokens,
  type AdminTokenRow,
} from '@/lib/dal/admin-tokens';
import { openFeed } from '@/lib/dal/feed-access';
import { TOKEN_CSV_COLUMNS, tokenCsvStream } from '@/lib/token-csv';
import { createAdminCast, createFeedToken } from '@/test/helpers/admin';
import { parseCsv } from '@/test/helpers/csv';
import { countStatements, setupTestDatabase } from '@/test/helpers/database';
import { addMember, createUser } from '@/test/helpers/factories';

const db = setupTestDatabase();
const request = { ip: '203.0.113.11', userAgent: 'Chrome/140' };
const filter = (query: Record<string, unknown>) => tokenFilterSchema.parse(query);

/** A team with one link of each kind and state, used at different times. */
async function tokensOfEveryKind() {
  const cast = await createAdminCast(db());
  const { team, member, manager } = cast;
  const ago = (minutes: number) => sql`now() - make_interval(mins => ${minutes})`;
  const personal = await createFeedToken(db(), {
    kind: 'personal',
    ownerId: member.id,
    teamId: team.id,
    lastUsedAt: ago(5),
    lastUsedIp: '198.51.100.1',
    lastUsedUserAgent: 'Thunderbird/140',
    useCount: 12,
  });
  const publicLink = await createFeedToken(db(), {
    kind: 'public',
    ownerId: manager.id,
    teamId: team.id,
    label: 'Mileage app',
    privacy: 'busy',
    expiresAt: null,
    lastUsedAt: ago(60),
  });
  const guest = await createFeedToken(db(), {
    kind: 'guest',
    ownerId: manager.id,
    teamId: team.id,
    guestEmail: `partner-${team.slug}@example.org`,
  });
  const expired = await createFeedToken(db(), {
    kind: 'personal',
    ownerId: manager.id,
    teamId: team.id,
    createdAt: ago(60 * 24 * 200),
    expiresAt: ago(60 * 24),
    lastUsedAt: ago(60 * 24 * 2),
  });
  const revoked = await createFeedToken(db(), {
    kind: 'personal',
    ownerId: member.id,
    teamId: team.id,
    createdAt: ago(60 * 24 * 10),
    revokedAt: ago(60 * 24 * 9),
    revokedById: member.id,
    revokeReason: 'Invalidated by its owner',
  });
  return { ...cast, personal, publicLink, guest, expired, revoked };
}

const ids = (rows: AdminTokenRow[]) => rows.map((row) => row.id);

describe('who may audit tokens', () => {
  it('only an enabled admin, by the role in the database, lists, exports and revokes', async () => {
    const org = await tokensOfEveryKind();
    const calls = [
      (actor: Actor) => listTokens(actor, filter({ team: org.team.id })),
      (actor: Actor) => streamTokens(actor, filter({ team: org.team.id })),
      (actor: Actor) => listTokenFilterTeams(actor),
      (actor: Actor) => revokeToken(actor, { tokenId: org.personal.id, reason: 'Leaked' }),
      (actor: Actor) => revokeUserTokens(actor, { userId: org.manager.id, reason: 'Left' }),
    ];
    for (const [who, actor] of org.refused)
      for (const call of calls)
        await expect(call(actor), who).rejects.toMatchObject({ code: 'not_found' });
    const active = await listTokens(org.admin, filter({ team: org.team.id, status: 'active' }));
    expect(active.total).toBe(3);

    for (const call of calls) await call(org.admin);
    const after = await listTokens(org.admin, filter({ team: org.team.id, status: 'active' }));
    expect(after.total).toBe(0);
  });
});

describe('the token list', () => {
  it('shows every kind with its owner, guest, status and last use', async () => {
    const org = await tokensOfEveryKind();
    const page = await listTokens(org.admin, filter({ team: org.team.id }));
    expect(page.total).toBe(5);
    const byId = new Map(page.rows.map((row) => [row.id, row]));
    expect(byId.get(org.personal.id)).toMatchObject({
      kind: 'personal',
      displayPrefix: org.personal.displayPrefix,
      ownerName: org.member.name,
      calendarKind: 'team',
      calendarName: org.team.name,
      status: 'active',
      lastUsedIp: '198.51.100.1',
      lastUsedUserAgent: 'Thunderbird/140',
      useCount: 12,
    });
    expect(byId.get(org.publicLink.id)).toMatchObject({
      kind: 'public',
      label: 'Mileage app',
      privacy: 'busy',
      expiresAt: null,
      status: 'active',
    });
    expect(byId.get(org.guest.id)).toMatchObject({
      kind: 'guest',
      ownerName: org.manager.name,
      guestEmail: `partner-${org.team.slug}@example.org`,
    });
    expect(byId.get(org.expired.id)!.status).toBe('expired');
    expect(byId.get(org.revoked.id)).toMatchObject({
      status: 'revoked',
      revokedByName: org.member.name,
      revokeReason: 'Invalidated by its owner',
    });
    expect(JSON.stringify(page)).not.toContain(org.personal.tokenHash);
  });

  it('filters by kind, status, owner and guest email, and sorts by last use or creation', async () => {
    const org = await tokensOfEveryKind();
    const list = async (query: Record<string, unknown>) =>
      ids((await listTokens(org.admin, filter({ team: org.team.id, ...query }))).rows);
    expect(await list({ kind: 'guest' })).toEqual([org.guest.id]);
    expect(await list({ status: 'expired' })).toEqual([org.expired.id]);
    expect(await list({ status: 'revoked' })).toEqual([org.revoked.id]);
    expect((await list({ owner: org.member.id })).sort()).toEqual(
      [org.personal.id, org.revoked.id].sort(),
    );
    expect(await list({ who: 'PARTNER-' })).toEqual([org.guest.id]);
    expect(await list({ sort: 'last_used' })).toEqual([
      org.personal.id,
      org.publicLink.id,
      org.expired.id,
      ...[org.guest.id, org.revoked.id].sort().reverse(),
    ]);
    expect((await list({ sort: 'created', dir: 'asc' })).slice(0, 2)).toEqual([
      org.expired.id,
      org.revoked.id,
    ]);
    // A malformed query string falls back to the defaults rather than failing.
    expect(filter({ kind: 'secret', status: 'x', sort: 'hash', page: '-3', team: 'nope' })).toEqual(
      { sort: 'created', dir: 'desc', page: 1 },
    );
  });

  it('counts a guest link as revoked once its share is, and finds owners by name', async () => {
    const org = await tokensOfEveryKind();
    const list = async (query: Record<string, unknown>) =>
      ids((await listTokens(org.admin, filter({ team: org.team.id, ...query }))).rows);
    // The share's owner ends it; the link itself carries no revocation of its own.
    await db()
      .update(guestShares)
      .set({ revokedAt: sql`now()`, revokedById: org.manager.id })
      .where(eq(guestShares.email, `partner-${org.team.slug}@example.org`));
    expect((await list({ status: 'revoked' })).sort()).toEqual(
      [org.guest.id, org.revoked.id].sort(),
    );
    expect(await list({ status: 'active', kind: 'guest' })).toEqual([]);
    const [guest] = (await listTokens(org.admin, filter({ team: org.team.id, kind: 'guest' })))
      .rows;
    expect(guest).toMatchObject({ status: 'revoked', revokedAt: expect.any(Date) });
    expect((await list({ who: org.member.name.toUpperCase() })).sort()).toEqual(
      [org.personal.id, org.revoked.id].sort(),
    );
    expect((await list({ calendar: 'team' })).length).toBe(5);
    expect(await list({ calendar: 'resource' })).toEqual([]);
  });

  it('pages on the server with the total', async () => {
    const org = await tokensOfEveryKind();
    const owner = await createUser(db());
    await addMember(db(), org.team.id, owner.id);
    for (let i = 0; i < 26; i++)
      await createFeedToken(db(), { kind: 'public', ownerId: owner.id, teamId: org.team.id });
    const query = { owner: owner.id, sort: 'created', dir: 'asc' };
    const first = await listTokens(org.admin, filter({ ...query, page: '1' }));
    const second = await listTokens(org.admin, filter({ ...query, page: '2' }));
    expect(first).toMatchObject({ total: 26, pageCount: 2 });
    expect(first.rows).toHaveLength(25);
    expect(second.rows).toHaveLength(1);
    expect(new Set([...ids(first.rows), ...ids(second.rows)]).size).toBe(26);
  });
});

async function exportCsv(actor: Actor, tokenFilter: TokenFilter, batchSize: number) {
  const stream = tokenCsvStream(await streamTokens(actor, tokenFilter, { batchSize }));
  return parseCsv(await new Response(stream).text());
}

async function everyPage(actor: Actor, tokenFilter: TokenFilter) {
  const rows: AdminTokenRow[] = [];
  for (let page = 1; ; page++) {
    const result = await listTokens(actor, { ...tokenFilter, page });
    rows.push(...result.rows);
    if (page >= result.pageCount) return rows;
  }
}

describe('the CSV export', () => {
  it('holds exactly the filtered links, in the page’s order, quoted so that it reads back', async () => {
    const org = await tokensOfEveryKind();
    await db()
      .update(feedTokens)
      .set({ lastUsedUserAgent: '=HYPERLINK("http://evil.example","open"), \r\nnext line' })
      .where(eq(feedTokens.id, org.personal.id));
    for (const query of [
      { team: org.team.id },
      { team: org.team.id, sort: 'last_used' },
      { team: org.team.id, sort: 'last_used', dir: 'asc' },
      { team: org.team.id, status: 'active', kind: 'personal' },
    ]) {
      const [header, ...records] = await exportCsv(org.admin, filter(query), 2);
      expect(header).toEqual([...TOKEN_CSV_COLUMNS]);
      expect(records.map((r) => r[0])).toEqual(ids(await everyPage(org.admin, filter(query))));
    }
    const records = await exportCsv(org.admin, filter({ team: org.team.id }), 500);
    const column = (name: (typeof TOKEN_CSV_COLUMNS)[number]) => TOKEN_CSV_COLUMNS.indexOf(name);
    const personal = records.find((r) => r[0] === org.personal.id)!;
    expect(personal[column('last_used_user_agent')]).toBe(
      `'=HYPERLINK("http://evil.example","open"), \r\nnext line`,
    );
    expect(personal[column('status')]).toBe('active');
    expect(personal[column('use_count')]).toBe('12');
    const guest = records.find((r) => r[0] === org.guest.id)!;
    expect(guest[column('guest_email')]).toBe(`partner-${org.team.slug}@example.org`);
    expect(records.flat().join()).not.toContain(org.personal.tokenHash);
    const exports = await db()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'feed_token.exported'), eq(auditEvents.actorId, org.admin.id)),
      );
    expect(exports).toHaveLength(5);
    expect(exports[0]!.details).toEqual({
      filter: { team: org.team.id, sort: 'created', dir: 'desc' },
    });
  });

  it('reads a large set in keyset batches without losing or repeating a row', async () => {
    const org = await tokensOfEveryKind();
    // Links created at the same microsecond: the keyset must tell them apart by id.
    for (let i = 0; i < 7; i++)
      await createFeedToken(db(), {
        kind: 'public',
        ownerId: org.manager.id,
        teamId: org.team.id,
        createdAt: new Date('2025-01-01T00:00:00.123Z'),
      });
    const records = await exportCsv(org.admin, filter({ team: org.team.id }), 3);
    expect(records).toHaveLength(1 + 12);
    expect(new Set(records.slice(1).map((r) => r[0])).size).toBe(12);
  });
});

describe('revoking', () => {
  it('an admin revokes one link with a reason; it answers 410 from then on', async () => {
    const org = await tokensOfEveryKind();
    expect((await openFeed(org.personal.token, request)).tokenId).toBe(org.personal.id);
    await revokeToken(
      org.admin,
      { tokenId: org.personal.id, reason: 'Seen in a screenshot' },
      request,
    );
    const [row] = await db().select().from(feedTokens).where(eq(feedTokens.id, org.personal.id));
    expect(row).toMatchObject({ revokedById: org.admin.id, revokeReason: 'Seen in a screenshot' });
    expect(row!.revokedAt).toBeInstanceOf(Date);
    await expect(openFeed(org.personal.token, request)).rejects.toMatchObject({ code: 'gone' });
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, org.personal.id), eq(auditEvents.actorId, org.admin.id)));
    expect(event).toMatchObject({
      action: 'feed_token.revoked',
      teamId: org.team.id,
      ip: request.ip,
      details: { kind: 'personal', reason: 'Seen in a screenshot', owner: org.member.id },
    });
    await expect(
      revokeToken(org.admin, { tokenId: org.personal.id, reason: 'Again' }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('revoking a guest link ends its guest share too', async () => {
    const org = await tokensOfEveryKind();
    await revokeToken(org.admin, { tokenId: org.guest.id, reason: 'Contract ended' });
    const [share] = await db()
      .select()
      .from(guestShares)
      .where(eq(guestShares.id, org.guest.guestShareId!));
    expect(share).toMatchObject({ revokedById: org.admin.id });
    expect(share!.revokedAt).toBeInstanceOf(Date);
  });

  it('revoking all of a person’s links sends as many statements for 20 links as for 2', async () => {
    const org = await tokensOfEveryKind();
    const statementsToRevoke = async (links: number) => {
      const person = await createUser(db());
      await addMember(db(), org.team.id, person.id);
      for (let i = 0; i < links; i++)
        await createFeedToken(db(), {
          kind: i % 2 ? 'public' : 'guest',
          ownerId: person.id,
          teamId: org.team.id,
        });
      let result: unknown;
      const statements = await countStatements(db(), async () => {
        result = await revokeUserTokens(org.admin, { userId: person.id, reason: 'Left' });
      });
      expect(result).toMatchObject({ revoked: links });
      return statements;
    };
    expect(await statementsToRevoke(20)).toBe(await statementsToRevoke(2));
  });

  it('revoking all of a person’s links stops only their active ones', async () => {
    const org = await tokensOfEveryKind();
    const result = await revokeUserTokens(
      org.admin,
      { userId: org.manager.id, reason: 'Left the company' },
      request,
    );
    // The public and guest links; the expired one stays as it was.
    expect(result).toEqual({ name: org.manager.name, revoked: 2 });
    const rows = await listTokens(org.admin, filter({ team: org.team.id }));
    const status = Object.fromEntries(rows.rows.map((r) => [r.id, [r.status, r.revokeReason]]));
    expect(status).toEqual({
      [org.publicLink.id]: ['revoked', 'Left the company'],
      [org.guest.id]: ['revoked', 'Left the company'],
      [org.expired.id]: ['expired', null],
      [org.personal.id]: ['active', null],
      [org.revoked.id]: ['revoked', 'Invalidated by its owner'],
    });
    const events = await db()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'feed_token.revoked'), eq(auditEvents.teamId, org.team.id)),
      );
    expect(events.map((e) => e.targetId).sort()).toEqual([org.publicLink.id, org.guest.id].sort());
    expect(await revokeUserTokens(org.admin, { userId: org.manager.id, reason: 'x' })).toEqual({
      name: org.manager.name,
      revoked: 0,
    });
  });
});
