import 'server-only';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb, isUniqueViolation, type Transaction } from '@/db';
import { calendars, feedTokens, guestShares, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';
import { generateFeedToken } from '@/lib/feed-tokens';
import { hashPassword } from '@/lib/passwords';
import {
  generateSetupSecret,
  hashSetupSecret,
  SETUP_LINK_LIFETIME_DAYS,
} from '@/lib/password-setup';
import { storedLocale } from '@/lib/i18n/locales';
import { appUrl, guestInvitationMail } from '@/lib/mail/messages';
import type { PrivacyLevel } from '@/lib/privacy';
import type { RequestInfo } from '@/lib/request-info';
import type { GuestShareInput, PublicLinkInput } from '@/lib/validation';
import type { Actor } from './actor';
import { recordAuditEvent } from './audit';
import {
  calendarColumns,
  findShareableCalendar,
  joinCalendarSubjects,
  type CalendarRef,
} from './calendars';
import { normaliseFeedOptions, type FeedOptions } from './feed-tokens';
import { lockGuestSharesOf } from './link-locks';
import { queueMail } from './outbox';
import { getPolicy } from './policy';

// Sharing a calendar outside the organisation: public links and password-protected guest shares,
// created and revoked by whoever may share that calendar (a team's managers and admins, the person
// themself, a resource's managers), within the admins' policy.

export interface SharedLink extends FeedOptions {
  id: string;
  kind: 'public' | 'guest';
  label: string | null;
  displayPrefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedUserAgent: string | null;
  useCount: number;
  createdByName: string;
  guest: {
    shareId: string;
    email: string;
    status: 'awaiting_setup' | 'active' | 'revoked';
    setupExpiresAt: Date | null;
  } | null;
}

function expiryFor(days: number | 'never', maxDays: number, neverAllowed: boolean) {
  if (days === 'never') {
    if (!neverAllowed)
      throw new AppError('forbidden', new TranslatableText('share.errors.neverNotAllowed'), {
        field: 'expiresInDays',
      });
    return null;
  }
  if (days > maxDays)
    throw new AppError(
      'bad_request',
      new TranslatableText('share.errors.tooLong', { days: maxDays }),
      {
        field: 'expiresInDays',
      },
    );
  return sql`now() + make_interval(days => ${days})`;
}

/** A read-only link anyone holding it can read; the plaintext token is returned once. */
export async function createPublicLink(
  actor: Actor,
  ref: CalendarRef,
  input: PublicLinkInput,
  request?: RequestInfo,
): Promise<{ token: string; id: string; expiresAt: Date | null }> {
  const calendar = await findShareableCalendar(actor, ref);
  return getDb().transaction(async (tx) => {
    const policy = await getPolicy(tx);
    if (!policy.publicLinksAllowed)
      throw new AppError('forbidden', new TranslatableText('share.errors.publicOff'));
    const { token, tokenHash, displayPrefix } = generateFeedToken();
    const [row] = await tx
      .insert(feedTokens)
      .values({
        kind: 'public',
        tokenHash,
        displayPrefix,
        ownerId: actor.id,
        calendarId: calendar.id,
        label: input.label,
        ...(await normaliseFeedOptions(tx, calendar, input)),
        expiresAt: expiryFor(
          input.expiresInDays,
          policy.maxTokenLifetimeDays,
          policy.neverExpiringLinksAllowed,
        ),
      })
      .returning({ id: feedTokens.id, expiresAt: feedTokens.expiresAt });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'public_link.created',
      targetType: 'feed_token',
      targetId: row!.id,
      teamId: calendar.teamId,
      details: {
        label: input.label,
        privacy: input.privacy,
        prefix: displayPrefix,
        calendar: calendar.kind,
      },
      request,
    });
    return { token, id: row!.id, expiresAt: row!.expiresAt };
  });
}

