import { describe, expect, it } from 'vitest';
import { renderCalendar } from '@/lib/ics';
import { calendarInfo, readWithBothParsers, teamEvent } from '@/test/helpers/ics';
import { readWithCalcurse } from '@/test/helpers/calcurse';
import { readWithKhal } from '@/test/helpers/khal';
import { readWithLibical } from '@/test/helpers/libical';
import { readWithPythonIcalendar } from '@/test/helpers/python-icalendar';

// Exact instants in every client (ical.js, node-ical, libical, python's icalendar, calcurse,
// khal), in the hours that clocks repeat or skip. A local time in the
// repeated hour names two instants: such an event is written in UTC; every other one keeps its
// zone (TZID), which clients show in local time.

interface Case {
  zone: string;
  what: string;
  start: string;
  end: string;
  /** Whether a local time of either end occurs twice, so that UTC must name it. */
  inUtc: boolean;
}

const CASES: Case[] = [
  // 01:30 EDT → 01:00 EST: both local times occur twice on 1 November.
  {
    zone: 'America/New_York',
    what: 'repeated hour',
    start: '2026-11-01T05:30:00Z',
    end: '2026-11-01T06:00:00Z',
    inUtc: true,
  },
  // 03:30 EDT, just after 02:00–03:00 was skipped.
  {
    zone: 'America/New_York',
    what: 'after the skipped hour',
    start: '2026-03-08T07:30:00Z',
    end: '2026-03-08T08:00:00Z',
    inUtc: false,
  },
  // 02:30 CEST → 02:30 CET on 25 October.
  {
    zone: 'Europe/Paris',
    what: 'repeated hour',
    start: '2026-10-25T00:30:00Z',
    end: '2026-10-25T01:30:00Z',
    inUtc: true,
  },
  {
    zone: 'Europe/Paris',
    what: 'after the skipped hour',
    start: '2026-03-29T01:30:00Z',
    end: '2026-03-29T02:00:00Z',
    inUtc: false,
  },
  // 30-minute DST: 01:45 LHDT (+11) is repeated as 01:45 LHST (+10:30) on 5 April.
  {
    zone: 'Australia/Lord_Howe',
    what: 'repeated half hour',
    start: '2026-04-04T14:45:00Z',
    end: '2026-04-04T15:45:00Z',
    inUtc: true,
  },
  {
    zone: 'Asia/Kathmandu',
    what: 'a +05:45 zone',
    start: '2026-11-01T03:15:00Z',
    end: '2026-11-01T04:00:00Z',
    inUtc: false,
  },
  // 03:00 CHADT (+13:45), repeated after the change back at 03:45 on 5 April.
  {
    zone: 'Pacific/Chatham',
    what: 'repeated hour',
    start: '2026-04-04T13:15:00Z',
    end: '2026-04-04T13:45:00Z',
    inUtc: true,
  },
  {
    zone: 'Pacific/Chatham',
    what: 'an ordinary day',
    start: '2026-06-01T00:00:00Z',
    end: '2026-06-01T01:00:00Z',
    inUtc: false,
  },
];

describe('times around clock changes', () => {
  for (const c of CASES)
    it(`${c.zone}, ${c.what}: every parser reads the intended instant`, () => {
      const id = '00000000-0000-4000-9000-000000000dst';
      const text = renderCalendar(calendarInfo({ timeZone: c.zone, eventTimeZones: [c.zone] }), [
        teamEvent({
          id,
          allDay: false,
          startDate: c.start.slice(0, 10),
          endDate: c.end.slice(0, 10),
          startsAt: new Date(c.start),
          endsAt: new Date(c.end),
          timeZone: c.zone,
        }),
      ]);
      const vevent = text.slice(text.indexOf('BEGIN:VEVENT'));
      const dtstart = vevent.split('\r\n').find((line) => line.startsWith('DTSTART'))!;
      if (c.inUtc) expect(dtstart).toMatch(/^DTSTART:\d{8}T\d{6}Z$/);
      else expect(dtstart).toMatch(new RegExp(`^DTSTART;TZID=${c.zone}:\\d{8}T\\d{6}$`));
      for (const [parser, calendar] of readWithBothParsers(text)) {
        const [event] = calendar.events;
        expect(event!.start.toISOString(), parser).toBe(new Date(c.start).toISOString());
        expect(event!.end.toISOString(), parser).toBe(new Date(c.end).toISOString());
      }
      const libical = readWithLibical(text);
      expect(libical.errors).toEqual([]);
      expect(libical.events, 'libical').toEqual([
        {
          uid: expect.any(String),
          start: Date.parse(c.start) / 1000,
          end: Date.parse(c.end) / 1000,
        },
      ]);
      const iso = (instant: string) => new Date(instant).toISOString().replace('.000Z', 'Z');
      expect(readWithPythonIcalendar(text), 'python icalendar').toEqual([
        { uid: expect.any(String), start: iso(c.start), end: iso(c.end) },
      ]);
      // calcurse and khal keep the event (they drop ambiguous local times) at its instant.
      const from = new Date(Date.parse(c.start) - 86_400_000).toISOString().slice(0, 10);
      expect(readWithCalcurse(text, from, 3), 'calcurse').toEqual([
        { summary: 'Offsite', start: new Date(c.start), end: new Date(c.end) },
      ]);
      expect(readWithKhal(text, from, 3), 'khal').toEqual([
        { title: 'Offsite', start: new Date(c.start), end: new Date(c.end) },
      ]);
    });
});
