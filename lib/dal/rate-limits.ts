import 'server-only';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { rateLimits } from '@/db/schema';

// Fixed-window counters in the database, so that every app instance sees the same counts.
//
// An attempt is counted before the work it guards (a password check), in the same statement that
// tells whether it is within the limit: a burst of parallel requests cannot all read "under the
// limit" before any of them counts.

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

/** Never refuses: beyond `limit` attempts in the window, each one waits longer, up to a bound. */
export interface SlowdownRule extends RateLimitRule {
  maxDelayMs: number;
}

export interface RateLimitState {
  limited: boolean;
  retryAfterSeconds: number;
}

interface CountedRow {
  key: string;
  count: number;
  /** The window's end in epoch seconds, as exact text: a JS Date would drop the microseconds. */
  windowEnd: string;
  retryAfterSeconds: number;
}

/**
 * Adds one to each key in one statement and returns the new counts. Rows are locked in key order,
 * so concurrent calls serialise per key without deadlocking, and each call sees its own count.
 */
async function countHits(entries: Array<{ key: string; rule: RateLimitRule }>) {
  const db = getDb();
  const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows: CountedRow[] = await db
    .insert(rateLimits)
    .values(
      sorted.map(({ key, rule }) => ({
        key,
        count: 1,
        windowEndsAt: sql`now() + make_interval(secs => ${rule.windowSeconds})`,
      })),
    )
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowEndsAt} <= now() then 1 else ${rateLimits.count} + 1 end`,
        windowEndsAt: sql`case when ${rateLimits.windowEndsAt} <= now() then excluded.window_ends_at else ${rateLimits.windowEndsAt} end`,
      },
    })
    .returning({
      key: rateLimits.key,
      count: rateLimits.count,
      windowEnd: sql<string>`extract(epoch from ${rateLimits.windowEndsAt})::text`,
      retryAfterSeconds: sql<number>`greatest(1, ceil(extract(epoch from ${rateLimits.windowEndsAt} - now())))::int`,
    });
  // Expired windows of other keys are swept now and then rather than by a scheduler.
  if (Math.random() < 0.01) await sweepRateLimits();
  return new Map(rows.map((row) => [row.key, row]));
}

/**
 * Deletes windows that ended over an hour ago. Rows that a concurrent attempt holds are skipped,
 * so the sweep never waits on (or deadlocks with) one.
 */
export async function sweepRateLimits(): Promise<void> {
  const db = getDb();
  await db.delete(rateLimits).where(
    inArray(
      rateLimits.key,
      db
        .select({ key: rateLimits.key })
        .from(rateLimits)
        .where(lt(rateLimits.windowEndsAt, sql`now() - interval '1 hour'`))
        .for('update', { skipLocked: true }),
    ),
  );
}

/**
 * Counts one more hit against `key` after the fact (e.g. an unknown feed token, already looked up)
 * and returns the new state: the hit that reaches the limit is already told to wait.
 */
export async function countRateLimitHit(key: string, rule: RateLimitRule): Promise<RateLimitState> {
  const row = (await countHits([{ key, rule }])).get(key)!;
  return row.count >= rule.limit
    ? { limited: true, retryAfterSeconds: row.retryAfterSeconds }
    : { limited: false, retryAfterSeconds: 0 };
}

export interface AttemptKeys {
  /** Hard limits: beyond any of them the attempt is refused before any work is done. */
  limits: Array<{ key: string; rule: RateLimitRule }>;
  /** A soft limit: beyond it the attempt waits (see `delayMs`), but is never refused. */
  slowdown: { key: string; rule: SlowdownRule };
}

export interface CountedAttempt {
  /** Set when a hard limit is exceeded: the attempt must be refused (HTTP 429). */
  retryAfterSeconds: number | null;
  /** How long to wait before doing the work, from the slowdown key's count. */
  delayMs: number;
  /** The windows counted, so that a successful attempt can give its count back. */
  windows: Array<{ key: string; windowEnd: string }>;
}

const FIRST_DELAY_MS = 250;

/** The wait of the n-th attempt under a slowdown rule: doubling from 250 ms, bounded. */
export function slowdownDelayMs(count: number, rule: SlowdownRule): number {
  if (count <= rule.limit) return 0;
  const doublings = Math.min(count - rule.limit - 1, 16);
  return Math.min(rule.maxDelayMs, FIRST_DELAY_MS * 2 ** doublings);
}

/** Counts an attempt against every key at once, before the attempt's work. */
export async function countAttempt(keys: AttemptKeys): Promise<CountedAttempt> {
  const rows = await countHits([...keys.limits, keys.slowdown]);
  let retryAfterSeconds: number | null = null;
  for (const { key, rule } of keys.limits) {
    const row = rows.get(key)!;
    if (row.count > rule.limit)
      retryAfterSeconds = Math.max(retryAfterSeconds ?? 0, row.retryAfterSeconds);
  }
  return {
    retryAfterSeconds,
    delayMs: slowdownDelayMs(rows.get(keys.slowdown.key)!.count, keys.slowdown.rule),
    windows: [...rows.values()].map(({ key, windowEnd }) => ({ key, windowEnd })),
  };
}

/**
 * Gives back an attempt's count after it succeeded, so that legitimate use never accumulates
 * towards a limit. Only the window it was counted in: a window that has since restarted keeps its
 * count.
 */
export async function refundAttempt(attempt: CountedAttempt): Promise<void> {
  const db = getDb();
  // One statement per key, each holding one row lock: a multi-row update could lock in another
  // order than countHits and deadlock with it.
  await Promise.all(
    attempt.windows.map((window) =>
      db
        .update(rateLimits)
        .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
        .where(
          and(
            eq(rateLimits.key, window.key),
            sql`extract(epoch from ${rateLimits.windowEndsAt}) = ${window.windowEnd}::numeric`,
          ),
        ),
    ),
  );
}

export const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });
