import 'server-only';
import {
  and,
  asc,
  count,
  eq,
  gt,
  gte,
  inArray,
  lt,
  lte,
  sql,
  type AnyColumn,
  type SQL,
} from 'drizzle-orm';
import { getDb } from '@/db';
import {
  absences,
  absenceTypes,
  bookings,
  calendarEvents,
  memberships,
  resources,
  users,
} from '@/db/schema';
import { publicHolidaysBetween, type HolidayPlace } from '@/lib/holidays';
import type { AbsenceRow, BookingRow, TeamEventRow } from '@/lib/ics';
import type { FeedOptions } from './feed-tokens';

// The rows feeds publish, read in keyset pages so that memory stays flat however many there are:
// each page starts after the last (start, id) of the previous one, using the start indexes. The
// calendar sources (lib/dal/calendars) choose which of these readers make up their feed.

/** An absence row of the ICS library, with the person as the database names them. */
export type FeedAbsenceRow = Omit<AbsenceRow, 'personId'> & { kind: 'absence'; userId: string };
export type FeedEventRow = TeamEventRow & { kind: 'event' };
export type FeedBookingRow = BookingRow & { kind: 'booking' };
/** A public holiday of a place: computed (lib/holidays.ts), not read from the database. */
export interface FeedHolidayRow {
  kind: 'holiday';
  date: string;
  name: string;
  country: string;
  region: string | null;
}
export type FeedRow = FeedAbsenceRow | FeedEventRow | FeedBookingRow | FeedHolidayRow;

export interface FeedWindowSelection {
  options: FeedOptions;
  /** Inclusive 'YYYY-MM-DD' window of the feed. */
  from: string;
  to: string;
}

/** Whose absences: a team's members, or one person. */
export type AbsenceOwners = { teamId: string } | { userId: string };
export type AbsenceSelection = FeedWindowSelection & { owners: AbsenceOwners };
export type EventSelection = FeedWindowSelection & { calendarId: string };
export type BookingSelection = FeedWindowSelection & { resourceId: string };
export type HolidaySelection = FeedWindowSelection & { place: HolidayPlace };

/**
 * Rows a page holds: memory stays bounded, and most feeds are one query. (The calendar's header
 * leaves before the first page is read, so a smaller first page would only cost a second query:
 * a team's absences are sorted whole on every page, 5 ms each for 200 people.)
 */
const PAGE_SIZE = 1_000;

/** Which absences a link shows, wherever they fall. */
export function absenceScope({ owners, options }: Omit<AbsenceSelection, 'from' | 'to'>): SQL {
  return and(
    'userId' in owners
      ? eq(absences.userId, owners.userId)
      : inArray(
          absences.userId,
          getDb()
            .select({ id: memberships.userId })
            .from(memberships)
            .where(eq(memberships.teamId, owners.teamId)),
        ),
    inArray(absences.status, options.includePending ? ['approved', 'pending'] : ['approved']),
    options.absenceTypeIds ? inArray(absences.typeId, options.absenceTypeIds) : undefined,
  )!;
}

function absenceFilter(selection: AbsenceSelection): SQL {
  return and(
    absenceScope(selection),
    lte(absences.startDate, selection.to),
    gte(absences.endDate, selection.from),
  )!;
}

function eventFilter({ calendarId, from, to }: EventSelection): SQL {
  return and(
    eq(calendarEvents.calendarId, calendarId),
    lte(calendarEvents.startDate, to),
    gte(calendarEvents.endDate, from),
  )!;
}

/** The instant a 'YYYY-MM-DD' UTC date starts, `plusDays` later. */
export const utcDayStart = (date: string, plusDays = 0) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + plusDays * 86_400_000);

/** Which bookings a link shows, whenever they are. */
export function bookingScope({ resourceId, options }: Omit<BookingSelection, 'from' | 'to'>): SQL {
  return and(
    eq(bookings.resourceId, resourceId),
    // Cancelled and declined bookings stay, so that subscribed clients remove them.
    options.includePending ? undefined : sql`${bookings.status} <> 'requested'`,
  )!;
}

function bookingFilter({ from, to, ...selection }: BookingSelection): SQL {
  return and(
    bookingScope(selection),
    lt(bookings.startsAt, utcDayStart(to, 1)),
    gt(bookings.endsAt, utcDayStart(from)),
  )!;
}

/** Keyset condition: rows after (startDate, id) in (start_date, id) order. */
function after(
  table: { startDate: AnyColumn; id: AnyColumn },
  last: { startDate: string; id: string } | undefined,
): SQL | undefined {
  if (!last) return undefined;
  // A row comparison, which an index on (start_date, id) answers with one range scan.
  return sql`(${table.startDate}, ${table.id}) > (${last.startDate}::date, ${last.id}::uuid)`;
}

