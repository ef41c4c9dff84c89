import { describe, expect, it } from 'vitest';
import { absences, allowances, type NewAbsence } from '@/db/schema';
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
      // Taken by type: the counting type's days are "My absences"' taken.
      expect(figures.takenByType[vacation.id] ?? 0, `${year}`).toBe(mine.booked);
    }
  });
});
