import 'server-only';
import { addDays, format } from 'date-fns';
import { and, asc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { absences, absenceTypes, memberships, teams, users } from '@/db/schema';
import {
  holidayDatesBetween,
  holidayPlaceOf,
  publicHolidaysBetween,
  type PublicHoliday,
} from '@/lib/holidays';
import { defaultLanguage, type Language } from '@/lib/i18n/locales';
import { AWAY_LABEL, maySeePrivateType, NEUTRAL_COLOR } from '@/lib/privacy';
import { isWeekend, workingDays, workingDaysWithin } from '@/lib/workdays';
import { todayIn } from '@/lib/zoned-time';
import { isAdmin, type Actor } from './actor';
import { readBalances } from './balances';
import { holidayPlacesOfPeople } from './holiday-places';
import { getTeamBySlug, type TeamDetail } from './teams';

// The team page's figures. Every number is aggregated by PostgreSQL; whatever the number of
// members or days, the page costs the same handful of queries.

/** How a private absence type (health data) looks to those who may not see it. */
export const MASKED_TYPE = { id: 'away', label: AWAY_LABEL, color: NEUTRAL_COLOR } as const;

export interface TypeColumn {
  id: string;
  label: string;
  color: string;
  countsAgainstAllowance: boolean;
}

export interface MemberFigures {
  userId: string;
  name: string;
  email: string;
  role: 'manager' | 'member';
  disabled: boolean;
  /**
   * Approved working days booked in the year, future ones included, by type id (`away` for types
   * hidden from the viewer).
   */
  bookedByType: Record<string, number>;
  /** Approved days of the types that count against the allowance, up to the team's today. */
  takenSoFar: number;
  pending: number;
  /** The balance, as on "My absences" (./balances.ts): the year's own days and carried ones. */
  allowance: number | null;
  carriedIn: number;
  carriedUsable: number;
  carriedLapsed: number;
  carryOverExpiresOn: string | null;
  carryOverExpired: boolean;
  daysLeft: number | null;
}

/** An absence as the viewer may see it: a hidden private type comes as "Away". */
export interface TeamAbsence {
  id: string;
  userId: string;
  personName: string;
  startDate: string;
  endDate: string;
  halfDayStart: boolean;
  halfDayEnd: boolean;
  status: 'pending' | 'approved';
  typeLabel: string;
  color: string;
}

/** A pending request that the viewer, a manager of the team or an admin, may decide on. */
export interface RequestToDecide extends TeamAbsence {
  note: string | null;
  days: number;
}

export interface CoverageDay {
  date: string;
  /** Members away on this working day; 0 on a day off. */
  approved: number;
  pending: number;
  /** Why nobody works that day ('Weekend' or the public holiday's name), or null. */
  dayOff: string | null;
}

export interface TeamStatistics {
  team: TeamDetail;
  /** The team's date today, in its own time zone. */
  today: string;
  year: number;
  month: string;
  columns: TypeColumn[];
  members: MemberFigures[];
  awaySoon: TeamAbsence[];
  monthAbsences: TeamAbsence[];
  /** The team's public holidays in the month grid's month (none without a place). */
  monthHolidays: PublicHoliday[];
  coverage: CoverageDay[];
  /** Empty unless the viewer manages the team or is an admin. */
  requestsToDecide: RequestToDecide[];
}

export interface StatisticsPeriod {
  year: number;
  /** 'YYYY-MM' of the month grid. */
  month: string;
  coverage: 'month' | 'year';
}

/** An absence with its person and type, as the page's lists show it. */
const absenceListColumns = {
  id: absences.id,
  userId: absences.userId,
  personName: users.name,
  startDate: absences.startDate,
  endDate: absences.endDate,
  halfDayStart: absences.halfDayStart,
  halfDayEnd: absences.halfDayEnd,
  status: absences.status,
  typeLabel: absenceTypes.label,
  color: absenceTypes.color,
};

/** Days ahead that "away soon" covers, today included. */
export const AWAY_SOON_DAYS = 30;

function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

/**
 * The team page for a member of the team or an admin (anyone else gets `not_found`): figures
 * per member for a year, who is away soon, a month of absences and the daily coverage.
 */
export async function getTeamStatistics(
  actor: Actor,
  slug: string,
  period: StatisticsPeriod,
  /** The language public holidays are named in: the reader's. */
  language: Language = defaultLanguage,
): Promise<TeamStatistics> {
  const team = await getTeamBySlug(actor, slug);
  const db = getDb();
  const today = todayIn(team.timeZone);
  const yearFrom = `${period.year}-01-01`;
  const yearTo = `${period.year}-12-31`;
  const monthFrom = `${period.month}-01`;
  const monthTo = lastDayOfMonth(period.month);
  const soonTo = format(addDays(new Date(`${today}T12:00:00Z`), AWAY_SOON_DAYS - 1), 'yyyy-MM-dd');
  const [coverageFrom, coverageTo] =
    period.coverage === 'year' ? [yearFrom, yearTo] : [monthFrom, monthTo];

  // Managers of this team and admins see every type; others only their own private ones.
  const seesAllTypes = isAdmin(actor) || team.myRole === 'manager';
  const viewer = { userId: actor.id, seesAllPrivateTypes: seesAllTypes };
  const mayShowType = (userId: string, isPrivate: boolean) =>
    !isPrivate || maySeePrivateType(viewer, userId);

  const inTeam = inArray(
    absences.userId,
    db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.teamId, team.id)),
  );
  const showing = inArray(absences.status, ['pending', 'approved']);
  const overlapping = (from: string, to: string) =>
    and(inTeam, showing, lte(absences.startDate, to), gte(absences.endDate, from));

  const listAbsences = (from: string, to: string) =>
    db
      .select({ ...absenceListColumns, isPrivate: absenceTypes.isPrivate })
      .from(absences)
      .innerJoin(users, eq(users.id, absences.userId))
      .innerJoin(absenceTypes, eq(absenceTypes.id, absences.typeId))
      .where(overlapping(from, to))
      .orderBy(asc(absences.startDate), asc(users.name));

  // Managers decide on their team's requests, except their own; admins on every one.
  const listRequestsToDecide = async () => {
    if (!seesAllTypes) return [];
    const rows = await db
      .select({ ...absenceListColumns, note: absences.note })
      .from(absences)
      .innerJoin(users, eq(users.id, absences.userId))
      .innerJoin(absenceTypes, eq(absenceTypes.id, absences.typeId))
      .where(
        and(
          inTeam,
          eq(absences.status, 'pending'),
          isAdmin(actor) ? undefined : ne(absences.userId, actor.id),
        ),
      )
      .orderBy(asc(absences.startDate), asc(users.name));
    return rows.map((row) => ({
      ...row,
      status: 'pending' as const,
      days: workingDays(
        row,
        holidayDatesBetween(places.get(row.userId) ?? null, row.startDate, row.endDate),
      ),
    }));
  };

  // Each member's days are counted without their own public holidays, as "My absences" counts
  // them (lib/dal/my-absences.ts); the grid and the chart show the team's.
  const [places, [teamRow]] = await Promise.all([
    holidayPlacesOfPeople(
      db,
      team.members.map((m) => m.id),
    ),
    db
      .select({ holidayCountry: teams.holidayCountry, holidayRegion: teams.holidayRegion })
      .from(teams)
      .where(eq(teams.id, team.id)),
  ]);
  const teamPlace = teamRow ? holidayPlaceOf(teamRow) : null;
  const yearHolidays = new Map<string, ReadonlySet<string>>();
  const holidaysOf = (userId: string) => {
    const place = places.get(userId) ?? null;
    const key = place ? `${place.country}-${place.region ?? ''}` : '';
    let dates = yearHolidays.get(key);
    if (!dates) yearHolidays.set(key, (dates = holidayDatesBetween(place, yearFrom, yearTo)));
    return dates;
  };

  const day = sql`day`;
  const [types, totals, memberBalances, soon, month, coverageRows, requestsToDecide] =
    await Promise.all([
      db
        .select({
          id: absenceTypes.id,
          label: absenceTypes.label,
          color: absenceTypes.color,
          isPrivate: absenceTypes.isPrivate,
          active: absenceTypes.active,
          countsAgainstAllowance: absenceTypes.countsAgainstAllowance,
        })
        .from(absenceTypes)
        .orderBy(asc(absenceTypes.sortOrder), asc(absenceTypes.label)),
      // Each absence's days counted by lib/workdays.ts, the one definition "My absences" uses.
      db
        .select({
          userId: absences.userId,
          typeId: absences.typeId,
          status: absences.status,
          startDate: absences.startDate,
          endDate: absences.endDate,
          halfDayStart: absences.halfDayStart,
          halfDayEnd: absences.halfDayEnd,
        })
        .from(absences)
        .where(overlapping(yearFrom, yearTo))
        .then((rows) =>
          rows.map((row) => {
            const holidays = holidaysOf(row.userId);
            return {
              ...row,
              days: workingDaysWithin(row, yearFrom, yearTo, holidays),
              daysSoFar: workingDaysWithin(
                row,
                yearFrom,
                today < yearTo ? today : yearTo,
                holidays,
              ),
            };
          }),
        ),
      readBalances(
        db,
        team.members.map((m) => m.id),
        period.year,
      ),
      listAbsences(today, soonTo),
      listAbsences(monthFrom, monthTo),
      db
        .select({
          date: sql<string>`to_char(${day}, 'YYYY-MM-DD')`,
          approved: sql<number>`count(distinct ${absences.userId}) filter (where ${absences.status} = 'approved')::int`,
          pending: sql<number>`count(distinct ${absences.userId}) filter (where ${absences.status} = 'pending')::int`,
        })
        .from(
          sql`generate_series(${coverageFrom}::date, ${coverageTo}::date, interval '1 day') as day`,
        )
        .leftJoin(
          absences,
          and(
            inTeam,
            showing,
            lte(absences.startDate, sql`${day}::date`),
            gte(absences.endDate, sql`${day}::date`),
          ),
        )
        .groupBy(day)
        .orderBy(day),
      listRequestsToDecide(),
    ]);

  const typeById = new Map(types.map((t) => [t.id, t]));
  const members = team.members.map((member): MemberFigures => {
    const bookedByType: Record<string, number> = {};
    let pending = 0;
    let takenSoFar = 0;
    for (const row of totals.filter((t) => t.userId === member.id)) {
      const type = typeById.get(row.typeId)!;
      const days = row.days;
      // Pending means what "My absences" means: requested days that would count against the
      // allowance (lib/dal/my-absences.ts).
      if (row.status === 'pending') {
        if (type.countsAgainstAllowance) pending += days;
        continue;
      }
      const column = mayShowType(member.id, type.isPrivate) ? type.id : MASKED_TYPE.id;
      bookedByType[column] = (bookedByType[column] ?? 0) + days;
      if (type.countsAgainstAllowance) takenSoFar += row.daysSoFar;
    }
    const balance = memberBalances.get(member.id)!;
    return {
      userId: member.id,
      name: member.name,
      email: member.email,
      role: member.role,
      disabled: member.disabled,
      bookedByType,
      takenSoFar,
      pending,
      allowance: balance.allowance,
      carriedIn: balance.carriedIn,
      carriedUsable: balance.carriedUsable,
      carriedLapsed: balance.carriedLapsed,
      carryOverExpiresOn: balance.carryOverExpiresOn,
      carryOverExpired: balance.carryOverExpired,
      daysLeft: balance.daysLeft,
    };
  });

  const present = (rows: Awaited<ReturnType<typeof listAbsences>>): TeamAbsence[] =>
    rows.map(({ isPrivate, ...row }) => ({
      ...row,
      status: row.status as TeamAbsence['status'],
      ...(mayShowType(row.userId, isPrivate)
        ? {}
        : { typeLabel: MASKED_TYPE.label, color: MASKED_TYPE.color }),
    }));

  // A column per type in use this year, plus the usual ones even when empty; a private type only
  // where the viewer may see it.
  const columns: TypeColumn[] = types
    .filter(
      (t) => members.some((m) => m.bookedByType[t.id] !== undefined) || (t.active && !t.isPrivate),
    )
    .map((t) => ({
      id: t.id,
      label: t.label,
      color: t.color,
      countsAgainstAllowance: t.countsAgainstAllowance,
    }));
  if (members.some((m) => m.bookedByType[MASKED_TYPE.id] !== undefined))
    columns.push({ ...MASKED_TYPE, countsAgainstAllowance: false });

  // Weekends and the team's public holidays are nobody's working days: nobody is away on them.
  const coverageHolidays = new Map(
    publicHolidaysBetween(teamPlace, coverageFrom, coverageTo, language).map((h) => [
      h.date,
      h.name,
    ]),
  );
  const coverage = coverageRows.map((row): CoverageDay => {
    const dayOff = coverageHolidays.get(row.date) ?? (isWeekend(row.date) ? 'Weekend' : null);
    return dayOff ? { date: row.date, approved: 0, pending: 0, dayOff } : { ...row, dayOff };
  });

  return {
    team,
    today,
    year: period.year,
    month: period.month,
    columns,
    members,
    awaySoon: present(soon),
    monthAbsences: present(month),
    monthHolidays: publicHolidaysBetween(teamPlace, monthFrom, monthTo, language),
    coverage,
    requestsToDecide,
  };
}
