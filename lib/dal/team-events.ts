import 'server-only';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { and, asc, desc, eq, exists, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { getDb, type Database, type Transaction } from '@/db';
import { memberships, teamEvents, teams, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request-info';
import type { TeamEventCancelInput, TeamEventInput, TeamEventUpdateInput } from '@/lib/validation';
import { isCalendarDate, todayUtc } from '@/lib/workdays';
import type { Actor } from './actor';
import { recordAuditEvent } from './audit';
import { bumpCalendarVersion } from './calendar-version';

export interface TeamEventDto {
  id: string;
  teamId: string;
  title: string;
  description: string | null;
  location: string | null;
  allDay: boolean;
  /** Local dates in the event's time zone, inclusive. */
  startDate: string;
  endDate: string;
  /** Local 'HH:MM' in the event's time zone; null for all-day events. */
  startTime: string | null;
  endTime: string | null;
  /** The instants of a timed event; null for all-day events. */
  startsAt: Date | null;
  endsAt: Date | null;
  timeZone: string;
  status: 'confirmed' | 'cancelled';
  sequence: number;
}

const eventColumns = {
  id: teamEvents.id,
  teamId: teamEvents.teamId,
  title: teamEvents.title,
  description: teamEvents.description,
  location: teamEvents.location,
  allDay: teamEvents.allDay,
  startDate: teamEvents.startDate,
  endDate: teamEvents.endDate,
  startsAt: teamEvents.startsAt,
  endsAt: teamEvents.endsAt,
  timeZone: teamEvents.timeZone,
  status: teamEvents.status,
  sequence: teamEvents.sequence,
};
type EventRow = Omit<TeamEventDto, 'startTime' | 'endTime'>;

/** How far from today an event may be scheduled, in years, either way (as for absences). */
export const TEAM_EVENT_WINDOW_YEARS = 2;

function toDto(row: EventRow): TeamEventDto {
  const localTime = (instant: Date | null) =>
    instant ? format(new TZDate(instant.getTime(), row.timeZone), 'HH:mm') : null;
  return { ...row, startTime: localTime(row.startsAt), endTime: localTime(row.endsAt) };
}

/**
 * The actor may act on the team whose id is `teamId`: their account is still enabled, and they are
 * an admin or hold one of `roles` in that team. Read from the database, not from the actor object,
 * so a disabled or demoted person loses access at once whatever produced the actor.
 */
function actorHasRole(
  db: Database | Transaction,
  actor: Actor,
  teamId: AnyPgColumn,
  roles: Array<'manager' | 'member'>,
) {
  const membership = db
    .select({ one: sql`1` })
    .from(memberships)
    .where(
      and(
        eq(memberships.teamId, teamId),
        eq(memberships.userId, users.id),
        inArray(memberships.role, roles),
      ),
    );
  return exists(
    db
      .select({ one: sql`1` })
      .from(users)
      .where(
        and(
          eq(users.id, actor.id),
          isNull(users.disabledAt),
          or(eq(users.role, 'admin'), exists(membership)),
        ),
      ),
  );
}
const MANAGERS: Array<'manager' | 'member'> = ['manager'];
const MEMBERS: Array<'manager' | 'member'> = ['manager', 'member'];

/** What creating and editing share: everything but the submission key. */
type EventFields = Omit<TeamEventInput, 'submissionKey'>;

function shiftYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

function checkWindow(input: EventFields): void {
  const today = todayUtc();
  const message = `Choose dates within ${TEAM_EVENT_WINDOW_YEARS} years of today.`;
  if (input.startDate < shiftYears(today, -TEAM_EVENT_WINDOW_YEARS))
    throw new AppError('bad_request', message, { field: 'startDate' });
  if (input.endDate > shiftYears(today, TEAM_EVENT_WINDOW_YEARS))
    throw new AppError('bad_request', message, { field: 'endDate' });
}

/** The instant of a local date and time in `timeZone`. */
function toInstant(date: string, time: string, timeZone: string, field: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const isWallTime = (at: TZDate) =>
    at.getDate() === d && at.getHours() === h && at.getMinutes() === min;
  const local = new TZDate(y, m - 1, d, h, min, timeZone);
  if (!isWallTime(local)) {
    throw new AppError(
      'bad_request',
      `${time} does not exist on ${date} in ${timeZone}: the clocks go forward then.`,
      { field },
    );
  }
  // RFC 5545 §3.3.5: a local time that occurs twice (clocks going back) means its first occurrence.
  for (const earlierBy of [3_600_000, 1_800_000]) {
    const earlier = new TZDate(local.getTime() - earlierBy, timeZone);
    if (isWallTime(earlier)) return new Date(earlier.getTime());
  }
  return new Date(local.getTime());
}

/** The stored timing of an event entered in `timeZone`. */
function timingOf(input: EventFields, timeZone: string) {
  const dates = { startDate: input.startDate, endDate: input.endDate, timeZone };
  if (input.allDay) return { ...dates, allDay: true, startsAt: null, endsAt: null };
  if (!input.startTime)
    throw new AppError('bad_request', 'Enter the start time.', { field: 'startTime' });
  if (!input.endTime)
    throw new AppError('bad_request', 'Enter the end time.', { field: 'endTime' });
  const startsAt = toInstant(input.startDate, input.startTime, timeZone, 'startTime');
  const endsAt = toInstant(input.endDate, input.endTime, timeZone, 'endTime');
  if (endsAt <= startsAt)
    throw new AppError('bad_request', 'The event must end after it starts.', { field: 'endTime' });
  return { ...dates, allDay: false, startsAt, endsAt };
}

/** Whether the actor may create, edit and cancel the team's events (its managers and admins). */
export async function canManageTeamEvents(actor: Actor, teamId: string): Promise<boolean> {
  const db = getDb();
  const [team] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), actorHasRole(db, actor, teams.id, MANAGERS)));
  return team !== undefined;
}

