import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDatabaseHandle, type Database, type DatabaseHandle } from '@/db';
import { calendars, feedTokens, guestShares, policy, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { hashFeedToken, isWellFormedFeedToken } from '@/lib/feed-tokens';
import type { KeptWindow } from '@/lib/feed-window';
import { createLruCache, type LruCache } from '@/lib/lru-cache';
import type { RequestInfo } from '@/lib/request-info';
import type { Actor } from './actor';
import {
  calendarColumns,
  calendarSource,
  findCalendarForActor,
  joinCalendarSubjects,
  toCalendarSubject,
  type CalendarRef,
  type CalendarSource,
  type CalendarSubject,
} from './calendars';
import type { FeedOptions } from './feed-tokens';
import { checkGuestCredentials } from './guest-credentials';
import { countRateLimitHit, type RateLimitRule } from './rate-limits';

// Who may read a feed is decided again on every fetch, from one indexed query: the token, its
// calendar and its owner's standing towards it now. A link never shows more than its owner may see today.

export interface FeedAccess {
  tokenId: string;
  kind: 'personal' | 'public' | 'guest';
  ownerId: string;
  /** Who an outsider reading a shared link should ask for a new one. */
  ownerName: string;
  ownerEmail: string;
  /**
   * The owner's chosen language (users.locale, null when they follow their browser): the feed's
   * own words are written in it, English for null. When they last changed their profile, for
   * the feed's Last-Modified (lib/feed-server.ts).
   */
  ownerLocale: string | null;
  ownerUpdatedAt: Date;
  guestShareId: string | null;
  calendar: CalendarSubject;
  source: CalendarSource;
  options: FeedOptions;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  /** The window the link's last body was built for (lib/feed-window.ts), if any. */
  keptWindow: KeptWindow | null;
  /**
   * The database's clock at this fetch. Every time a feed depends on — its window, its reminder,
   * its validators — is read on the clock that stamps its rows, so that instances whose clocks
   * drift apart still write the same bytes under one ETag, and a change is never dated before
   * the window it falls in.
   */
  now: Date;
  /**
   * Whose private absence types (health data) the link may name: every member's for a manager's
   * or admin's own subscription, the owner's own for a member's, nobody's for a link that
   * outsiders read.
   */
  privateTypes: 'all' | 'own' | 'none';
}

const owner = alias(users, 'owner');

/** The one query of every feed request, prepared once per database. */
function prepareFeedQuery(db: Database) {
  const query = db
    .select({
      tokenId: feedTokens.id,
      kind: feedTokens.kind,
      ownerId: feedTokens.ownerId,
      guestShareId: feedTokens.guestShareId,
      privacy: feedTokens.privacy,
      includePending: feedTokens.includePending,
      absenceTypeIds: feedTokens.absenceTypeIds,
      includeTeamEvents: feedTokens.includeTeamEvents,
      includeHolidays: feedTokens.includeHolidays,
      createdAt: feedTokens.createdAt,
      expiresAt: feedTokens.expiresAt,
      revokedAt: feedTokens.revokedAt,
      lastUsedAt: feedTokens.lastUsedAt,
      windowBasis: feedTokens.windowBasis,
      windowStep: feedTokens.windowStep,
      windowLastEnd: feedTokens.windowLastEnd,
      windowNextStart: feedTokens.windowNextStart,
      now: sql<Date>`now()`.mapWith(feedTokens.createdAt),
      ...calendarColumns(sql`${feedTokens.ownerId}`),
      ownerName: owner.name,
      ownerEmail: owner.email,
      ownerLocale: owner.locale,
      ownerUpdatedAt: owner.updatedAt,
      ownerRole: owner.role,
      ownerDisabledAt: owner.disabledAt,
      publicLinksAllowed: policy.publicLinksAllowed,
      guestSharesAllowed: policy.guestSharesAllowed,
      guestEmail: guestShares.email,
      guestPasswordHash: guestShares.passwordHash,
      guestRevokedAt: guestShares.revokedAt,
    })
    .from(feedTokens)
    .innerJoin(calendars, eq(calendars.id, feedTokens.calendarId))
    .$dynamic();
  return joinCalendarSubjects(query)
    .innerJoin(owner, eq(owner.id, feedTokens.ownerId))
    .leftJoin(guestShares, eq(guestShares.id, feedTokens.guestShareId))
    .innerJoin(policy, eq(policy.id, 1))
    .where(eq(feedTokens.tokenHash, sql.placeholder('tokenHash')))
    .prepare('open_feed');
}

type FeedQuery = ReturnType<typeof prepareFeedQuery>;
type FeedRow = Awaited<ReturnType<FeedQuery['execute']>>[number];

const preparedQueries = new WeakMap<Database, FeedQuery>();

// The embedded mode's polls without a query: the database there has one writer, this process,
// which counts its writes (db/pglite-writes.ts). A link's row read since the last write is what
// the database still holds, so the next poll reuses it — and still judges it (revoked, expired on
// today's clock, owner entitled) as if just read. Any write (a revoke, a removal from a team, a
// policy change, a usage flush) makes every link read its row again.

/** Rows kept at most (least recently polled first out): a few MB. */
const MAX_KEPT_ROWS = 10_000;

interface KeptRow {
  writeCount: number;
  row: FeedRow;
  /** The database's clock minus this process's when the row was read (PGlite's is this one's). */
  clockOffset: number;
}

const keptRows = new WeakMap<Database, LruCache<string, KeptRow>>();

async function readFeedRow(
  { db, writeCount: writes }: DatabaseHandle,
  tokenHash: string,
): Promise<FeedRow | undefined> {
  let query = preparedQueries.get(db);
  if (!query) preparedQueries.set(db, (query = prepareFeedQuery(db)));
  const writeCount = writes?.();
  if (writeCount === undefined) return (await query.execute({ tokenHash }))[0];

  let kept = keptRows.get(db);
  if (!kept) keptRows.set(db, (kept = createLruCache(MAX_KEPT_ROWS)));
  const hit = kept.get(tokenHash);
  if (hit?.writeCount === writeCount) {
    return { ...hit.row, now: new Date(Date.now() + hit.clockOffset) };
  }
  // Counted before the read: a write that lands meanwhile makes the next poll read again.
  const [row] = await query.execute({ tokenHash });
  if (row) kept.set(tokenHash, { writeCount, row, clockOffset: row.now.getTime() - Date.now() });
  else kept.delete(tokenHash);
  return row;
}

/** Unknown tokens one address may try before it is told to wait. */
export const UNKNOWN_TOKEN_LIMIT: RateLimitRule = { limit: 30, windowSeconds: 600 };

/**
 * Resolves a feed token. Malformed → `not_found` without touching the database; unknown →
 * `not_found` (counted per address, `rate_limited` beyond the limit); revoked, expired, turned
 * off by the policy, or an owner who is disabled or no longer entitled → `gone`. A guest share
 * also needs the guest's email and password (HTTP Basic): `unauthenticated` without them.
 */
export async function openFeed(
  token: string,
  request: RequestInfo,
  authorization: string | null = null,
): Promise<FeedAccess> {
  if (!isWellFormedFeedToken(token)) throw new AppError('not_found', 'Unknown calendar link.');
  const row = await readFeedRow(getDatabaseHandle(), hashFeedToken(token));

  if (!row) {
    const key = `feed-unknown:${request.ip ?? 'unknown'}`;
    const state = await countRateLimitHit(key, UNKNOWN_TOKEN_LIMIT);
    if (state.limited)
      throw new AppError('rate_limited', 'Too many unknown calendar links. Try again later.', {
        retryAfterSeconds: state.retryAfterSeconds,
      });
    throw new AppError('not_found', 'Unknown calendar link.');
  }

  const calendar = toCalendarSubject(row);
  const source = calendarSource(calendar.kind);
  const rights = source.rights(row.relation, row.ownerRole === 'admin');
  // A personal link needs its owner to still see the calendar; a shared link, to still share it.
  const entitled = row.kind === 'personal' ? rights.canView : rights.canShare;
  const allowedByPolicy =
    (row.kind !== 'public' || row.publicLinksAllowed) &&
    (row.kind !== 'guest' || (row.guestSharesAllowed && row.guestRevokedAt === null));
  if (
    !allowedByPolicy ||
    row.revokedAt !== null ||
    (row.expiresAt !== null && row.expiresAt <= row.now) ||
    row.ownerDisabledAt !== null ||
    !entitled
  )
    throw new AppError('gone', 'This calendar link is no longer valid.');
  if (row.kind === 'guest')
    await checkGuestCredentials(
      { shareId: row.guestShareId!, email: row.guestEmail!, passwordHash: row.guestPasswordHash },
      authorization,
      request,
    );

  return {
    tokenId: row.tokenId,
    kind: row.kind,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    ownerEmail: row.ownerEmail,
    ownerLocale: row.ownerLocale,
    ownerUpdatedAt: row.ownerUpdatedAt,
    guestShareId: row.guestShareId,
    calendar,
    source,
    options: {
      privacy: row.privacy,
      includePending: row.includePending,
      absenceTypeIds: row.absenceTypeIds,
      includeTeamEvents: row.includeTeamEvents,
      includeHolidays: row.includeHolidays,
    },
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    keptWindow:
      row.windowBasis === null || row.windowStep === null
        ? null
        : {
            basis: row.windowBasis,
            step: row.windowStep,
            lastEnd: row.windowLastEnd,
            nextStart: row.windowNextStart,
          },
    now: row.now,
    privateTypes: row.kind !== 'personal' ? 'none' : rights.privateTypes,
  };
}

export interface CalendarExport {
  calendar: CalendarSubject;
  source: CalendarSource;
  options: FeedOptions;
  privateTypes: 'all' | 'own';
}

/**
 * A one-off download of a calendar for someone who may see it: what its page shows them, with
 * every type, pending requests, events and a team's public holidays; notes only for those who
 * may share it (a team's managers, admins, the person themself).
 */
export async function openCalendarExport(actor: Actor, ref: CalendarRef): Promise<CalendarExport> {
  const { source, rights, ...calendar } = await findCalendarForActor(actor, ref);
  return {
    calendar,
    source,
    options: {
      privacy: rights.canShare ? 'full' : 'standard',
      includePending: true,
      absenceTypeIds: null,
      includeTeamEvents: true,
      includeHolidays: source.offers.holidays,
    },
    privateTypes: rights.privateTypes,
  };
}
