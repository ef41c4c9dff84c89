import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db';
import { feedTokens } from '@/db/schema';
import type { RequestInfo } from '@/lib/request-info';
import { recordAuditEvent } from './audit';

// Feed fetches are counted in memory and written about once a minute, after the response has
// gone: a poll never waits on a write. Each instance adds its own count, so several instances sum
// up correctly; the last use only moves forward, so an instance that writes late never replaces a
// newer last use written by another.

const FLUSH_INTERVAL_MS = 60_000;
/** Most tokens counted between two writes; a full map is written early, never dropped. */
export const MAX_PENDING_TOKENS = 10_000;

interface PendingUse {
  uses: number;
  lastAt: Date;
  request: RequestInfo;
  /** The token had no use recorded when it was read: written at once, and audited if so. */
  firstUse: boolean;
}

export interface FeedUsageRecorder {
  /** Notes one fetch of a feed; `neverUsed` says the token had no use recorded when read. */
  record(tokenId: string, neverUsed: boolean, request: RequestInfo): void;
  /** Writes every pending count now and waits for writes under way (shutdown, tests). */
  flush(): Promise<void>;
  /** How many tokens have counts waiting to be written. */
  readonly pendingTokens: number;
}

/**
 * Tokens whose counts one statement writes. The statements of a flush go one after another, on
 * one connection: a minute of 10,000 polled links is 20 statements, where one statement a token
 * once queued 10,000 of them ahead of every poll's query for seconds.
 */
const TOKENS_PER_WRITE = 500;

/** Adds the tokens' counts; the last use only moves forward (see above). */
async function writeUses(
  db: Database | Transaction,
  entries: Array<[string, PendingUse]>,
): Promise<void> {
  const uses = entries.map(
    ([tokenId, use]) =>
      sql`(${tokenId}::uuid, ${use.uses}::bigint, ${use.lastAt.toISOString()}::timestamptz,
        ${use.request.ip}::text, ${use.request.userAgent}::text)`,
  );
  const newer = sql`(t.last_used_at is null or t.last_used_at < v.at)`;
  // Two instances writing the same tokens may deadlock; the loser puts its counts back and
  // writes them with its next flush.
  await db.execute(sql`
    update ${feedTokens} as t
    set use_count = t.use_count + v.uses,
      last_used_at = case when ${newer} then v.at else t.last_used_at end,
      last_used_ip = case when ${newer} then v.ip else t.last_used_ip end,
      last_used_user_agent = case when ${newer} then v.user_agent else t.last_used_user_agent end
    from (values ${sql.join(uses, sql`, `)}) as v (id, uses, at, ip, user_agent)
    where t.id = v.id`);
}

/** A first use: written at once, and audited once however many requests or instances saw it. */
async function writeFirstUse(tokenId: string, use: PendingUse): Promise<void> {
  // Whether this is the token's first use is read under the row's lock.
  await getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ lastUsedAt: feedTokens.lastUsedAt })
      .from(feedTokens)
      .where(eq(feedTokens.id, tokenId))
      .for('update');
    if (!before) return;
    await writeUses(tx, [[tokenId, use]]);
    if (before.lastUsedAt === null)
      await recordAuditEvent(tx, {
        action: 'feed_token.first_used',
        targetType: 'feed_token',
        targetId: tokenId,
        request: use.request,
      });
  });
}

export function createFeedUsageRecorder(
  options: { maxPendingTokens?: number } = {},
): FeedUsageRecorder {
  const maxPending = options.maxPendingTokens ?? MAX_PENDING_TOKENS;
  let pending = new Map<string, PendingUse>();
  const writing = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;

  /** A write that failed (database unavailable) is counted again later, while there is room. */
  function putBack(tokenId: string, use: PendingUse) {
    const current = pending.get(tokenId);
    if (!current) {
      if (pending.size < maxPending) pending.set(tokenId, use);
      return;
    }
    current.uses += use.uses;
    current.firstUse ||= use.firstUse;
    if (use.lastAt > current.lastAt)
      Object.assign(current, { lastAt: use.lastAt, request: use.request });
  }

  /**
   * `paced`: after each statement, waits as long as it took before the next, so that a minute's
   * counts use at most half of a database core and polls' queries keep their turn (unpaced, the
   * ten statements of 5,000 tokens held a core for a second, and polls waited behind them).
   */
  function write(entries: Array<[string, PendingUse]>, paced = false): Promise<void> {
    const work = (async () => {
      const counts = entries.filter(([, use]) => !use.firstUse);
      await Promise.all(
        entries
          .filter(([, use]) => use.firstUse)
          .map(([tokenId, use]) => writeFirstUse(tokenId, use).catch(() => putBack(tokenId, use))),
      );
      for (let start = 0; start < counts.length; start += TOKENS_PER_WRITE) {
        const chunk = counts.slice(start, start + TOKENS_PER_WRITE);
        const began = performance.now();
        await writeUses(getDb(), chunk).catch(() => {
          for (const [tokenId, use] of chunk) putBack(tokenId, use);
        });
        if (paced && start + TOKENS_PER_WRITE < counts.length)
          await new Promise((resolve) => setTimeout(resolve, performance.now() - began));
      }
    })();
    writing.add(work);
    void work.finally(() => writing.delete(work));
    return work;
  }

  function writeAll(paced = false): Promise<void> {
    const entries = [...pending];
    pending = new Map();
    return write(entries, paced);
  }

  return {
    record(tokenId, neverUsed, request) {
      const now = new Date();
      const use = pending.get(tokenId);
      if (use) {
        use.uses += 1;
        use.lastAt = now;
        use.request = request;
      } else {
        if (pending.size >= maxPending) void writeAll(true);
        const fresh: PendingUse = { uses: 1, lastAt: now, request, firstUse: neverUsed };
        pending.set(tokenId, fresh);
        // A first use is written as soon as the response is on its way, so that its owner sees it.
        if (neverUsed)
          setImmediate(() => {
            if (pending.get(tokenId) !== fresh) return;
            pending.delete(tokenId);
            void write([[tokenId, fresh]]);
          });
      }
      timer ??= setInterval(() => void writeAll(true), FLUSH_INTERVAL_MS).unref();
    },
    async flush() {
      await writeAll();
      await Promise.all([...writing]);
    },
    get pendingTokens() {
      return pending.size;
    },
  };
}

// Next bundles instrumentation (which flushes on shutdown) and routes (which record) separately:
// a global keeps one recorder per process.
const holder = globalThis as { __teamcalFeedUsage?: FeedUsageRecorder };
const recorder = (holder.__teamcalFeedUsage ??= createFeedUsageRecorder());

/**
 * Notes one fetch of a feed. `neverUsed` says the token had no use recorded when it was read, so
 * its first use is written at once and reaches the audit log.
 */
export function recordFeedUse(tokenId: string, neverUsed: boolean, request: RequestInfo): void {
  recorder.record(tokenId, neverUsed, request);
}

/** Writes every pending count now (tests, shutdown). */
export function flushFeedUsage(): Promise<void> {
  return recorder.flush();
}
