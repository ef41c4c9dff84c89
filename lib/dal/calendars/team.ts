import 'server-only';
import { sql } from 'drizzle-orm';
import { calendars, memberships } from '@/db/schema';
import { countAbsenceRows, countEventRows, readAbsenceRows, readEventRows } from '../feed-rows';
import type { CalendarSource } from './source';

/** A team's calendar: its members' absences and the team's events. */
export const teamCalendar: CalendarSource = {
  kind: 'team',
  noun: 'team calendar',
  relationSql: (userId) =>
    sql`(select ${memberships.role}::text from ${memberships}
          where ${memberships.teamId} = ${calendars.teamId} and ${memberships.userId} = ${userId})`,
  rights(relation, isAdmin) {
    const manages = isAdmin || relation === 'manager';
    return {
      canView: isAdmin || relation !== null,
      canShare: manages,
      canEditEvents: manages,
      privateTypes: manages ? 'all' : 'own',
    };
  },
  offers: {
    absenceTypes: true,
    pending: 'Include pending requests',
    events: 'Include team events',
  },
  pagePath: (calendar) => `/teams/${calendar.slug}`,
  fileName: (calendar) => calendar.slug!,
  async *readRows(calendar, selection) {
    yield* readAbsenceRows({ ...selection, owners: { teamId: calendar.teamId! } });
    if (selection.options.includeTeamEvents)
      yield* readEventRows({ ...selection, calendarId: calendar.id });
  },
  async countRows(calendar, selection) {
    const [absences, events] = await Promise.all([
      countAbsenceRows({ ...selection, owners: { teamId: calendar.teamId! } }),
      selection.options.includeTeamEvents
        ? countEventRows({ ...selection, calendarId: calendar.id })
        : 0,
    ]);
    return absences + events;
  },
};
