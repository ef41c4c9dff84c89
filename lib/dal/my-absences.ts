import 'server-only';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db';
import { absences, absenceTypes, users } from '@/db/schema';
import { holidayDatesBetween } from '@/lib/holidays';
import { workingDaysWithin } from '@/lib/workdays';
import { todayIn } from '@/lib/zoned-time';
import type { Actor } from './actor';
import { absenceColumns, type AbsenceDto } from './absences';
import { readBalance, type Balance } from './balances';
import { holidayPlaceOfPerson } from './holiday-places';

export interface AbsenceTypeOption {
  id: string;
  label: string;
  color: string;
  requiresApproval: boolean;
}

export interface MyAbsence extends AbsenceDto {
  typeLabel: string;
  typeColor: string;
  /** Working days of this absence in the year shown, the person's public holidays left out. */
  days: number;
  countsAgainstAllowance: boolean;
  /** What the decider wrote, e.g. why a request was rejected. */
  decisionReason: string | null;
}

/** A year of a person's absences with its balance: allowance, carried days, booked, days left. */
export interface MyYear extends Balance {
  year: number;
  absences: MyAbsence[];
  /** The part of `booked` up to today, where the person is. */
  takenSoFar: number;
}

/** The absence types a person can request, in display order. */
export async function listActiveAbsenceTypes(): Promise<AbsenceTypeOption[]> {
  return getDb()
    .select({
      id: absenceTypes.id,
      label: absenceTypes.label,
      color: absenceTypes.color,
      requiresApproval: absenceTypes.requiresApproval,
    })
    .from(absenceTypes)
    .where(eq(absenceTypes.active, true))
    .orderBy(asc(absenceTypes.sortOrder), asc(absenceTypes.label));
}

/** The actor's own absences touching a year, with their allowance and days left. */
export async function getMyYear(actor: Actor, year: number): Promise<MyYear> {
  return readYearOf(getDb(), actor.id, year);
}

/**
 * A person's absences touching a year with their allowance and days left. No rights checked:
 * for the DAL's own use, e.g. the balance a manager's mail shows.
 */
export async function readYearOf(
  db: Database | Transaction,
  userId: string,
  year: number,
): Promise<MyYear> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = await db
    .select({
      ...absenceColumns,
      typeLabel: absenceTypes.label,
      typeColor: absenceTypes.color,
      countsAgainstAllowance: absenceTypes.countsAgainstAllowance,
      decisionReason: absences.decisionReason,
    })
    .from(absences)
    .innerJoin(absenceTypes, eq(absenceTypes.id, absences.typeId))
    .where(
      and(eq(absences.userId, userId), lte(absences.startDate, to), gte(absences.endDate, from)),
    )
    .orderBy(asc(absences.startDate));
  const balance = await readBalance(db, userId, year);

  // Days counted as the team page counts them: without the person's public holidays.
  const holidays = holidayDatesBetween(await holidayPlaceOfPerson(db, userId), from, to);
  const [person] = await db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, userId));
  const today = todayIn(person?.timeZone ?? 'UTC');
  const mine = rows.map((row) => ({ ...row, days: workingDaysWithin(row, from, to, holidays) }));
  const counted = (status: MyAbsence['status']) =>
    mine.filter((a) => a.status === status && a.countsAgainstAllowance);
  const takenSoFar = counted('approved').reduce(
    (total, a) => total + workingDaysWithin(a, from, today < to ? today : to, holidays),
    0,
  );
  return { ...balance, year, absences: mine, takenSoFar };
}
