import { describe, expect, it } from 'vitest';
import { absences, bookings, calendarEvents, resources } from '@/db/schema';
import {
  countAbsenceRows,
  countBookingRows,
  countEventRows,
  readAbsenceRows,
  readBookingRows,
  readEventRows,
  type FeedRow,
} from '@/lib/dal/feed-rows';
import type { FeedOptions } from '@/lib/dal/feed-tokens';
import { setupTestDatabase } from '@/test/helpers/database';
import {
  addMember,
  createAbsenceType,
  createTeam,
  createUser,
  teamCalendarId,
} from '@/test/helpers/factories';

// Feeds read their rows in keyset pages of (start, id). Calendars of several pages, with many rows
// sharing a start, must come out whole: every row in the window once, in (start, id) order.

const db = setupTestDatabase();
const options: FeedOptions = {
  privacy: 'full',
  includePending: false,
  absenceTypeIds: null,
  includeTeamEvents: true,
};
const window = { options, from: '2026-01-01', to: '2028-12-31' };

/** The day `n` days after 1 January 2026, as 'YYYY-MM-DD'. */
const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);

async function readAll(pages: AsyncIterable<FeedRow[]>) {
  const read: FeedRow[][] = [];
  for await (const page of pages) read.push(page);
  return { pageSizes: read.map((page) => page.length), rows: read.flat() };
}

const idsOf = (rows: Array<{ id: string }>) => rows.map((row) => row.id);
/** PostgreSQL orders uuids byte by byte, as their lower-case text sorts. */
const byStartThenId = <Row extends { id: string }>(start: (row: Row) => string | number) =>
  function compare(a: Row, b: Row) {
    const [x, y] = [start(a), start(b)];
    if (x !== y) return x < y ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };

describe('feed rows read page by page', () => {
  it('gives a team’s absences over several pages: each once, in (start, id) order', async () => {
    const team = await createTeam(db());
    const members = await Promise.all([0, 1, 2].map(() => createUser(db())));
    for (const member of members) await addMember(db(), team.id, member.id);
    const outsider = await createUser(db());
    const type = await createAbsenceType(db());
    // 900 days of each member: three absences start on every one of those days.
    const rows = members.flatMap((member) =>
      Array.from({ length: 900 }, (_, n) => ({
        userId: member.id,
        typeId: type.id,
        startDate: day(n),
        endDate: day(n),
        status: n % 10 === 9 ? ('pending' as const) : ('approved' as const),
      })),
    );
    rows.push({ ...rows[0]!, userId: outsider.id, status: 'approved' });
    // Across the window's start (shown), before it and after it (not).
    rows.push({ ...rows[0]!, startDate: '2025-12-01', endDate: '2026-01-01' });
    rows.push({ ...rows[0]!, startDate: '2025-06-01', endDate: '2025-12-31' });
    rows.push({ ...rows[0]!, startDate: '2029-01-01', endDate: '2029-01-01' });
    const inserted = await db().insert(absences).values(rows).returning();

    const expected = inserted
      .filter(
        (row) =>
          row.status === 'approved' &&
          row.userId !== outsider.id &&
          row.endDate >= window.from &&
          row.startDate <= window.to,
      )
      .sort(byStartThenId((row) => row.startDate));
    const selection = { ...window, owners: { teamId: team.id } };
    const { pageSizes, rows: read } = await readAll(readAbsenceRows(selection));

    expect(expected).toHaveLength(3 * 810 + 1);
    expect(pageSizes.length).toBeGreaterThanOrEqual(3);
    expect(idsOf(read as Array<{ id: string }>)).toEqual(idsOf(expected));
    expect(await countAbsenceRows(selection)).toBe(expected.length);
    // The rows name their person, from the users table.
    const names = new Map(members.map((member) => [member.id, member.name]));
    for (const row of read)
      if (row.kind === 'absence') expect(row.personName).toBe(names.get(row.userId));
  });

  it('gives a calendar’s events over several pages: each once, in (start, id) order', async () => {
    const team = await createTeam(db());
    const author = await createUser(db());
    const calendarId = await teamCalendarId(db(), team.id);
    // Seven events start on most of 343 days: pages end in the middle of a day.
    const rows = Array.from({ length: 2_400 }, (_, n) => ({
      calendarId,
      title: `Event ${n}`,
      allDay: true,
      startDate: day(n % 343),
      endDate: day((n % 343) + (n % 3)),
      timeZone: 'Europe/Paris',
      createdById: author.id,
    }));
    const inserted = await db().insert(calendarEvents).values(rows).returning();
    const expected = [...inserted].sort(byStartThenId((row) => row.startDate));
    const selection = { ...window, calendarId };
    const { pageSizes, rows: read } = await readAll(readEventRows(selection));

    expect(pageSizes).toEqual([1_000, 1_000, 400]);
    expect(idsOf(read as Array<{ id: string }>)).toEqual(idsOf(expected));
    expect(await countEventRows(selection)).toBe(2_400);

    // Other work gets a turn between pages: PGlite answers in this thread, and a feed read page
    // after page without one held the event loop for seconds.
    const turnsBetweenPages: boolean[] = [];
    let turned: boolean | null = null;
    for await (const page of readEventRows(selection)) {
      expect(page.length).toBeGreaterThan(0);
      if (turned !== null) turnsBetweenPages.push(turned);
      turned = false;
      setImmediate(() => (turned = true));
    }
    expect(turnsBetweenPages).toEqual([true, true]);
  });

  it('gives a resource’s bookings over several pages, naming each booker', async () => {
    const [ada, bob] = [await createUser(db()), await createUser(db())];
    const [room] = await db()
      .insert(resources)
      .values({ slug: `room-${crypto.randomUUID()}`, name: 'Room', kind: 'room' })
      .returning();
    // An hour a day, confirmed, and a cancelled booking at the same hour (released bookings may
    // overlap live ones); every fifth day asked for only (not shown without pending ones). The
    // last four days are past the window's end.
    const rows = Array.from({ length: 1_100 }, (_, n) => {
      const startsAt = new Date(`${day(n)}T09:00:00Z`);
      const endsAt = new Date(`${day(n)}T10:00:00Z`);
      const live = n % 5 === 4 ? ('requested' as const) : ('confirmed' as const);
      return [
        { resourceId: room!.id, bookedById: ada.id, title: 'Live', status: live, startsAt, endsAt },
        {
          resourceId: room!.id,
          bookedById: bob.id,
          title: 'Released',
          status: 'cancelled' as const,
          startsAt,
          endsAt,
        },
      ];
    }).flat();
    const inserted = await db().insert(bookings).values(rows).returning();
    const expected = inserted
      .filter((row) => row.status !== 'requested' && row.startsAt < new Date('2029-01-01'))
      .sort(byStartThenId((row) => row.startsAt.getTime()));
    const selection = { ...window, resourceId: room!.id };
    const { pageSizes, rows: read } = await readAll(readBookingRows(selection));

    // 1,096 days in the window (2028 is a leap year), 219 of them asked for only.
    expect(expected).toHaveLength(1_096 * 2 - 219);
    expect(pageSizes).toEqual([1_000, 973]);
    expect(idsOf(read as Array<{ id: string }>)).toEqual(idsOf(expected));
    expect(await countBookingRows(selection)).toBe(expected.length);
    for (const row of read)
      if (row.kind === 'booking')
        expect(row.bookedByName).toBe(row.title === 'Live' ? ada.name : bob.name);
  });
});
