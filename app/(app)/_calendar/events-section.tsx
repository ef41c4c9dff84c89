import { TZDate } from '@date-fns/tz';
import { addDays, addYears, format } from 'date-fns';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { requireActor } from '@/lib/auth';
import type { ActorCalendar } from '@/lib/dal/calendars';
import {
  listCalendarEvents,
  EVENT_WINDOW_YEARS,
  type CalendarEventDto,
} from '@/lib/dal/calendar-events';
import { formatDateTimeRange, formatSpan } from '@/lib/i18n/format';
import { CancelEventButton } from './cancel-event-button';
import { EventEditor } from './event-editor';
import type { EventKind } from './event-form';

/** How far back the collapsed list of past events goes. */
const RECENT_PAST_DAYS = 90;

/** When the event happens, in its own time zone, in the reader's language. */
function describeWhen(event: CalendarEventDto, locale: string): string {
  if (event.allDay || !event.startsAt || !event.endsAt) return formatSpan(event, locale);
  return formatDateTimeRange(event.startsAt, event.endsAt, locale, event.timeZone);
}

/** The words an event's entry uses, translated once for the whole list. */
interface EventWords {
  cancelled: string;
  allDay: string;
  location: string;
}

function EventItem({
  event,
  calendarId,
  calendarTimeZone,
  kind,
  canManage,
  t,
  locale,
}: {
  t: EventWords;
  locale: string;
  event: CalendarEventDto;
  calendarId: string;
  calendarTimeZone: string;
  kind: EventKind;
  canManage: boolean;
}) {
  const cancelled = event.status === 'cancelled';
  return (
    <li className="flex flex-wrap items-start gap-x-2 gap-y-2 px-5 py-3">
      <div className="mr-2 min-w-0 flex-1">
        <h3 className="font-medium">
          <span className={cancelled ? 'text-slate-500 line-through' : undefined}>
            {event.title}
          </span>
          {cancelled && (
            <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-normal text-slate-600">
              {t.cancelled}
            </span>
          )}
        </h3>
        <p className={`text-sm ${cancelled ? 'text-slate-500 line-through' : 'text-slate-700'}`}>
          <time dateTime={event.startsAt?.toISOString() ?? event.startDate}>
            {describeWhen(event, locale)}
          </time>
          {event.allDay && <span className="ml-1 text-xs text-slate-600">{t.allDay}</span>}
          {!event.allDay && event.timeZone !== calendarTimeZone && (
            <span className="ml-1 text-xs text-slate-600">({event.timeZone})</span>
          )}
        </p>
        {event.location && (
          <p className="text-sm text-slate-600">
            <span className="text-slate-600">{t.location} </span>
            {event.location}
          </p>
        )}
        {event.description && (
          <p className="mt-1 text-sm whitespace-pre-line text-slate-600">{event.description}</p>
        )}
      </div>
      {canManage && !cancelled && (
        <>
          <EventEditor
            calendarId={calendarId}
            // An edit is read in the event's own zone, the one its times are shown in.
            timeZone={event.timeZone}
            kind={kind}
            event={{
              id: event.id,
              title: event.title,
              allDay: event.allDay,
              startDate: event.startDate,
              startTime: event.startTime,
              endDate: event.endDate,
              endTime: event.endTime,
              location: event.location,
              description: event.description,
              sequence: event.sequence,
            }}
            panelClassName="order-last basis-full rounded-lg border border-slate-200 bg-slate-50 p-4"
          />
          <CancelEventButton calendarId={calendarId} eventId={event.id} title={event.title} />
        </>
      )}
    </li>
  );
}

/** A span of days the section lists instead of "upcoming and recent past" (My calendar's week or month). */
export interface ListedRange {
  from: string;
  to: string;
  /** "Week of 7 Dec 2026", "December 2026". */
  label: string;
  /** Previous/next and week/month links. */
  navigation: ReactNode;
}

/**
 * A calendar's events — a team's events, a person's appointments —, with the controls to add,
 * edit and cancel them for whoever may: upcoming ones and the recent past folded away, or the
 * events of one week or month.
 */
export async function EventsSection({
  calendar,
  heading,
  subheading,
  kind,
  range,
  emptyHint,
}: {
  calendar: Pick<ActorCalendar, 'id' | 'timeZone' | 'rights'>;
  heading: string;
  subheading: string;
  kind: EventKind;
  range?: ListedRange;
  /** What to do next, said after "No upcoming events." (the team page's empty state). */
  emptyHint?: ReactNode;
}) {
  const [actor, t, locale] = await Promise.all([
    requireActor(),
    getTranslations('calendar.events'),
    getLocale(),
  ]);
  const { id: calendarId, timeZone } = calendar;
  const canManage = calendar.rights.canEditEvents;
  const now = TZDate.tz(timeZone);
  const today = format(now, 'yyyy-MM-dd');
  const events = await listCalendarEvents(
    actor,
    calendarId,
    range ?? {
      from: format(addDays(now, -RECENT_PAST_DAYS), 'yyyy-MM-dd'),
      to: format(addYears(now, EVENT_WINDOW_YEARS), 'yyyy-MM-dd'),
    },
  );
  const isOver = (e: CalendarEventDto) => (e.endsAt ? e.endsAt <= now : e.endDate < today);
  const upcoming = range ? events : events.filter((e) => !isOver(e));
  const past = range ? [] : events.filter(isOver).reverse();
  const noun = kind.noun;
  const words = { cancelled: t('cancelled'), allDay: t('allDay'), location: t('location') };
  const item = (event: CalendarEventDto) => (
    <EventItem
      key={event.id}
      event={event}
      calendarId={calendarId}
      calendarTimeZone={timeZone}
      kind={kind}
      canManage={canManage}
      t={words}
      locale={locale}
    />
  );

  return (
    <section
      aria-labelledby="events-heading"
      className="mt-8 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-5 py-3">
        <div>
          <h2 id="events-heading" className="font-semibold">
            {heading}
          </h2>
          <p className="text-xs text-slate-600">
            {subheading} · {timeZone}
          </p>
        </div>
        {canManage && (
          <EventEditor
            calendarId={calendarId}
            timeZone={timeZone}
            kind={kind}
            panelClassName="order-last basis-full border-t border-slate-200 pt-4"
          />
        )}
        {range && <div className="basis-full">{range.navigation}</div>}
      </div>
      {upcoming.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600">
          {range ? t('noneIn', { noun, range: range.label }) : t('none', { noun })}
          {!range && emptyHint && <> {emptyHint}</>}
        </p>
      ) : (
        <ul
          aria-label={
            range ? t('inRange', { heading, range: range.label }) : t('upcoming', { noun })
          }
          className="divide-y divide-slate-100"
        >
          {upcoming.map(item)}
        </ul>
      )}
      {past.length > 0 && (
        <details className="border-t border-slate-200">
          <summary className="cursor-pointer px-5 py-3 text-sm text-slate-600 hover:bg-slate-50">
            {t('pastSummary', { noun, days: RECENT_PAST_DAYS, count: past.length })}
          </summary>
          <ul
            aria-label={t('past', { noun })}
            className="divide-y divide-slate-100 border-t border-slate-100"
          >
            {past.map(item)}
          </ul>
        </details>
      )}
    </section>
  );
}
