import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, isUniqueViolation, type Transaction } from '@/db';
import { absenceTypes, feedTokens } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { generateFeedToken } from '@/lib/feed-tokens';
import type { RequestInfo } from '@/lib/request-info';
import type { FeedOptionsInput } from '@/lib/validation';
import type { Actor } from './actor';
import { recordAuditEvent } from './audit';
import { getPolicy } from './policy';
import { findTeamForActor } from './teams';

// Personal subscriptions: one active token per (person, team), for members of the team and
// admins. The plaintext token leaves this module once, on creation; only its hash is stored.

export interface FeedOptions {
  privacy: 'full' | 'standard' | 'busy';
  includePending: boolean;
  /** Null: every absence type, including types added later. */
  absenceTypeIds: string[] | null;
  includeTeamEvents: boolean;
}

export interface PersonalSubscription extends FeedOptions {
  id: string;
  displayPrefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  lastUsedUserAgent: string | null;
  useCount: number;
}

export interface IssuedSubscription {
  /** The full token, to show once; it cannot be read again. */
  token: string;
  subscription: PersonalSubscription;
  teamName: string;
}

const subscriptionColumns = {
  id: feedTokens.id,
  displayPrefix: feedTokens.displayPrefix,
  createdAt: feedTokens.createdAt,
  expiresAt: feedTokens.expiresAt,
  lastUsedAt: feedTokens.lastUsedAt,
  lastUsedUserAgent: feedTokens.lastUsedUserAgent,
  useCount: feedTokens.useCount,
  privacy: feedTokens.privacy,
  includePending: feedTokens.includePending,
  absenceTypeIds: feedTokens.absenceTypeIds,
  includeTeamEvents: feedTokens.includeTeamEvents,
};

type SubscriptionRow = Omit<PersonalSubscription, 'expiresAt'> & { expiresAt: Date | null };

function toSubscription(row: SubscriptionRow): PersonalSubscription {
  // Personal tokens always expire: the schema refuses a personal token without an expiry.
  return { ...row, expiresAt: row.expiresAt! };
}

const activePersonal = (ownerId: string, teamId: string) =>
  and(
    eq(feedTokens.kind, 'personal'),
    eq(feedTokens.ownerId, ownerId),
    eq(feedTokens.teamId, teamId),
    isNull(feedTokens.revokedAt),
  );

/** The actor's active subscription to a team, or null; an expired one still shows, as expired. */
export async function getPersonalSubscription(
  actor: Actor,
  teamSlug: string,
): Promise<PersonalSubscription | null> {
  const team = await findTeamForActor(actor, teamSlug);
  const [row] = await getDb()
    .select(subscriptionColumns)
    .from(feedTokens)
    .where(activePersonal(actor.id, team.id));
  return row ? toSubscription(row) : null;
}

/** Keeps only active types that exist; all of them means "every type", now and later. */
export async function normaliseTypeFilter(
  tx: Transaction,
  ids: string[],
): Promise<string[] | null> {
  const active = await tx
    .select({ id: absenceTypes.id })
    .from(absenceTypes)
    .where(eq(absenceTypes.active, true));
  const known = new Set(active.map((t) => t.id));
  const chosen = [...new Set(ids)];
  if (chosen.some((id) => !known.has(id)))
    throw new AppError('bad_request', 'Choose types of absence from the list.', {
      field: 'absenceTypeIds',
    });
  return chosen.length === known.size ? null : chosen;
}

async function insertPersonalToken(
  tx: Transaction,
  ownerId: string,
  team: { id: string; name: string },
  options: FeedOptions,
): Promise<IssuedSubscription> {
  const { maxTokenLifetimeDays } = await getPolicy(tx);
  const { token, tokenHash, displayPrefix } = generateFeedToken();
  const [row] = await tx
    .insert(feedTokens)
    .values({
      kind: 'personal',
      tokenHash,
      displayPrefix,
      ownerId,
      teamId: team.id,
      ...options,
      expiresAt: sql`now() + make_interval(days => ${maxTokenLifetimeDays})`,
    })
    .returning(subscriptionColumns);
  return { token, subscription: toSubscription(row!), teamName: team.name };
}

/** Creates the actor's subscription link to a team; refused while one is active. */
export async function createPersonalSubscription(
  actor: Actor,
  teamSlug: string,
  input: FeedOptionsInput,
  request?: RequestInfo,
): Promise<IssuedSubscription> {
  const team = await findTeamForActor(actor, teamSlug);
  return getDb().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: feedTokens.id })
      .from(feedTokens)
      .where(activePersonal(actor.id, team.id));
    if (existing)
      throw new AppError(
        'conflict',
        'You already have a link for this team: regenerate it to get a new one.',
      );
    const { absenceTypeIds, ...options } = input;
    const issued = await insertPersonalToken(tx, actor.id, team, {
      ...options,
      absenceTypeIds: await normaliseTypeFilter(tx, absenceTypeIds),
    }).catch((error: unknown) => {
      // Two clicks at once: the database's one-active-token index lets only one through.
      if (isUniqueViolation(error))
        throw new AppError('conflict', 'You already have a link for this team.');
      throw error;
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'feed_token.created',
      targetType: 'feed_token',
      targetId: issued.subscription.id,
      teamId: team.id,
      details: {
        kind: 'personal',
        privacy: options.privacy,
        prefix: issued.subscription.displayPrefix,
      },
      request,
    });
    return issued;
  });
}