/** The calendar's public links and guest shares, newest first, for those who may share it. */
export async function listSharedLinks(actor: Actor, ref: CalendarRef): Promise<SharedLink[]> {
  const calendar = await findShareableCalendar(actor, ref);
  const rows = await getDb()
    .select({
      id: feedTokens.id,
      kind: feedTokens.kind,
      label: feedTokens.label,
      displayPrefix: feedTokens.displayPrefix,
      createdAt: feedTokens.createdAt,
      expiresAt: feedTokens.expiresAt,
      revokedAt: feedTokens.revokedAt,
      lastUsedAt: feedTokens.lastUsedAt,
      lastUsedUserAgent: feedTokens.lastUsedUserAgent,
      useCount: feedTokens.useCount,
      privacy: feedTokens.privacy,
      includePending: feedTokens.includePending,
      absenceTypeIds: feedTokens.absenceTypeIds,
      includeTeamEvents: feedTokens.includeTeamEvents,
      includeHolidays: feedTokens.includeHolidays,
      createdByName: users.name,
      shareId: guestShares.id,
      guestEmail: guestShares.email,
      shareRevokedAt: guestShares.revokedAt,
      setupCompletedAt: guestShares.setupCompletedAt,
      setupExpiresAt: guestShares.setupExpiresAt,
    })
    .from(feedTokens)
    .innerJoin(users, eq(users.id, feedTokens.ownerId))
    .leftJoin(guestShares, eq(guestShares.id, feedTokens.guestShareId))
    .where(and(eq(feedTokens.calendarId, calendar.id), sql`${feedTokens.kind} <> 'personal'`))
    .orderBy(asc(sql`${feedTokens.revokedAt} is not null`), desc(feedTokens.createdAt));
  return rows.map(
    ({ shareId, guestEmail, shareRevokedAt, setupCompletedAt, setupExpiresAt, kind, ...row }) => ({
      ...row,
      kind: kind as SharedLink['kind'],
      guest:
        shareId && guestEmail
          ? {
              shareId,
              email: guestEmail,
              status: shareRevokedAt ? 'revoked' : setupCompletedAt ? 'active' : 'awaiting_setup',
              setupExpiresAt,
            }
          : null,
    }),
  );
}

/** Revokes a public link or a guest share (its feed token with it), effective on the next fetch. */
export async function revokeSharedLink(
  actor: Actor,
  ref: CalendarRef,
  tokenId: string,
  request?: RequestInfo,
): Promise<void> {
  const calendar = await findShareableCalendar(actor, ref);
  await getDb().transaction(async (tx) => {
    const notFound = new AppError('not_found', new TranslatableText('share.errors.linkNotFound'));
    const sharedLink = and(
      eq(feedTokens.id, tokenId),
      eq(feedTokens.calendarId, calendar.id),
      sql`${feedTokens.kind} <> 'personal'`,
    );
    const [target] = await tx.select({ id: feedTokens.id }).from(feedTokens).where(sharedLink);
    if (!target) throw notFound;
    // The share before the token: the lock order of link-locks.ts.
    await lockGuestSharesOf(tx, [target.id]);
    const [link] = await tx
      .update(feedTokens)
      .set({
        revokedAt: sql`now()`,
        revokedById: actor.id,
        revokeReason: calendar.kind === 'person' ? 'Revoked by its owner' : 'Revoked by a manager',
      })
      .where(and(sharedLink, isNull(feedTokens.revokedAt)))
      .returning({ kind: feedTokens.kind, guestShareId: feedTokens.guestShareId });
    if (!link) throw notFound;
    if (link.guestShareId)
      await tx
        .update(guestShares)
        .set({
          revokedAt: sql`now()`,
          revokedById: actor.id,
          setupHash: null,
          setupExpiresAt: null,
        })
        .where(eq(guestShares.id, link.guestShareId));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: link.kind === 'guest' ? 'guest_share.revoked' : 'public_link.revoked',
      targetType: 'feed_token',
      targetId: tokenId,
      teamId: calendar.teamId,
      details: { calendar: calendar.kind },
      request,
    });
  });
}

