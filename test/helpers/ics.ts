import ICAL from 'ical.js';
import nodeIcal, { type ParameterValue, type VEvent } from 'node-ical';
import { ANONYMOUS_VIEWER } from '@/lib/privacy';
import type { AbsenceRow, CalendarInfo, FeedItem, TeamEventRow } from '@/lib/ics';

// Feeds are checked with two real parsers: ical.js (Thunderbird's) and node-ical. Both readings
// are reduced to one shape so that a test can assert the same thing of each.

export interface ReadEvent {
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  status: string | null;
  categories: string[];
  sequence: number;
  allDay: boolean;
  /** The instant (timed) or UTC midnight of the date (all-day). */
  start: Date;
  end: Date;
  /** 'YYYY-MM-DD' for all-day events. */
  startDate: string | null;
  endDate: string | null;
  /** TZID of DTSTART, for timed events written in a zone. */
  timeZone: string | null;
}

export interface ReadCalendar {
  properties: Record<string, string>;
  events: ReadEvent[];
}

function dateOnly(time: ICAL.Time): string {
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
}

function tzidOf(vevent: ICAL.Component): string | null {
  const tzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : null;
}

/** Reads a calendar with ical.js, resolving TZIDs with the calendar's own VTIMEZONEs only. */
export function readWithIcalJs(text: string): ReadCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(vtimezone);
  }
  try {
    const properties: Record<string, string> = {};
    for (const property of calendar.getAllProperties()) {
      properties[property.name.toUpperCase()] = String(property.getFirstValue());
    }
    const events = calendar.getAllSubcomponents('vevent').map((vevent): ReadEvent => {
      const event = new ICAL.Event(vevent);
      const allDay = event.startDate.isDate;
      const text = (name: string) => {
        const value = vevent.getFirstPropertyValue(name);
        return value === null ? null : String(value);
      };
      return {
        uid: event.uid,
        summary: event.summary,
        description: text('description'),
        location: text('location'),
        status: text('status'),
        categories: vevent
          .getAllProperties('categories')
          .flatMap((property) => property.getValues().map(String)),
        sequence: event.sequence,
        allDay,
        start: allDay
          ? new Date(`${dateOnly(event.startDate)}T00:00:00Z`)
          : event.startDate.toJSDate(),
        end: allDay ? new Date(`${dateOnly(event.endDate)}T00:00:00Z`) : event.endDate.toJSDate(),
        startDate: allDay ? dateOnly(event.startDate) : null,
        endDate: allDay ? dateOnly(event.endDate) : null,
        timeZone: allDay ? null : tzidOf(vevent),
      };
    });
    return { properties, events };
  } finally {
    ICAL.TimezoneService.reset();
  }
}

function plain(value: ParameterValue | undefined): string | null {
  if (value === undefined) return null;
  return typeof value === 'string' ? value : value.val;
}

function utcDateOf(date: Date): string {
  // node-ical gives all-day dates as local midnights of the process.
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Reads a calendar with node-ical. */
export function readWithNodeIcal(text: string): ReadCalendar {
  const parsed = nodeIcal.sync.parseICS(text);
  const events = Object.values(parsed)
    .filter((component): component is VEvent => component?.type === 'VEVENT')
    .map((event): ReadEvent => {
      const allDay = event.datetype === 'date';
      const end = event.end ?? event.start;
      return {
        uid: event.uid,
        summary: plain(event.summary) ?? '',
        description: plain(event.description),
        location: plain(event.location),
        status: event.status ?? null,
        categories: event.categories ?? [],
        sequence: Number(event.sequence ?? 0),
        allDay,
        start: allDay ? new Date(`${utcDateOf(event.start)}T00:00:00Z`) : new Date(event.start),
        end: allDay ? new Date(`${utcDateOf(end)}T00:00:00Z`) : new Date(end),
        startDate: allDay ? utcDateOf(event.start) : null,
        endDate: allDay ? utcDateOf(end) : null,
        timeZone: allDay ? null : (event.start.tz ?? null),
      };
    });
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed.vcalendar ?? {})) {
    if (typeof value === 'string') properties[key] = value;
  }
  return { properties, events };
}

/** Both readings, for tests that assert the same of each. */
export function readWithBothParsers(text: string): Array<[parser: string, calendar: ReadCalendar]> {
  return [
    ['ical.js', readWithIcalJs(text)],
    ['node-ical', readWithNodeIcal(text)],
  ];
}

export function eventByUid(calendar: ReadCalendar, uid: string): ReadEvent {
  const event = calendar.events.find((candidate) => candidate.uid === uid);
  if (!event) throw new Error(`No event ${uid} in ${calendar.events.map((e) => e.uid).join(', ')}`);
  return event;
}

// Factories: a calendar and rows with sensible defaults, overridden per test.

export function calendarInfo(overrides: Partial<CalendarInfo> = {}): CalendarInfo {
  return {
    name: 'Engineering',
    timeZone: 'Europe/Paris',
    privacy: 'standard',
    viewer: ANONYMOUS_VIEWER,
    uidDomain: 'teamcal',
    productId: '//TeamCal//Team calendar//EN',
    refreshIntervalSeconds: 3600,
    ...overrides,
  };
}

let nextId = 1;

export function absenceRow(overrides: Partial<AbsenceRow> = {}): AbsenceRow {
  return {
    id: `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`,
    personId: 'person-ada',
    personName: 'Ada Lovelace',
    typeKey: 'vacation',
    typeLabel: 'Vacation',
    typeColor: '#22c55e',
    typePrivate: false,
    startDate: '2026-07-06',
    endDate: '2026-07-10',
    halfDayStart: false,
    halfDayEnd: false,
    status: 'approved',
    note: null,
    sequence: 0,
    createdAt: new Date('2026-06-01T08:00:00Z'),
    updatedAt: new Date('2026-06-02T09:30:00Z'),
    ...overrides,
  };
}

export function teamEventRow(overrides: Partial<TeamEventRow> = {}): TeamEventRow {
  return {
    id: `00000000-0000-4000-9000-${String(nextId++).padStart(12, '0')}`,
    title: 'Offsite',
    description: null,
    location: null,
    allDay: true,
    startDate: '2026-09-14',
    endDate: '2026-09-15',
    startsAt: null,
    endsAt: null,
    timeZone: 'Europe/Paris',
    status: 'confirmed',
    sequence: 0,
    createdAt: new Date('2026-06-01T08:00:00Z'),
    updatedAt: new Date('2026-06-03T10:00:00Z'),
    ...overrides,
  };
}

export const absence = (overrides: Partial<AbsenceRow> = {}): FeedItem => ({
  kind: 'absence',
  absence: absenceRow(overrides),
});

export const teamEvent = (overrides: Partial<TeamEventRow> = {}): FeedItem => ({
  kind: 'teamEvent',
  event: teamEventRow(overrides),
});
