import 'server-only';
import { and, asc, count, eq, gte, inArray, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { absences, absenceTypes, memberships, teamEvents, users } from '@/db/schema';
import type { AbsenceRow, TeamEventRow } from '@/lib/ics';
import type { FeedOptions } from './feed-tokens';

// The rows a feed publishes, read in keyset pages so that memory stays flat however many there
// are: each page starts after the last (date, id) of the previous one, using the date indexes.

/** An absence row of the ICS library, with the person as the database names them. */
export type FeedAbsenceRow = Omit<AbsenceRow, 'personId'> & { kind: 'absence'; userId: string };
export type FeedEventRow = TeamEventRow & { kind: 'event' };
export type FeedRow = FeedAbsenceRow | FeedEventRow;

export interface FeedSelection {
  teamId: string;
  options: FeedOptions;
  /** Inclusive 'YYYY-MM-DD' window of the feed. */
  from: string;
  to: string;
}

/** Pages start small so the first bytes leave at once, then grow to cut per-query overhead. */
const FIRST_PAGE_SIZE = 250;
export const MAX_PAGE_SIZE = 1_000;

function absenceFilter({ teamId, options, from, to }: FeedSelection): SQL {
  return and(
    inArray(
      absences.userId,
      getDb()
        .select({ id: memberships.userId })
        .from(memberships)
        .where(eq(memberships.teamId, teamId)),
    ),
    inArray(absences.status, options.includePending ? ['approved', 'pending'] : ['approved']),
    options.absenceTypeIds ? inArray(absences.typeId, options.absenceTypeIds) : undefined,
    lte(absences.startDate, to),
    gte(absences.endDate, from),
  )!;
}

function eventFilter({ teamId, from, to }: FeedSelection): SQL {
  return and(
    eq(teamEvents.teamId, teamId),
    lte(teamEvents.startDate, to),
    gte(teamEvents.endDate, from),
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

async function absencePage(selection: FeedSelection, limit: number, last?: FeedAbsenceRow) {
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
    .innerJoin(users, eq(users.id, absences.userId))
    .innerJoin(absenceTypes, eq(absenceTypes.id, absences.typeId))
    .where(and(absenceFilter(selection), after(absences, last)))
    .orderBy(asc(absences.startDate), asc(absences.id))
    .limit(limit);
  return rows.map((row): FeedAbsenceRow => ({
    ...row,
    kind: 'absence',
    status: row.status as FeedAbsenceRow['status'],
  }));
}

async function eventPage(selection: FeedSelection, limit: number, last?: FeedEventRow) {
  const rows = await getDb()
    .select({
      id: teamEvents.id,
      title: teamEvents.title,
      description: teamEvents.description,
      location: teamEvents.location,
      allDay: teamEvents.allDay,
      startDate: teamEvents.startDate,
      endDate: teamEvents.endDate,
      startsAt: teamEvents.startsAt,
      endsAt: teamEvents.endsAt,
      timeZone: teamEvents.timeZone,
      status: teamEvents.status,
      sequence: teamEvents.sequence,
      createdAt: teamEvents.createdAt,
      updatedAt: teamEvents.updatedAt,
    })
    .from(teamEvents)
    .where(and(eventFilter(selection), after(teamEvents, last)))
    .orderBy(asc(teamEvents.startDate), asc(teamEvents.id))
    .limit(limit);
  return rows.map((row): FeedEventRow => ({ ...row, kind: 'event' }));
}

/**
 * The feed's rows, page by page: absences, then team events if the link includes them. A page is
 * read only when the consumer asks for it, so a slow client holds back the queries too.
 */
export async function* readFeedRows(selection: FeedSelection): AsyncGenerator<FeedRow[]> {
  yield* pages<FeedAbsenceRow>((limit, last) => absencePage(selection, limit, last));
  if (selection.options.includeTeamEvents)
    yield* pages<FeedEventRow>((limit, last) => eventPage(selection, limit, last));
}

async function* pages<Row>(read: (limit: number, last?: Row) => Promise<Row[]>) {
  let limit = FIRST_PAGE_SIZE;
  for (let page = await read(limit); page.length > 0;) {
    yield page;
    if (page.length < limit) return;
    const last = page.at(-1);
    limit = Math.min(limit * 2, MAX_PAGE_SIZE);
    page = await read(limit, last);
  }
}

/** How many events a feed will hold, for a download's progress bar. */
export async function countFeedRows(selection: FeedSelection): Promise<number> {
  const db = getDb();
  const [[absenceCount], [eventCount]] = await Promise.all([
    db.select({ n: count() }).from(absences).where(absenceFilter(selection)),
    selection.options.includeTeamEvents
      ? db.select({ n: count() }).from(teamEvents).where(eventFilter(selection))
      : Promise.resolve([{ n: 0 }]),
  ]);
  return Number(absenceCount?.n ?? 0) + Number(eventCount?.n ?? 0);
}
