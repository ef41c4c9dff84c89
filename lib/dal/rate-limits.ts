import 'server-only';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { rateLimits } from '@/db/schema';

// Fixed-window counters in the database, so that every app instance sees the same counts.

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitState {
  limited: boolean;
  retryAfterSeconds: number;
}

function stateOf(
  row: { count: number; windowEndsAt: Date } | undefined,
  rule: RateLimitRule,
): RateLimitState {
  if (!row || row.count < rule.limit) return { limited: false, retryAfterSeconds: 0 };
  const seconds = Math.ceil((row.windowEndsAt.getTime() - Date.now()) / 1000);
  return { limited: true, retryAfterSeconds: Math.max(1, seconds) };
}

/** Whether `key` has reached its limit in the current window, without counting this call. */
export async function readRateLimit(key: string, rule: RateLimitRule): Promise<RateLimitState> {
  const [row] = await getDb()
    .select({ count: rateLimits.count, windowEndsAt: rateLimits.windowEndsAt })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.windowEndsAt, sql`now()`)));
  return stateOf(row, rule);
}

/** Counts one more hit against `key` (e.g. a failed attempt) and returns the new state. */
export async function countRateLimitHit(key: string, rule: RateLimitRule): Promise<RateLimitState> {
  const db = getDb();
  const windowEnd = sql`now() + make_interval(secs => ${rule.windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowEndsAt: windowEnd })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowEndsAt} <= now() then 1 else ${rateLimits.count} + 1 end`,
        windowEndsAt: sql`case when ${rateLimits.windowEndsAt} <= now() then ${windowEnd} else ${rateLimits.windowEndsAt} end`,
      },
    })
    .returning({ count: rateLimits.count, windowEndsAt: rateLimits.windowEndsAt });
  // Expired windows of other keys are swept now and then rather than by a scheduler.
  if (Math.random() < 0.01)
    await db.delete(rateLimits).where(lt(rateLimits.windowEndsAt, sql`now() - interval '1 hour'`));
  return stateOf(row, rule);
}
