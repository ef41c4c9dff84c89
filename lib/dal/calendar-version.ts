import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { memberships, teams } from '@/db/schema';

/**
 * Moves the calendar version of every team the person belongs to, inside the caller's transaction:
 * their feeds change, so cached copies (ETags) must too.
 */
export async function bumpCalendarVersionsOfUser(tx: Transaction, userId: string): Promise<void> {
  await tx
    .update(teams)
    .set({ calendarVersion: sql`${teams.calendarVersion} + 1`, calendarUpdatedAt: sql`now()` })
    .where(
      inArray(
        teams.id,
        tx
          .select({ id: memberships.teamId })
          .from(memberships)
          .where(eq(memberships.userId, userId)),
      ),
    );
}

/** Moves one team's calendar version, inside the caller's transaction (e.g. a team event changed). */
export async function bumpCalendarVersion(tx: Transaction, teamId: string): Promise<void> {
  await tx
    .update(teams)
    .set({ calendarVersion: sql`${teams.calendarVersion} + 1`, calendarUpdatedAt: sql`now()` })
    .where(eq(teams.id, teamId));
}
