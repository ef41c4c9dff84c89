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
import { bumpCalendarVersion } from './calendar-version';
import { getPolicy } from './policy';
import { findCalendarForActor, type ActorCalendar, type CalendarRef } from './calendars';

// Personal subscriptions: one active token per (person, calendar), for whoever may see the
// calendar. The plaintext token leaves this module once, on creation; only its hash is stored.

export interface FeedOptions {
  privacy: 'full' | 'standard' | 'busy';
  includePending: boolean;
  /** Null: every absence type, including types added later. */
  absenceTypeIds: string[] | null;
  includeTeamEvents: boolean;
  /** A team calendar's public holidays as all-day events; absent or false: none. */
  includeHolidays?: boolean;
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
  calendarName: string;
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
  includeHolidays: feedTokens.includeHolidays,
};

type SubscriptionRow = Omit<PersonalSubscription, 'expiresAt'> & { expiresAt: Date | null };

function toSubscription(row: SubscriptionRow): PersonalSubscription {
  // Personal tokens always expire: the schema refuses a personal token without an expiry.
  return { ...row, expiresAt: row.expiresAt! };
}

const activePersonal = (ownerId: string, calendarId: string) =>
  and(
    eq(feedTokens.kind, 'personal'),
    eq(feedTokens.ownerId, ownerId),
    eq(feedTokens.calendarId, calendarId),
    isNull(feedTokens.revokedAt),
  );

/** The actor's active subscription to a calendar, or null; an expired one shows, as expired. */
export async function getPersonalSubscription(
  actor: Actor,
  ref: CalendarRef,
): Promise<PersonalSubscription | null> {
  const calendar = await findCalendarForActor(actor, ref);
  const [row] = await getDb()
    .select(subscriptionColumns)
    .from(feedTokens)
    .where(activePersonal(actor.id, calendar.id));
  return row ? toSubscription(row) : null;
}

/**
 * A link's settings as its calendar can use them: parts the calendar does not have are left at
 * "everything", so the stored settings say nothing the feed would ignore.
 */
export async function normaliseFeedOptions(
  tx: Transaction,
  calendar: Pick<ActorCalendar, 'source'>,
  input: FeedOptionsInput,
): Promise<FeedOptions> {
  const { offers } = calendar.source;
  return {
    privacy: input.privacy,
    includePending: offers.pending && input.includePending,
    includeTeamEvents: !offers.events || input.includeTeamEvents,
    includeHolidays: offers.holidays && input.includeHolidays,
    absenceTypeIds: offers.absenceTypes
      ? await normaliseTypeFilter(tx, input.absenceTypeIds)
      : null,
  };
}

/** Keeps only active types that exist; all of them means "every type", now and later. */
async function normaliseTypeFilter(tx: Transaction, ids: string[]): Promise<string[] | null> {
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
  calendar: { id: string; name: string },
  options: FeedOptions,
): Promise<IssuedSubscription> {
  const { maxTokenLifetimeDays, personalLinkLifetimeDays } = await getPolicy(tx);
  // Their own lifetime, never beyond the maximum.
  const days = Math.min(personalLinkLifetimeDays, maxTokenLifetimeDays);
  const { token, tokenHash, displayPrefix } = generateFeedToken();
  const [row] = await tx
    .insert(feedTokens)
    .values({
      kind: 'personal',
      tokenHash,
      displayPrefix,
      ownerId,
      calendarId: calendar.id,
      ...options,
      expiresAt: sql`now() + make_interval(days => ${days})`,
    })
    .returning(subscriptionColumns);
  return { token, subscription: toSubscription(row!), calendarName: calendar.name };
}

