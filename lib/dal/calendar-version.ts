import 'server-only';
import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { calendars, memberships } from '@/db/schema';

// Every write that alters a feed moves the version of each calendar showing it, in the writer's
// transaction: feeds derive their ETag from it, so cached copies change with the data.

async function bumpWhere(tx: Transaction, where: SQL | undefined): Promise<void> {
  await tx
    .update(calendars)
    .set({ version: sql`${calendars.version} + 1`, updatedAt: sql`now()` })
    .where(where);
}

/** A person's absences or standing changed: their teams' calendars and their own. */
export async function bumpCalendarVersionsOfUser(tx: Transaction, userId: string): Promise<void> {
  await bumpWhere(
    tx,
    or(
      inArray(
        calendars.teamId,
        tx
          .select({ id: memberships.teamId })
          .from(memberships)
          .where(eq(memberships.userId, userId)),
      ),
      eq(calendars.personId, userId),
    ),
  );
}

/** A team's name, zone, members or events changed. */
export async function bumpTeamCalendarVersion(tx: Transaction, teamId: string): Promise<void> {
  await bumpWhere(tx, eq(calendars.teamId, teamId));
}

/** One calendar's own rows changed (an event, a booking, its settings). */
export async function bumpCalendarVersion(tx: Transaction, calendarId: string): Promise<void> {
  await bumpWhere(tx, eq(calendars.id, calendarId));
}

/** A resource's description or bookings changed. */
export async function bumpResourceCalendarVersion(
  tx: Transaction,
  resourceId: string,
): Promise<void> {
  await bumpWhere(tx, eq(calendars.resourceId, resourceId));
}
