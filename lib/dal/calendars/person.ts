import 'server-only';
import { sql } from 'drizzle-orm';
import { calendars } from '@/db/schema';
import { countAbsenceRows, countEventRows, readAbsenceRows, readEventRows } from '../feed-rows';
import { absenceEdges, combineEdges, eventEdges } from '../feed-window';
import type { CalendarSource, FeedSelection } from './source';

// Only the person sees, subscribes to and shares their own calendar: not their managers, not
// admins (who see only the links' metadata in the token audit).

/** Their own approved absences, when they chose to show them. */
const ownAbsences = (personId: string, selection: FeedSelection) => ({
  ...selection,
  options: { ...selection.options, includePending: false },
  owners: { userId: personId },
});

/** A person's calendar: their appointments and, if they choose, their approved absences. */
export const personCalendar: CalendarSource = {
  kind: 'person',
  noun: 'personal calendar',
  relationSql: (userId) => sql`case when ${calendars.personId} = ${userId} then 'owner' end`,
  rights(relation) {
    const own = relation === 'owner';
    return { canView: own, canShare: own, canEditEvents: own, privateTypes: 'own' };
  },
  offers: { absenceTypes: false, pending: false, events: false, holidays: false },
  pagePath: () => '/calendar',
  fileName: () => 'my-calendar',
  async *readRows(calendar, selection) {
    yield* readEventRows({ ...selection, calendarId: calendar.id });
    if (calendar.includesOwnAbsences)
      yield* readAbsenceRows(ownAbsences(calendar.personId!, selection));
  },
  async countRows(calendar, selection) {
    const [events, absences] = await Promise.all([
      countEventRows({ ...selection, calendarId: calendar.id }),
      calendar.includesOwnAbsences
        ? countAbsenceRows(ownAbsences(calendar.personId!, selection))
        : 0,
    ]);
    return events + absences;
  },
  async windowEdges(calendar, selection) {
    return combineEdges(
      await eventEdges({ ...selection, calendarId: calendar.id }),
      calendar.includesOwnAbsences
        ? await absenceEdges(ownAbsences(calendar.personId!, selection))
        : { lastEnd: null, nextStart: null },
    );
  },
};
