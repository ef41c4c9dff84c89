import { describe, expect, it } from 'vitest';
import { renderCalendar } from '@/lib/ics';
import { absence, calendarInfo, eventByUid, readWithBothParsers } from '@/test/helpers/ics';

describe('absences in a feed', () => {
  it('are all-day events whose end date is the day after the last day off', () => {
    const text = renderCalendar(calendarInfo(), [
      absence({ id: 'week', startDate: '2026-07-06', endDate: '2026-07-10' }),
      absence({ id: 'day', startDate: '2026-12-31', endDate: '2026-12-31' }),
    ]);
    expect(text).toContain('DTSTART;VALUE=DATE:20260706\r\nDTEND;VALUE=DATE:20260711\r\n');
    for (const [parser, calendar] of readWithBothParsers(text)) {
      expect(calendar.events, parser).toHaveLength(2);
      const week = eventByUid(calendar, 'absence-week@teamcal');
      expect([week.allDay, week.startDate, week.endDate], parser).toEqual([
        true,
        '2026-07-06',
        '2026-07-11',
      ]);
      const day = eventByUid(calendar, 'absence-day@teamcal');
      expect([day.startDate, day.endDate], parser).toEqual(['2026-12-31', '2027-01-01']);
    }
  });

  it('show a single half day as a timed event in the team zone, right across DST changes', () => {
    const info = calendarInfo({ timeZone: 'Europe/Paris' });
    const text = renderCalendar(info, [
      // Paris moves to summer time on Sunday 29 March 2026 and back on Sunday 25 October 2026.
      absence({
        id: 'sat-before-spring',
        startDate: '2026-03-28',
        endDate: '2026-03-28',
        halfDayEnd: true,
      }),
      absence({
        id: 'spring-sunday',
        startDate: '2026-03-29',
        endDate: '2026-03-29',
        halfDayEnd: true,
      }),
      absence({
        id: 'sat-before-autumn',
        startDate: '2026-10-24',
        endDate: '2026-10-24',
        halfDayStart: true,
      }),
      absence({
        id: 'autumn-sunday',
        startDate: '2026-10-25',
        endDate: '2026-10-25',
        halfDayStart: true,
      }),
    ]);
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20260329T090000\r\n');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n');
    for (const [parser, calendar] of readWithBothParsers(text)) {
      const times = (uid: string) => {
        const event = eventByUid(calendar, `absence-${uid}@teamcal`);
        return [event.allDay, event.start.toISOString(), event.end.toISOString()];
      };
      // Mornings 09:00–13:00 and afternoons 13:00–18:00, Paris time.
      expect(times('sat-before-spring'), parser).toEqual([
        false,
        '2026-03-28T08:00:00.000Z',
        '2026-03-28T12:00:00.000Z',
      ]);
      expect(times('spring-sunday'), parser).toEqual([
        false,
        '2026-03-29T07:00:00.000Z',
        '2026-03-29T11:00:00.000Z',
      ]);
      expect(times('sat-before-autumn'), parser).toEqual([
        false,
        '2026-10-24T11:00:00.000Z',
        '2026-10-24T16:00:00.000Z',
      ]);
      expect(times('autumn-sunday'), parser).toEqual([
        false,
        '2026-10-25T12:00:00.000Z',
        '2026-10-25T17:00:00.000Z',
      ]);
    }
  });

  it('place half days of a New York team in New York time on both sides of its DST changes', () => {
    const text = renderCalendar(calendarInfo({ timeZone: 'America/New_York' }), [
      // New York moves on Sunday 8 March and Sunday 1 November 2026.
      absence({ id: 'march', startDate: '2026-03-08', endDate: '2026-03-08', halfDayEnd: true }),
      absence({
        id: 'november',
        startDate: '2026-11-01',
        endDate: '2026-11-01',
        halfDayStart: true,
      }),
      absence({
        id: 'february',
        startDate: '2026-02-02',
        endDate: '2026-02-02',
        halfDayStart: true,
      }),
    ]);
    for (const [parser, calendar] of readWithBothParsers(text)) {
      const start = (uid: string) =>
        eventByUid(calendar, `absence-${uid}@teamcal`).start.toISOString();
      expect(start('march'), parser).toBe('2026-03-08T13:00:00.000Z');
      expect(start('november'), parser).toBe('2026-11-01T18:00:00.000Z');
      expect(start('february'), parser).toBe('2026-02-02T18:00:00.000Z');
      expect(eventByUid(calendar, 'absence-march@teamcal').timeZone, parser).toBe(
        'America/New_York',
      );
    }
  });

  it('keep a multi-day absence with half days all-day and say which half in the description', () => {
    const text = renderCalendar(calendarInfo(), [
      absence({
        id: 'halves',
        startDate: '2026-07-06',
        endDate: '2026-07-08',
        halfDayStart: true,
        halfDayEnd: true,
      }),
    ]);
    for (const [parser, calendar] of readWithBothParsers(text)) {
      const event = eventByUid(calendar, 'absence-halves@teamcal');
      expect([event.allDay, event.startDate, event.endDate], parser).toEqual([
        true,
        '2026-07-06',
        '2026-07-09',
      ]);
      expect(event.description, parser).toBe(
        'Afternoon only on 2026-07-06 (first day).\n\nMorning only on 2026-07-08 (last day).',
      );
    }
  });

  it('mark pending requests as tentative and approved ones as confirmed', () => {
    const text = renderCalendar(calendarInfo(), [
      absence({ id: 'asked', status: 'pending' }),
      absence({ id: 'granted', status: 'approved' }),
    ]);
    for (const [parser, calendar] of readWithBothParsers(text)) {
      const asked = eventByUid(calendar, 'absence-asked@teamcal');
      expect([asked.status, asked.summary], parser).toEqual([
        'TENTATIVE',
        'Ada Lovelace — Vacation (pending)',
      ]);
      const granted = eventByUid(calendar, 'absence-granted@teamcal');
      expect([granted.status, granted.summary], parser).toEqual([
        'CONFIRMED',
        'Ada Lovelace — Vacation',
      ]);
    }
  });

  it('keep the same UID across fetches and carry the sequence, so clients update in place', () => {
    const first = renderCalendar(calendarInfo(), [absence({ id: 'a1b2', sequence: 0 })]);
    const edited = renderCalendar(calendarInfo(), [
      absence({
        id: 'a1b2',
        sequence: 3,
        endDate: '2026-07-17',
        updatedAt: new Date('2026-06-20T10:00:00Z'),
      }),
    ]);
    for (const text of [first, edited]) {
      for (const [parser, calendar] of readWithBothParsers(text)) {
        expect(
          calendar.events.map((event) => event.uid),
          parser,
        ).toEqual(['absence-a1b2@teamcal']);
      }
    }
    expect(readWithBothParsers(edited).map(([, calendar]) => calendar.events[0]?.sequence)).toEqual(
      [3, 3],
    );
    // The same rows give the same bytes: nothing in an event depends on when the feed is fetched.
    const rows = [absence({ id: 'same', sequence: 1 })];
    expect(renderCalendar(calendarInfo(), rows)).toBe(renderCalendar(calendarInfo(), rows));
  });

  it('never make the subscriber look busy, and stamp times in UTC', () => {
    const text = renderCalendar(calendarInfo(), [absence({ id: 'free' })]);
    expect(text).toContain('TRANSP:TRANSPARENT\r\n');
    expect(text).toContain('X-MICROSOFT-CDO-BUSYSTATUS:FREE\r\n');
    expect(text).toContain('DTSTAMP:20260602T093000Z\r\n');
    expect(text).toContain('LAST-MODIFIED:20260602T093000Z\r\n');
    expect(text).toContain('CREATED:20260601T080000Z\r\n');
  });

  it('carry the type as category and its colour as the nearest RFC 7986 colour name', () => {
    const text = renderCalendar(calendarInfo(), [
      absence({ id: 'green', typeLabel: 'Vacation', typeColor: '#22c55e' }),
      absence({ id: 'turquoise', typeLabel: 'Training', typeColor: '#40E0D0' }),
    ]);
    expect(text).toContain('COLOR:mediumseagreen\r\n');
    expect(text).toContain('COLOR:turquoise\r\n');
    for (const [parser, calendar] of readWithBothParsers(text)) {
      expect(eventByUid(calendar, 'absence-turquoise@teamcal').categories, parser).toEqual([
        'Training',
      ]);
    }
  });
});
