import 'server-only';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db';
import { calendarEvents } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';
import type { RequestInfo } from '@/lib/request-info';
import type {
  CalendarEventCancelInput,
  CalendarEventInput,
  CalendarEventUpdateInput,
} from '@/lib/validation';
import { isCalendarDate } from '@/lib/workdays';
import { localInstant, todayIn } from '@/lib/zoned-time';
import type { Actor } from './actor';
import { recordAuditEvent } from './audit';
import { bookForEvent, resourcePlace, updateEventBooking } from './bookings';
import { bumpCalendarVersion } from './calendar-version';
import { findCalendarForActor, type ActorCalendar } from './calendars';

// The events of a team's calendar (team events, kept by its managers and admins) and of a
// person's (their appointments, kept by them alone): one table, one set of rules, the rights of
// each kind from its calendar source.

export interface CalendarEventDto {
  id: string;
  calendarId: string;
  title: string;
  description: string | null;
  location: string | null;
  allDay: boolean;
  /** Local dates in the event's time zone, inclusive. */
  startDate: string;
  endDate: string;
  /** Local 'HH:MM' in the event's time zone; null for all-day events. */
  startTime: string | null;
  endTime: string | null;
  /** The instants of a timed event; null for all-day events. */
  startsAt: Date | null;
  endsAt: Date | null;
  timeZone: string;
  status: 'confirmed' | 'cancelled';
  sequence: number;
}

const eventColumns = {
  id: calendarEvents.id,
  calendarId: calendarEvents.calendarId,
  title: calendarEvents.title,
  description: calendarEvents.description,
  location: calendarEvents.location,
  allDay: calendarEvents.allDay,
  startDate: calendarEvents.startDate,
  endDate: calendarEvents.endDate,
  startsAt: calendarEvents.startsAt,
  endsAt: calendarEvents.endsAt,
  timeZone: calendarEvents.timeZone,
  status: calendarEvents.status,
  sequence: calendarEvents.sequence,
};
type EventRow = Omit<CalendarEventDto, 'startTime' | 'endTime'>;

/** How far from today an event may be scheduled, in years, either way (as for absences). */
export const EVENT_WINDOW_YEARS = 2;

function toDto(row: EventRow): CalendarEventDto {
  const localTime = (instant: Date | null) =>
    instant ? format(new TZDate(instant.getTime(), row.timeZone), 'HH:mm') : null;
  return { ...row, startTime: localTime(row.startsAt), endTime: localTime(row.endsAt) };
}

/** The calendar, if the actor may edit its events; `not_found` otherwise. */
async function editableCalendar(db: Database | Transaction, actor: Actor, calendarId: string) {
  const calendar = await findCalendarForActor(actor, { id: calendarId }, db);
  if (!calendar.rights.canEditEvents) throw new AppError('not_found', 'Calendar not found.');
  return calendar;
}

/**
 * After every change to an event: its calendar's version moves (feeds change), and the audit
 * names it as a team event or an appointment.
 */
async function recordEventChange(
  tx: Transaction,
  actor: Actor,
  calendar: ActorCalendar,
  change: { verb: 'created' | 'updated' | 'cancelled'; eventId: string; details: object },
  request?: RequestInfo,
) {
  const noun = calendar.kind === 'person' ? 'appointment' : 'team_event';
  await bumpCalendarVersion(tx, calendar.id);
  await recordAuditEvent(tx, {
    actorId: actor.id,
    action: `${noun}.${change.verb}`,
    targetType: noun,
    targetId: change.eventId,
    teamId: calendar.teamId,
    details: { ...change.details },
    request,
  });
}

/** What creating and editing share: everything but the submission key. */
type EventFields = Omit<CalendarEventInput, 'submissionKey' | 'resourceId'>;

function shiftYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/** Dates within EVENT_WINDOW_YEARS of today, where the calendar is. */
function checkWindow(input: EventFields, timeZone: string): void {
  const today = todayIn(timeZone);
  const message = new TranslatableText('calendar.events.errors.window', {
    years: EVENT_WINDOW_YEARS,
  });
  if (input.startDate < shiftYears(today, -EVENT_WINDOW_YEARS))
    throw new AppError('bad_request', message, { field: 'startDate' });
  if (input.endDate > shiftYears(today, EVENT_WINDOW_YEARS))
    throw new AppError('bad_request', message, { field: 'endDate' });
}