/**
 * The team's events (cancelled ones included) that share a day with `from`–`to` (local dates,
 * inclusive), for the team's members and admins; anyone else gets `not_found`.
 */
export async function listTeamEvents(
  actor: Actor,
  teamId: string,
  range: { from: string; to: string },
): Promise<TeamEventDto[]> {
  if (!isCalendarDate(range.from) || !isCalendarDate(range.to))
    throw new AppError('bad_request', 'Choose real dates.');
  const db = getDb();
  const [team] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), actorHasRole(db, actor, teams.id, MEMBERS)));
  if (!team) throw new AppError('not_found', 'Team not found.');
  const rows = await db
    .select(eventColumns)
    .from(teamEvents)
    .where(
      and(
        eq(teamEvents.teamId, team.id),
        lte(teamEvents.startDate, range.to),
        gte(teamEvents.endDate, range.from),
        actorHasRole(db, actor, teamEvents.teamId, MEMBERS),
      ),
    )
    .orderBy(
      asc(teamEvents.startDate),
      desc(teamEvents.allDay),
      asc(teamEvents.startsAt),
      asc(teamEvents.title),
    );
  return rows.map(toDto);
}

export interface CreatedTeamEvent extends TeamEventDto {
  /** The same submission had already created this event (a double click, a retried request). */
  alreadyAdded: boolean;
}

/**
 * A manager of the team or an admin adds an event to the team's calendar, once per submission
 * key: a repeated key answers with the event it created.
 */
