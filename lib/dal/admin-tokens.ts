import 'server-only';
import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias, QueryBuilder } from 'drizzle-orm/pg-core';
import { getDb, type Database, type Transaction } from '@/db';
import { calendars, feedTokens, guestShares, teams, users } from '@/db/schema';
import type { RevokeTokenInput, RevokeUserTokensInput, TokenFilter } from '@/lib/admin-validation';
import { AppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';
import type { RequestInfo } from '@/lib/request-info';
import type { Actor } from './actor';
import { anyContains, assertActiveAdmin, pageOf, PAGE_SIZE, type Page } from './admin-access';
import { recordAuditEvent, recordAuditEvents } from './audit';
import { queueLinkRevokedNotices } from './link-notices';
import { calendarColumns, joinCalendarSubjects, type CalendarKind } from './calendars';
import { lockGuestSharesOf } from './link-locks';

// The token audit: every personal, public and guest link of the organisation in one list, for
// admins, with what they need to judge it (whose, which calendar, how visible, when and from where
// last used) and to stop it. Token hashes never leave this module.

export type TokenStatus = 'active' | 'expired' | 'revoked';

export interface AdminTokenRow {
  id: string;
  displayPrefix: string;
  kind: 'personal' | 'public' | 'guest';
  label: string | null;
  ownerId: string;
  ownerName: string;
  ownerEmail: string;
  /** The outsider a guest link was shared with. */
  guestEmail: string | null;
  calendarKind: CalendarKind;
  /** The team's, person's or resource's name. */
  calendarName: string;
  privacy: 'full' | 'standard' | 'busy';
  status: TokenStatus;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  revokedByName: string | null;
  revokeReason: string | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  lastUsedUserAgent: string | null;
  useCount: number;
}

const owner = alias(users, 'owner');
const revoker = alias(users, 'revoker');
const subquery = new QueryBuilder();

// Every condition below reads feed_tokens alone (other tables only through uncorrelated
// subqueries), so that counting, paging and ordering run on its indexes without joining 100,000
// rows; the page's 25 rows are joined afterwards.

// A guest link also ends when its share is revoked.
const revokedShares = subquery
  .select({ id: guestShares.id })
  .from(guestShares)
  .where(isNotNull(guestShares.revokedAt));
const isRevoked = sql`(${feedTokens.revokedAt} is not null
  or coalesce(${inArray(feedTokens.guestShareId, revokedShares)}, false))`;
// `(select now())`: the clock read once per statement, not once a row.
const isExpired = sql`(${feedTokens.expiresAt} is not null and ${feedTokens.expiresAt} <= (select now()))`;
const status = sql<TokenStatus>`case when ${isRevoked} then 'revoked'
  when ${isExpired} then 'expired' else 'active' end`;

const statusCondition: Record<TokenStatus, SQL> = {
  revoked: isRevoked,
  expired: sql`(not ${isRevoked} and ${isExpired})`,
  active: sql`(not ${isRevoked} and not ${isExpired})`,
};

// Only the calendar's kind and name: an admin sees a link's metadata, never its events.
const { calendarKind, calendarName } = calendarColumns(sql`null::uuid`);

const tokenColumns = {
  id: feedTokens.id,
  displayPrefix: feedTokens.displayPrefix,
  kind: feedTokens.kind,
  label: feedTokens.label,
  ownerId: feedTokens.ownerId,
  ownerName: owner.name,
  ownerEmail: owner.email,
  guestEmail: guestShares.email,
  calendarKind,
  calendarName,
  privacy: feedTokens.privacy,
  status,
  createdAt: feedTokens.createdAt,
  expiresAt: feedTokens.expiresAt,
  revokedAt: sql<Date | null>`coalesce(${feedTokens.revokedAt}, ${guestShares.revokedAt})`.mapWith(
    feedTokens.revokedAt,
  ),
  revokedByName: revoker.name,
  revokeReason: feedTokens.revokeReason,
  lastUsedAt: feedTokens.lastUsedAt,
  lastUsedIp: feedTokens.lastUsedIp,
  lastUsedUserAgent: feedTokens.lastUsedUserAgent,
  useCount: feedTokens.useCount,
};

/** Links whose owner's name or email, or guest's email, contains `text`. */
function whoMatches(text: string): SQL | undefined {
  return or(
    inArray(
      feedTokens.ownerId,
      subquery
        .select({ id: users.id })
        .from(users)
        .where(anyContains(text, users.name, users.email)),
    ),
    inArray(
      feedTokens.guestShareId,
      subquery
        .select({ id: guestShares.id })
        .from(guestShares)
        .where(anyContains(text, guestShares.email)),
    ),
  );
}

function filterCondition(filter: TokenFilter): SQL | undefined {
  const calendarCondition = and(
    filter.team ? eq(calendars.teamId, filter.team) : undefined,
    filter.calendar ? eq(calendars.kind, filter.calendar) : undefined,
  );
  return and(
    calendarCondition
      ? inArray(
          feedTokens.calendarId,
          subquery.select({ id: calendars.id }).from(calendars).where(calendarCondition),
        )
      : undefined,
    filter.owner ? eq(feedTokens.ownerId, filter.owner) : undefined,
    filter.who ? whoMatches(filter.who) : undefined,
    filter.kind ? eq(feedTokens.kind, filter.kind) : undefined,
    filter.status ? statusCondition[filter.status] : undefined,
  );
}

/**
 * The sort key, as indexed (feed_tokens_created_order_idx, feed_tokens_last_used_order_idx):
 * never-used links count as used longest ago.
 */
function sortKey(filter: TokenFilter): SQL {
  return filter.sort === 'last_used'
    ? sql`coalesce(${feedTokens.lastUsedAt}, '-infinity'::timestamptz)`
    : sql`${feedTokens.createdAt}`;
}

function ordering(filter: TokenFilter): SQL[] {
  const order = filter.dir === 'asc' ? asc : desc;
  return [order(sortKey(filter)), order(feedTokens.id)];
}

/**
 * The links `ids` picks (ordered, limited ids of feed_tokens alone), with their owner, calendar
 * and guest, in the filter's order, each with its sort key as text. The ids come first in the
 * FROM list, so that the planner joins those few rows rather than every link.
 */
function selectTokens(
  db: Database | Transaction,
  filter: TokenFilter,
  ids: ReturnType<typeof matchingIds>,
) {
  const picked = ids.as('picked');
  return joinCalendarSubjects(
    db
      .select({ ...tokenColumns, sortKey: sql<string>`${sortKey(filter)}::text` })
      .from(picked)
      .innerJoin(feedTokens, eq(feedTokens.id, picked.id))
      .innerJoin(owner, eq(owner.id, feedTokens.ownerId))
      .innerJoin(calendars, eq(calendars.id, feedTokens.calendarId))
      .$dynamic(),
  )
    .leftJoin(guestShares, eq(guestShares.id, feedTokens.guestShareId))
    .leftJoin(revoker, eq(revoker.id, feedTokens.revokedById))
    .orderBy(...ordering(filter));
}

/** The ids of the links that match `where`, in the filter's order. */
function matchingIds(filter: TokenFilter, where: SQL | undefined) {
  return subquery
    .select({ id: feedTokens.id })
    .from(feedTokens)
    .where(where)
    .orderBy(...ordering(filter))
    .$dynamic();
}

function withoutSortKey(row: AdminTokenRow & { sortKey?: string }): AdminTokenRow {
  delete row.sortKey;
  return row;
}

/** One page of the links that match the filter, in the chosen order, with the total. */
export async function listTokens(actor: Actor, filter: TokenFilter): Promise<Page<AdminTokenRow>> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  const where = filterCondition(filter);
  const [{ total }] = (await db.select({ total: count() }).from(feedTokens).where(where)) as [
    { total: number },
  ];
  const pageIds = matchingIds(filter, where)
    .limit(PAGE_SIZE)
    .offset((filter.page - 1) * PAGE_SIZE);
  const rows = await selectTokens(db, filter, pageIds);
  return pageOf(rows.map(withoutSortKey), total, filter.page);
}

