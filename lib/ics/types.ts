import type { PrivacyLevel, Viewer } from '@/lib/privacy';

// Plain rows as the feed's database queries return them, and what describes the calendar itself.
// Nothing here knows the database or Next.js.

/** An absence, joined with its person and type. Dates are 'YYYY-MM-DD', both inclusive. */
export interface AbsenceRow {
  id: string;
  personId: string;
  personName: string;
  typeKey: string;
  typeLabel: string;
  /** '#rrggbb' */
  typeColor: string;
  /** Health data such as sick leave: see {@link Viewer}. */
  typePrivate: boolean;
  startDate: string;
  endDate: string;
  /** Only the afternoon of the first day is off. */
  halfDayStart: boolean;
  /** Only the morning of the last day is off. */
  halfDayEnd: boolean;
  status: 'pending' | 'approved';
  note: string | null;
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A team event: all-day (local dates, inclusive) or timed (instants, shown in `timeZone`). */
export interface TeamEventRow {
  id: string;
  title: string;
  description: string | null;
  location: string | null;
  allDay: boolean;
  /** Local dates in `timeZone`, inclusive; set for timed events too. */
  startDate: string;
  endDate: string;
  /** Set when `allDay` is false. */
  startsAt: Date | null;
  endsAt: Date | null;
  timeZone: string;
  status: 'confirmed' | 'cancelled';
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A resource's booking: instants, shown in the resource's zone, at the resource's location. */
export interface BookingRow {
  id: string;
  title: string;
  note: string | null;
  bookedByName: string;
  resourceName: string;
  location: string | null;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  status: 'requested' | 'confirmed' | 'declined' | 'cancelled';
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A public holiday of the calendar's place (lib/holidays.ts), as an all-day event. */
export interface PublicHolidayRow {
  /** 'YYYY-MM-DD' */
  date: string;
  name: string;
  /** Where it is a holiday: ISO country code and date-holidays region; they make its UID. */
  country: string;
  region: string | null;
  /**
   * SEQUENCE and DTSTAMP/LAST-MODIFIED: the calendar's presentation, so that the event's text is
   * the same on every fetch until the calendar says otherwise.
   */
  sequence: number;
  updatedAt: Date;
}

/** The "your link expires soon" notice; the caller decides when to include it. */
export interface ExpiryNotice {
  /** The feed token's id: the notice's UID stays the same across fetches. */
  tokenId: string;
  /** When the token was created: the notice's DTSTAMP, so that the body does not vary per fetch. */
  tokenCreatedAt: Date;
  expiresAt: Date;
  /**
   * What the reader can do: renew it themself on a signed-in page (a subscriber; never a URL
   * holding a token), or ask the person who shared it (an outsider, who cannot sign in).
   */
  renewal: { renewUrl: string } | { askWhom: string };
}

export type FeedItem =
  | { kind: 'absence'; absence: AbsenceRow }
  | { kind: 'teamEvent'; event: TeamEventRow }
  /** A person's own appointment: the same row, with personal privacy rules. */
  | { kind: 'appointment'; event: TeamEventRow }
  | { kind: 'booking'; booking: BookingRow }
  | { kind: 'publicHoliday'; holiday: PublicHolidayRow }
  | { kind: 'expiryNotice'; notice: ExpiryNotice };

export interface CalendarInfo {
  /** NAME and X-WR-CALNAME, e.g. the team's name. */
  name: string;
  /** Optional X-WR-CALDESC. */
  description?: string;
  /** The team's IANA time zone: X-WR-TIMEZONE, and the zone of timed half days. */
  timeZone: string;
  /**
   * Other zones that timed team events use (e.g. from `select distinct time_zone`). Each gets a
   * VTIMEZONE in the header; a timed event in a zone not listed is written in the team's zone
   * (same instant), since a streamed header cannot be amended afterwards.
   */
  eventTimeZones?: readonly string[];
  privacy: PrivacyLevel;
  /** Who reads this feed: decides whether private absence types show their real label. */
  viewer: Viewer;
  /** Right-hand side of every UID, e.g. 'teamcal' → 'absence-<id>@teamcal'. Never change it. */
  uidDomain: string;
  /**
   * What makes UIDs this feed's own, e.g. the link's id → 'absence-<id>.<scope>@teamcal'. One
   * absence reads differently in different feeds (a zone, a privacy level, who may see its
   * type), so a UID names an event as one feed shows it: a store keyed by UID then never keeps
   * another feed's version. Absent only where one feed is all there is (tests of the library).
   */
  uidScope?: string;
  /** PRODID without the leading '-', e.g. '//TeamCal//Team calendar//EN'. */
  productId: string;
  /** REFRESH-INTERVAL and X-PUBLISHED-TTL, in seconds. */
  refreshIntervalSeconds: number;
  /**
   * The language of the words the feed writes around its data ("Away", "(pending)", the expiry
   * reminder): the link owner's, as a locale ('fr-FR'). English when absent.
   */
  locale?: string;
}
