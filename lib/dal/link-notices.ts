import 'server-only';
import { and, eq, gt, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Transaction } from '@/db';
import { calendars, feedTokens, guestShares, users } from '@/db/schema';
import { groupBy } from '@/lib/group-by';
import { storedLocale } from '@/lib/i18n/locales';
import { appUrl, linkExpiringMail, linkRevokedMail, type LinkSummary } from '@/lib/mail/messages';
import type { Actor } from './actor';
import {
  calendarColumns,
  calendarSource,
  joinCalendarSubjects,
  toCalendarSubject,
} from './calendars';
import { queueMail, type QueuedMail } from './outbox';

// Mails to a link's owner about the link itself: it expires soon (a notification, which they
// may turn off), or an admin revoked it (a security notice, which always goes). In the owner's
// language.

/** How long before a link stops working its owner is told, once. */
export const EXPIRY_NOTICE_DAYS = 14;

const owner = alias(users, 'link_owner');

async function readLinks(tx: Transaction, where: SQL) {
  const rows = await joinCalendarSubjects(
    tx
      .select({
        ...calendarColumns(sql`${owner.id}`),
        tokenId: feedTokens.id,
        kind: feedTokens.kind,
        label: feedTokens.label,
        displayPrefix: feedTokens.displayPrefix,
        expiresAt: feedTokens.expiresAt,
        guestEmail: guestShares.email,
        ownerId: owner.id,
        ownerName: owner.name,
        ownerEmail: owner.email,
        ownerTimeZone: owner.timeZone,
        ownerLocale: owner.locale,
        ownerNotifies: owner.notifyByMail,
        ownerEnabled: sql<boolean>`${owner.disabledAt} is null`,
      })
      .from(feedTokens)
      .innerJoin(calendars, eq(calendars.id, feedTokens.calendarId))
      .innerJoin(owner, eq(owner.id, feedTokens.ownerId))
      .leftJoin(guestShares, eq(guestShares.id, feedTokens.guestShareId))
      .$dynamic(),
  ).where(where);
  return rows.map((row) => {
    const calendar = toCalendarSubject(row);
    const link: LinkSummary = {
      kind: row.kind,
      label: row.label,
      guestEmail: row.guestEmail,
      calendarName: calendar.name,
      displayPrefix: row.displayPrefix,
      manageUrl: appUrl(calendarSource(calendar.kind).pagePath(calendar)),
    };
    return { ...row, link };
  });
}

/** An admin revoked links: each owner who still has an account hears which, by whom and why. */
export async function queueLinkRevokedNotices(
  tx: Transaction,
  tokenIds: string[],
  admin: Actor,
  reason: string | null,
): Promise<void> {
  if (tokenIds.length === 0) return;
  const links = await readLinks(tx, inArray(feedTokens.id, tokenIds));
  // One mail per owner, listing their links when there are several.
  const byOwner = groupBy(
    links.filter((row) => row.ownerEnabled && row.ownerId !== admin.id),
    (row) => row.ownerId,
  );
  await queueMail(
    tx,
    [...byOwner.values()].map((rows): QueuedMail => {
      const owner = rows[0]!;
      return {
        kind: 'feed_token.revoked',
        to: owner.ownerEmail,
        recipientUserId: owner.ownerId,
        mail: linkRevokedMail({
          locale: storedLocale(owner.ownerLocale),
          name: owner.ownerName,
          links: rows.map((row) => row.link) as [LinkSummary, ...LinkSummary[]],
          revokedBy: admin.name,
          reason,
        }),
      };
    }),
  );
}

/**
 * Tells owners of links entering their last {@link EXPIRY_NOTICE_DAYS} days, once per link, and
 * returns how many links were handled. Links are marked in the same statement that picks them
 * (SKIP LOCKED), so instances running this at once never tell anyone twice. A link that never
 * lived longer than the notice period is not announced: its owner chose it short.
 */
export async function queueDueLinkExpiryNotices(batchSize = 500): Promise<number> {
  return getDb().transaction(async (tx) => {
    const due = tx
      .select({ id: feedTokens.id })
      .from(feedTokens)
      .where(
        and(
          isNull(feedTokens.revokedAt),
          isNull(feedTokens.expiryNoticeSentAt),
          gt(feedTokens.expiresAt, sql`now()`),
          lte(feedTokens.expiresAt, sql`now() + make_interval(days => ${EXPIRY_NOTICE_DAYS})`),
          sql`${feedTokens.expiresAt} - ${feedTokens.createdAt} > make_interval(days => ${EXPIRY_NOTICE_DAYS})`,
        ),
      )
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const marked = await tx
      .update(feedTokens)
      .set({ expiryNoticeSentAt: sql`now()` })
      .where(inArray(feedTokens.id, due))
      .returning({ id: feedTokens.id });
    if (marked.length === 0) return 0;
    const links = await readLinks(
      tx,
      inArray(
        feedTokens.id,
        marked.map((row) => row.id),
      ),
    );
    await queueMail(
      tx,
      links
        .filter((row) => row.ownerEnabled && row.ownerNotifies)
        .map((row): QueuedMail => ({
          kind: 'feed_token.expiring',
          to: row.ownerEmail,
          recipientUserId: row.ownerId,
          mail: linkExpiringMail({
            locale: storedLocale(row.ownerLocale),
            name: row.ownerName,
            link: row.link,
            expiresAt: row.expiresAt!,
            timeZone: row.ownerTimeZone,
          }),
        })),
    );
    return marked.length;
  });
}
