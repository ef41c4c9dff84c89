import { describe, expect, it } from 'vitest';
import { renderCalendar, type PublicHolidayRow } from '@/lib/ics';
import { calendarInfo, eventByUid, readWithBothParsers } from '@/test/helpers/ics';
import { readWithLibical } from '@/test/helpers/libical';

const holiday = (overrides: Partial<PublicHolidayRow> = {}): PublicHolidayRow => ({
  date: '2027-01-06',
  name: 'Epiphany',
  country: 'DE',
  region: 'BY',
  sequence: 2,
  updatedAt: new Date('2026-05-01T08:00:00Z'),
  ...overrides,
});

describe('public holidays in a feed', () => {
  it('are all-day, free, named after the holiday, with a UID of the place and the date', () => {
    const text = renderCalendar(calendarInfo({ privacy: 'busy', uidScope: 'link-1' }), [
      { kind: 'publicHoliday', holiday: holiday() },
      {
        kind: 'publicHoliday',
        holiday: holiday({ date: '2027-07-14', name: 'Bastille Day', country: 'FR', region: null }),
      },
    ]);
    expect(text).toContain('DTSTART;VALUE=DATE:20270106\r\nDTEND;VALUE=DATE:20270107\r\n');
    expect(text).toContain('TRANSP:TRANSPARENT\r\n');
    expect(text).toContain('SEQUENCE:2\r\n');
    expect(text).toContain('DTSTAMP:20260501T080000Z\r\n');
    for (const [parser, calendar] of readWithBothParsers(text)) {
      // The same UID in every feed of that place: no link scope.
      expect(eventByUid(calendar, 'holiday-DE-BY-2027-01-06@teamcal'), parser).toMatchObject({
        summary: 'Epiphany',
        allDay: true,
        startDate: '2027-01-06',
        endDate: '2027-01-07',
        status: 'CONFIRMED',
        categories: ['Public holiday'],
      });
      expect(eventByUid(calendar, 'holiday-FR-2027-07-14@teamcal').summary, parser).toBe(
        'Bastille Day',
      );
    }
    const libical = readWithLibical(text);
    expect(libical.errors).toEqual([]);
    expect(libical.events.map((event) => event.uid)).toEqual([
      'holiday-DE-BY-2027-01-06@teamcal',
      'holiday-FR-2027-07-14@teamcal',
    ]);
  });
});
