import 'server-only';
import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { auditEvents, teams, users } from '@/db/schema';
import type { AuditFilter } from '@/lib/admin-validation';
import type { AuditMentions, AuditTarget } from '@/lib/audit-text';
import type { Actor } from './actor';
import { anyContains, assertActiveAdmin, pageOf, PAGE_SIZE, type Page } from './admin-access';

// The audit log as admins read it: newest first, filtered and paginated in the database. There
// is no function to change or delete an event; the database refuses both anyway.
//
// Each event comes with what it was about as the database names it now (a person, a link with
// its owner and calendar, an absence with its person, type and dates…), resolved in the page's
// one query: the page's 25 rows are chosen first, then each looks its target up by primary key.
// lib/audit-text.ts turns the event and these names into a sentence.

export interface AuditEventRow {
  id: number;
  at: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  /** What the target is called now; null when it has no name or is gone. */
  target: AuditTarget | null;
  /** Names of ids that the details mention (an export's filter, a replacing link). */
  mentions: AuditMentions | null;
  teamName: string | null;
  teamSlug: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown> | null;
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.source;

/** Text as a uuid, or null when it is not one: target ids are text (the policy's is '1'). */
const asUuid = (value: SQL) => sql`(case when ${value} ~ ${UUID} then (${value})::uuid end)`;

/** Joins `c`, the calendar `ref` names, with its subject, and the fields that name it. */
const calendarJoin = (ref: string) =>
  sql.raw(`join calendars c on c.id = ${ref}
    left join teams ct on ct.id = c.team_id
    left join users cp on cp.id = c.person_id
    left join resources cr on cr.id = c.resource_id`);
const calendarFields = sql.raw(`'calendarKind', c.kind,
    'calendarName', coalesce(ct.name, cp.name, cr.name), 'calendarPersonId', c.person_id`);

/**
 * One scalar subquery per kind of target, keyed by primary key. Appointments are left out: what
 * they are is their person's alone.
 */
const TARGETS: Record<string, (id: SQL) => SQL> = {
  user: (id) => sql`select json_build_object('name', u.name, 'email', u.email)
    from users u where u.id = ${id}`,
  team: (id) => sql`select json_build_object('name', t.name, 'slug', t.slug)
    from teams t where t.id = ${id}`,
  resource: (id) => sql`select json_build_object('name', r.name, 'slug', r.slug)
    from resources r where r.id = ${id}`,
  absence_type: (id) => sql`select json_build_object('name', t.label, 'key', t.key)
    from absence_types t where t.id = ${id}`,
  feed_token: (id) => sql`select json_build_object('linkKind', f.kind, 'name', f.label,
      'prefix', f.display_prefix, 'personId', f.owner_id, 'personName', o.name,
      'email', g.email, ${calendarFields})
    from feed_tokens f join users o on o.id = f.owner_id ${calendarJoin('f.calendar_id')}
    left join guest_shares g on g.id = f.guest_share_id
    where f.id = ${id}`,
  guest_share: (id) => sql`select json_build_object('name', g.label, 'email', g.email,
      'personId', g.created_by_id, ${calendarFields})
    from guest_shares g ${calendarJoin('g.calendar_id')} where g.id = ${id}`,
  absence: (id) => sql`select json_build_object('personId', a.user_id, 'personName', u.name,
      'typeLabel', t.label, 'startDate', a.start_date, 'endDate', a.end_date,
      'halfDayStart', a.half_day_start, 'halfDayEnd', a.half_day_end)
    from absences a join users u on u.id = a.user_id join absence_types t on t.id = a.type_id
    where a.id = ${id}`,
  booking: (id) => sql`select json_build_object('name', b.title, 'personId', b.booked_by_id,
      'personName', u.name, 'resourceName', r.name, 'slug', r.slug, 'startsAt', b.starts_at,
      'endsAt', b.ends_at, 'timeZone', r.time_zone)
    from bookings b join users u on u.id = b.booked_by_id join resources r on r.id = b.resource_id
    where b.id = ${id}`,
  calendar: (id) => sql`select json_build_object(${calendarFields})
    from calendars c0 ${calendarJoin('c0.id')} where c0.id = ${id}`,
  team_event: (id) => sql`select json_build_object('name', e.title, 'startDate', e.start_date,
      'endDate', e.end_date, ${calendarFields})
    from calendar_events e ${calendarJoin('e.calendar_id')} where e.id = ${id}`,
};

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Events matching `where` (on audit_events and the actor, `users`), newest first, with names. */
async function readEvents(
  db: Database,
  where: SQL | undefined,
  limit: number,
  offset = 0,
): Promise<AuditEventRow[]> {
  const page = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      actorName: sql<string | null>`${users.name}`.as('actor_name'),
      actorEmail: sql<string | null>`${users.email}`.as('actor_email'),
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      targetUuid: sql<string | null>`${asUuid(sql`${auditEvents.targetId}`)}`.as('target_uuid'),
      teamId: auditEvents.teamId,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(limit)
    .offset(offset)
    .as('page');
  const targetId = sql`${page.targetUuid}`;
  const target = sql<AuditTarget | null>`(case ${page.targetType} ${sql.join(
    Object.entries(TARGETS).map(([type, lookup]) => sql`when ${type} then (${lookup(targetId)})`),
    sql` `,
  )} end)`;
  const mentioned = (path: SQL) => asUuid(sql`${page.details}${path}`);
  const mentions = sql<AuditMentions | null>`(case ${page.action}
    when 'feed_token.exported' then json_build_object(
      'filterTeam', (select name from teams where id = ${mentioned(sql.raw(`->'filter'->>'team'`))}),
      'filterOwner', (select name from users where id = ${mentioned(sql.raw(`->'filter'->>'owner'`))}))
    when 'feed_token.rotated' then json_build_object(
      'replacedByPrefix', (select display_prefix from feed_tokens
        where id = ${mentioned(sql.raw(`->>'replacedBy'`))}))
    end)`;
  const rows = await db
    .select({
      id: page.id,
      at: page.at,
      action: page.action,
      actorId: page.actorId,
      actorName: page.actorName,
      actorEmail: page.actorEmail,
      targetType: page.targetType,
      targetId: page.targetId,
      target,
      mentions,
      teamName: teams.name,
      teamSlug: teams.slug,
      ip: page.ip,
      userAgent: page.userAgent,
      details: page.details,
    })
    .from(page)
    .leftJoin(teams, eq(teams.id, page.teamId))
    .orderBy(desc(page.id));
  return rows;
}

/** One page of audit events that match the filter (dates are UTC days, inclusive). */
export async function listAuditEvents(
  actor: Actor,
  filter: AuditFilter,
): Promise<Page<AuditEventRow>> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  const where = and(
    filter.action ? sql`starts_with(${auditEvents.action}, ${filter.action})` : undefined,
    filter.actor ? anyContains(filter.actor, users.name, users.email) : undefined,
    filter.from ? gte(auditEvents.at, new Date(`${filter.from}T00:00:00Z`)) : undefined,
    filter.to ? lt(auditEvents.at, new Date(`${nextDay(filter.to)}T00:00:00Z`)) : undefined,
  );
  const [{ total }] = (await db
    .select({ total: count() })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where)) as [{ total: number }];
  const rows = await readEvents(db, where, PAGE_SIZE, (filter.page - 1) * PAGE_SIZE);
  return pageOf(rows, total, filter.page);
}

/** The latest events, for the admin overview. */
export async function listRecentAuditEvents(actor: Actor, limit = 15): Promise<AuditEventRow[]> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  return readEvents(db, undefined, limit);
}