async function absencePage(selection: AbsenceSelection, last?: FeedAbsenceRow) {
  const rows = await getDb()
    .select({
      id: absences.id,
      userId: absences.userId,
      personName: users.name,
      typeKey: absenceTypes.key,
      typeLabel: absenceTypes.label,
      typeColor: absenceTypes.color,
      typePrivate: absenceTypes.isPrivate,
      startDate: absences.startDate,
      endDate: absences.endDate,
      halfDayStart: absences.halfDayStart,
      halfDayEnd: absences.halfDayEnd,
      status: absences.status,
      note: absences.note,
      sequence: absences.sequence,
      createdAt: absences.createdAt,
      updatedAt: absences.updatedAt,
    })
    .from(absences)
    // Joined, unlike a booking's booker: for a team holding most of the organisation's absences
    // the planner may then walk the (start, id) index page by page instead of sorting them all.
    .innerJoin(users, eq(users.id, absences.userId))
    .innerJoin(absenceTypes, eq(absenceTypes.id, absences.typeId))
    .where(and(absenceFilter(selection), after(absences, last)))
    .orderBy(asc(absences.startDate), asc(absences.id))
    .limit(PAGE_SIZE);
  return rows.map((row): FeedAbsenceRow => ({
    ...row,
    kind: 'absence',
    status: row.status as FeedAbsenceRow['status'],
  }));
}

async function eventPage(selection: EventSelection, last?: FeedEventRow) {
  const rows = await getDb()
    .select({
      id: calendarEvents.id,
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
      createdAt: calendarEvents.createdAt,
      updatedAt: calendarEvents.updatedAt,
    })
    .from(calendarEvents)
    .where(and(eventFilter(selection), after(calendarEvents, last)))
    .orderBy(asc(calendarEvents.startDate), asc(calendarEvents.id))
    .limit(PAGE_SIZE);
  return rows.map((row): FeedEventRow => ({ ...row, kind: 'event' }));
}

async function bookingPage(selection: BookingSelection, last?: FeedBookingRow) {
  const rows = await getDb()
    .select({
      id: bookings.id,
      title: bookings.title,
      note: bookings.note,
      // Looked up row by row: joined, the planner hashes every user of the organisation (3 of a
      // room feed's 4 ms with 10,000 people) to name the few who book it.
      bookedByName: sql<string>`(select ${users.name} from ${users} where ${users.id} = ${bookings.bookedById})`,
      location: resources.location,
      resourceName: resources.name,
      timeZone: resources.timeZone,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      status: bookings.status,
      sequence: bookings.sequence,
      createdAt: bookings.createdAt,
      updatedAt: bookings.updatedAt,
    })
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .where(
      and(
        bookingFilter(selection),
        last
          ? sql`(${bookings.startsAt}, ${bookings.id}) > (${last.startsAt.toISOString()}::timestamptz, ${last.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.id))
    .limit(PAGE_SIZE);
  return rows.map((row): FeedBookingRow => ({ ...row, kind: 'booking' }));
}

/** Absences, page by page. A page is read only when the consumer asks for it. */
export function readAbsenceRows(selection: AbsenceSelection): AsyncGenerator<FeedRow[]> {
  return pages<FeedAbsenceRow>((last) => absencePage(selection, last));
}

export function readEventRows(selection: EventSelection): AsyncGenerator<FeedRow[]> {
  return pages<FeedEventRow>((last) => eventPage(selection, last));
}

export function readBookingRows(selection: BookingSelection): AsyncGenerator<FeedRow[]> {
  return pages<FeedBookingRow>((last) => bookingPage(selection, last));
}

/** A place's public holidays in the window, in date order: a few dozen at most, one page. */
export async function* readHolidayRows({
  place,
  from,
  to,
}: HolidaySelection): AsyncGenerator<FeedRow[]> {
  const rows = publicHolidaysBetween(place, from, to).map((holiday): FeedHolidayRow => ({
    kind: 'holiday',
    ...holiday,
    ...place,
  }));
  if (rows.length > 0) yield rows;
}

async function* pages<Row>(read: (last?: Row) => Promise<Row[]>) {
  for (let page = await read(); page.length > 0; page = await read(page.at(-1))) {
    yield page;
    if (page.length < PAGE_SIZE) return;
    // Other requests get a turn between pages. The embedded database answers in this thread and
    // a fast client drains each page at once, so a feed of 50,000 rows held it for 2.6 s.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** How many rows each reader would yield, for a download's progress bar. */
export async function countAbsenceRows(selection: AbsenceSelection): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(absences).where(absenceFilter(selection));
  return Number(row?.n ?? 0);
}

export async function countEventRows(selection: EventSelection): Promise<number> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(calendarEvents)
    .where(eventFilter(selection));
  return Number(row?.n ?? 0);
}

export function countHolidayRows({ place, from, to }: HolidaySelection): number {
  return publicHolidaysBetween(place, from, to).length;
}

export async function countBookingRows(selection: BookingSelection): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(bookings).where(bookingFilter(selection));
  return Number(row?.n ?? 0);
}
