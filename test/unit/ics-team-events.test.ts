import { describe, expect, it } from 'vitest';
import { renderCalendar } from '@/lib/ics';
import { calendarInfo, eventByUid, readWithBothParsers, teamEvent } from '@/test/helpers/ics';

describe('team events in a feed', () => {
  it('keep a location with commas and semicolons intact for apps that read it', () => {
    const location = '12 Rue de la Paix, 75002 Paris; Building B, 3rd floor';
    const text = renderCalendar(calendarInfo(), [
      teamEvent({ id: 'visit', title: 'Client visit: Acme, Inc.', location }),
    ]);
    expect(text).toContain('LOCATION:12 Rue de la Paix\\, 75002 Paris\\; Building B\\, 3rd floo');
    for (const [parser, calendar] of readWithBothParsers(text)) {
      const visit = eventByUid(calendar, 'event-visit@teamcal');
      expect([visit.location, visit.summary], parser).toEqual([
        location,
        'Client visit: Acme, Inc.',
      ]);
    }
  });

  it('show an all-day event over its local dates, with an exclusive end', () => {
    const text = renderCalendar(calendarInfo(), [
      teamEvent({ id: 'offsite', allDay: true, startDate: '2026-09-14', endDate: '2026-09-15' }),
    ]);
    for (const [parser, calendar] of readWithBothParsers(text)) {
      const offsite = eventByUid(calendar, 'event-offsite@teamcal');
      expect([offsite.allDay, offsite.startDate, offsite.endDate], parser).toEqual([
        true,
        '2026-09-14',
        '2026-09-16',
      ]);
    }
  });

  it("show a timed event at its instants, in its own zone's VTIMEZONE when the header has it", () => {
    const text = renderCalendar(calendarInfo({ eventTimeZones: ['America/New_York'] }), [
      // New York leaves summer time that night: 14:00 UTC is 09:00 there.
      teamEvent({
        id: 'nyc',
        allDay: false,
        startDate: '2026-11-01',
        endDate: '2026-11-01',
        startsAt: new Date('2026-11-01T14:00:00Z'),
        endsAt: new Date('2026-11-01T16:30:00Z'),
        timeZone: 'America/New_York',
      }),
      teamEvent({
        id: 'paris',
        allDay: false,
        startDate: '2026-03-29',
        endDate: '2026-03-29',
        startsAt: new Date('2026-03-29T08:00:00Z'),
        endsAt: new Date('2026-03-29T09:00:00Z'),
        timeZone: 'Europe/Paris',
      }),
    ]);
    expect(text).toContain('DTSTART;TZID=America/New_York:20261101T090000\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20260329T100000\r\n');
    for (const [parser, calendar] of readWithBothParsers(text)) {
      const nyc = eventByUid(calendar, 'event-nyc@teamcal');
      expect([nyc.start.toISOString(), nyc.end.toISOString()], parser).toEqual([
        '2026-11-01T14:00:00.000Z',
        '2026-11-01T16:30:00.000Z',
      ]);
      expect(eventByUid(calendar, 'event-paris@teamcal').start.toISOString(), parser).toBe(
        '2026-03-29T08:00:00.000Z',
      );
    }
  });

  it("write a timed event in a zone the header lacks in the team's zone, at the same instant", () => {
    const text = renderCalendar(calendarInfo({ timeZone: 'Europe/Paris' }), [
      teamEvent({
        id: 'tokyo',
        allDay: false,
        startDate: '2026-05-12',
        endDate: '2026-05-12',
        startsAt: new Date('2026-05-12T01:00:00Z'),
        endsAt: new Date('2026-05-12T02:00:00Z'),
        timeZone: 'Asia/Tokyo',
      }),
    ]);
    expect(text).not.toContain('Asia/Tokyo');
    for (const [parser, calendar] of readWithBothParsers(text)) {
      const tokyo = eventByUid(calendar, 'event-tokyo@teamcal');
      expect([tokyo.timeZone, tokyo.start.toISOString()], parser).toEqual([
        'Europe/Paris',
        '2026-05-12T01:00:00.000Z',
      ]);
    }
  });

  it('mark a cancelled event as cancelled and keep its UID and sequence', () => {
    const text = renderCalendar(calendarInfo(), [
      teamEvent({ id: 'gone', status: 'cancelled', sequence: 4 }),
      teamEvent({ id: 'on', status: 'confirmed' }),
    ]);
    for (const [parser, calendar] of readWithBothParsers(text)) {
      const gone = eventByUid(calendar, 'event-gone@teamcal');
      expect([gone.status, gone.sequence], parser).toEqual(['CANCELLED', 4]);
      expect(eventByUid(calendar, 'event-on@teamcal').status, parser).toBe('CONFIRMED');
    }
  });
});
