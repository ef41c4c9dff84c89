import 'server-only';
import { and, eq, gt, gte, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { absences, bookings, calendarEvents, feedTokens } from '@/db/schema';
import { dayAfter, earlierDate, type KeptWindow, type WindowEdges } from '@/lib/feed-window';
import { publicHolidaysBetween } from '@/lib/holidays';
import {
  absenceScope,
  utcDayStart,
  bookingScope,
  type AbsenceSelection,
  type BookingSelection,
  type EventSelection,
  type HolidaySelection,
} from './feed-rows';

// The dates that end a link's window (lib/feed-window.ts): read when a body is built, never on
// the 304 path, which finds them in the link's row.

/** The edges of several readers' rows together: the earliest of each. */
export function combineEdges(...all: WindowEdges[]): WindowEdges {
  return all.reduce(
    (a, b) => ({
      lastEnd: earlierDate(a.lastEnd, b.lastEnd),
      nextStart: earlierDate(a.nextStart, b.nextStart),
    }),
    { lastEnd: null, nextStart: null },
  );
}

/** One statement: the earliest end inside [from, to] and the earliest start after `to`. */
async function dateEdges(
  table: typeof absences | typeof calendarEvents,
  scope: SQL,
  { from, to }: { from: string; to: string },
): Promise<WindowEdges> {
  const [row] = await getDb()
    .select({
      lastEnd: sql<
        string | null
      >`(min(${table.endDate}) filter (where ${table.startDate} <= ${to}::date))::text`,
      nextStart: sql<
        string | null
      >`(min(${table.startDate}) filter (where ${table.startDate} > ${to}::date))::text`,
    })
    .from(table)
    .where(and(scope, gte(table.endDate, from)));
  return { lastEnd: row?.lastEnd ?? null, nextStart: row?.nextStart ?? null };
}

export function absenceEdges(selection: AbsenceSelection): Promise<WindowEdges> {
  return dateEdges(absences, absenceScope(selection), selection);
}

export function eventEdges(selection: EventSelection): Promise<WindowEdges> {
  return dateEdges(calendarEvents, eq(calendarEvents.calendarId, selection.calendarId), selection);
}

/**
 * A booking is inside while it ends after the past edge's first instant and starts before the
 * future edge's last day ends (lib/dal/feed-rows.ts): in dates, its last day is that of its end
 * less a microsecond, its first the UTC date of its start.
 */
export async function bookingEdges(selection: BookingSelection): Promise<WindowEdges> {
  const futureEnd = utcDayStart(selection.to, 1).toISOString();
  const [row] = await getDb()
    .select({
      lastEnd: sql<string | null>`((min(${bookings.endsAt}) filter (where ${bookings.startsAt}
        < ${futureEnd}::timestamptz) - interval '1 microsecond') at time zone 'UTC')::date::text`,
      nextStart: sql<string | null>`((min(${bookings.startsAt}) filter (where ${bookings.startsAt}
        >= ${futureEnd}::timestamptz)) at time zone 'UTC')::date::text`,
    })
    .from(bookings)
    .where(and(bookingScope(selection), gt(bookings.endsAt, utcDayStart(selection.from))));
  return { lastEnd: row?.lastEnd ?? null, nextStart: row?.nextStart ?? null };
}

/** How far beyond the future edge holidays are looked for; none there counts as one at its end. */
const HOLIDAY_LOOKAHEAD_DAYS = 800;

/** Holidays are computed, not stored: no write announces a new one, so there is always a next. */
export function holidayEdges({ place, from, to }: HolidaySelection): WindowEdges {
  const inside = publicHolidaysBetween(place, from, to);
  const horizon = new Date(Date.parse(`${to}T00:00:00Z`) + HOLIDAY_LOOKAHEAD_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const next = publicHolidaysBetween(place, dayAfter(to), horizon)[0];
  return { lastEnd: inside[0]?.date ?? null, nextStart: next?.date ?? dayAfter(horizon) };
}

/** Keeps the window a body was just built for, with the data (`basis`) it was built from. */
export async function keepFeedWindow(tokenId: string, kept: KeptWindow): Promise<void> {
  await getDb()
    .update(feedTokens)
    .set({
      windowBasis: kept.basis,
      windowStep: kept.step,
      windowLastEnd: kept.lastEnd,
      windowNextStart: kept.nextStart,
    })
    .where(eq(feedTokens.id, tokenId));
}
