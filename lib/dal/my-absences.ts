import 'server-only';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db';
import { absences, absenceTypes, allowances } from '@/db/schema';
import { workingDaysWithin } from '@/lib/workdays';
import type { Actor } from './actor';
import { absenceColumns, type AbsenceDto } from './absences';

export interface AbsenceTypeOption {
  id: string;
  label: string;
  color: string;
  requiresApproval: boolean;
}

export interface MyAbsence extends AbsenceDto {
  typeLabel: string;
  typeColor: string;
  /** Working days of this absence that fall in the year shown. */
  days: number;
  countsAgainstAllowance: boolean;
  /** What the decider wrote, e.g. why a request was rejected. */
  decisionReason: string | null;
}

export interface MyYear {
  year: number;
  absences: MyAbsence[];
  allowance: number | null;
  taken: number;
  pending: number;
  daysLeft: number | null;
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
  const [allowance] = await db
    .select({ days: allowances.days })
    .from(allowances)
    .where(and(eq(allowances.userId, userId), eq(allowances.year, year)));

  const mine = rows.map((row) => ({ ...row, days: workingDaysWithin(row, from, to) }));
  const sum = (status: MyAbsence['status']) =>
    mine
      .filter((a) => a.status === status && a.countsAgainstAllowance)
      .reduce((total, a) => total + a.days, 0);
  const taken = sum('approved');
  return {
    year,
    absences: mine,
    allowance: allowance?.days ?? null,
    taken,
    pending: sum('pending'),
    daysLeft: allowance ? allowance.days - taken : null,
  };
}
