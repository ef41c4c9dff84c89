import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { absences, allowances, auditEvents, teams } from '@/db/schema';
import { requestAbsence } from '@/lib/dal/absences';
import { setMinimumPresent, weighRequestsToDecide } from '@/lib/dal/request-impact';
import { countStatements, setupTestDatabase } from '@/test/helpers/database';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';

const db = setupTestDatabase();
const YEAR = new Date().getUTCFullYear() + 1;

/** A Monday in March of YEAR, far from public holidays in most places. */
function mondayOfMarch(): string {
  const day = new Date(Date.UTC(YEAR, 2, 8));
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7));
  return day.toISOString().slice(0, 10);
}
const plus = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const ask = (typeId: string, startDate: string, endDate: string) => ({
  typeId,
  startDate,
  endDate,
  halfDayStart: false,
  halfDayEnd: false,
  note: null,
});

async function teamOfFive() {
  const team = await createTeam(db(), { name: 'Support' });
  const manager = await createUser(db(), { name: 'Mona Manager' });
  const people = await Promise.all(
    ['Ana', 'Ben', 'Cleo', 'Dan'].map((name) => createUser(db(), { name })),
  );
  await addMember(db(), team.id, manager.id, 'manager');
  for (const person of people) await addMember(db(), team.id, person.id);
  const vacation = await createAbsenceType(db(), {
    label: 'Vacation',
    countsAgainstAllowance: true,
  });
  return { team, manager, people, vacation };
}

describe('what approving a request would do', () => {
  it('shows the days left after approval, who else is away, and the lowest presence against the minimum', async () => {
    const { team, manager, people, vacation } = await teamOfFive();
    const [ana, ben, cleo] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const monday = mondayOfMarch();
    await db().insert(allowances).values({ userId: ana.id, year: YEAR, days: 20 });
    // Ben is away (approved) on Tuesday, Cleo asks for Wednesday.
    const bens = await requestAbsence(ben, ask(vacation.id, plus(monday, 1), plus(monday, 1)));
    await db().update(absences).set({ status: 'approved' }).where(eq(absences.id, bens.id));
    await requestAbsence(cleo, ask(vacation.id, plus(monday, 2), plus(monday, 2)));
    const anas = await requestAbsence(ana, ask(vacation.id, monday, plus(monday, 4)));

    const request = { ...anas, userId: ana.id };
    let { impacts, minimumPresent } = await weighRequestsToDecide(manager, team.id, [request]);
    expect(minimumPresent).toBeNull();
    expect(impacts[anas.id]).toEqual({
      daysLeftAfter: 15,
      othersAway: [
        {
          name: 'Ben',
          typeLabel: 'Vacation',
          startDate: plus(monday, 1),
          endDate: plus(monday, 1),
          status: 'approved',
        },
        {
          name: 'Cleo',
          typeLabel: 'Vacation',
          startDate: plus(monday, 2),
          endDate: plus(monday, 2),
          status: 'pending',
        },
      ],
      // Five members; on Tuesday Ben is away and Ana would be: three present.
      lowestPresent: { date: plus(monday, 1), present: 3, members: 5 },
      minimumPresent: null,
      breaksMinimum: false,
    });

    await setMinimumPresent(manager, team.id, 4);
    ({ impacts, minimumPresent } = await weighRequestsToDecide(manager, team.id, [request]));
    expect(minimumPresent).toBe(4);
    expect(impacts[anas.id]).toMatchObject({ breaksMinimum: true, minimumPresent: 4 });
    const [audit] = await db()
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'team.minimum_present_set'), eq(auditEvents.targetId, team.id)),
      );
    expect(audit!.details).toEqual({ before: null, after: 4 });
  });

  it('leaves weekends out of the lowest presence, and has no balance for types not counted', async () => {
    const { team, manager, people } = await teamOfFive();
    const [ana, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const training = await createAbsenceType(db(), { label: 'Training' });
    const friday = plus(mondayOfMarch(), 4);
    // Ben is away all weekend long and on Monday: only Monday counts.
    const bens = await requestAbsence(ben, ask(training.id, friday, plus(friday, 3)));
    await db().update(absences).set({ status: 'approved' }).where(eq(absences.id, bens.id));
    const anas = await requestAbsence(ana, ask(training.id, plus(friday, 1), plus(friday, 3)));
    const { impacts } = await weighRequestsToDecide(manager, team.id, [
      { ...anas, userId: ana.id },
    ]);
    expect(impacts[anas.id]).toMatchObject({
      daysLeftAfter: null,
      lowestPresent: { date: plus(friday, 3), present: 3, members: 5 },
    });
  });

  it('weighs every request of a team in the same number of queries as one, balances included', async () => {
    const { team, manager, people, vacation } = await teamOfFive();
    const monday = mondayOfMarch();
    await db()
      .insert(allowances)
      .values(people.map((person) => ({ userId: person.id, year: YEAR, days: 20 })));
    const requests: Parameters<typeof weighRequestsToDecide>[2] = [];
    for (const [index, person] of people.entries()) {
      const day = plus(monday, index);
      requests.push({
        ...(await requestAbsence(person, ask(vacation.id, day, day))),
        userId: person.id,
      });
    }
    // Another year's balance too (last year's: requests may be that far back, and dates two years
    // ahead may not be): one more year read, whatever the number of requesters.
    const lastYear = new Date(Date.UTC(YEAR - 2, 5, 10));
    lastYear.setUTCDate(lastYear.getUTCDate() + ((10 - lastYear.getUTCDay()) % 7)); // a Wednesday
    const otherYear = lastYear.toISOString().slice(0, 10);
    requests.push({
      ...(await requestAbsence(people[0]!, ask(vacation.id, otherYear, otherYear))),
      userId: people[0]!.id,
    });

    let weighed: Awaited<ReturnType<typeof weighRequestsToDecide>> | undefined;
    const forOne = await countStatements(db(), async () => {
      await weighRequestsToDecide(manager, team.id, [requests[0]!, requests.at(-1)!]);
    });
    const forAll = await countStatements(db(), async () => {
      weighed = await weighRequestsToDecide(manager, team.id, requests);
    });
    expect(forAll).toBe(forOne);
    // Each requester's own balance: 20 days left (nothing approved yet), less this day.
    for (const request of requests.slice(0, 4))
      expect(weighed!.impacts[request.id]?.daysLeftAfter).toBe(19);
    expect(weighed!.impacts[requests.at(-1)!.id]?.daysLeftAfter).toBeNull();
  });

  it('only the team’s managers and admins weigh requests and set the minimum', async () => {
    const { team, people } = await teamOfFive();
    const member = people[0]!;
    const outsider = await createUser(db());
    const admin = await createUser(db(), { role: 'admin' });
    for (const actor of [member, outsider]) {
      await expect(weighRequestsToDecide(actor, team.id, [])).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(setMinimumPresent(actor, team.id, 2)).rejects.toMatchObject({
        code: 'not_found',
      });
    }
    await setMinimumPresent(admin, team.id, 2);
    await setMinimumPresent(admin, team.id, null);
    const [row] = await db()
      .select({ minimumPresent: teams.minimumPresent })
      .from(teams)
      .where(eq(teams.id, team.id));
    expect(row!.minimumPresent).toBeNull();
  });
});