/**
 * A new one-time setup link for the share, mailed to the guest (seed 001: the guest receives the
 * shared item, its owner, the role and a link to choose a password). Returns the secret once, for
 * the sharer's screen too.
 */
async function startGuestSetup(
  tx: Transaction,
  share: { id: string; email: string; privacy: PrivacyLevel },
  sharer: Actor,
  calendarName: string,
  reissued: boolean,
) {
  const { secret, hash } = generateSetupSecret();
  const [row] = await tx
    .update(guestShares)
    .set({
      setupHash: hash,
      setupExpiresAt: sql`now() + make_interval(days => ${SETUP_LINK_LIFETIME_DAYS})`,
    })
    .where(eq(guestShares.id, share.id))
    .returning({ expiresAt: guestShares.setupExpiresAt });
  await queueMail(tx, [
    {
      kind: reissued ? 'guest_share.setup_reissued' : 'guest_share.invitation',
      to: share.email,
      mail: guestInvitationMail({
        // A guest has no profile: the mail speaks the language of the person who shares.
        locale: storedLocale(sharer.locale),
        sharedBy: sharer.name,
        calendarName,
        privacy: share.privacy,
        setupUrl: appUrl(`/guest/${secret}`),
        expiresAt: row!.expiresAt!,
        timeZone: sharer.timeZone,
        reissued,
      }),
    },
  ]);
  return secret;
}

/**
 * Shares the calendar with an outside address: a guest share, its (not yet usable) feed
 * token holding the settings, and a one-time setup secret returned once.
 */
export async function createGuestShare(
  actor: Actor,
  ref: CalendarRef,
  input: GuestShareInput,
  request?: RequestInfo,
): Promise<{ shareId: string; setupSecret: string }> {
  const calendar = await findShareableCalendar(actor, ref);
  return getDb().transaction(async (tx) => {
    const policy = await getPolicy(tx);
    if (!policy.guestSharesAllowed)
      throw new AppError('forbidden', new TranslatableText('share.errors.guestOff'));
    const [share] = await tx
      .insert(guestShares)
      .values({
        calendarId: calendar.id,
        email: input.email,
        label: input.label,
        createdById: actor.id,
      })
      .returning({ id: guestShares.id })
      .catch((error: unknown) => {
        // The index decides, so two managers (or one double click) at once get the same answer.
        if (isUniqueViolation(error, 'guest_shares_one_active_per_email'))
          throw new AppError(
            'conflict',
            new TranslatableText('share.errors.alreadyShared', { email: input.email }),
            { field: 'email' },
          );
        throw error;
      });
    // The token's plaintext is made when the guest completes the setup; until then nobody has it.
    const placeholder = generateFeedToken();
    await tx.insert(feedTokens).values({
      kind: 'guest',
      tokenHash: placeholder.tokenHash,
      displayPrefix: placeholder.displayPrefix,
      ownerId: actor.id,
      calendarId: calendar.id,
      guestShareId: share!.id,
      label: input.label,
      privacy: input.privacy,
      includePending: false,
      includeTeamEvents: true,
      includeHolidays: calendar.source.offers.holidays && input.includeHolidays,
      expiresAt: sql`now() + make_interval(days => ${policy.maxTokenLifetimeDays})`,
    });
    const setupSecret = await startGuestSetup(
      tx,
      { id: share!.id, email: input.email, privacy: input.privacy },
      actor,
      calendar.name,
      false,
    );
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'guest_share.created',
      targetType: 'guest_share',
      targetId: share!.id,
      teamId: calendar.teamId,
      details: { email: input.email, privacy: input.privacy, calendar: calendar.kind },
      request,
    });
    return { shareId: share!.id, setupSecret };
  });
}

