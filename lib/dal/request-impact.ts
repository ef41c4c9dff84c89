import 'server-only';
import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db';
import { absences, absenceTypes, memberships, teams, users } from '@/db/schema';
import type { Balance } from '@/lib/allowance';
import { AppError } from '@/lib/errors';
import { groupBy } from '@/lib/group-by';
import { TranslatableText } from '@/lib/i18n/translate';
import { holidayDatesBetween, holidayPlaceOf } from '@/lib/holidays';
import type { RequestInfo } from '@/lib/request-info';
import { isWorkingDay, workingDaysWithin } from '@/lib/workdays';
import type { Actor } from './actor';
import { recordAuditEvent } from './audit';
import { readBalances } from './balances';

// What a request would do if approved, as the approver sees it (team page) and reads it (the
// managers' mail): the person's days left after it, who else in the team is away then, and the
// fewest people present on one of its working days against the team's minimum.

export interface RequestToWeigh {
  id: string;
  userId: string;
  startDate: string;
  endDate: string;
  halfDayStart: boolean;
  halfDayEnd: boolean;
}

export interface OtherAway {
  name: string;
  typeLabel: string;
  startDate: string;
  endDate: string;
  status: 'pending' | 'approved';
}

export interface RequestImpact {
  /** Days left in the request's first year once it is approved; null when nothing is counted. */
  daysLeftAfter: number | null;
  othersAway: OtherAway[];
  /** The fewest members present on a working day of the request, were it approved. */
  lowestPresent: { date: string; present: number; members: number } | null;
  minimumPresent: number | null;
  /** Approval would leave fewer people present than the team's minimum on `lowestPresent.date`. */
  breaksMinimum: boolean;
}

function* datesBetween(from: string, to: string) {
  for (
    let day = Date.parse(`${from}T00:00:00Z`);
    day <= Date.parse(`${to}T00:00:00Z`);
    day += 86_400_000
  )
    yield new Date(day).toISOString().slice(0, 10);
}

/** The impact of each request on one team, in a fixed number of queries plus one per person. */
export async function weighRequests(
  db: Database | Transaction,
  teamId: string,
  requests: RequestToWeigh[],
): Promise<Map<string, RequestImpact>> {
  const impacts = new Map<string, RequestImpact>();
  if (requests.length === 0) return impacts;
  const [team] = await db
    .select({
      holidayCountry: teams.holidayCountry,
      holidayRegion: teams.holidayRegion,
      minimumPresent: teams.minimumPresent,
    })
    .from(teams)
    .where(eq(teams.id, teamId));
  if (!team) return impacts;
  const from = requests.reduce(
    (min, r) => (r.startDate < min ? r.startDate : min),
    requests[0]!.startDate,
  );
  const to = requests.reduce((max, r) => (r.endDate > max ? r.endDate : max), requests[0]!.endDate);
  const members = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.teamId, teamId), isNull(users.disabledAt)));
  const away = await db
    .select({
      id: absences.id,
      userId: absences.userId,
      name: users.name,
      typeLabel: absenceTypes.label,
      startDate: absences.startDate,
      endDate: absences.endDate,
      status: absences.status,
    })
    .from(absences)
    .innerJoin(
      memberships,
      and(eq(memberships.userId, absences.userId), eq(memberships.teamId, teamId)),
    )
    .innerJoin(users, eq(users.id, absences.userId))
    .innerJoin(absenceTypes, eq(absenceTypes.id, absences.typeId))
    .where(
      and(
        inArray(absences.status, ['pending', 'approved']),
        lte(absences.startDate, to),
        gte(absences.endDate, from),
      ),
    )
    .orderBy(asc(absences.startDate), asc(users.name));
  const counted = await db
    .select({ id: absences.id, counts: absenceTypes.countsAgainstAllowance })
    .from(absences)
    .innerJoin(absenceTypes, eq(absenceTypes.id, absences.typeId))
    .where(
      inArray(
        absences.id,
        requests.map((r) => r.id),
      ),
    );
  const countsAgainstAllowance = new Map(counted.map((row) => [row.id, row.counts]));
  const holidays = holidayDatesBetween(holidayPlaceOf(team), from, to);
  // Every requester's balance of each year a request starts in, read together: the same few
  // queries for a team of 5 or of 200.
  const yearOf = (request: { startDate: string }) => Number(request.startDate.slice(0, 4));
  const countedByYear = groupBy(
    requests.filter((request) => countsAgainstAllowance.get(request.id)),
    yearOf,
  );
  const balancesByYear = new Map<number, Map<string, Balance>>();
  for (const [year, yearRequests] of countedByYear)
    balancesByYear.set(
      year,
      await readBalances(
        db,
        yearRequests.map((request) => request.userId),
        year,
      ),
    );

  for (const request of requests) {
    const others = away.filter(
      (absence) =>
        absence.userId !== request.userId &&
        absence.id !== request.id &&
        absence.startDate <= request.endDate &&
        absence.endDate >= request.startDate,
    );
    let lowestPresent: RequestImpact['lowestPresent'] = null;
    for (const date of datesBetween(request.startDate, request.endDate)) {
      if (!isWorkingDay(date, holidays)) continue;
      const awayThatDay = new Set(
        others
          .filter((o) => o.status === 'approved' && o.startDate <= date && o.endDate >= date)
          .map((o) => o.userId),
      );
      const present = members.length - awayThatDay.size - 1;
      if (!lowestPresent || present < lowestPresent.present)
        lowestPresent = { date, present, members: members.length };
    }
    let daysLeftAfter: number | null = null;
    const balance = balancesByYear.get(yearOf(request))?.get(request.userId);
    if (countsAgainstAllowance.get(request.id) && balance) {
      const year = yearOf(request);
      if (balance.daysLeft !== null)
        daysLeftAfter =
          balance.daysLeft - workingDaysWithin(request, `${year}-01-01`, `${year}-12-31`, holidays);
    }
    impacts.set(request.id, {
      daysLeftAfter,
      othersAway: others.map(({ name, typeLabel, startDate, endDate, status }) => ({
        name,
        typeLabel,
        startDate,
        endDate,
        status: status as OtherAway['status'],
      })),
      lowestPresent,
      minimumPresent: team.minimumPresent,
      breaksMinimum:
        team.minimumPresent !== null &&
        lowestPresent !== null &&
        lowestPresent.present < team.minimumPresent,
    });
  }
  return impacts;
}