/** The instants an event occupies: an all-day event, its whole local days. */
function span(timing: ReturnType<typeof timingOf>): { startsAt: Date; endsAt: Date } {
  if (timing.startsAt && timing.endsAt) return { startsAt: timing.startsAt, endsAt: timing.endsAt };
  const dayAfter = new Date(Date.parse(`${timing.endDate}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  return {
    startsAt: localInstant(timing.startDate, '00:00', timing.timeZone, 'startDate'),
    endsAt: localInstant(dayAfter, '00:00', timing.timeZone, 'endDate'),
  };
}

/** The stored timing of an event entered in `timeZone`. */
function timingOf(input: EventFields, timeZone: string) {
  const dates = { startDate: input.startDate, endDate: input.endDate, timeZone };
  if (input.allDay) return { ...dates, allDay: true, startsAt: null, endsAt: null };
  if (!input.startTime)
    throw new AppError(
      'bad_request',
      new TranslatableText('calendar.events.errors.startTimeMissing'),
      {
        field: 'startTime',
      },
    );
  if (!input.endTime)
    throw new AppError(
      'bad_request',
      new TranslatableText('calendar.events.errors.endTimeMissing'),
      {
        field: 'endTime',
      },
    );
  const startsAt = localInstant(input.startDate, input.startTime, timeZone, 'startTime');
  const endsAt = localInstant(input.endDate, input.endTime, timeZone, 'endTime');
  if (endsAt <= startsAt)
    throw new AppError(
      'bad_request',
      new TranslatableText('calendar.events.errors.endsBeforeStarts'),
      {
        field: 'endTime',
      },
    );
  return { ...dates, allDay: false, startsAt, endsAt };
}

/**
 * The calendar's events (cancelled ones included) that share a day with `from`–`to` (local dates,
 * inclusive), for whoever may see the calendar; anyone else gets `not_found`.
 */
export async function listCalendarEvents(
  actor: Actor,
  calendarId: string,
  range: { from: string; to: string },
): Promise<CalendarEventDto[]> {
  if (!isCalendarDate(range.from) || !isCalendarDate(range.to))
    throw new AppError('bad_request', 'Choose real dates.');
  const calendar = await findCalendarForActor(actor, { id: calendarId });
  const rows = await getDb()
    .select(eventColumns)
    .from(calendarEvents)
    .where(
      and(
        eq(calendarEvents.calendarId, calendar.id),
        lte(calendarEvents.startDate, range.to),
        gte(calendarEvents.endDate, range.from),
      ),
    )
    .orderBy(
      asc(calendarEvents.startDate),
      desc(calendarEvents.allDay),
      asc(calendarEvents.startsAt),
      asc(calendarEvents.title),
    );
  return rows.map(toDto);
}

export interface CreatedCalendarEvent extends CalendarEventDto {
  /** The same submission had already created this event (a double click, a retried request). */
  alreadyAdded: boolean;
}

/**
 * Adds an event to a calendar whose events the actor may edit (a team's managers and admins, a
 * person for their own), once per submission key: a repeated key answers with the event it made.
 */
export async function createCalendarEvent(
  actor: Actor,
  input: CalendarEventInput,
  request?: RequestInfo,
): Promise<CreatedCalendarEvent> {
  return getDb().transaction(async (tx) => {
    const calendar = await editableCalendar(tx, actor, input.calendarId);
    checkWindow(input, calendar.timeZone);
    if (input.resourceId && calendar.kind !== 'team')
      throw new AppError(
        'bad_request',
        new TranslatableText('calendar.events.errors.roomsForTeams'),
        {
          field: 'resourceId',
        },
      );
    const timing = timingOf(input, calendar.timeZone);
    const [event] = await tx
      .insert(calendarEvents)
      .values({
        calendarId: calendar.id,
        title: input.title,
        description: input.description,
        location: input.resourceId ? await resourcePlace(tx, input.resourceId) : input.location,
        ...timing,
        submissionKey: input.submissionKey,
        createdById: actor.id,
      })
      // A concurrent insert with the same key is waited for, then found by the select below.
      .onConflictDoNothing({ target: [calendarEvents.calendarId, calendarEvents.submissionKey] })
      .returning(eventColumns);
    if (!event) {
      const [existing] = await tx
        .select(eventColumns)
        .from(calendarEvents)
        .where(
          and(
            eq(calendarEvents.calendarId, calendar.id),
            eq(calendarEvents.submissionKey, input.submissionKey),
          ),
        );
      return { ...toDto(existing!), alreadyAdded: true };
    }
    if (input.resourceId)
      await bookForEvent(tx, actor, {
        resourceId: input.resourceId,
        eventId: event.id,
        title: event.title,
        ...span(timing),
      });
    await recordEventChange(
      tx,
      actor,
      calendar,
      { verb: 'created', eventId: event.id, details: { title: event.title } },
      request,
    );
    return { ...toDto(event), alreadyAdded: false };
  });
}

/** One of the calendar's events, locked, if the actor may edit it; `not_found` otherwise. */
async function findEditableEvent(
  tx: Transaction,
  actor: Actor,
  calendarId: string,
  eventId: string,
) {
  const calendar = await editableCalendar(tx, actor, calendarId);
  const [event] = await tx
    .select(eventColumns)
    .from(calendarEvents)
    .where(and(eq(calendarEvents.id, eventId), eq(calendarEvents.calendarId, calendar.id)))
    .for('update');
  if (!event) throw new AppError('not_found', 'Event not found.');
  return { calendar, event };
}

const editableFields = [
  'title',
  'description',
  'location',
  'allDay',
  'startDate',
  'endDate',
  'startsAt',
  'endsAt',
  'timeZone',
] as const;

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** Changes an event; its sequence moves so that calendar clients replace their copy. */
export async function updateCalendarEvent(
  actor: Actor,
  input: CalendarEventUpdateInput,
  request?: RequestInfo,
): Promise<CalendarEventDto> {
  return getDb().transaction(async (tx) => {
    const { calendar, event: current } = await findEditableEvent(
      tx,
      actor,
      input.calendarId,
      input.eventId,
    );
    checkWindow(input, calendar.timeZone);
    if (current.status === 'cancelled')
      throw new AppError('conflict', new TranslatableText('calendar.events.errors.editCancelled'));
    // The form shows the event's times in its own zone (its zone when it was added): read the
    // edit in that zone too, or a calendar that moved zone would shift the event on any save.
    const timing = timingOf(input, current.timeZone);
    // An event that holds a room keeps the room's location; the room moves with the event.
    const holdsRoom = await updateEventBooking(tx, actor, current.id, {
      title: input.title,
      ...span(timing),
    });
    const next = {
      title: input.title,
      description: input.description,
      location: holdsRoom ? current.location : input.location,
      ...timing,
    };
    const changed = editableFields.filter((field) => !sameValue(next[field], current[field]));
    if (changed.length === 0) return toDto(current);

    const [event] = await tx
      .update(calendarEvents)
      .set({ ...next, sequence: sql`${calendarEvents.sequence} + 1`, updatedAt: sql`now()` })
      .where(eq(calendarEvents.id, current.id))
      .returning(eventColumns);
    await recordEventChange(
      tx,
      actor,
      calendar,
      { verb: 'updated', eventId: current.id, details: { changed } },
      request,
    );
    return toDto(event!);
  });
}

/**
 * Cancels an event. The row stays, as `cancelled`: feeds show it STATUS:CANCELLED so that
 * subscribed clients remove it.
 */
export async function cancelCalendarEvent(
  actor: Actor,
  input: CalendarEventCancelInput,
  request?: RequestInfo,
): Promise<CalendarEventDto> {
  return getDb().transaction(async (tx) => {
    const { calendar, event: current } = await findEditableEvent(
      tx,
      actor,
      input.calendarId,
      input.eventId,
    );
    if (current.status === 'cancelled')
      throw new AppError(
        'conflict',
        new TranslatableText('calendar.events.errors.alreadyCancelled'),
      );
    const [event] = await tx
      .update(calendarEvents)
      .set({
        status: 'cancelled',
        sequence: sql`${calendarEvents.sequence} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(calendarEvents.id, current.id))
      .returning(eventColumns);
    await updateEventBooking(tx, actor, current.id, 'cancelled');
    await recordEventChange(
      tx,
      actor,
      calendar,
      { verb: 'cancelled', eventId: current.id, details: { title: current.title } },
      request,
    );
    return toDto(event!);
  });
}
