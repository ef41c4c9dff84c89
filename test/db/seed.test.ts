import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import {
  absenceTypes,
  absences,
  allowances,
  memberships,
  calendarEvents,
  teams,
  users,
} from '@/db/schema';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemoOrganisation } from '@/db/seed';
import { readBalances } from '@/lib/dal/balances';
import { holidayPlacesOfPeople } from '@/lib/dal/holiday-places';
import { holidayDatesBetween } from '@/lib/holidays';
import { verifyCredentials } from '@/lib/dal/users';
import { setupTestDatabase } from '@/test/helpers/database';

const db = setupTestDatabase();
const count = async (table: PgTable) =>
  (
    await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
  )[0]!.n;

describe('the demo organisation', () => {
  it('is created once, and seeding again changes nothing', async () => {
    const first = await seedDemoOrganisation(db(), new Date('2026-11-23T12:00:00Z'));
    expect(first.created).toBe(true);
    const before = [await count(users), await count(absences), await count(calendarEvents)];
    const second = await seedDemoOrganisation(db());
    expect(second.created).toBe(false);
    expect([await count(users), await count(absences), await count(calendarEvents)]).toEqual(
      before,
    );
    expect(second.logins.map((l) => l.email)).toContain(DEMO_ADMIN_EMAIL);
  });

  it('lets the demo logins sign in', async () => {
    const actor = await verifyCredentials(
      { email: DEMO_ADMIN_EMAIL, password: DEMO_PASSWORD },
      { ip: '198.51.100.1', userAgent: null },
    );
    expect(actor?.role).toBe('admin');
  });

  it('has three teams of different sizes, managers, and someone in two teams', async () => {
    const sizes = await db()
      .select({
        slug: teams.slug,
        n: sql<number>`count(*)::int`,
        managers: sql<number>`count(*) filter (where ${memberships.role} = 'manager')::int`,
      })
      .from(memberships)
      .innerJoin(teams, sql`${teams.id} = ${memberships.teamId}`)
      .groupBy(teams.slug);
    expect(sizes).toHaveLength(3);
    expect(new Set(sizes.map((s) => s.n)).size).toBe(3);
    expect(sizes.every((s) => s.managers >= 1)).toBe(true);
    const inTwoTeams = await db()
      .select({ userId: memberships.userId })
      .from(memberships)
      .groupBy(memberships.userId)
      .having(sql`count(*) > 1`);
    expect(inTwoTeams.length).toBeGreaterThanOrEqual(1);
  });

  it('has absences in every status, past and future, with half days and a private type', async () => {
    const [stats] = await db()
      .select({
        statuses: sql<string[]>`array_agg(distinct ${absences.status}::text)`,
        past: sql<number>`count(*) filter (where ${absences.endDate} < '2026-11-23')::int`,
        future: sql<number>`count(*) filter (where ${absences.startDate} > '2026-11-23')::int`,
        halfDays: sql<number>`count(*) filter (where ${absences.halfDayStart} or ${absences.halfDayEnd})::int`,
      })
      .from(absences);
    expect([...stats!.statuses].sort()).toEqual(['approved', 'cancelled', 'pending', 'rejected']);
    expect(stats!.past).toBeGreaterThan(20);
    expect(stats!.future).toBeGreaterThan(10);
    expect(stats!.halfDays).toBeGreaterThan(0);
    const types = await db().select().from(absenceTypes);
    expect(types.find((t) => t.key === 'sick')?.isPrivate).toBe(true);
    expect(types.map((t) => t.key)).toEqual(
      expect.arrayContaining(['vacation', 'sick', 'remote', 'training']),
    );
  });

  it('gives everyone three years of allowances, up to 5 days carrying over until 31 March', async () => {
    // Seeded on 23 November 2026: the demo's absences start in 2026, so all of 2025 is unused.
    const rows = await db()
      .select({
        userId: allowances.userId,
        year: allowances.year,
        carryOverMax: allowances.carryOverMax,
        carryOverExpiresOn: allowances.carryOverExpiresOn,
      })
      .from(allowances);
    expect(new Set(rows.map((row) => row.year))).toEqual(new Set([2025, 2026, 2027]));
    expect(rows.every((row) => row.carryOverMax === 5)).toBe(true);
    expect(rows.every((row) => row.carryOverExpiresOn === `${row.year}-03-31`)).toBe(true);
    const people = [...new Set(rows.map((row) => row.userId))];
    const balances = await readBalances(db(), people, 2026);
    expect([...balances.values()].map((balance) => balance.carriedIn)).toEqual(people.map(() => 5));
  });

  it('keeps each team’s public holidays, and no demo absence starts or ends on one', async () => {
    const places = await db()
      .select({
        slug: teams.slug,
        country: teams.holidayCountry,
        region: teams.holidayRegion,
      })
      .from(teams)
      .orderBy(teams.slug);
    expect(places).toEqual([
      { slug: 'engineering', country: 'FR', region: null },
      { slug: 'sales', country: 'US', region: null },
      { slug: 'support', country: 'GB', region: 'ENG' },
    ]);
    const rows = await db()
      .select({ userId: absences.userId, startDate: absences.startDate, endDate: absences.endDate })
      .from(absences);
    const people = [...new Set(rows.map((row) => row.userId))];
    const homes = await holidayPlacesOfPeople(db(), people);
    expect(new Set([...homes.values()].map((place) => place?.country))).toEqual(
      new Set(['FR', 'US', 'GB']),
    );
    // Jules, in Engineering and then Support, keeps the holidays of Engineering, his first team.
    const [jules] = await db()
      .select({ id: users.id })
      .from(users)
      .where(sql`${users.email} = 'jules@example.com'`);
    expect((await holidayPlacesOfPeople(db(), [jules!.id])).get(jules!.id)).toEqual({
      country: 'FR',
      region: null,
    });
    for (const row of rows) {
      const holidays = holidayDatesBetween(homes.get(row.userId)!, row.startDate, row.endDate);
      expect(holidays.has(row.startDate) || holidays.has(row.endDate), row.startDate).toBe(false);
    }
  });

  it('has team events with real-looking locations, all-day and timed', async () => {
    const events = await db().select().from(calendarEvents);
    expect(events.some((e) => e.allDay)).toBe(true);
    expect(events.some((e) => !e.allDay && e.startsAt && e.endsAt)).toBe(true);
    expect(events.filter((e) => e.location && /\d{5}/.test(e.location)).length).toBeGreaterThan(0);
  });
});
