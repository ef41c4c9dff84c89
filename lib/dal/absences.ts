import 'server-only';
import { and, eq, gte, inArray, lte, not, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Transaction } from '@/db';
import { absences, absenceTypes, memberships, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { DatedText } from '@/lib/i18n/dated-text';
import { formatSpan } from '@/lib/i18n/format';
import { TranslatableText } from '@/lib/i18n/translate';
import type { RequestInfo } from '@/lib/request-info';
import type { AbsenceDecisionInput, AbsenceRequestInput } from '@/lib/validation';
import { holidayDatesBetween } from '@/lib/holidays';
import { workingDays, workingDaysWithin } from '@/lib/workdays';
import { todayIn } from '@/lib/zoned-time';
import { isAdmin, type Actor } from './actor';
import { queueAbsenceDecidedNotice, queueAbsenceRequestedNotices } from './absence-notices';
import { recordAuditEvent } from './audit';
import { holidayPlaceOfPerson } from './holiday-places';
import { readYearOf } from './my-absences';
import { bumpCalendarVersionsOfUser } from './calendar-version';

export interface AbsenceDto {
  id: string;
  userId: string;
  typeId: string;
  startDate: string;
  endDate: string;
  halfDayStart: boolean;
  halfDayEnd: boolean;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled';
  note: string | null;
  sequence: number;
}

export const absenceColumns = {
  id: absences.id,
  userId: absences.userId,
  typeId: absences.typeId,
  startDate: absences.startDate,
  endDate: absences.endDate,
  halfDayStart: absences.halfDayStart,
  halfDayEnd: absences.halfDayEnd,
  status: absences.status,
  note: absences.note,
  sequence: absences.sequence,
};

/** How far from today an absence may be requested, in years, either way. */
export const ABSENCE_WINDOW_YEARS = 2;

function shiftYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/** The person's pending or approved absences that share a moment with the requested span. */
async function findOverlap(tx: Transaction, userId: string, input: AbsenceRequestInput) {
  // Two spans that meet on one day don't clash when one has only the morning off that day and
  // the other only the afternoon.
  const halvesMeet = [
    input.halfDayStart
      ? and(eq(absences.endDate, input.startDate), eq(absences.halfDayEnd, true))
      : undefined,
    input.halfDayEnd
      ? and(eq(absences.startDate, input.endDate), eq(absences.halfDayStart, true))
      : undefined,
  ].filter((condition) => condition !== undefined);
  const [overlap] = await tx
    .select({ startDate: absences.startDate, endDate: absences.endDate })
    .from(absences)
    .where(
      and(
        eq(absences.userId, userId),
        inArray(absences.status, ['pending', 'approved']),
        lte(absences.startDate, input.endDate),
        gte(absences.endDate, input.startDate),
        halvesMeet.length > 0 ? not(or(...halvesMeet)!) : undefined,
      ),
    )
    .limit(1);
  return overlap;
}

export interface RequestedAbsence extends AbsenceDto {
  /** Working days it takes, public holidays and weekends left out. */
  workingDays: number;
  /** Set when the type allows going beyond the days left and this request does. */
  warning?: string;
  /** The same warning, one text per year, to show in the reader's language. */
  warningTexts?: TranslatableText[];
}

const YEAR_DAYS = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/**
 * The allowance rule of a type that counts against it: in each year the request touches, its days
 * must fit in what is left once the person's other pending requests are counted. Beyond that, the
 * type either refuses the request or lets it through with a warning for the person and approver.
 */
async function checkAllowance(
  tx: Transaction,
  actor: Actor,
  input: AbsenceRequestInput,
  holidays: ReadonlySet<string>,
  type: { overAllowance: 'refuse' | 'warn' },
): Promise<TranslatableText[]> {
  const warnings: TranslatableText[] = [];
  for (
    let year = Number(input.startDate.slice(0, 4));
    year <= Number(input.endDate.slice(0, 4));
    year++
  ) {
    const days = workingDaysWithin(input, ...YEAR_DAYS(year), holidays);
    const balance = await readYearOf(tx, actor.id, year);
    if (balance.daysLeft === null || days === 0) continue;
    const left = balance.daysLeft - balance.pending;
    if (days <= left) continue;
    const pending = balance.pending > 0 ? 'Pending' : '';
    const values = {
      days: halfDays(days),
      year: String(year),
      left: halfDays(Math.max(0, left)),
      pending: halfDays(balance.pending),
    };
    if (type.overAllowance === 'refuse')
      throw new AppError(
        'bad_request',
        new TranslatableText(`absences.errors.refuse${pending}`, values),
        { field: 'endDate' },
      );
    warnings.push(new TranslatableText(`absences.errors.warn${pending}`, values));
  }
  return warnings;
}

/** Working days as the messages count them: whole or half days. */
const halfDays = (days: number) => Math.round(days * 2) / 2;

/** The actor requests an absence for themselves; types that need no approval are approved at once. */
export async function requestAbsence(
  actor: Actor,
  input: AbsenceRequestInput,
  request?: RequestInfo,
): Promise<RequestedAbsence> {
  // The window around the person's today, where they are.
  const now = todayIn(actor.timeZone);
  if (
    input.startDate < shiftYears(now, -ABSENCE_WINDOW_YEARS) ||
    input.endDate > shiftYears(now, ABSENCE_WINDOW_YEARS)
  ) {
    throw new AppError(
      'bad_request',
      new TranslatableText('absences.errors.window', { years: ABSENCE_WINDOW_YEARS }),
      { field: 'startDate' },
    );
  }
  return getDb().transaction(async (tx) => {
    // One request at a time per person, so two concurrent requests can't both pass the overlap check.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id)).for('update');
    const [type] = await tx
      .select({
        label: absenceTypes.label,
        requiresApproval: absenceTypes.requiresApproval,
        countsAgainstAllowance: absenceTypes.countsAgainstAllowance,
        overAllowance: absenceTypes.overAllowance,
      })
      .from(absenceTypes)
      .where(and(eq(absenceTypes.id, input.typeId), eq(absenceTypes.active, true)));
    if (!type)
      throw new AppError('bad_request', new TranslatableText('absences.errors.typeNotInList'), {
        field: 'typeId',
      });
    const holidays = holidayDatesBetween(
      await holidayPlaceOfPerson(tx, actor.id),
      input.startDate,
      input.endDate,
    );
    const days = workingDays(input, holidays);
    if (days === 0)
      throw new AppError('bad_request', new TranslatableText('absences.errors.noWorkingDay'), {
        field: 'startDate',
      });
    const warningTexts = type.countsAgainstAllowance
      ? await checkAllowance(tx, actor, input, holidays, type)
      : [];
    const warning = warningTexts.length > 0 ? warningTexts.join(' ') : undefined;

    const overlap = await findOverlap(tx, actor.id, input);
    if (overlap) {
      throw new AppError(
        'conflict',
        new DatedText('absences.errors.overlap', {}, (locale) => ({
          dates: formatSpan(overlap, locale),
        })),
        { field: 'startDate' },
      );
    }
    const [absence] = await tx
      .insert(absences)
      .values({
        ...input,
        userId: actor.id,
        status: type.requiresApproval ? 'pending' : 'approved',
      })
      .returning(absenceColumns);
    await bumpCalendarVersionsOfUser(tx, actor.id);
    if (absence!.status === 'pending') await queueAbsenceRequestedNotices(tx, absence!.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'absence.requested',
      targetType: 'absence',
      targetId: absence!.id,
      details: {
        status: absence!.status,
        workingDays: days,
        ...(warning && { overAllowance: true }),
      },
      request,
    });
    return { ...absence!, workingDays: days, warning, warningTexts };
  });
}

