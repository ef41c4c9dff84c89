import { describe, expect, it } from 'vitest';
import { absences, allowances, type NewAbsence } from '@/db/schema';
import { getTeamStatistics, MASKED_TYPE } from '@/lib/dal/team-statistics';
import { countStatements, setupTestDatabase } from '@/test/helpers/database';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';

const db = setupTestDatabase();

/**
 * A team in 2025: Paula takes a week off, an afternoon, the last days of the year, asks for two
 * more days, and is sick for two days; her colleague is away one day of her week.
 */
async function teamIn2025() {
  const team = await createTeam(db());
  const outsiderTeam = await createTeam(db());
  const person = await createUser(db(), { name: 'Paula Person' });
  const colleague = await createUser(db(), { name: 'Colin Colleague' });
  const manager = await createUser(db(), { name: 'Mona Manager' });
  const otherManager = await createUser(db());
  const admin = await createUser(db(), { role: 'admin' });
  await addMember(db(), team.id, person.id);
  await addMember(db(), team.id, colleague.id);
  await addMember(db(), team.id, manager.id, 'manager');
  await addMember(db(), outsiderTeam.id, otherManager.id, 'manager');
  const vacation = await createAbsenceType(db(), { countsAgainstAllowance: true, sortOrder: 1 });
  const sick = await createAbsenceType(db(), { isPrivate: true, sortOrder: 2 });
  const remote = await createAbsenceType(db(), { sortOrder: 3 });
  const absence = (row: NewAbsence): NewAbsence => ({ status: 'approved', ...row });
  await db()
    .insert(absences)
    .values([
      absence({
        userId: person.id,
        typeId: vacation.id,
        startDate: '2025-03-03',
        endDate: '2025-03-07',
      }),
      absence({
        userId: person.id,
        typeId: vacation.id,
        startDate: '2025-03-10',
        endDate: '2025-03-10',
        halfDayStart: true,
      }),
      absence({
        userId: person.id,
        typeId: vacation.id,
        startDate: '2025-12-29',
        endDate: '2026-01-02',
      }),
      absence({
        userId: person.id,
        typeId: vacation.id,
        startDate: '2025-04-01',
        endDate: '2025-04-02',
        status: 'pending',
      }),
      absence({
        userId: person.id,
        typeId: sick.id,
        startDate: '2025-03-12',
        endDate: '2025-03-13',
        note: 'flu',
      }),
      absence({
        userId: person.id,
        typeId: remote.id,
        startDate: '2025-03-17',
        endDate: '2025-03-17',
        status: 'cancelled',
      }),
      absence({
        userId: colleague.id,
        typeId: remote.id,
        startDate: '2025-03-05',
        endDate: '2025-03-05',
      }),
    ]);
  await db().insert(allowances).values({ userId: person.id, year: 2025, days: 25 });
  return { team, person, colleague, manager, otherManager, admin, vacation, sick, remote };
}

const march2025 = { year: 2025, month: '2025-03', coverage: 'month' } as const;

