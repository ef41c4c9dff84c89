import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { feedTokens, teams, users } from '@/db/schema';
import type { Actor } from './actor';
import { assertActiveAdmin } from './admin-access';
import { listRecentAuditEvents, type AuditEventRow } from './admin-audit';

export interface AdminOverview {
  users: number;
  disabledUsers: number;
  teams: number;
  activeTokens: number;
  recentEvents: AuditEventRow[];
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
  const recentEvents = await listRecentAuditEvents(actor, 15);
  return { ...counts!, recentEvents };
}
