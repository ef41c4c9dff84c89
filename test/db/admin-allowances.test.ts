import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { absences, allowances, auditEvents } from '@/db/schema';
import { setAllowanceSchema, setTeamAllowancesSchema } from '@/lib/admin-validation';
import type { Actor } from '@/lib/dal/actor';
import { listAllowancesOfUser, setAllowance, setTeamAllowances } from '@/lib/dal/admin-allowances';
import { readBalance } from '@/lib/dal/balances';
import { createAdminCast } from '@/test/helpers/admin';
import { setupTestDatabase } from '@/test/helpers/database';
import {
  addMember,
  createAbsenceType,
  createTeam,
  createUser,
  teamCalendarVersion,
} from '@/test/helpers/factories';

// Years far from any real today: 2040 is always ahead, so its carried days never lapsed yet.

const db = setupTestDatabase();
const request = { ip: '203.0.113.9', userAgent: 'Firefox/140' };

const allowancesOf = (userIds: string[], year: number) =>
  db()
    .select({
      userId: allowances.userId,
      days: allowances.days,
      carryOverMax: allowances.carryOverMax,
      carryOverExpiresOn: allowances.carryOverExpiresOn,
    })
    .from(allowances)
    .where(and(inArray(allowances.userId, userIds), eq(allowances.year, year)));

async function lastAudit() {
  const [event] = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return event!;
}

describe('who may set allowances', () => {
  it('only an enabled admin, by the role in the database, lists and sets them', async () => {
    const cast = await createAdminCast(db());
    const person = await createUser(db());
    const terms = { year: 2040, days: 25, carryOverMax: 5, carryOverExpiresOn: '2040-03-31' };
    const calls = [
      (actor: Actor) => listAllowancesOfUser(actor, person.id),
      (actor: Actor) => setAllowance(actor, { userId: person.id, ...terms }),
      (actor: Actor) => setTeamAllowances(actor, { teamId: cast.team.id, ...terms }),
    ];
    for (const [who, actor] of cast.refused)
      for (const call of calls)
        await expect(call(actor), who).rejects.toMatchObject({ code: 'not_found' });
    expect(await allowancesOf([person.id, cast.member.id, cast.manager.id], 2040)).toEqual([]);

    for (const call of calls) await call(cast.admin);
    expect(await allowancesOf([person.id, cast.member.id, cast.manager.id], 2040)).toHaveLength(3);
  });
});

