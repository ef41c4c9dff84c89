import 'server-only';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { getDb, isUniqueViolation, type Transaction } from '@/db';
import { absences, absenceTypes } from '@/db/schema';
import type {
  AbsenceTypeIdInput,
  CreateAbsenceTypeInput,
  UpdateAbsenceTypeInput,
} from '@/lib/admin-validation';
import { AppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';
import type { RequestInfo } from '@/lib/request-info';
import type { Actor } from './actor';
import { assertActiveAdmin, outerColumn } from './admin-access';
import { recordAuditEvent } from './audit';
import { bumpCalendarVersionsOfAbsenceType } from './calendar-version';

// Absence types as admins manage them. A type is never deleted: retiring it stops new requests
// (requestAbsence accepts active types only) and its absences keep showing with it.
//
// Every change moves the versions of the calendars that show an absence of the type (see
// bumpCalendarVersionsOfAbsenceType), in the change's transaction. Its label, colour and privacy
// are in those feeds' events, so a change of them is a presentation change: every event's
// SEQUENCE and LAST-MODIFIED move and clients replace their copies. The other settings read the
// same in today's feeds, but their calendars move too: an admin's change of a type is rare, one
// new download per subscriber costs little, and a feed that comes to show them (a rule, an
// approval state) can never serve a stale body under an unchanged ETag.

export type OverAllowanceRule = 'refuse' | 'warn';

export interface AdminAbsenceType {
  id: string;
  key: string;
  label: string;
  color: string;
  isPrivate: boolean;
  requiresApproval: boolean;
  countsAgainstAllowance: boolean;
  overAllowance: OverAllowanceRule;
  active: boolean;
  sortOrder: number;
  /** Absences of this type in any state, cancelled and rejected ones included. */
  absenceCount: number;
}

const settingColumns = {
  label: absenceTypes.label,
  color: absenceTypes.color,
  isPrivate: absenceTypes.isPrivate,
  requiresApproval: absenceTypes.requiresApproval,
  countsAgainstAllowance: absenceTypes.countsAgainstAllowance,
  overAllowance: absenceTypes.overAllowance,
  sortOrder: absenceTypes.sortOrder,
};
type Settings = { [Name in keyof typeof settingColumns]: AdminAbsenceType[Name] };

/** What a change of these settings alters in the feeds' events. */
const PRESENTATION: ReadonlyArray<keyof Settings> = ['label', 'color', 'isPrivate'];

const typeColumns = {
  id: absenceTypes.id,
  key: absenceTypes.key,
  ...settingColumns,
  active: absenceTypes.active,
  absenceCount: sql<number>`(select count(*)::int from ${absences}
    where ${absences.typeId} = ${outerColumn(absenceTypes, 'id')})`,
};

/** Every type, active ones first, each group in the order people's lists show them. */
export async function listAbsenceTypesForAdmin(actor: Actor): Promise<AdminAbsenceType[]> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  return db
    .select(typeColumns)
    .from(absenceTypes)
    .orderBy(desc(absenceTypes.active), asc(absenceTypes.sortOrder), asc(absenceTypes.label));
}

/** One type by its key; `not_found` for an unknown key. */
export async function getAbsenceTypeForAdmin(actor: Actor, key: string): Promise<AdminAbsenceType> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  const [type] = await db.select(typeColumns).from(absenceTypes).where(eq(absenceTypes.key, key));
  if (!type)
    throw new AppError('not_found', new TranslatableText('admin.errors.absenceTypeNotFound'));
  return type;
}

const keyTaken = (key: string, label?: string) =>
  new AppError(
    'conflict',
    label
      ? new TranslatableText('admin.errors.keyTakenBy', { label, key })
      : new TranslatableText('admin.errors.keyTaken', { key }),
    { field: 'key' },
  );