/** Whether the actor decides on the team's requests: one of its managers, or an admin. */
async function assertDecidesFor(db: Database | Transaction, actor: Actor, teamId: string) {
  const [row] = await db
    .select({ role: users.role, membership: memberships.role })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.teamId, teamId)))
    .where(and(eq(users.id, actor.id), isNull(users.disabledAt)));
  if (!row || (row.role !== 'admin' && row.membership !== 'manager'))
    throw new AppError('not_found', new TranslatableText('teams.errors.teamNotFound'));
}

/** The team page's requests weighed for the manager or admin looking at them, and the minimum. */
export async function weighRequestsToDecide(
  actor: Actor,
  teamId: string,
  requests: RequestToWeigh[],
): Promise<{ impacts: Record<string, RequestImpact>; minimumPresent: number | null }> {
  const db = getDb();
  await assertDecidesFor(db, actor, teamId);
  const [team] = await db
    .select({ minimumPresent: teams.minimumPresent })
    .from(teams)
    .where(eq(teams.id, teamId));
  return {
    impacts: Object.fromEntries(await weighRequests(db, teamId, requests)),
    minimumPresent: team?.minimumPresent ?? null,
  };
}

/** A team's manager (or an admin) sets the fewest people who must be present on a working day. */
export async function setMinimumPresent(
  actor: Actor,
  teamId: string,
  minimumPresent: number | null,
  request?: RequestInfo,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    await assertDecidesFor(tx, actor, teamId);
    const [before] = await tx
      .select({ minimumPresent: teams.minimumPresent })
      .from(teams)
      .where(eq(teams.id, teamId))
      .for('update');
    if (!before) throw new AppError('not_found', new TranslatableText('teams.errors.teamNotFound'));
    await tx
      .update(teams)
      .set({ minimumPresent, updatedAt: sql`now()` })
      .where(eq(teams.id, teamId));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'team.minimum_present_set',
      targetType: 'team',
      targetId: teamId,
      teamId,
      details: { before: before.minimumPresent, after: minimumPresent },
      request,
    });
  });
}