describe('a person’s allowance', () => {
  it('is set for a year with its carry-over, then changed, each change audited with before and after', async () => {
    const cast = await createAdminCast(db());
    const person = cast.member;
    await setAllowance(
      cast.admin,
      {
        userId: person.id,
        year: 2040,
        days: 25,
        carryOverMax: 5,
        carryOverExpiresOn: '2040-03-31',
      },
      request,
    );
    expect(await lastAudit()).toMatchObject({
      action: 'allowance.set',
      actorId: cast.admin.id,
      targetType: 'user',
      targetId: person.id,
      ip: request.ip,
      details: {
        year: 2040,
        before: null,
        after: { days: 25, carryOverMax: 5, carryOverExpiresOn: '2040-03-31' },
      },
    });
    const change = { userId: person.id, year: 2040, days: 27.5, carryOverMax: 0 };
    await setAllowance(cast.admin, { ...change, carryOverExpiresOn: null }, request);
    const changed = await lastAudit();
    expect(changed.details).toEqual({
      year: 2040,
      before: { days: 25, carryOverMax: 5, carryOverExpiresOn: '2040-03-31' },
      after: { days: 27.5, carryOverMax: 0, carryOverExpiresOn: null },
    });
    // The same values again: nothing to write, nothing to audit.
    await setAllowance(cast.admin, { ...change, carryOverExpiresOn: null }, request);
    expect((await lastAudit()).id).toBe(changed.id);
    // Balances are in no feed: the team's calendar keeps its version.
    expect(await teamCalendarVersion(db(), cast.team.id)).toBe(1);
  });

  it('lists the years newest first, each with the balance My absences shows', async () => {
    const cast = await createAdminCast(db());
    const person = cast.member;
    const vacation = await createAbsenceType(db(), { countsAgainstAllowance: true });
    await setAllowance(cast.admin, {
      userId: person.id,
      year: 2039,
      days: 20,
      carryOverMax: 0,
      carryOverExpiresOn: null,
    });
    await setAllowance(cast.admin, {
      userId: person.id,
      year: 2040,
      days: 25,
      carryOverMax: 5,
      carryOverExpiresOn: '2040-03-31',
    });
    // Mon 7 – Fri 18 Nov 2039: 10 days, so 10 of 2039's 20 are left and 5 carry into 2040.
    await db().insert(absences).values({
      userId: person.id,
      typeId: vacation.id,
      startDate: '2039-11-07',
      endDate: '2039-11-18',
      status: 'approved',
    });
    const rows = await listAllowancesOfUser(cast.admin, person.id);
    expect(
      rows.map((row) => [row.year, row.days, row.balance.carriedIn, row.balance.daysLeft]),
    ).toEqual([
      [2040, 25, 5, 30],
      [2039, 20, 0, 10],
    ]);
    expect(rows[0]!.balance).toEqual(await readBalance(db(), person.id, 2040));
    await expect(listAllowancesOfUser(cast.admin, crypto.randomUUID())).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      setAllowance(cast.admin, {
        userId: crypto.randomUUID(),
        year: 2040,
        days: 1,
        carryOverMax: 0,
        carryOverExpiresOn: null,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('a team’s allowances, set at once', () => {
  it('gives every member the year’s values, updating existing rows, and says how many', async () => {
    const cast = await createAdminCast(db());
    const newcomer = await createUser(db(), { disabledAt: new Date() });
    await addMember(db(), cast.team.id, newcomer.id);
    const outsider = await createUser(db());
    await setAllowance(cast.admin, {
      userId: cast.member.id,
      year: 2041,
      days: 20,
      carryOverMax: 2,
      carryOverExpiresOn: null,
    });
    await setAllowance(cast.admin, {
      userId: outsider.id,
      year: 2041,
      days: 20,
      carryOverMax: 0,
      carryOverExpiresOn: null,
    });

    const result = await setTeamAllowances(
      cast.admin,
      {
        teamId: cast.team.id,
        year: 2041,
        days: 26,
        carryOverMax: 5,
        carryOverExpiresOn: '2041-03-31',
      },
      request,
    );
    expect(result).toEqual({ count: 3, teamName: cast.team.name });
    const rows = await allowancesOf(
      [cast.member.id, cast.manager.id, newcomer.id, outsider.id],
      2041,
    );
    const after = { days: 26, carryOverMax: 5, carryOverExpiresOn: '2041-03-31' };
    expect(Object.fromEntries(rows.map(({ userId, ...terms }) => [userId, terms]))).toEqual({
      [cast.member.id]: after,
      [cast.manager.id]: after,
      [newcomer.id]: after,
      [outsider.id]: { days: 20, carryOverMax: 0, carryOverExpiresOn: null },
    });
    expect(await lastAudit()).toMatchObject({
      action: 'allowance.team_set',
      targetType: 'team',
      targetId: cast.team.id,
      teamId: cast.team.id,
      details: {
        year: 2041,
        count: 3,
        before: {
          [cast.member.id]: { days: 20, carryOverMax: 2, carryOverExpiresOn: null },
          [cast.manager.id]: null,
          [newcomer.id]: null,
        },
        after,
      },
    });
    expect(await teamCalendarVersion(db(), cast.team.id)).toBe(1);
  });

  it('sets nobody in an empty team, and refuses an unknown one', async () => {
    const cast = await createAdminCast(db());
    const empty = await createTeam(db());
    const terms = { year: 2041, days: 25, carryOverMax: 0, carryOverExpiresOn: null };
    expect(await setTeamAllowances(cast.admin, { teamId: empty.id, ...terms })).toEqual({
      count: 0,
      teamName: empty.name,
    });
    await expect(
      setTeamAllowances(cast.admin, { teamId: crypto.randomUUID(), ...terms }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the allowance forms', () => {
  const userId = crypto.randomUUID();
  const errors = (input: Record<string, string>) => {
    const result = setAllowanceSchema.safeParse({ userId, ...input });
    return result.success ? {} : z.flattenError(result.error).fieldErrors;
  };

  it('read half days with a point or a comma, a blank limit as 0 and a blank expiry as none', () => {
    expect(
      setAllowanceSchema.parse({
        userId,
        year: '2040',
        days: ' 27,5 ',
        carryOverMax: '',
        carryOverExpiresOn: '',
      }),
    ).toEqual({ userId, year: 2040, days: 27.5, carryOverMax: 0, carryOverExpiresOn: null });
    expect(
      setTeamAllowancesSchema.parse({
        teamId: userId,
        year: '2040',
        days: '25',
        carryOverMax: '5',
        carryOverExpiresOn: '2040-03-31',
      }),
    ).toEqual({
      teamId: userId,
      year: 2040,
      days: 25,
      carryOverMax: 5,
      carryOverExpiresOn: '2040-03-31',
    });
  });

  it('refuse out-of-range days, quarter days and an expiry outside the year, field by field', () => {
    expect(
      errors({ year: '2040', days: '', carryOverMax: '367', carryOverExpiresOn: '2041-03-31' }),
    ).toEqual({
      days: ['Enter the year’s days, like 25.'],
      carryOverMax: ['Enter at most 366 days.'],
      carryOverExpiresOn: ['Choose a date in 2040, like 31 March 2040.'],
    });
    expect(
      errors({ year: '2040', days: '25.25', carryOverMax: '-1', carryOverExpiresOn: '2040-02-30' }),
    ).toEqual({
      days: ['Enter whole or half days, like 27.5.'],
      carryOverMax: ['Enter 0 days or more.'],
      carryOverExpiresOn: ['Choose a date, like 31 March.'],
    });
    expect(errors({ year: '1999', days: 'many', carryOverMax: '0' })).toEqual({
      year: ['Enter a year from 2000 to 2100.'],
      days: ['Enter a number of days, like 25 or 27.5.'],
    });
  });
});
