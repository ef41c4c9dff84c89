import 'server-only';
import { and, between, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import { absences, absenceTypes, allowances, users } from '@/db/schema';
import {
  balanceOfYear,
  splitByExpiry,
  type AllowanceTerms,
  type Balance,
  type DaysByExpiry,
  type YearCounts,
} from '@/lib/allowance';
import { holidayDatesBetween, type HolidayPlace } from '@/lib/holidays';
import { todayIn } from '@/lib/zoned-time';
import { holidayPlacesOfPeople } from './holiday-places';

export type { Balance } from '@/lib/allowance';

// Balances as every page shows them ("My absences", the team page, the checks on a request, the
// approver's mail): the rows lib/allowance.ts needs — allowances and the days counting against
// them in the year and the two before it (what carries over) — in four queries, for one person
// or a whole team. No rights checked: callers are the DAL's own functions.

/** How many years before the one asked for a balance reads (see `balanceOfYear`). */
const YEARS_BACK = 2;

const zero = (): DaysByExpiry => ({ byExpiry: 0, afterExpiry: 0 });

/**
 * A person's balance for a year. Days are working days without the person's public holidays;
 * carried days lapse after their expiry date where the person is. Usable inside a transaction.
 */
export async function readBalance(
  db: Database | Transaction,
  userId: string,
  year: number,
): Promise<Balance> {
  return (await readBalances(db, [userId], year)).get(userId)!;
}

/** {@link readBalance} for several people at once, in the same four queries whatever their number. */
export async function readBalances(
  db: Database | Transaction,
  userIds: readonly string[],
  year: number,
): Promise<Map<string, Balance>> {
  const ids = [...new Set(userIds)];
  const balances = new Map<string, Balance>();
  if (ids.length === 0) return balances;
  const firstYear = year - YEARS_BACK;
  // One after the other: a transaction runs its statements on one connection anyway.
  const people = await db
    .select({ id: users.id, timeZone: users.timeZone })
    .from(users)
    .where(inArray(users.id, ids));
  const terms = await db
    .select({
      userId: allowances.userId,
      year: allowances.year,
      days: allowances.days,
      carryOverMax: allowances.carryOverMax,
      carryOverExpiresOn: allowances.carryOverExpiresOn,
    })
    .from(allowances)
    .where(and(inArray(allowances.userId, ids), between(allowances.year, firstYear, year)));
  const counted = await db
    .select({
      userId: absences.userId,
      status: absences.status,
      startDate: absences.startDate,
      endDate: absences.endDate,
      halfDayStart: absences.halfDayStart,
      halfDayEnd: absences.halfDayEnd,
    })
    .from(absences)
    .innerJoin(absenceTypes, eq(absenceTypes.id, absences.typeId))
    .where(
      and(
        inArray(absences.userId, ids),
        inArray(absences.status, ['pending', 'approved']),
        eq(absenceTypes.countsAgainstAllowance, true),
        lte(absences.startDate, `${year}-12-31`),
        gte(absences.endDate, `${firstYear}-01-01`),
      ),
    );
  const places = await holidayPlacesOfPeople(db, ids);

  const holidays = holidaysByYear();
  const timeZoneOf = new Map(people.map((p) => [p.id, p.timeZone]));
  const absencesOf = new Map<string, typeof counted>();
  for (const absence of counted) {
    const list = absencesOf.get(absence.userId);
    if (list) list.push(absence);
    else absencesOf.set(absence.userId, [absence]);
  }
  for (const userId of ids) {
    const place = places.get(userId) ?? null;
    const countsOf = (y: number): YearCounts => {
      const row = terms.find((t) => t.userId === userId && t.year === y);
      const yearTerms: AllowanceTerms | null = row
        ? {
            days: Number(row.days),
            carryOverMax: Number(row.carryOverMax),
            carryOverExpiresOn: row.carryOverExpiresOn,
          }
        : null;
      const approved = zero();
      const pending = zero();
      for (const absence of absencesOf.get(userId) ?? []) {
        const days = splitByExpiry(
          absence,
          y,
          yearTerms?.carryOverExpiresOn ?? null,
          holidays(place, y),
        );
        const into = absence.status === 'approved' ? approved : pending;
        into.byExpiry += days.byExpiry;
        into.afterExpiry += days.afterExpiry;
      }
      return { terms: yearTerms, approved, pending };
    };
    balances.set(
      userId,
      balanceOfYear(
        year,
        {
          current: countsOf(year),
          previous: countsOf(year - 1),
          beforePrevious: countsOf(year - 2),
        },
        todayIn(timeZoneOf.get(userId) ?? 'UTC'),
      ),
    );
  }
  return balances;
}

/** A place's public holidays of a year, computed once per place and year of a call. */
function holidaysByYear() {
  const cache = new Map<string, ReadonlySet<string>>();
  return (place: HolidayPlace | null, year: number) => {
    const key = `${place?.country ?? ''}-${place?.region ?? ''}-${year}`;
    let dates = cache.get(key);
    if (!dates)
      cache.set(key, (dates = holidayDatesBetween(place, `${year}-01-01`, `${year}-12-31`)));
    return dates;
  };
}
