import 'server-only';
import { sql } from 'drizzle-orm';
import { calendars, resourceManagers, resources } from '@/db/schema';
import { countBookingRows, readBookingRows } from '../feed-rows';
import { bookingEdges } from '../feed-window';
import type { CalendarSource } from './source';

/**
 * A resource's calendar: its bookings. Every member may see and book an enabled resource; its
 * managers (and admins) share it. A disabled resource's links stop; its history stays.
 */
export const resourceCalendar: CalendarSource = {
  kind: 'resource',
  noun: 'resource calendar',
  relationSql: (userId) =>
    sql`(select case
           when ${resources.disabledAt} is not null then null
           when exists (select 1 from ${resourceManagers}
                         where ${resourceManagers.resourceId} = ${resources.id}
                           and ${resourceManagers.userId} = ${userId}) then 'manager'
           else 'member' end
         from ${resources} where ${resources.id} = ${calendars.resourceId})`,
  rights(relation, isAdmin) {
    const manages = relation === 'manager' || (isAdmin && relation !== null);
    return {
      canView: relation !== null,
      canShare: manages,
      canEditEvents: false,
      privateTypes: 'own',
    };
  },
  offers: {
    absenceTypes: false,
    pending: true,
    events: false,
    holidays: false,
  },
  pagePath: (calendar) => `/resources/${calendar.slug}`,
  fileName: (calendar) => calendar.slug!,
  readRows: (calendar, selection) =>
    readBookingRows({ ...selection, resourceId: calendar.resourceId! }),
  countRows: (calendar, selection) =>
    countBookingRows({ ...selection, resourceId: calendar.resourceId! }),
  windowEdges: (calendar, selection) =>
    bookingEdges({ ...selection, resourceId: calendar.resourceId! }),
};