/** A new setup link for a guest share (the guest lost it, or it expired). */
export async function reissueGuestSetup(
  actor: Actor,
  ref: CalendarRef,
  shareId: string,
  request?: RequestInfo,
): Promise<{ setupSecret: string; email: string }> {
  const calendar = await findShareableCalendar(actor, ref);
  return getDb().transaction(async (tx) => {
    const [share] = await tx
      .select({ id: guestShares.id, email: guestShares.email, privacy: feedTokens.privacy })
      .from(guestShares)
      .innerJoin(feedTokens, eq(feedTokens.guestShareId, guestShares.id))
      .where(
        and(
          eq(guestShares.id, shareId),
          eq(guestShares.calendarId, calendar.id),
          isNull(guestShares.revokedAt),
        ),
      )
      .for('update', { of: guestShares });
    if (!share) throw new AppError('not_found', new TranslatableText('share.errors.shareNotFound'));
    const setupSecret = await startGuestSetup(tx, share, actor, calendar.name, true);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'guest_share.setup_reissued',
      targetType: 'guest_share',
      targetId: share.id,
      teamId: calendar.teamId,
      request,
    });
    return { setupSecret, email: share.email };
  });
}

/** A setup link that can still be used, locked for the caller's transaction when given one. */
async function usableSetup(tx: Transaction, secret: string) {
  const { calendarName, calendarTeamId } = calendarColumns(sql`null::uuid`);
  const [share] = await joinCalendarSubjects(
    tx
      .select({
        id: guestShares.id,
        email: guestShares.email,
        teamId: calendarTeamId,
        calendarName,
      })
      .from(guestShares)
      .innerJoin(calendars, eq(calendars.id, guestShares.calendarId))
      .$dynamic(),
  )
    .where(
      and(
        eq(guestShares.setupHash, hashSetupSecret(secret)),
        gt(guestShares.setupExpiresAt, sql`now()`),
        isNull(guestShares.revokedAt),
      ),
    )
    .for('update', { of: guestShares });
  if (!share) throw new AppError('gone', new TranslatableText('guest.errors.setupGone'));
  return share;
}

/** What the setup page shows before the guest chooses a password; `gone` once used or expired. */
export async function findGuestSetup(
  secret: string,
): Promise<{ email: string; calendarName: string }> {
  const { email, calendarName } = await getDb().transaction((tx) => usableSetup(tx, secret));
  return { email, calendarName };
}

/**
 * The guest chooses their password: the setup link is spent, and the share's feed gets a fresh
 * token, returned once, which works only with the guest's email and password (HTTP Basic).
 */
export async function completeGuestSetup(
  secret: string,
  password: string,
  request?: RequestInfo,
): Promise<{ token: string; email: string; calendarName: string }> {
  const passwordHash = await hashPassword(password);
  return getDb().transaction(async (tx) => {
    // The share is locked before its token: the lock order of link-locks.ts.
    const share = await usableSetup(tx, secret);
    await tx
      .update(guestShares)
      .set({ passwordHash, setupHash: null, setupExpiresAt: null, setupCompletedAt: sql`now()` })
      .where(eq(guestShares.id, share.id));
    const { token, tokenHash, displayPrefix } = generateFeedToken();
    // The link's lifetime starts now, when the guest can first use it, not when it was offered.
    const { maxTokenLifetimeDays } = await getPolicy(tx);
    const [feed] = await tx
      .update(feedTokens)
      .set({
        tokenHash,
        displayPrefix,
        expiresAt: sql`now() + make_interval(days => ${maxTokenLifetimeDays})`,
      })
      .where(and(eq(feedTokens.guestShareId, share.id), isNull(feedTokens.revokedAt)))
      .returning({ id: feedTokens.id });
    if (!feed) throw new AppError('gone', new TranslatableText('guest.errors.shareRevoked'));
    await recordAuditEvent(tx, {
      action: 'guest_share.setup_completed',
      targetType: 'guest_share',
      targetId: share.id,
      teamId: share.teamId,
      details: { email: share.email },
      request,
    });
    return { token, email: share.email, calendarName: share.calendarName };
  });
}
