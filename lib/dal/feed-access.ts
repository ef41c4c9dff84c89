import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Database } from '@/db';
import { feedTokens, guestShares, memberships, policy, teams, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { hashFeedToken, isWellFormedFeedToken } from '@/lib/feed-tokens';
import type { RequestInfo } from '@/lib/request-info';
import { isAdmin, type Actor } from './actor';
import type { FeedOptions } from './feed-tokens';
import { checkGuestCredentials } from './guest-credentials';
import { countRateLimitHit, type RateLimitRule } from './rate-limits';
import { findTeamForActor } from './teams';

// Who may read a feed is decided again on every fetch, from one indexed query: the token, its
// team and its owner's standing now. A link never shows more than its owner may see today.

export interface FeedAccess {
  tokenId: string;
  kind: 'personal' | 'public' | 'guest';
  ownerId: string;
  guestShareId: string | null;
  team: {
    id: string;
    name: string;
    slug: string;
    timeZone: string;
    calendarVersion: number;
    calendarUpdatedAt: Date;
  };
  options: FeedOptions;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
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
  return db
    .select({
      tokenId: feedTokens.id,
      kind: feedTokens.kind,
      ownerId: feedTokens.ownerId,
      guestShareId: feedTokens.guestShareId,
      privacy: feedTokens.privacy,
      includePending: feedTokens.includePending,
      absenceTypeIds: feedTokens.absenceTypeIds,
      includeTeamEvents: feedTokens.includeTeamEvents,
      createdAt: feedTokens.createdAt,
      expiresAt: feedTokens.expiresAt,
      revokedAt: feedTokens.revokedAt,
      lastUsedAt: feedTokens.lastUsedAt,
      teamId: teams.id,
      teamName: teams.name,
      teamSlug: teams.slug,
      teamTimeZone: teams.timeZone,
      calendarVersion: teams.calendarVersion,
      calendarUpdatedAt: teams.calendarUpdatedAt,
      ownerRole: owner.role,
      ownerDisabledAt: owner.disabledAt,
      ownerMembership: memberships.role,
      publicLinksAllowed: policy.publicLinksAllowed,
      guestSharesAllowed: policy.guestSharesAllowed,
      guestEmail: guestShares.email,
      guestPasswordHash: guestShares.passwordHash,
      guestRevokedAt: guestShares.revokedAt,
    })
    .from(feedTokens)
    .innerJoin(teams, eq(teams.id, feedTokens.teamId))
    .innerJoin(owner, eq(owner.id, feedTokens.ownerId))
    .leftJoin(
      memberships,
      and(eq(memberships.teamId, feedTokens.teamId), eq(memberships.userId, feedTokens.ownerId)),
    )
    .leftJoin(guestShares, eq(guestShares.id, feedTokens.guestShareId))
    .innerJoin(policy, eq(policy.id, 1))
    .where(eq(feedTokens.tokenHash, sql.placeholder('tokenHash')))
    .prepare('open_feed');
}

const preparedQueries = new WeakMap<Database, ReturnType<typeof prepareFeedQuery>>();

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
  const db = getDb();
  let query = preparedQueries.get(db);
  if (!query) preparedQueries.set(db, (query = prepareFeedQuery(db)));
  const [row] = await query.execute({ tokenHash: hashFeedToken(token) });

  if (!row) {
    const key = `feed-unknown:${request.ip ?? 'unknown'}`;
    const state = await countRateLimitHit(key, UNKNOWN_TOKEN_LIMIT);
    if (state.limited)
      throw new AppError('rate_limited', 'Too many unknown calendar links. Try again later.', {
        retryAfterSeconds: state.retryAfterSeconds,
      });
    throw new AppError('not_found', 'Unknown calendar link.');
  }

  const ownerIsAdmin = row.ownerRole === 'admin';
  const ownerManages = row.ownerMembership === 'manager' || ownerIsAdmin;
  // A personal link needs its owner to still see the team; a shared link, to still manage it.
  const entitled =
    row.kind === 'personal' ? row.ownerMembership !== null || ownerIsAdmin : ownerManages;
  const allowedByPolicy =
    (row.kind !== 'public' || row.publicLinksAllowed) &&
    (row.kind !== 'guest' || (row.guestSharesAllowed && row.guestRevokedAt === null));
  if (
    !allowedByPolicy ||
    row.revokedAt !== null ||
    (row.expiresAt !== null && row.expiresAt <= new Date()) ||
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
    guestShareId: row.guestShareId,
    team: {
      id: row.teamId,
      name: row.teamName,
      slug: row.teamSlug,
      timeZone: row.teamTimeZone,
      calendarVersion: row.calendarVersion,
      calendarUpdatedAt: row.calendarUpdatedAt,
    },
    options: {
      privacy: row.privacy,
      includePending: row.includePending,
      absenceTypeIds: row.absenceTypeIds,
      includeTeamEvents: row.includeTeamEvents,
    },
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    privateTypes: row.kind !== 'personal' ? 'none' : ownerManages ? 'all' : 'own',
  };
}

export interface TeamExport {
  team: { id: string; name: string; slug: string; timeZone: string };
  options: FeedOptions;
  privateTypes: 'all' | 'own';
}

/**
 * A one-off download of a team calendar for a member or an admin: what the team page shows them,
 * with every type, pending requests and team events; notes only for managers and admins.
 */
export async function openTeamExport(actor: Actor, teamSlug: string): Promise<TeamExport> {
  const team = await findTeamForActor(actor, teamSlug);
  const seesAll = isAdmin(actor) || team.myRole === 'manager';
  return {
    team,
    options: {
      privacy: seesAll ? 'full' : 'standard',
      includePending: true,
      absenceTypeIds: null,
      includeTeamEvents: true,
    },
    privateTypes: seesAll ? 'all' : 'own',
  };
}
