import { getLocale, getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/dal/actor';
import type { ActorCalendar } from '@/lib/dal/calendars';
import { getPersonalSubscription } from '@/lib/dal/feed-tokens';
import { listActiveAbsenceTypes } from '@/lib/dal/my-absences';
import { getPolicy } from '@/lib/dal/policy';
import { listSharedLinks } from '@/lib/dal/shares';
import { formatDateTime } from '@/lib/i18n/format';
import { describeCalendarClient } from '@/lib/user-agents';
import { CalendarMenu } from './calendar-menu';

/** The calendar's path in URLs and bound actions: `team/<slug>`, `person/me`, `resource/<slug>`. */
export function calendarPathOf(calendar: Pick<ActorCalendar, 'kind' | 'slug'>): string {
  return calendar.kind === 'person' ? 'person/me' : `${calendar.kind}/${calendar.slug}`;
}

/**
 * Loads what a calendar's menu needs — whichever kind it is — and hands the browser only plain,
 * safe fields.
 */
export async function CalendarMenuFor({
  actor,
  calendar,
}: {
  actor: Actor;
  calendar: ActorCalendar;
}) {
  const calendarPath = calendarPathOf(calendar);
  const ref = { id: calendar.id };
  const { canShare } = calendar.rights;
  const { offers } = calendar.source;
  const [subscription, types, links, policy, t, locale] = await Promise.all([
    getPersonalSubscription(actor, ref),
    offers.absenceTypes ? listActiveAbsenceTypes() : [],
    canShare ? listSharedLinks(actor, ref) : null,
    getPolicy(),
    getTranslations('calendar'),
    getLocale(),
  ]);
  return (
    <CalendarMenu
      calendarPath={calendarPath}
      timeZone={actor.timeZone}
      // One's own calendar is "my calendar" in its dialogs; its feeds carry the person's name.
      calendarName={calendar.kind === 'person' ? t('myCalendar') : calendar.name}
      canShare={canShare}
      personalLinkDays={Math.min(policy.personalLinkLifetimeDays, policy.maxTokenLifetimeDays)}
      fileName={calendar.source.fileName(calendar)}
      choices={{
        kind: calendar.kind,
        offers,
        types: types.map(({ id, label }) => ({ id, label })),
      }}
      subscription={
        subscription && {
          id: subscription.id,
          displayPrefix: subscription.displayPrefix,
          privacy: subscription.privacy,
          absenceTypeIds: subscription.absenceTypeIds,
          includeTeamEvents: subscription.includeTeamEvents,
          includePending: subscription.includePending,
          includeHolidays: subscription.includeHolidays ?? false,
          createdAt: subscription.createdAt.toISOString(),
          expiresAt: subscription.expiresAt.toISOString(),
          lastUsedAt: subscription.lastUsedAt?.toISOString() ?? null,
          lastUsedBy: describeCalendarClient(subscription.lastUsedUserAgent),
          useCount: subscription.useCount,
        }
      }
      sharing={
        links
          ? {
              policy,
              links: links.map((link) => ({
                id: link.id,
                kind: link.kind,
                label: link.label,
                displayPrefix: link.displayPrefix,
                privacy: link.privacy,
                includeHolidays: link.includeHolidays ?? false,
                createdAt: link.createdAt.toISOString(),
                expiresAt: link.expiresAt?.toISOString() ?? null,
                revoked: link.revokedAt !== null,
                lastUsed: link.lastUsedAt
                  ? `${formatDateTime(link.lastUsedAt, locale, actor.timeZone)}${link.lastUsedUserAgent ? ` · ${describeCalendarClient(link.lastUsedUserAgent)}` : ''}`
                  : null,
                guest: link.guest && {
                  shareId: link.guest.shareId,
                  email: link.guest.email,
                  status: link.guest.status,
                },
              })),
            }
          : null
      }
    />
  );
}
