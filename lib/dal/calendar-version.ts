import 'server-only';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { absences, calendars, memberships } from '@/db/schema';

// Every write that alters a feed moves the version of each calendar showing it, in the writer's
// transaction: feeds derive their ETag from it, so cached copies change with the data.

/**
 * A change either of rows (an absence, an event, a booking: their own SEQUENCE moves) or of how
 * the calendar's events read (`presentation`: a time zone, who sees what), which moves every
 * event's SEQUENCE in its feeds.
 */
export interface CalendarChange {
  presentation?: boolean;
}

async function bumpWhere(
  tx: Transaction,
  where: SQL | undefined,
  change: CalendarChange = {},
): Promise<void> {
  await tx
    .update(calendars)
    .set({
      version: sql`${calendars.version} + 1`,
      updatedAt: sql`now()`,
      ...(change.presentation && {
        presentationVersion: sql`${calendars.presentationVersion} + 1`,
        presentationChangedAt: sql`now()`,
      }),
    })
    .where(where);
}

/** A person's absences or standing changed: their teams' calendars and their own. */
export async function bumpCalendarVersionsOfUser(
  tx: Transaction,
  userId: string,
  change: CalendarChange = {},
): Promise<void> {
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
    change,
  );
}

/**
 * An absence type changed: the calendars that show an absence of it move — the team calendars of
 * everyone who has one (feeds show approved and pending absences only), and those people's own
 * calendars when they show their absences. Other calendars read the same as before.
 */
export async function bumpCalendarVersionsOfAbsenceType(
  tx: Transaction,
  typeId: string,
  change: CalendarChange = {},
): Promise<void> {
  const holders = tx
    .selectDistinct({ id: absences.userId })
    .from(absences)
    .where(and(eq(absences.typeId, typeId), inArray(absences.status, ['approved', 'pending'])));
  await bumpWhere(
    tx,
    or(
      inArray(
        calendars.teamId,
        tx
          .select({ id: memberships.teamId })
          .from(memberships)
          .where(inArray(memberships.userId, holders)),
      ),
      and(inArray(calendars.personId, holders), eq(calendars.includesOwnAbsences, true)),
    ),
    change,
  );
}

/** A team's name, zone, members or events changed. */
export async function bumpTeamCalendarVersion(
  tx: Transaction,
  teamId: string,
  change: CalendarChange = {},
): Promise<void> {
  await bumpWhere(tx, eq(calendars.teamId, teamId), change);
}

/**
 * A team's public holidays changed (its country or region): its calendar, whose feeds may carry
 * them, and its members' own calendars, since their working days change with them.
 */
export async function bumpCalendarVersionsOfTeamAndMembers(
  tx: Transaction,
  teamId: string,
  change: CalendarChange = {},
): Promise<void> {
  await bumpWhere(
    tx,
    or(
      eq(calendars.teamId, teamId),
      inArray(
        calendars.personId,
        tx
          .select({ id: memberships.userId })
          .from(memberships)
          .where(eq(memberships.teamId, teamId)),
      ),
    ),
    change,
  );
}

/** One calendar's own rows changed (an event, a booking, its settings). */
export async function bumpCalendarVersion(
  tx: Transaction,
  calendarId: string,
  change: CalendarChange = {},
): Promise<void> {
  await bumpWhere(tx, eq(calendars.id, calendarId), change);
}

/** A resource's description or bookings changed. */
export async function bumpResourceCalendarVersion(
  tx: Transaction,
  resourceId: string,
  change: CalendarChange = {},
): Promise<void> {
  await bumpWhere(tx, eq(calendars.resourceId, resourceId), change);
}
