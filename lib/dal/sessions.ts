import 'server-only';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db';
import { sessions, users, type Session } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request-info';
import type { Actor } from './actor';
import { assertActiveAdmin } from './admin-access';
import { recordAuditEvent } from './audit';

// The session cookie is a JWT that names a row here. A row, not the cookie, decides whether the
// session is alive: ending it takes effect on the very next request, on every app instance.

/** A session ends at the latest this long after sign-in, however active it stays. */
export const SESSION_LIFETIME_DAYS = 30;

/** What the session cookie carries: whose session, and which one. */
export interface SessionRef {
  userId: string;
  sessionId: string;
}

type EndReason = NonNullable<Session['endReason']>;

/** Opens a session for an actor whose credentials were just verified; returns its id. */
export async function startSession(actor: Actor, request?: RequestInfo): Promise<string> {
  const db = getDb();
  const [row] = await db
    .insert(sessions)
    .values({
      userId: actor.id,
      expiresAt: sql`now() + make_interval(days => ${SESSION_LIFETIME_DAYS})`,
      ip: request?.ip ?? null,
      userAgent: request?.userAgent ?? null,
    })
    .returning({ id: sessions.id });
  // Long-expired rows are swept now and then rather than by a scheduler; the audit log keeps the
  // sign-ins themselves.
  if (Math.random() < 0.01)
    await db.delete(sessions).where(lt(sessions.expiresAt, sql`now() - interval '30 days'`));
  return row!.id;
}

/** Ends the session of the cookie (signing out). Ending an already-ended session does nothing. */
export async function endSession(session: SessionRef, request?: RequestInfo): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [ended] = await tx
      .update(sessions)
      .set({ endedAt: sql`now()`, endReason: 'signed_out' })
      .where(
        and(
          eq(sessions.id, session.sessionId),
          eq(sessions.userId, session.userId),
          isNull(sessions.endedAt),
        ),
      )
      .returning({ id: sessions.id });
    if (!ended) return;
    await recordAuditEvent(tx, {
      actorId: session.userId,
      action: 'auth.signed_out',
      targetType: 'user',
      targetId: session.userId,
      request,
    });
  });
}

/** Ends every open session of a user, inside the caller's transaction; returns how many. */
export async function endSessionsOfUser(
  tx: Database | Transaction,
  userId: string,
  reason: EndReason,
): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}

/** An admin signs a person out of every browser at once (a lost laptop, a shared computer). */
export async function signOutEverywhere(
  actor: Actor,
  userId: string,
  request?: RequestInfo,
): Promise<{ ended: number }> {
  return getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw new AppError('not_found', 'Person not found.');
    const ended = await endSessionsOfUser(tx, userId, 'signed_out_everywhere');
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'user.signed_out_everywhere',
      targetType: 'user',
      targetId: userId,
      details: { sessions: ended },
      request,
    });
    return { ended };
  });
}