export async function createTeamEvent(
  actor: Actor,
  input: TeamEventInput,
  request?: RequestInfo,
): Promise<CreatedTeamEvent> {
  checkWindow(input);
  return getDb().transaction(async (tx) => {
    const [team] = await tx
      .select({ id: teams.id, timeZone: teams.timeZone })
      .from(teams)
      .where(and(eq(teams.id, input.teamId), actorHasRole(tx, actor, teams.id, MANAGERS)));
    if (!team) throw new AppError('not_found', 'Team not found.');
    const [event] = await tx
      .insert(teamEvents)
      .values({
        teamId: team.id,
        title: input.title,
        description: input.description,
        location: input.location,
        ...timingOf(input, team.timeZone),
        submissionKey: input.submissionKey,
        createdById: actor.id,
      })
      // A concurrent insert with the same key is waited for, then found by the select below.
      .onConflictDoNothing({ target: [teamEvents.teamId, teamEvents.submissionKey] })
      .returning(eventColumns);
    if (!event) {
      const [existing] = await tx
        .select(eventColumns)
        .from(teamEvents)
        .where(
          and(eq(teamEvents.teamId, team.id), eq(teamEvents.submissionKey, input.submissionKey)),
        );
      return { ...toDto(existing!), alreadyAdded: true };
    }
    await bumpCalendarVersion(tx, team.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'team_event.created',
      targetType: 'team_event',
      targetId: event.id,
      teamId: team.id,
      details: { title: event.title },
      request,
    });
    return { ...toDto(event), alreadyAdded: false };
  });
}

/** One of the team's events, locked, if the actor manages that team; `not_found` otherwise. */
async function findManagedEvent(tx: Transaction, actor: Actor, teamId: string, eventId: string) {
  const [event] = await tx
    .select({ ...eventColumns, teamTimeZone: teams.timeZone })
    .from(teamEvents)
    .innerJoin(teams, eq(teams.id, teamEvents.teamId))
    .where(
      and(
        eq(teamEvents.id, eventId),
        eq(teamEvents.teamId, teamId),
        actorHasRole(tx, actor, teamEvents.teamId, MANAGERS),
      ),
    )
    .for('update', { of: teamEvents });
  if (!event) throw new AppError('not_found', 'Event not found.');
  return event;
}

const editableFields = [
  'title',
  'description',
  'location',
  'allDay',
  'startDate',
  'endDate',
  'startsAt',
  'endsAt',
  'timeZone',
] as const;

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** A manager of the team or an admin changes an event; its sequence moves so clients replace it. */
export async function updateTeamEvent(
  actor: Actor,
  input: TeamEventUpdateInput,
  request?: RequestInfo,
): Promise<TeamEventDto> {
  checkWindow(input);
  return getDb().transaction(async (tx) => {
    const { teamTimeZone, ...current } = await findManagedEvent(
      tx,
      actor,
      input.teamId,
      input.eventId,
    );
    if (current.status === 'cancelled')
      throw new AppError('conflict', 'This event is cancelled: add a new one instead.');
    const next = {
      title: input.title,
      description: input.description,
      location: input.location,
      ...timingOf(input, teamTimeZone),
    };
    const changed = editableFields.filter((field) => !sameValue(next[field], current[field]));
    if (changed.length === 0) return toDto(current);

    const [event] = await tx
      .update(teamEvents)
      .set({ ...next, sequence: sql`${teamEvents.sequence} + 1`, updatedAt: sql`now()` })
      .where(eq(teamEvents.id, current.id))
      .returning(eventColumns);
    await bumpCalendarVersion(tx, current.teamId);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'team_event.updated',
      targetType: 'team_event',
      targetId: current.id,
      teamId: current.teamId,
      details: { changed },
      request,
    });
    return toDto(event!);
  });
}

/** A manager of the team or an admin cancels an event; the row stays, as `cancelled`. */
export async function cancelTeamEvent(
  actor: Actor,
  input: TeamEventCancelInput,
  request?: RequestInfo,
): Promise<TeamEventDto> {
  return getDb().transaction(async (tx) => {
    const current = await findManagedEvent(tx, actor, input.teamId, input.eventId);
    if (current.status === 'cancelled')
      throw new AppError('conflict', 'This event is already cancelled.');
    const [event] = await tx
      .update(teamEvents)
      .set({
        status: 'cancelled',
        sequence: sql`${teamEvents.sequence} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(teamEvents.id, current.id))
      .returning(eventColumns);
    await bumpCalendarVersion(tx, current.teamId);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'team_event.cancelled',
      targetType: 'team_event',
      targetId: current.id,
      teamId: current.teamId,
      details: { title: current.title },
      request,
    });
    return toDto(event!);
  });
}
