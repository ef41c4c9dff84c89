import { afterEach, describe, expect, it, vi } from 'vitest';
import { absences, allowances, memberships, type NewAbsence } from '@/db/schema';
import { readBalance } from '@/lib/dal/balances';
import { getMyYear } from '@/lib/dal/my-absences';
import { getTeamStatistics } from '@/lib/dal/team-statistics';
import { statisticsPeriodSchema } from '@/lib/validation';
import { setupTestDatabase } from '@/test/helpers/database';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';

// One definition of every figure: "My absences" and the team page show one person the same
// taken, pending and days left — across half days, types that do not count and New Year.

const db = setupTestDatabase();

describe('a person’s figures, on both pages', () => {
  it('agree for each year, counting pending days of the types that count against the allowance', async () => {
    const team = await createTeam(db(), { timeZone: 'Europe/Paris' });
    const person = await createUser(db(), { timeZone: 'Europe/Paris' });
    await addMember(db(), team.id, person.id);
    const vacation = await createAbsenceType(db(), { countsAgainstAllowance: true });
    const remote = await createAbsenceType(db(), { countsAgainstAllowance: false });
    const absence = (values: Omit<NewAbsence, 'userId'>): NewAbsence => ({
      userId: person.id,
      ...values,
    });
    await db()
      .insert(absences)
      .values([
        // Across New Year, with a half day at each end: Wed 30 Dec (½), Thu 31 Dec, Fri 1 Jan,
        // Mon 4 Jan (½) → 1.5 in 2026 and 1.5 in 2027.
        absence({
          typeId: vacation.id,
          startDate: '2026-12-30',
          endDate: '2027-01-04',
          halfDayStart: true,
          halfDayEnd: true,
          status: 'approved',
        }),
        // Pending vacation, a half day: counts as pending (0.5).
        absence({
          typeId: vacation.id,
          startDate: '2027-02-10',
          endDate: '2027-02-10',
          halfDayEnd: true,
          status: 'pending',
        }),
        // Pending remote work: does not count against the allowance, so not "pending" either.
        absence({
          typeId: remote.id,
          startDate: '2027-03-01',
          endDate: '2027-03-05',
          status: 'pending',
        }),
        absence({
          typeId: remote.id,
          startDate: '2026-11-02',
          endDate: '2026-11-06',
          status: 'approved',
        }),
      ]);
    await db()
      .insert(allowances)
      .values([
        { userId: person.id, year: 2026, days: 25 },
        { userId: person.id, year: 2027, days: 27.5 },
      ]);

    for (const [year, expected] of [
      [2026, { booked: 1.5, pending: 0, daysLeft: 23.5 }],
      [2027, { booked: 1.5, pending: 0.5, daysLeft: 26 }],
    ] as const) {
      const mine = await getMyYear(person, year);
      expect(
        { booked: mine.booked, pending: mine.pending, daysLeft: mine.daysLeft },
        `${year}`,
      ).toEqual(expected);
      const stats = await getTeamStatistics(
        person,
        team.slug,
        statisticsPeriodSchema(`${year}-06-15`).parse({ year: String(year) }),
      );
      const figures = stats.members.find((member) => member.userId === person.id)!;
      expect(
        { pending: figures.pending, daysLeft: figures.daysLeft },
        `${year}: the team page`,
      ).toEqual({ pending: mine.pending, daysLeft: mine.daysLeft });
      // Booked by type: the counting type’s days are "My absences"’ booked.
      expect(figures.bookedByType[vacation.id] ?? 0, `${year}`).toBe(mine.booked);
    }
  });

  afterEach(() => vi.useRealTimers());

  it('agree with public holidays: the home team’s country and region, booked and taken so far', async () => {
    // 10:00 UTC on Wednesday 12 May 2027.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-05-12T10:00:00Z'));
    // Home first: a Bavarian team; then a French one, whose holidays are not the person's.
    const bavaria = await createTeam(db(), {
      timeZone: 'Europe/Berlin',
      holidayCountry: 'DE',
      holidayRegion: 'BY',
    });
    const france = await createTeam(db(), { timeZone: 'Europe/Berlin', holidayCountry: 'FR' });
    const person = await createUser(db(), { timeZone: 'Europe/Berlin' });
    await db()
      .insert(memberships)
      .values([
        { teamId: bavaria.id, userId: person.id, createdAt: new Date('2020-01-01T00:00:00Z') },
        { teamId: france.id, userId: person.id, createdAt: new Date('2021-01-01T00:00:00Z') },
      ]);
    const vacation = await createAbsenceType(db(), { countsAgainstAllowance: true });
    const absence = (values: Omit<NewAbsence, 'userId' | 'typeId'>): NewAbsence => ({
      userId: person.id,
      typeId: vacation.id,
      status: 'approved',
      ...values,
    });
    await db()
      .insert(absences)
      .values([
        // Mon 4 – Fri 8 January: Epiphany (the 6th) in Bavaria → 4 days.
        absence({ startDate: '2027-01-04', endDate: '2027-01-08' }),
        // Mon 3 – Fri 14 May: Ascension (the 6th) → 9 days, 7 of them by Wednesday the 12th;
        // Victory Day (Saturday the 8th) is French and a weekend anyway.
        absence({ startDate: '2027-05-03', endDate: '2027-05-14' }),
        // Bastille Day is French: a working day in Bavaria → 1 day.
        absence({ startDate: '2027-07-14', endDate: '2027-07-14' }),
        // Pending on Corpus Christi (Bavaria) with a half day: no working day at all.
        absence({
          startDate: '2027-05-27',
          endDate: '2027-05-27',
          halfDayEnd: true,
          status: 'pending',
        }),
        absence({ startDate: '2027-06-01', endDate: '2027-06-02', status: 'pending' }),
      ]);
    await db().insert(allowances).values({ userId: person.id, year: 2027, days: 30 });

    const mine = await getMyYear(person, 2027);
    expect(mine.absences.map((a) => a.days)).toEqual([4, 9, 0, 2, 1]);
    expect(mine).toMatchObject({ booked: 14, takenSoFar: 11, pending: 2, daysLeft: 16 });
    for (const team of [bavaria, france]) {
      const stats = await getTeamStatistics(
        person,
        team.slug,
        statisticsPeriodSchema('2027-05-12').parse({}),
      );
      const figures = stats.members.find((member) => member.userId === person.id)!;
      expect(figures, team.name).toMatchObject({
        bookedByType: { [vacation.id]: mine.booked },
        takenSoFar: mine.takenSoFar,
        pending: mine.pending,
        daysLeft: mine.daysLeft,
      });
    }
  });

  it('agree on the days carried over, before their expiry and after it', async () => {
    // 2010–2011 are long past, so 2011's carried days have expired; 2040–2041 are ahead, so
    // 2041's have not.
    const team = await createTeam(db(), { timeZone: 'Europe/Paris' });
    const person = await createUser(db(), { timeZone: 'Europe/Paris' });
    await addMember(db(), team.id, person.id);
    const vacation = await createAbsenceType(db(), { countsAgainstAllowance: true });
    const absence = (values: Omit<NewAbsence, 'userId' | 'typeId'>): NewAbsence => ({
      userId: person.id,
      typeId: vacation.id,
      status: 'approved',
      ...values,
    });
    await db()
      .insert(absences)
      .values([
        // Mon 1 – Tue 16 March 2010: 12 days, so 8 of 2010's 20 are left; 5 carry into 2011.
        absence({ startDate: '2010-03-01', endDate: '2010-03-16' }),
        // Mon 14 – Tue 15 March 2011: 2 days by the expiry, the only carried days used.
        absence({ startDate: '2011-03-14', endDate: '2011-03-15' }),
        // Mon 6 – Wed 8 June 2011: 3 days after it, from 2011's own days.
        absence({ startDate: '2011-06-06', endDate: '2011-06-08' }),
        // Thursday 10 February 2011, a morning, still pending: it would use a carried half day.
        absence({
          startDate: '2011-02-10',
          endDate: '2011-02-10',
          halfDayEnd: true,
          status: 'pending',
        }),
        // Mon 2 – Tue 24 July 2040: 17 days, so 3 of 2040's 20 are left, all carried into 2041.
        absence({ startDate: '2040-07-02', endDate: '2040-07-24' }),
        // Mon 5 – Fri 16 August 2041: 10 days after 2041's expiry, which is still ahead.
        absence({ startDate: '2041-08-05', endDate: '2041-08-16' }),
      ]);
    const carryOver = (year: number) => ({
      carryOverMax: 5,
      carryOverExpiresOn: `${year}-03-31`,
    });
    await db()
      .insert(allowances)
      .values([
        { userId: person.id, year: 2010, days: 20 },
        { userId: person.id, year: 2011, days: 25, ...carryOver(2011) },
        { userId: person.id, year: 2040, days: 20 },
        { userId: person.id, year: 2041, days: 25, ...carryOver(2041) },
      ]);

    for (const [year, expected] of [
      [
        2011,
        {
          allowance: 25,
          carriedIn: 5,
          carriedUsable: 2,
          carriedLapsed: 3,
          carryOverExpiresOn: '2011-03-31',
          booked: 5,
          pending: 0.5,
          daysLeft: 22,
          daysLeftAfterPending: 22,
        },
      ],
      [
        2041,
        {
          allowance: 25,
          carriedIn: 3,
          carriedUsable: 3,
          carriedLapsed: 0,
          carryOverExpiresOn: '2041-03-31',
          booked: 10,
          pending: 0,
          daysLeft: 18,
          daysLeftAfterPending: 18,
        },
      ],
    ] as const) {
      const mine = await getMyYear(person, year);
      expect(mine, `${year}`).toMatchObject(expected);
      expect(await readBalance(db(), person.id, year), `${year}`).toMatchObject(expected);
      const stats = await getTeamStatistics(
        person,
        team.slug,
        statisticsPeriodSchema(`${year}-06-15`).parse({ year: String(year) }),
      );
      const figures = stats.members.find((member) => member.userId === person.id)!;
      expect(figures, `${year}: the team page`).toMatchObject({
        allowance: mine.allowance,
        carriedIn: mine.carriedIn,
        carriedUsable: mine.carriedUsable,
        carryOverExpiresOn: mine.carryOverExpiresOn,
        pending: mine.pending,
        daysLeft: mine.daysLeft,
      });
    }
  });
});