/**
 * A manager of a team the requester belongs to, or an admin, approves or rejects a pending
 * request. Nobody decides on their own request unless they are an admin.
 */
export async function decideAbsence(
  actor: Actor,
  input: AbsenceDecisionInput,
  request?: RequestInfo,
): Promise<AbsenceDto> {
  return getDb().transaction(async (tx) => {
    const managerOf = alias(memberships, 'manager_membership');
    const requesterIn = alias(memberships, 'requester_membership');
    // The rights are part of the query: an absence the actor may not decide on matches nothing.
    const managesRequester = tx
      .select({ one: sql`1` })
      .from(managerOf)
      .innerJoin(requesterIn, eq(requesterIn.teamId, managerOf.teamId))
      .where(
        and(
          eq(managerOf.userId, actor.id),
          eq(managerOf.role, 'manager'),
          eq(requesterIn.userId, absences.userId),
        ),
      );
    const [absence] = await tx
      .select({ id: absences.id, userId: absences.userId, status: absences.status })
      .from(absences)
      .where(
        and(
          eq(absences.id, input.absenceId),
          isAdmin(actor) ? undefined : sql`exists (${managesRequester})`,
        ),
      )
      .for('update');
    if (!absence) throw new AppError('not_found', new TranslatableText('absences.errors.notFound'));
    if (absence.userId === actor.id && !isAdmin(actor)) {
      throw new AppError('forbidden', new TranslatableText('absences.errors.ownRequest'));
    }
    if (absence.status !== 'pending')
      throw new AppError('conflict', new TranslatableText('absences.errors.alreadyDecided'));

    const [decided] = await tx
      .update(absences)
      .set({
        status: input.decision === 'approve' ? 'approved' : 'rejected',
        decidedById: actor.id,
        decidedAt: sql`now()`,
        decisionReason: input.reason,
        sequence: sql`${absences.sequence} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(absences.id, absence.id))
      .returning(absenceColumns);
    await bumpCalendarVersionsOfUser(tx, absence.userId);
    await queueAbsenceDecidedNotice(
      tx,
      absence.id,
      actor,
      input.decision === 'approve' ? 'approved' : 'rejected',
    );
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: input.decision === 'approve' ? 'absence.approved' : 'absence.rejected',
      targetType: 'absence',
      targetId: absence.id,
      request,
    });
    return decided!;
  });
}

/**
 * Whether its owner may still cancel an absence: pending, or approved and still to come — on
 * `today`, the person's own date where they are (todayIn their zone).
 */
export function isCancellable(
  absence: Pick<AbsenceDto, 'status' | 'startDate'>,
  today: string,
): boolean {
  return (
    absence.status === 'pending' || (absence.status === 'approved' && absence.startDate > today)
  );
}

/** The actor cancels one of their own pending or future absences; the row stays, as `cancelled`. */
export async function cancelAbsence(
  actor: Actor,
  absenceId: string,
  request?: RequestInfo,
): Promise<AbsenceDto> {
  return getDb().transaction(async (tx) => {
    const [absence] = await tx
      .select({ id: absences.id, status: absences.status, startDate: absences.startDate })
      .from(absences)
      .where(and(eq(absences.id, absenceId), eq(absences.userId, actor.id)))
      .for('update');
    if (!absence) throw new AppError('not_found', new TranslatableText('absences.errors.notFound'));
    if (!isCancellable(absence, todayIn(actor.timeZone)))
      throw new AppError('conflict', new TranslatableText('absences.errors.notCancellable'));

    const [cancelled] = await tx
      .update(absences)
      .set({ status: 'cancelled', sequence: sql`${absences.sequence} + 1`, updatedAt: sql`now()` })
      .where(eq(absences.id, absence.id))
      .returning(absenceColumns);
    await bumpCalendarVersionsOfUser(tx, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'absence.cancelled',
      targetType: 'absence',
      targetId: absence.id,
      request,
    });
    return cancelled!;
  });
}