/** Creates the actor's subscription link to a calendar; refused while one is active. */
export async function createPersonalSubscription(
  actor: Actor,
  ref: CalendarRef,
  input: FeedOptionsInput,
  request?: RequestInfo,
): Promise<IssuedSubscription> {
  const calendar = await findCalendarForActor(actor, ref);
  return getDb().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: feedTokens.id })
      .from(feedTokens)
      .where(activePersonal(actor.id, calendar.id));
    if (existing)
      throw new AppError(
        'conflict',
        'You already have a link for this calendar: regenerate it to get a new one.',
      );
    const options = await normaliseFeedOptions(tx, calendar, input);
    const issued = await insertPersonalToken(tx, actor.id, calendar, options).catch(
      (error: unknown) => {
        // Two clicks at once: the database's one-active-token index lets only one through.
        if (isUniqueViolation(error))
          throw new AppError('conflict', 'You already have a link for this calendar.');
        throw error;
      },
    );
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'feed_token.created',
      targetType: 'feed_token',
      targetId: issued.subscription.id,
      teamId: calendar.teamId,
      details: {
        kind: 'personal',
        calendar: calendar.kind,
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
  ref: CalendarRef,
  linkId: string,
  replace: boolean,
  request?: RequestInfo,
): Promise<{ issued: IssuedSubscription | null; alreadyEnded: boolean }> {
  const calendar = await findCalendarForActor(actor, ref);
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
        includeHolidays: feedTokens.includeHolidays,
      })
      .from(feedTokens)
      .where(
        and(
          eq(feedTokens.id, linkId),
          eq(feedTokens.kind, 'personal'),
          eq(feedTokens.ownerId, actor.id),
          eq(feedTokens.calendarId, calendar.id),
        ),
      )
      .for('update');
    if (!current) throw new AppError('not_found', 'You have no such link for this calendar.');
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
    const { id, displayPrefix } = current;
    const options: FeedOptions = {
      privacy: current.privacy,
      includePending: current.includePending,
      absenceTypeIds: current.absenceTypeIds,
      includeTeamEvents: current.includeTeamEvents,
      includeHolidays: current.includeHolidays,
    };
    const issued = replace ? await insertPersonalToken(tx, actor.id, calendar, options) : null;
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
      teamId: calendar.teamId,
      details: {
        kind: 'personal',
        calendar: calendar.kind,
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
  ref: CalendarRef,
  linkId: string,
  request?: RequestInfo,
): Promise<IssuedSubscription> {
  return (await endPersonalSubscription(actor, ref, linkId, true, request)).issued!;
}

/**
 * Revokes the actor's subscription link `linkId`, effective on the next fetch; says whether it had
 * already been invalidated (a second click). `conflict` if it was regenerated meanwhile.
 */
export async function invalidatePersonalSubscription(
  actor: Actor,
  ref: CalendarRef,
  linkId: string,
  request?: RequestInfo,
): Promise<{ alreadyInvalidated: boolean }> {
  const { alreadyEnded } = await endPersonalSubscription(actor, ref, linkId, false, request);
  return { alreadyInvalidated: alreadyEnded };
}

/**
 * Changes what the actor's subscription link `linkId` shows, keeping its address: its settings,
 * an audit event and the calendar's version move in one transaction, so the link's next fetch
 * (and every client's cached copy) gets the new content. The same rights as creating one: whoever
 * may see the calendar, for their own active link only.
 */
export async function updatePersonalSubscriptionSettings(
  actor: Actor,
  ref: CalendarRef,
  linkId: string,
  input: FeedOptionsInput,
  request?: RequestInfo,
): Promise<PersonalSubscription> {
  const calendar = await findCalendarForActor(actor, ref);
  return getDb().transaction(async (tx) => {
    const [current] = await tx
      .select({ id: feedTokens.id, revokedAt: feedTokens.revokedAt, privacy: feedTokens.privacy })
      .from(feedTokens)
      .where(
        and(
          eq(feedTokens.id, linkId),
          eq(feedTokens.kind, 'personal'),
          eq(feedTokens.ownerId, actor.id),
          eq(feedTokens.calendarId, calendar.id),
        ),
      )
      .for('update');
    if (!current) throw new AppError('not_found', 'You have no such link for this calendar.');
    if (current.revokedAt)
      throw new AppError(
        'conflict',
        'This link no longer works: it was regenerated or invalidated. Reload the page.',
      );
    const options = await normaliseFeedOptions(tx, calendar, input);
    const [row] = await tx
      .update(feedTokens)
      .set(options)
      .where(eq(feedTokens.id, current.id))
      .returning(subscriptionColumns);
    // What the link's events read like may change (privacy): their SEQUENCE moves with it.
    await bumpCalendarVersion(tx, calendar.id, { presentation: true });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'feed_token.settings_updated',
      targetType: 'feed_token',
      targetId: current.id,
      teamId: calendar.teamId,
      details: {
        kind: 'personal',
        calendar: calendar.kind,
        prefix: row!.displayPrefix,
        privacy: options.privacy,
        before: { privacy: current.privacy },
      },
      request,
    });
    return toSubscription(row!);
  });
}

/**
 * The settings a one-off export was asked for, checked as a link's are (parts the calendar does
 * not have left at "everything", types among the active ones).
 */
export async function normaliseExportOptions(
  calendar: Pick<ActorCalendar, 'source'>,
  input: FeedOptionsInput,
): Promise<FeedOptions> {
  return getDb().transaction((tx) => normaliseFeedOptions(tx, calendar, input));
}
