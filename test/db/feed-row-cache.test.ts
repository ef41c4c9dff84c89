import { describe, expect, it } from 'vitest';
import { absences, bookings, calendarEvents, resources } from '@/db/schema';
import { calendarSource, type CalendarSubject } from '@/lib/dal/calendars';
import { readSharedRows } from '@/lib/dal/feed-row-cache';
import type { FeedRow } from '@/lib/dal/feed-rows';
import type { FeedOptions } from '@/lib/dal/feed-tokens';
import { allLinksWindow, linkWindow } from '@/lib/feed-window';
import { countStatements, setupTestDatabase } from '@/test/helpers/database';
import {
  addMember,
  createAbsenceType,
  createTeam,
  createUser,
  teamCalendarId,
} from '@/test/helpers/factories';

// The links of one calendar share the rows read for the window that holds all of today's links'
// windows (lib/dal/feed-row-cache.ts). Each link must still get exactly the rows the database
// gives for its own window, rows on the edges included, and a new basis must read afresh.

const db = setupTestDatabase();
const DAY_MS = 86_400_000;
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
// A pinned clock, whatever today is.
const now = new Date('2027-03-10T10:00:00Z');
const shared = allLinksWindow(now);
const options: FeedOptions = {
  privacy: 'standard',
  includePending: true,
  absenceTypeIds: null,
  includeTeamEvents: true,
  includeHolidays: true,
};

/** The windows of 60 links, which step on every day of the cycle. */
const windows = Array.from({ length: 60 }, (_, index) => linkWindow(`link-${index}`, now));
/** Dates on and around every edge of every link's window. */
const edgeDates = [
  ...new Set(
    windows.flatMap(({ from, to }) =>
      [from, to].flatMap((date) => [-1, 0, 1].map((d) => plusDays(date, d))),
    ),
  ),
];

function subject(overrides: Partial<CalendarSubject>): CalendarSubject {
  return {
    id: crypto.randomUUID(),
    kind: 'team',
    teamId: null,
    personId: null,
    resourceId: null,
    name: 'Calendar',
    slug: null,
    timeZone: 'Europe/Paris',
    includesOwnAbsences: false,
    holidayPlace: null,
    version: 1,
    updatedAt: new Date(0),
    presentation: { version: 0, changedAt: new Date(0) },
    ...overrides,
  };
}

async function collect(rows: AsyncIterable<FeedRow[]>) {
  const all: FeedRow[] = [];
  for await (const page of rows) all.push(...page);
  return all;
}

async function expectEveryLinkReadsItsOwnRows(calendar: CalendarSubject, basis: string) {
  const source = calendarSource(calendar.kind);
  // The first link reads the shared window; every other one is served from it, without a query.
  await collect(readSharedRows(source, calendar, { options, ...windows[0]! }, { basis, now }));
  for (const window of windows) {
    const selection = { options, from: window.from, to: window.to };
    const direct = await collect(source.readRows(calendar, selection));
    let shared: FeedRow[] = [];
    const statements = await countStatements(db(), async () => {
      shared = await collect(readSharedRows(source, calendar, selection, { basis, now }));
    });
    expect(statements).toBe(0);
    expect(shared).toEqual(direct);
  }
}

describe("a calendar's rows, shared by its links", () => {
  it('give each link of a team the absences, events and holidays of its own window, edges included', async () => {
    const team = await createTeam(db(), { holidayCountry: 'FR' });
    const calendarId = await teamCalendarId(db(), team.id);
    const ada = await createUser(db());
    await addMember(db(), team.id, ada.id);
    const type = await createAbsenceType(db());
    await db()
      .insert(absences)
      .values(
        edgeDates.flatMap((date) => [
          { userId: ada.id, typeId: type.id, startDate: date, endDate: date, status: 'approved' },
          {
            userId: ada.id,
            typeId: type.id,
            startDate: plusDays(date, -3),
            endDate: date,
            status: 'pending',
          },
        ]) as (typeof absences.$inferInsert)[],
      );
    await db()
      .insert(calendarEvents)
      .values(
        edgeDates.map((date) => ({
          calendarId,
          title: `Event ${date}`,
          allDay: true,
          createdById: ada.id,
          startDate: date,
          endDate: plusDays(date, 2),
          timeZone: 'Europe/Paris',
        })),
      );
    const calendar = subject({
      id: calendarId,
      teamId: team.id,
      holidayPlace: { country: 'FR', region: null },
    });
    const rows = await collect(calendarSource('team').readRows(calendar, { options, ...shared }));
    expect(rows.filter((row) => row.kind === 'absence').length).toBeGreaterThan(100);
    expect(rows.some((row) => row.kind === 'event')).toBe(true);
    expect(rows.some((row) => row.kind === 'holiday')).toBe(true);
    await expectEveryLinkReadsItsOwnRows(calendar, `team ${calendarId} v1`);
  });

  it('give each link of a room the bookings that overlap its own window, by the instant', async () => {
    const ada = await createUser(db());
    const [room] = await db()
      .insert(resources)
      .values({ slug: `room-${crypto.randomUUID()}`, name: 'Room', kind: 'room' })
      .returning();
    const midnight = (date: string) => Date.parse(`${date}T00:00:00Z`);
    await db()
      .insert(bookings)
      .values(
        edgeDates.flatMap((date) =>
          // Ending at, starting at, and straddling (cancelled: it overlaps both) the UTC midnight
          // that starts each date.
          (
            [
              [-3_600_000, 0, 'confirmed'],
              [0, 3_600_000, 'confirmed'],
              [-60_000, 60_000, 'cancelled'],
            ] as const
          ).map(([start, end, status]) => ({
            resourceId: room!.id,
            bookedById: ada.id,
            title: `Booking ${date}`,
            startsAt: new Date(midnight(date) + start),
            endsAt: new Date(midnight(date) + end),
            status,
          })),
        ),
      );
    const calendar = subject({ kind: 'resource', resourceId: room!.id });
    await expectEveryLinkReadsItsOwnRows(calendar, `room ${room!.id} v1`);
  });

  it("reads afresh under another basis, as after a write moved the calendar's version", async () => {
    const team = await createTeam(db());
    const ada = await createUser(db());
    await addMember(db(), team.id, ada.id);
    const type = await createAbsenceType(db());
    const calendar = subject({ id: await teamCalendarId(db(), team.id), teamId: team.id });
    const selection = { options, ...windows[0]! };
    const read = (basis: string) =>
      collect(readSharedRows(calendarSource('team'), calendar, selection, { basis, now }));
    expect(await read('v1')).toEqual([]);
    await db().insert(absences).values({
      userId: ada.id,
      typeId: type.id,
      startDate: '2027-03-12',
      endDate: '2027-03-12',
      status: 'approved',
    });
    // The same basis keeps what it read (the write above moved no version, as no real one does).
    expect(await read('v1')).toEqual([]);
    expect((await read('v2')).map((row) => row.kind)).toEqual(['absence']);
  });
});