/**
 * Every link that matches the filter, in the page's order, in batches read by keyset (so that a
 * large export reads each row once and holds one batch in memory). The admin check and the audit
 * event come before anything is returned, so a refused caller gets an error rather than a broken
 * download.
 */
export async function streamTokens(
  actor: Actor,
  filter: TokenFilter,
  options: { batchSize?: number; request?: RequestInfo } = {},
): Promise<AsyncGenerator<AdminTokenRow[]>> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  await recordAuditEvent(db, {
    actorId: actor.id,
    action: 'feed_token.exported',
    details: { filter: { ...filter, page: undefined } },
    request: options.request,
  });
  return tokenBatches(db, filter, options.batchSize ?? 500);
}

async function* tokenBatches(
  db: Database,
  filter: TokenFilter,
  batchSize: number,
): AsyncGenerator<AdminTokenRow[]> {
  const key = sortKey(filter);
  let cursor: { key: string; id: string } | undefined;
  for (;;) {
    // The key travels as text: a timestamp's microseconds do not survive a JavaScript Date.
    const after = cursor
      ? filter.dir === 'asc'
        ? sql`(${key}, ${feedTokens.id}) > (${cursor.key}::timestamptz, ${cursor.id}::uuid)`
        : sql`(${key}, ${feedTokens.id}) < (${cursor.key}::timestamptz, ${cursor.id}::uuid)`
      : undefined;
    const batchIds = matchingIds(filter, and(filterCondition(filter), after)).limit(batchSize);
    const rows = await selectTokens(db, filter, batchIds);
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    cursor = { key: last.sortKey, id: last.id };
    yield rows.map(withoutSortKey);
    if (rows.length < batchSize) return;
  }
}

