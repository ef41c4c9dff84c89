import type { SQL } from 'drizzle-orm';
import type { WindowEdges } from '@/lib/feed-window';
import type { HolidayPlace } from '@/lib/holidays';
import type { FeedRow } from '../feed-rows';
import type { FeedOptions } from '../feed-tokens';

// One interface for every kind of calendar that can be shared. A kind is one module: how a user
// stands towards its subject (read in SQL), what that allows, the rows its feed yields, its names
// and where to renew a link. The feed endpoint, the links, the dialogs and the audit are written
// once against this interface.

export const CALENDAR_KINDS = ['team', 'person', 'resource'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

/** How a user stands towards a calendar's subject: its person, a manager, a member, or nothing. */
export type Relation = 'owner' | 'manager' | 'member' | null;

/** A calendar and what describes its subject (team, person or resource). */
export interface CalendarSubject {
  id: string;
  kind: CalendarKind;
  teamId: string | null;
  personId: string | null;
  resourceId: string | null;
  name: string;
  /** The team's or resource's slug; null for a person. */
  slug: string | null;
  timeZone: string;
  includesOwnAbsences: boolean;
  /** A team's place, whose public holidays its feeds may carry; null for other calendars. */
  holidayPlace: HolidayPlace | null;
  version: number;
  updatedAt: Date;
  /** Added to every event's SEQUENCE, and its time to LAST-MODIFIED (db/schema.ts). */
  presentation: { version: number; changedAt: Date };
}

export interface CalendarRights {
  /** Read it, subscribe to it, export it. */
  canView: boolean;
  /** Publish it: public links and guest shares. */
  canShare: boolean;
  /** Add, edit and cancel its events (team events, appointments). */
  canEditEvents: boolean;
  /** Whose private absence types (health data) a subscription of this user may name. */
  privateTypes: 'all' | 'own';
}

/** What a link to this kind of calendar can choose, beyond its privacy level. */
export interface CalendarOffers {
  absenceTypes: boolean;
  /** Whether a link may include what awaits a decision (requests, bookings), as tentative. */
  pending: boolean;
  /** Whether a link may leave out the calendar's events (else they are all it has). */
  events: boolean;
  /** Whether a link may include the calendar's public holidays. */
  holidays: boolean;
}

export interface FeedSelection {
  options: FeedOptions;
  from: string;
  to: string;
}

export interface CalendarSource {
  kind: CalendarKind;
  /** "team calendar", "personal calendar"… for messages and the audit. */
  noun: string;
  /** SQL: the relation of the user `userId` to the subject of the calendar row in scope. */
  relationSql(userId: SQL): SQL;
  rights(relation: Relation, isAdmin: boolean): CalendarRights;
  offers: CalendarOffers;
  /** The signed-in page where this calendar is shown and its links are managed. */
  pagePath(calendar: CalendarSubject): string;
  /** The .ics file name, without extension. */
  fileName(calendar: CalendarSubject): string;
  /** The feed's rows, page by page, in the order they are written. */
  readRows(calendar: CalendarSubject, selection: FeedSelection): AsyncGenerator<FeedRow[]>;
  countRows(calendar: CalendarSubject, selection: FeedSelection): Promise<number>;
  /** When a row next leaves the window at its past edge, or enters it (lib/feed-window.ts). */
  windowEdges(calendar: CalendarSubject, selection: FeedSelection): Promise<WindowEdges>;
}