/** An admin creates a type, at the end of the lists unless given a position. */
export async function createAbsenceType(
  actor: Actor,
  input: CreateAbsenceTypeInput,
  request?: RequestInfo,
): Promise<{ id: string; key: string }> {
  return getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const [existing] = await tx
      .select({ label: absenceTypes.label })
      .from(absenceTypes)
      .where(eq(absenceTypes.key, input.key));
    if (existing) throw keyTaken(input.key, existing.label);
    const values = {
      key: input.key,
      label: input.label,
      color: input.color,
      isPrivate: input.isPrivate,
      requiresApproval: input.requiresApproval,
      countsAgainstAllowance: input.countsAgainstAllowance,
      overAllowance: input.overAllowance ?? 'refuse',
    };
    const [type] = await tx
      .insert(absenceTypes)
      .values({
        ...values,
        sortOrder:
          input.sortOrder ??
          sql`(select least(coalesce(max(${absenceTypes.sortOrder}), 0) + 1, 999) from ${absenceTypes})`,
      })
      .returning({ id: absenceTypes.id, key: absenceTypes.key, sortOrder: absenceTypes.sortOrder })
      .catch((error: unknown) => {
        // Another admin took the key since the check above.
        if (isUniqueViolation(error)) throw keyTaken(input.key);
        throw error;
      });
    // Nothing shows a new type yet: no calendar moves.
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'absence_type.created',
      targetType: 'absence_type',
      targetId: type!.id,
      details: { after: { ...values, sortOrder: type!.sortOrder } },
      request,
    });
    return { id: type!.id, key: type!.key };
  });
}

async function lockType(tx: Transaction, typeId: string) {
  const [type] = await tx
    .select({
      id: absenceTypes.id,
      key: absenceTypes.key,
      active: absenceTypes.active,
      ...settingColumns,
    })
    .from(absenceTypes)
    .where(eq(absenceTypes.id, typeId))
    .for('update');
  if (!type)
    throw new AppError('not_found', new TranslatableText('admin.errors.absenceTypeNotFound'));
  return type;
}

/**
 * An admin changes a type's name, colour, privacy, approval, allowance rule or position; returns
 * the names of the settings that changed (none: nothing is written).
 */
export async function updateAbsenceType(
  actor: Actor,
  input: UpdateAbsenceTypeInput,
  request?: RequestInfo,
): Promise<{ changed: Array<keyof Settings> }> {
  return getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const current = await lockType(tx, input.typeId);
    const next: Settings = {
      label: input.label,
      color: input.color,
      isPrivate: input.isPrivate,
      requiresApproval: input.requiresApproval,
      countsAgainstAllowance: input.countsAgainstAllowance,
      overAllowance: input.overAllowance ?? current.overAllowance,
      sortOrder: input.sortOrder ?? current.sortOrder,
    };
    const changed = (Object.keys(next) as Array<keyof Settings>).filter(
      (name) => next[name] !== current[name],
    );
    if (changed.length === 0) return { changed };
    await tx.update(absenceTypes).set(next).where(eq(absenceTypes.id, current.id));
    await bumpCalendarVersionsOfAbsenceType(tx, current.id, {
      presentation: changed.some((name) => PRESENTATION.includes(name)),
    });
    const pick = (settings: Settings) =>
      Object.fromEntries(changed.map((name) => [name, settings[name]]));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'absence_type.updated',
      targetType: 'absence_type',
      targetId: current.id,
      details: { key: current.key, before: pick(current), after: pick(next) },
      request,
    });
    return { changed };
  });
}

async function setActive(
  actor: Actor,
  input: AbsenceTypeIdInput,
  active: boolean,
  request?: RequestInfo,
): Promise<{ changed: boolean }> {
  return getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const current = await lockType(tx, input.typeId);
    if (current.active === active) return { changed: false };
    await tx.update(absenceTypes).set({ active }).where(eq(absenceTypes.id, current.id));
    await bumpCalendarVersionsOfAbsenceType(tx, current.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: active ? 'absence_type.restored' : 'absence_type.retired',
      targetType: 'absence_type',
      targetId: current.id,
      details: {
        key: current.key,
        label: current.label,
        before: { active: current.active },
        after: { active },
      },
      request,
    });
    return { changed: true };
  });
}

/** An admin retires a type: nobody can request it any more; its absences stay as they are. */
export async function retireAbsenceType(
  actor: Actor,
  input: AbsenceTypeIdInput,
  request?: RequestInfo,
): Promise<{ changed: boolean }> {
  return setActive(actor, input, false, request);
}

/** An admin brings a retired type back: people can request it again. */
export async function restoreAbsenceType(
  actor: Actor,
  input: AbsenceTypeIdInput,
  request?: RequestInfo,
): Promise<{ changed: boolean }> {
  return setActive(actor, input, true, request);
}