interface RevokedToken {
  id: string;
  kind: AdminTokenRow['kind'];
  teamId: string | null;
  ownerId: string;
  displayPrefix: string;
  guestShareId: string | null;
}

/**
 * Marks tokens revoked by the actor, ends their guest shares, and audits each one: a statement
 * for each of those, however many links.
 */
async function revokeTokens(
  tx: Transaction,
  actor: Actor,
  tokens: RevokedToken[],
  reason: string,
  request?: RequestInfo,
): Promise<void> {
  if (tokens.length === 0) return;
  await tx
    .update(feedTokens)
    .set({ revokedAt: sql`now()`, revokedById: actor.id, revokeReason: reason })
    .where(
      inArray(
        feedTokens.id,
        tokens.map((token) => token.id),
      ),
    );
  const shareIds = tokens.flatMap((token) => (token.guestShareId ? [token.guestShareId] : []));
  if (shareIds.length > 0)
    await tx
      .update(guestShares)
      .set({ revokedAt: sql`now()`, revokedById: actor.id })
      .where(and(inArray(guestShares.id, shareIds), isNull(guestShares.revokedAt)));
  await recordAuditEvents(
    tx,
    tokens.map((token) => ({
      actorId: actor.id,
      action: 'feed_token.revoked',
      targetType: 'feed_token',
      targetId: token.id,
      teamId: token.teamId,
      details: { kind: token.kind, prefix: token.displayPrefix, owner: token.ownerId, reason },
      request,
    })),
  );
  await queueLinkRevokedNotices(
    tx,
    tokens.map((token) => token.id),
    actor,
    reason,
  );
}

const revokedColumns = {
  id: feedTokens.id,
  kind: feedTokens.kind,
  teamId: sql<
    string | null
  >`(select ${calendars.teamId} from ${calendars} where ${calendars.id} = ${feedTokens.calendarId})`,
  ownerId: feedTokens.ownerId,
  displayPrefix: feedTokens.displayPrefix,
  guestShareId: feedTokens.guestShareId,
};

/** An admin revokes one link, with a reason; it answers 410 from the next fetch on. */
export async function revokeToken(
  actor: Actor,
  input: RevokeTokenInput,
  request?: RequestInfo,
): Promise<{ displayPrefix: string }> {
  return getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    // The share before the token: the lock order of link-locks.ts.
    await lockGuestSharesOf(tx, [input.tokenId]);
    const [token] = await tx
      .select({ ...revokedColumns, revokedAt: feedTokens.revokedAt })
      .from(feedTokens)
      .where(eq(feedTokens.id, input.tokenId))
      .for('update');
    if (!token) throw new AppError('not_found', new TranslatableText('admin.errors.linkNotFound'));
    if (token.revokedAt)
      throw new AppError('conflict', new TranslatableText('admin.errors.linkAlreadyRevoked'));
    await revokeTokens(tx, actor, [token], input.reason, request);
    return { displayPrefix: token.displayPrefix };
  });
}

/** An admin revokes every active link a person owns (theirs and those they shared). */
export async function revokeUserTokens(
  actor: Actor,
  input: RevokeUserTokensInput,
  request?: RequestInfo,
): Promise<{ name: string; revoked: number }> {
  return getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const [user] = await tx
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!user) throw new AppError('not_found', new TranslatableText('admin.errors.personNotFound'));
    const active = and(
      eq(feedTokens.ownerId, input.userId),
      isNull(feedTokens.revokedAt),
      or(isNull(feedTokens.expiresAt), sql`${feedTokens.expiresAt} > now()`),
    );
    const candidates = await tx.select({ id: feedTokens.id }).from(feedTokens).where(active);
    const ids = candidates.map((token) => token.id);
    // Shares before tokens, each by id: the lock order of link-locks.ts. A link created after
    // the read above is left alone, as if it had been created just after this revocation.
    await lockGuestSharesOf(tx, ids);
    const tokens =
      ids.length === 0
        ? []
        : await tx
            .select(revokedColumns)
            .from(feedTokens)
            .where(and(active, inArray(feedTokens.id, ids)))
            .orderBy(asc(feedTokens.id))
            .for('update');
    await revokeTokens(tx, actor, tokens, input.reason, request);
    return { name: user.name, revoked: tokens.length };
  });
}

/** The teams to filter the token audit by. */
export async function listTokenFilterTeams(
  actor: Actor,
): Promise<Array<{ id: string; name: string }>> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  return db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
}
