import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { feedTokens } from '@/db/schema';
import type { RequestInfo } from '@/lib/request-info';
import { recordAuditEvent } from './audit';

// Feed fetches are counted in memory and written at most about once a minute per token, after
// the response has gone: a poll never waits on a write. Each instance adds its own count, so
// several instances sum up correctly.

const FLUSH_INTERVAL_MS = 60_000;

interface PendingUse {
  uses: number;
  lastAt: Date;
  request: RequestInfo;
  firstUse: boolean;
  lastFlushAt: number;
}

const pending = new Map<string, PendingUse>();
let timer: NodeJS.Timeout | undefined;

async function flush(tokenId: string): Promise<void> {
  const use = pending.get(tokenId);
  if (!use || use.uses === 0) return;
  const { uses, lastAt, request, firstUse } = use;
  use.uses = 0;
  use.firstUse = false;
  use.lastFlushAt = Date.now();
  const db = getDb();
  await db
    .update(feedTokens)
    .set({
      useCount: sql`${feedTokens.useCount} + ${uses}`,
      lastUsedAt: sql`greatest(${feedTokens.lastUsedAt}, ${lastAt.toISOString()}::timestamptz)`,
      lastUsedIp: request.ip,
      lastUsedUserAgent: request.userAgent,
    })
    .where(eq(feedTokens.id, tokenId));
  if (firstUse)
    await recordAuditEvent(db, {
      action: 'feed_token.first_used',
      targetType: 'feed_token',
      targetId: tokenId,
      request,
    });
}

function flushAll(): Promise<unknown> {
  return Promise.allSettled([...pending.keys()].map((id) => flush(id)));
}

/**
 * Notes one fetch of a feed. `neverUsed` says the token had no use recorded when it was read, so
 * its first use reaches the audit log.
 */
export function recordFeedUse(tokenId: string, neverUsed: boolean, request: RequestInfo): void {
  const now = Date.now();
  const use = pending.get(tokenId) ?? {
    uses: 0,
    lastAt: new Date(now),
    request,
    firstUse: neverUsed,
    lastFlushAt: 0,
  };
  use.uses += 1;
  use.lastAt = new Date(now);
  use.request = request;
  pending.set(tokenId, use);
  if (now - use.lastFlushAt >= FLUSH_INTERVAL_MS) {
    // Written once the response is on its way; a failure only loses a count.
    setImmediate(() => flush(tokenId).catch(() => {}));
  }
  timer ??= setInterval(() => void flushAll(), FLUSH_INTERVAL_MS).unref();
}

/** Writes every pending count now (tests, shutdown). */
export async function flushFeedUsage(): Promise<void> {
  await flushAll();
}
