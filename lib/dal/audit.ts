import 'server-only';
import type { Database, Transaction } from '@/db';
import { auditEvents, type NewAuditEvent } from '@/db/schema';
import type { RequestInfo } from '@/lib/request-info';

export interface AuditEntry {
  actorId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  teamId?: string | null;
  details?: Record<string, unknown>;
  request?: RequestInfo;
}

/** Appends one audit event, inside the caller's transaction when it has one. */
export async function recordAuditEvent(
  db: Database | Transaction,
  entry: AuditEntry,
): Promise<void> {
  await recordAuditEvents(db, [entry]);
}

/** Appends audit events in one statement (a bulk action audits each thing it did). */
export async function recordAuditEvents(
  db: Database | Transaction,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry): NewAuditEvent => ({
    actorId: entry.actorId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    teamId: entry.teamId ?? null,
    ip: entry.request?.ip ?? null,
    userAgent: entry.request?.userAgent ?? null,
    details: entry.details,
  }));
  await db.insert(auditEvents).values(rows);
}
