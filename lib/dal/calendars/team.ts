import 'server-only';
import { sql } from 'drizzle-orm';
import { calendars, memberships } from '@/db/schema';
import {
  countAbsenceRows,
  countEventRows,
  countHolidayRows,
  readAbsenceRows,
  readEventRows,
  readHolidayRows,
} from '../feed-rows';
import { absenceEdges, combineEdges, eventEdges, holidayEdges } from '../feed-window';
import type { CalendarSource, CalendarSubject, FeedSelection } from './source';

/** The team's public holidays, when the link asks for them and the team has a place. */
const holidays = (calendar: CalendarSubject, selection: FeedSelection) =>
  selection.options.includeHolidays && calendar.holidayPlace
    ? { ...selection, place: calendar.holidayPlace }
    : null;

/** A team's calendar: its members' absences, the team's events and its public holidays. */
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
    pending: true,
    events: true,
    holidays: true,
  },
  pagePath: (calendar) => `/teams/${calendar.slug}`,
  fileName: (calendar) => calendar.slug!,
  async *readRows(calendar, selection) {
    yield* readAbsenceRows({ ...selection, owners: { teamId: calendar.teamId! } });
    if (selection.options.includeTeamEvents)
      yield* readEventRows({ ...selection, calendarId: calendar.id });
    const holidaySelection = holidays(calendar, selection);
    if (holidaySelection) yield* readHolidayRows(holidaySelection);
  },
  async countRows(calendar, selection) {
    const holidaySelection = holidays(calendar, selection);
    const [absences, events] = await Promise.all([
      countAbsenceRows({ ...selection, owners: { teamId: calendar.teamId! } }),
      selection.options.includeTeamEvents
        ? countEventRows({ ...selection, calendarId: calendar.id })
        : 0,
    ]);
    return absences + events + (holidaySelection ? countHolidayRows(holidaySelection) : 0);
  },
  async windowEdges(calendar, selection) {
    const holidaySelection = holidays(calendar, selection);
    const none = { lastEnd: null, nextStart: null };
    return combineEdges(
      await absenceEdges({ ...selection, owners: { teamId: calendar.teamId! } }),
      selection.options.includeTeamEvents
        ? await eventEdges({ ...selection, calendarId: calendar.id })
        : none,
      holidaySelection ? holidayEdges(holidaySelection) : none,
    );
  },
};