/**
 * Ends the link the dialog showed, `linkId` (if `replace`, issues a new one with the same
 * settings). Several callers at once (two tabs, a double click) are served one after another by
 * the lock on that link, and a caller who finds it already ended is told by whom: a regeneration,
 * or an invalidation.
 */
async function endPersonalSubscription(
  actor: Actor,
  teamSlug: string,
  linkId: string,
  replace: boolean,
  request?: RequestInfo,
): Promise<{ issued: IssuedSubscription | null; alreadyEnded: boolean }> {
  const team = await findTeamForActor(actor, teamSlug);
  return getDb().transaction(async (tx) => {
    // Locked by id whatever its state, not "the active one": a caller who waited for another's
    // regeneration then sees that link replaced, instead of finding no active link.
    const [current] = await tx
      .select({
        id: feedTokens.id,
        displayPrefix: feedTokens.displayPrefix,
        revokedAt: feedTokens.revokedAt,
        replacedById: feedTokens.replacedById,
        privacy: feedTokens.privacy,
        includePending: feedTokens.includePending,
        absenceTypeIds: feedTokens.absenceTypeIds,
        includeTeamEvents: feedTokens.includeTeamEvents,
      })
      .from(feedTokens)
      .where(
        and(
          eq(feedTokens.id, linkId),
          eq(feedTokens.kind, 'personal'),
          eq(feedTokens.ownerId, actor.id),
          eq(feedTokens.teamId, team.id),
        ),
      )
      .for('update');
    if (!current) throw new AppError('not_found', 'You have no such link for this team.');
    if (current.revokedAt) {
      if (current.replacedById) {
        const [replacement] = await tx
          .select({ displayPrefix: feedTokens.displayPrefix })
          .from(feedTokens)
          .where(eq(feedTokens.id, current.replacedById));
        const already = `This link was already regenerated: the new one starts with ${replacement!.displayPrefix}…`;
        throw new AppError(
          'conflict',
          replace
            ? `${already} and its address was shown where that was done. Regenerate again to get an address here.`
            : `${already} Reload the page to invalidate that one.`,
        );
      }
      if (replace)
        throw new AppError('conflict', 'This link was invalidated: generate a new one instead.');
      return { issued: null, alreadyEnded: true };
    }
    await tx
      .update(feedTokens)
      .set({
        revokedAt: sql`now()`,
        revokedById: actor.id,
        revokeReason: replace ? 'Regenerated by its owner' : 'Invalidated by its owner',
      })
      .where(eq(feedTokens.id, current.id));
    const { id, displayPrefix, privacy, includePending, absenceTypeIds, includeTeamEvents } =
      current;
    const options = { privacy, includePending, absenceTypeIds, includeTeamEvents };
    const issued = replace ? await insertPersonalToken(tx, actor.id, team, options) : null;
    if (issued)
      await tx
        .update(feedTokens)
        .set({ replacedById: issued.subscription.id })
        .where(eq(feedTokens.id, id));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: replace ? 'feed_token.rotated' : 'feed_token.revoked',
      targetType: 'feed_token',
      targetId: id,
      teamId: team.id,
      details: {
        kind: 'personal',
        prefix: displayPrefix,
        ...(issued && { replacedBy: issued.subscription.id }),
      },
      request,
    });
    return { issued, alreadyEnded: false };
  });
}

/**
 * A new token for the actor's subscription link `linkId`; the old one stops at once, settings are
 * kept. `conflict` if that link was already regenerated or invalidated meanwhile.
 */
export async function regeneratePersonalSubscription(
  actor: Actor,
  teamSlug: string,
  linkId: string,
  request?: RequestInfo,
): Promise<IssuedSubscription> {
  return (await endPersonalSubscription(actor, teamSlug, linkId, true, request)).issued!;
}

/**
 * Revokes the actor's subscription link `linkId`, effective on the next fetch; says whether it had
 * already been invalidated (a second click). `conflict` if it was regenerated meanwhile.
 */
export async function invalidatePersonalSubscription(
  actor: Actor,
  teamSlug: string,
  linkId: string,
  request?: RequestInfo,
): Promise<{ alreadyInvalidated: boolean }> {
  const { alreadyEnded } = await endPersonalSubscription(actor, teamSlug, linkId, false, request);
  return { alreadyInvalidated: alreadyEnded };
}
