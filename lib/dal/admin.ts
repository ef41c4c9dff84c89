import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditEvents, feedTokens, teams, users } from '@/db/schema';
import type { Actor } from './actor';
import { assertActiveAdmin } from './admin-access';

export interface AdminOverview {
  users: number;
  disabledUsers: number;
  teams: number;
  activeTokens: number;
  recentEvents: Array<{
    id: number;
    at: Date;
    action: string;
    actorName: string | null;
    ip: string | null;
  }>;
}

export async function getAdminOverview(actor: Actor): Promise<AdminOverview> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  const [counts] = await db
    .select({
      users: sql<number>`(select count(*)::int from ${users})`,
      disabledUsers: sql<number>`(select count(*)::int from ${users} where ${users.disabledAt} is not null)`,
      teams: sql<number>`(select count(*)::int from ${teams})`,
      activeTokens: sql<number>`(select count(*)::int from ${feedTokens}
        where ${feedTokens.revokedAt} is null and (${feedTokens.expiresAt} is null or ${feedTokens.expiresAt} > now()))`,
    })
    .from(sql`(select 1) as one`);
  const recentEvents = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      actorName: users.name,
      ip: auditEvents.ip,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .orderBy(desc(auditEvents.id))
    .limit(15);
  return { ...counts!, recentEvents };
}