describe('team statistics', () => {
  it('adds up working days per member and type, pending days, allowance and days left', async () => {
    const org = await teamIn2025();
    const stats = await getTeamStatistics(org.manager, org.team.slug, march2025);
    const paula = stats.members.find((m) => m.userId === org.person.id)!;
    // 5 days, an afternoon and the three 2025 weekdays of the week across New Year.
    expect(paula.bookedByType[org.vacation.id]).toBe(8.5);
    expect(paula.bookedByType[org.sick.id]).toBe(2);
    expect(paula.bookedByType[org.remote.id]).toBeUndefined();
    expect(paula).toMatchObject({ pending: 2, allowance: 25, daysLeft: 16.5 });
    const colin = stats.members.find((m) => m.userId === org.colleague.id)!;
    expect(colin).toMatchObject({ allowance: null, daysLeft: null, pending: 0 });
    expect(colin.bookedByType[org.remote.id]).toBe(1);
  });

  it('counts the other year of an absence across New Year in that year', async () => {
    const org = await teamIn2025();
    const stats = await getTeamStatistics(org.manager, org.team.slug, {
      ...march2025,
      year: 2026,
    });
    const paula = stats.members.find((m) => m.userId === org.person.id)!;
    expect(paula.bookedByType[org.vacation.id]).toBe(2);
  });

  it('lists the month’s pending and approved absences, not cancelled ones', async () => {
    const org = await teamIn2025();
    const stats = await getTeamStatistics(org.colleague, org.team.slug, march2025);
    expect(stats.monthAbsences.map((a) => [a.personName, a.startDate, a.status])).toEqual([
      ['Paula Person', '2025-03-03', 'approved'],
      ['Colin Colleague', '2025-03-05', 'approved'],
      ['Paula Person', '2025-03-10', 'approved'],
      ['Paula Person', '2025-03-12', 'approved'],
    ]);
  });

  it('counts the members away on each day of the month', async () => {
    const org = await teamIn2025();
    const stats = await getTeamStatistics(org.person, org.team.slug, march2025);
    expect(stats.coverage).toHaveLength(31);
    const on = (date: string) => stats.coverage.find((d) => d.date === date);
    expect(on('2025-03-03')).toEqual({
      date: '2025-03-03',
      approved: 1,
      pending: 0,
      dayOff: null,
    });
    expect(on('2025-03-05')).toEqual({
      date: '2025-03-05',
      approved: 2,
      pending: 0,
      dayOff: null,
    });
    expect(on('2025-03-17')).toEqual({
      date: '2025-03-17',
      approved: 0,
      pending: 0,
      dayOff: null,
    });
  });

  it('covers the whole year in the year view, pending requests apart', async () => {
    const org = await teamIn2025();
    const stats = await getTeamStatistics(org.person, org.team.slug, {
      ...march2025,
      coverage: 'year',
    });
    expect(stats.coverage).toHaveLength(365);
    expect(stats.coverage.find((d) => d.date === '2025-04-01')).toMatchObject({
      approved: 0,
      pending: 1,
    });
  });

  it('shows a colleague’s sick leave as "Away" in figures and lists', async () => {
    const org = await teamIn2025();
    const stats = await getTeamStatistics(org.colleague, org.team.slug, march2025);
    const paula = stats.members.find((m) => m.userId === org.person.id)!;
    expect(paula.bookedByType[org.sick.id]).toBeUndefined();
    expect(paula.bookedByType[MASKED_TYPE.id]).toBe(2);
    expect(stats.columns.map((c) => c.id)).not.toContain(org.sick.id);
    expect(stats.columns.map((c) => c.label)).toContain('Away');
    const sickDays = stats.monthAbsences.find((a) => a.startDate === '2025-03-12')!;
    expect(sickDays).toMatchObject({ typeLabel: 'Away', color: MASKED_TYPE.color });
    expect(JSON.stringify(stats)).not.toContain(org.sick.label);
  });

  it('shows the sick leave’s type to the person, the team’s manager and admins', async () => {
    const org = await teamIn2025();
    for (const viewer of [org.person, org.manager, org.admin]) {
      const stats = await getTeamStatistics(viewer, org.team.slug, march2025);
      const sickDays = stats.monthAbsences.find((a) => a.startDate === '2025-03-12')!;
      expect(sickDays.typeLabel).toBe(org.sick.label);
    }
  });

  it('lists the team’s pending requests for its manager to decide, with working days and note', async () => {
    const org = await teamIn2025();
    await db().insert(absences).values({
      userId: org.manager.id,
      typeId: org.vacation.id,
      startDate: '2025-06-02',
      endDate: '2025-06-02',
    });
    const forManager = await getTeamStatistics(org.manager, org.team.slug, march2025);
    expect(forManager.requestsToDecide.map((r) => [r.personName, r.startDate, r.days])).toEqual([
      ['Paula Person', '2025-04-01', 2],
    ]);
    const forAdmin = await getTeamStatistics(org.admin, org.team.slug, march2025);
    expect(forAdmin.requestsToDecide.map((r) => r.personName)).toEqual([
      'Paula Person',
      'Mona Manager',
    ]);
    const forColleague = await getTeamStatistics(org.colleague, org.team.slug, march2025);
    expect(forColleague.requestsToDecide).toEqual([]);
  });

  it('counts nobody away on weekends and the team’s public holidays, which the chart names', async () => {
    const team = await createTeam(db(), { holidayCountry: 'FR' });
    const person = await createUser(db());
    await addMember(db(), team.id, person.id);
    const type = await createAbsenceType(db());
    // Thursday 6 May 2027 is Ascension Day; Saturday the 8th is also Victory Day.
    await db().insert(absences).values({
      userId: person.id,
      typeId: type.id,
      startDate: '2027-05-06',
      endDate: '2027-05-10',
      status: 'approved',
    });
    const stats = await getTeamStatistics(person, team.slug, {
      year: 2027,
      month: '2027-05',
      coverage: 'month',
    });
    const on = (date: string) => stats.coverage.find((d) => d.date === date);
    expect(on('2027-05-06')).toEqual({
      date: '2027-05-06',
      approved: 0,
      pending: 0,
      dayOff: 'Ascension Day',
    });
    expect(on('2027-05-07')).toMatchObject({ approved: 1, dayOff: null });
    expect(on('2027-05-08')).toMatchObject({ approved: 0, dayOff: 'Victory Day' });
    expect(on('2027-05-09')).toMatchObject({ approved: 0, dayOff: 'Weekend' });
    expect(on('2027-05-10')).toMatchObject({ approved: 1, dayOff: null });
    // Nobody is counted on a day off, in the year view too.
    const year = await getTeamStatistics(person, team.slug, {
      year: 2027,
      month: '2027-05',
      coverage: 'year',
    });
    expect(year.coverage.filter((d) => d.dayOff && d.approved + d.pending > 0)).toEqual([]);
    expect(year.coverage.filter((d) => d.approved > 0).map((d) => d.date)).toEqual([
      '2027-05-07',
      '2027-05-10',
    ]);
    // The grid's month names them; the figures count the two working days.
    expect(stats.monthHolidays.map((h) => [h.date, h.name])).toEqual([
      ['2027-05-01', 'Labour Day'],
      ['2027-05-06', 'Ascension Day'],
      ['2027-05-08', 'Victory Day'],
      ['2027-05-17', 'Whit Monday'],
    ]);
    expect(stats.members[0]!.bookedByType[type.id]).toBe(2);
  });

  it('counts each member’s days without the public holidays of their country and region', async () => {
    const bavaria = await createTeam(db(), { holidayCountry: 'DE', holidayRegion: 'BY' });
    const berlin = await createTeam(db(), { holidayCountry: 'DE', holidayRegion: 'BE' });
    const manager = await createUser(db());
    const bavarian = await createUser(db());
    const berliner = await createUser(db());
    await addMember(db(), bavaria.id, manager.id, 'manager');
    await addMember(db(), bavaria.id, bavarian.id);
    await addMember(db(), berlin.id, berliner.id);
    const vacation = await createAbsenceType(db(), { countsAgainstAllowance: true });
    // Friday 1 to Friday 8 January 2027: New Year everywhere, Epiphany (the 6th) in Bavaria.
    const week = { typeId: vacation.id, startDate: '2027-01-01', endDate: '2027-01-08' };
    await db()
      .insert(absences)
      .values([
        { ...week, userId: bavarian.id, status: 'approved' },
        { ...week, userId: berliner.id, status: 'approved' },
        // Pending on Corpus Christi in Bavaria: no working day, nothing pending.
        {
          typeId: vacation.id,
          userId: bavarian.id,
          startDate: '2027-05-27',
          endDate: '2027-05-27',
        },
      ]);
    const period = { year: 2027, month: '2027-01', coverage: 'month' } as const;
    const inBavaria = await getTeamStatistics(manager, bavaria.slug, period);
    expect(inBavaria.members.find((m) => m.userId === bavarian.id)).toMatchObject({
      bookedByType: { [vacation.id]: 4 },
      pending: 0,
    });
    expect(inBavaria.requestsToDecide.map((r) => r.days)).toEqual([0]);
    const inBerlin = await getTeamStatistics(berliner, berlin.slug, period);
    expect(inBerlin.members[0]).toMatchObject({ bookedByType: { [vacation.id]: 5 } });
    expect(inBerlin.monthHolidays.map((h) => h.date)).toEqual(['2027-01-01']);
  });

  it('names the public holidays of the month and of the coverage in the reader’s language', async () => {
    const team = await createTeam(db(), { holidayCountry: 'FR', holidayRegion: null });
    const member = await createUser(db());
    await addMember(db(), team.id, member.id);
    const may = { year: 2027, month: '2027-05', coverage: 'month' } as const;

    const inFrench = await getTeamStatistics(member, team.slug, may, 'fr');
    const inEnglish = await getTeamStatistics(member, team.slug, may, 'en');

    const mayDay = (holidays: { date: string; name: string }[]) =>
      holidays.find((h) => h.date === '2027-05-01')?.name;
    expect(mayDay(inFrench.monthHolidays)).toBe('Fête du travail');
    expect(mayDay(inEnglish.monthHolidays)).toBe('Labour Day');
    // The chart's day off carries the same name as the grid's.
    expect(inFrench.coverage.find((d) => d.date === '2027-05-08')?.dayOff).toBe(
      inFrench.monthHolidays.find((h) => h.date === '2027-05-08')?.name,
    );
    expect(inFrench.monthHolidays.map((h) => h.date)).toEqual(
      inEnglish.monthHolidays.map((h) => h.date),
    );
  });

  it('reads a team of 12 in as many queries as a team of 2', async () => {
    const vacation = await createAbsenceType(db(), { countsAgainstAllowance: true });
    const period = { year: 2027, month: '2027-03', coverage: 'year' } as const;
    /** A team of `size`, each member with an allowance and an approved and a pending absence. */
    const teamOf = async (size: number) => {
      const team = await createTeam(db(), { holidayCountry: 'FR' });
      const people = [];
      for (let i = 0; i < size; i++) {
        const person = await createUser(db());
        await addMember(db(), team.id, person.id, i === 0 ? 'manager' : 'member');
        people.push(person);
      }
      await db()
        .insert(allowances)
        .values(people.map((p) => ({ userId: p.id, year: 2027, days: 25 })));
      await db()
        .insert(absences)
        .values(
          people.flatMap((p): NewAbsence[] => [
            {
              userId: p.id,
              typeId: vacation.id,
              startDate: '2027-03-01',
              endDate: '2027-03-05',
              status: 'approved',
            },
            {
              userId: p.id,
              typeId: vacation.id,
              startDate: '2027-03-15',
              endDate: '2027-03-16',
              status: 'pending',
            },
          ]),
        );
      return { team, manager: people[0]! };
    };
    const small = await teamOf(2);
    const large = await teamOf(12);
    const statements = (org: typeof small) =>
      countStatements(db(), () => getTeamStatistics(org.manager, org.team.slug, period));
    expect(await statements(large)).toBe(await statements(small));
  });

  it('is hidden from a manager of another team, as if the team did not exist', async () => {
    const org = await teamIn2025();
    await expect(
      getTeamStatistics(org.otherManager, org.team.slug, march2025),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
