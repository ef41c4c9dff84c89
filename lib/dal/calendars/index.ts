import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import { getDb, type Database, type Transaction } from '@/db';
import { calendars, resources, teams, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { holidayPlaceOf } from '@/lib/holidays';
import type { Actor } from '../actor';
import { personCalendar } from './person';
import { resourceCalendar } from './resource';
import {
  CALENDAR_KINDS,
  type CalendarKind,
  type CalendarRights,
  type CalendarSource,
  type CalendarSubject,
  type Relation,
} from './source';
import { teamCalendar } from './team';

export type {
  CalendarKind,
  CalendarOffers,
  CalendarRights,
  CalendarSource,
  CalendarSubject,
} from './source';
export { CALENDAR_KINDS } from './source';

const SOURCES: Record<CalendarKind, CalendarSource> = {
  team: teamCalendar,
  person: personCalendar,
  resource: resourceCalendar,
};

export function calendarSource(kind: CalendarKind): CalendarSource {
  return SOURCES[kind];
}

const person = alias(users, 'calendar_person');

/**
 * The columns describing a calendar and its subject, with the relation of the user `userId` (a
 * column or a value) to it. Use with {@link joinCalendarSubjects} on a query over `calendars`.
 */
export function calendarColumns(userId: SQL) {
  const relation = sql.join(
    CALENDAR_KINDS.map(
      (kind) => sql`when ${sql.raw(`'${kind}'`)} then ${SOURCES[kind].relationSql(userId)}`,
    ),
    sql` `,
  );
  return {
    calendarId: calendars.id,
    calendarKind: calendars.kind,
    calendarTeamId: calendars.teamId,
    calendarPersonId: calendars.personId,
    calendarResourceId: calendars.resourceId,
    includesOwnAbsences: calendars.includesOwnAbsences,
    calendarVersion: calendars.version,
    calendarUpdatedAt: calendars.updatedAt,
    presentationVersion: calendars.presentationVersion,
    presentationChangedAt: calendars.presentationChangedAt,
    calendarName: sql<string>`coalesce(${teams.name}, ${person.name}, ${resources.name})`,
    calendarSlug: sql<string | null>`coalesce(${teams.slug}, ${resources.slug})`,
    calendarTimeZone: sql<string>`coalesce(${teams.timeZone}, ${person.timeZone}, ${resources.timeZone})`,
    holidayCountry: teams.holidayCountry,
    holidayRegion: teams.holidayRegion,
    relation: sql<Relation>`(case ${calendars.kind} ${relation} end)`,
  };
}

export function joinCalendarSubjects<Query extends PgSelect>(query: Query) {
  return query
    .leftJoin(teams, eq(teams.id, calendars.teamId))
    .leftJoin(person, eq(person.id, calendars.personId))
    .leftJoin(resources, eq(resources.id, calendars.resourceId));
}

interface CalendarColumnsRow {
  calendarId: string;
  calendarKind: CalendarKind;
  calendarTeamId: string | null;
  calendarPersonId: string | null;
  calendarResourceId: string | null;
  includesOwnAbsences: boolean;
  calendarVersion: number;
  calendarUpdatedAt: Date;
  presentationVersion: number;
  presentationChangedAt: Date;
  calendarName: string;
  calendarSlug: string | null;
  calendarTimeZone: string;
  holidayCountry: string | null;
  holidayRegion: string | null;
}

export function toCalendarSubject(row: CalendarColumnsRow): CalendarSubject {
  return {
    id: row.calendarId,
    kind: row.calendarKind,
    teamId: row.calendarTeamId,
    personId: row.calendarPersonId,
    resourceId: row.calendarResourceId,
    name: row.calendarName,
    slug: row.calendarSlug,
    timeZone: row.calendarTimeZone,
    includesOwnAbsences: row.includesOwnAbsences,
    holidayPlace: holidayPlaceOf(row),
    version: Number(row.calendarVersion),
    updatedAt: row.calendarUpdatedAt,
    presentation: { version: row.presentationVersion, changedAt: row.presentationChangedAt },
  };
}

/** Which calendar: a team's or a resource's by slug, the actor's own, any by id, a resource's. */
export type CalendarRef =
  | { kind: 'team'; slug: string }
  | { kind: 'person' }
  | { kind: 'resource'; slug: string }
  | { id: string }
  | { resourceId: string };

export interface ActorCalendar extends CalendarSubject {
  source: CalendarSource;
  rights: CalendarRights;
}

function refCondition(actor: Actor, ref: CalendarRef): SQL {
  if ('id' in ref) return eq(calendars.id, ref.id);
  if ('resourceId' in ref) return eq(calendars.resourceId, ref.resourceId);
  if (ref.kind === 'person') return eq(calendars.personId, actor.id);
  if (ref.kind === 'team') return eq(teams.slug, ref.slug);
  return eq(resources.slug, ref.slug);
}

/**
 * A calendar as the actor may use it, with their rights; `not_found` when they may not even see
 * it (another person's calendar, a team they are not in, a disabled resource), as if it did not
 * exist. The actor's role and standing are read again with it, so a session minted before a
 * demotion or a disabling grants nothing. Pass a transaction to read it with the caller's reads.
 */
export async function findCalendarForActor(
  actor: Actor,
  ref: CalendarRef,
  db: Database | Transaction = getDb(),
): Promise<ActorCalendar> {
  const actorId = sql`${actor.id}::uuid`;
  const [row] = await joinCalendarSubjects(
    db
      .select({
        ...calendarColumns(actorId),
        actorRole: sql<'admin' | 'member' | null>`(select ${users.role}::text from ${users}
          where ${users.id} = ${actorId} and ${users.disabledAt} is null)`,
      })
      .from(calendars)
      .$dynamic(),
  ).where(and(refCondition(actor, ref), 'kind' in ref ? eq(calendars.kind, ref.kind) : undefined));
  const notFound = new AppError('not_found', 'Calendar not found.');
  if (!row || row.actorRole === null) throw notFound;
  const calendar = toCalendarSubject(row);
  const source = SOURCES[calendar.kind];
  const rights = source.rights(row.relation, row.actorRole === 'admin');
  if (!rights.canView) throw notFound;
  return { ...calendar, source, rights };
}

/** {@link findCalendarForActor}, and `not_found` unless the actor may also share it. */
export async function findShareableCalendar(actor: Actor, ref: CalendarRef) {
  const calendar = await findCalendarForActor(actor, ref);
  if (!calendar.rights.canShare) throw new AppError('not_found', 'Calendar not found.');
  return calendar;
}
