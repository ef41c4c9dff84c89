import 'server-only';
import { and, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { auditEvents, teams, users } from '@/db/schema';
import type { AuditFilter } from '@/lib/admin-validation';
import type { Actor } from './actor';
import { anyContains, assertActiveAdmin, pageOf, PAGE_SIZE, type Page } from './admin-access';

// The audit log as admins read it: newest first, filtered and paginated in the database. There
// is no function to change or delete an event; the database refuses both anyway.

export interface AuditEventRow {
  id: number;
  at: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  /** The person the event was about, when it was about a person. */
  targetName: string | null;
  teamName: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown> | null;
}

const targetUser = alias(users, 'target_user');

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

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
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      actorName: users.name,
      actorEmail: users.email,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      targetName: targetUser.name,
      teamName: teams.name,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(teams, eq(teams.id, auditEvents.teamId))
    .leftJoin(
      targetUser,
      and(
        eq(auditEvents.targetType, 'user'),
        eq(auditEvents.targetId, sql`${targetUser.id}::text`),
      ),
    )
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(PAGE_SIZE)
    .offset((filter.page - 1) * PAGE_SIZE);
  return pageOf(rows, total, filter.page);
}
