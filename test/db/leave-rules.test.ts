import { describe, expect, it } from 'vitest';
import { allowances } from '@/db/schema';
import { requestAbsence } from '@/lib/dal/absences';
import { publicHolidaysOfYear } from '@/lib/holidays';
import { setupTestDatabase } from '@/test/helpers/database';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';

const db = setupTestDatabase();

/** A year far enough ahead for the request window, and its Mondays: no demo data, any date. */
const YEAR = new Date().getUTCFullYear() + 1;

/** The Monday of ISO-like week `week` of YEAR (the first Monday on or after 1 Jan, plus weeks). */
function monday(week: number): string {
  const day = new Date(Date.UTC(YEAR, 0, 1));
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7) + week * 7);
  return day.toISOString().slice(0, 10);
}
const EASTER_MONDAY = publicHolidaysOfYear({ country: 'FR', region: null }, YEAR).find(
  (holiday) => holiday.name === 'Easter Monday',
)!.date;

function plus(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const ask = (typeId: string, startDate: string, endDate: string) => ({
  typeId,
  startDate,
  endDate,
  halfDayStart: false,
  halfDayEnd: false,
  note: null,
});

async function personWithAllowance(days: number | null) {
  const person = await createUser(db());
  if (days !== null) await db().insert(allowances).values({ userId: person.id, year: YEAR, days });
  return person;
}

describe('leave rules', () => {
  it('refuses a request with no working day: a weekend, or public holidays of the person’s team', async () => {
    const person = await personWithAllowance(25);
    const vacation = await createAbsenceType(db(), {
      label: 'Vacation',
      countsAgainstAllowance: true,
    });
    const saturday = plus(monday(10), 5);
    await expect(
      requestAbsence(person, ask(vacation.id, saturday, plus(saturday, 1))),
    ).rejects.toMatchObject({
      code: 'bad_request',
      field: 'startDate',
      message: expect.stringMatching(/no working day/),
    });

    // Easter Monday in France: a weekday that holds no working day there.
    const team = await createTeam(db(), { holidayCountry: 'FR' });
    await addMember(db(), team.id, person.id);
    await expect(
      requestAbsence(person, ask(vacation.id, EASTER_MONDAY, EASTER_MONDAY)),
    ).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/no working day/),
    });
    // Without a place, the same day counts.
    const elsewhere = await personWithAllowance(25);
    expect(
      await requestAbsence(elsewhere, ask(vacation.id, EASTER_MONDAY, EASTER_MONDAY)),
    ).toMatchObject({ workingDays: 1 });
  });

  it('counts public holidays out of a request’s working days', async () => {
    const person = await personWithAllowance(25);
    const team = await createTeam(db(), { holidayCountry: 'FR' });
    await addMember(db(), team.id, person.id);
    const training = await createAbsenceType(db(), { label: 'Training', requiresApproval: false });
    // Easter week: Monday is the holiday, four working days remain.
    const absence = await requestAbsence(
      person,
      ask(training.id, EASTER_MONDAY, plus(EASTER_MONDAY, 4)),
    );
    expect(absence.workingDays).toBe(4);
    expect(absence.status).toBe('approved');
  });

  it('refuses a request beyond the days left, pending requests counted, and says how many are left', async () => {
    const person = await personWithAllowance(7);
    const vacation = await createAbsenceType(db(), {
      label: 'Vacation',
      countsAgainstAllowance: true,
    });
    // 5 days pending leave 2.
    await requestAbsence(person, ask(vacation.id, monday(5), plus(monday(5), 4)));
    await expect(
      requestAbsence(person, ask(vacation.id, monday(8), plus(monday(8), 2))),
    ).rejects.toMatchObject({
      code: 'bad_request',
      field: 'endDate',
      message: `This request takes 3 working days in ${YEAR}, but your allowance has 2 working days left once your 5 working days awaiting a decision are counted. Choose fewer days or another type.`,
    });
    // Two days fit exactly.
    expect(
      await requestAbsence(person, ask(vacation.id, monday(8), plus(monday(8), 1))),
    ).toMatchObject({ status: 'pending', workingDays: 2, warning: undefined });
    // Types that don't count against the allowance, and people without one, are not limited.
    const sick = await createAbsenceType(db(), { label: 'Sick leave' });
    expect(
      await requestAbsence(person, ask(sick.id, monday(12), plus(monday(12), 4))),
    ).toMatchObject({ status: 'pending' });
    const noAllowance = await personWithAllowance(null);
    expect(
      await requestAbsence(noAllowance, ask(vacation.id, monday(12), plus(monday(12), 4))),
    ).toMatchObject({ status: 'pending' });
  });

  it('a type that allows going beyond accepts the request with a warning', async () => {
    const person = await personWithAllowance(3);
    const unpaid = await createAbsenceType(db(), {
      label: 'Advance leave',
      countsAgainstAllowance: true,
      overAllowance: 'warn',
    });
    const absence = await requestAbsence(person, ask(unpaid.id, monday(20), plus(monday(20), 4)));
    expect(absence.status).toBe('pending');
    expect(absence.warning).toBe(
      `This request takes 5 working days in ${YEAR}, but your allowance has 3 working days left: it goes beyond your allowance, which your manager will see.`,
    );
  });

  it('a request across New Year is held to each year’s own allowance', async () => {
    const person = await createUser(db());
    const vacation = await createAbsenceType(db(), {
      label: 'Vacation',
      countsAgainstAllowance: true,
    });
    await db()
      .insert(allowances)
      .values([
        { userId: person.id, year: YEAR, days: 25 },
        { userId: person.id, year: YEAR + 1, days: 0 },
      ]);
    const lastMonday = plus(
      `${YEAR}-12-31`,
      -((new Date(`${YEAR}-12-31T00:00:00Z`).getUTCDay() + 6) % 7),
    );
    await expect(
      requestAbsence(person, ask(vacation.id, lastMonday, plus(lastMonday, 9))),
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        `in ${YEAR + 1}, but your allowance has 0 working days left`,
      ),
    });
  });
});
