import { describe, expect, it } from 'vitest';
import { isWeekend, weekdaysBetween, workingDays, workingDaysWithin } from '@/lib/workdays';

describe('working days', () => {
  it('counts a Monday-to-Friday week as five days', () => {
    expect(workingDays({ startDate: '2026-11-23', endDate: '2026-11-27' })).toBe(5);
  });

  it('skips weekends inside a span', () => {
    // Friday to the Monday after next: Fri + 5 + Mon.
    expect(workingDays({ startDate: '2026-11-20', endDate: '2026-11-30' })).toBe(7);
  });

  it('counts nothing for a weekend', () => {
    expect(workingDays({ startDate: '2026-11-28', endDate: '2026-11-29' })).toBe(0);
    expect(isWeekend('2026-11-28')).toBe(true);
    expect(isWeekend('2026-11-27')).toBe(false);
  });

  it('counts a half day as 0.5, at either end', () => {
    expect(
      workingDays({ startDate: '2026-11-23', endDate: '2026-11-23', halfDayStart: true }),
    ).toBe(0.5);
    expect(workingDays({ startDate: '2026-11-23', endDate: '2026-11-23', halfDayEnd: true })).toBe(
      0.5,
    );
    expect(
      workingDays({
        startDate: '2026-11-23',
        endDate: '2026-11-27',
        halfDayStart: true,
        halfDayEnd: true,
      }),
    ).toBe(4);
  });

  it('does not take half a day off a weekend', () => {
    expect(
      workingDays({ startDate: '2026-11-28', endDate: '2026-12-01', halfDayStart: true }),
    ).toBe(2);
  });

  it('spans months and years', () => {
    // 28 Dec 2026 (Mon) to 8 Jan 2027 (Fri): two full working weeks.
    expect(workingDays({ startDate: '2026-12-28', endDate: '2027-01-08' })).toBe(10);
    // February of a leap year: 29 days, 21 weekdays in 2028.
    expect(weekdaysBetween('2028-02-01', '2028-02-29')).toBe(21);
    // A whole year: 2026 has 261 weekdays.
    expect(weekdaysBetween('2026-01-01', '2026-12-31')).toBe(261);
  });

  it('splits an absence across New Year, keeping each half day where it belongs', () => {
    const span = {
      startDate: '2026-12-30',
      endDate: '2027-01-05',
      halfDayStart: true,
      halfDayEnd: true,
    };
    expect(workingDaysWithin(span, '2026-01-01', '2026-12-31')).toBe(1.5); // Wed ½ + Thu
    expect(workingDaysWithin(span, '2027-01-01', '2027-12-31')).toBe(2.5); // Fri + Mon + Tue ½
    expect(workingDays(span)).toBe(4);
  });

  it('counts nothing outside the range or for a reversed span', () => {
    expect(
      workingDaysWithin(
        { startDate: '2026-03-02', endDate: '2026-03-06' },
        '2026-04-01',
        '2026-04-30',
      ),
    ).toBe(0);
    expect(weekdaysBetween('2026-03-06', '2026-03-02')).toBe(0);
  });

  it('refuses what is not a date', () => {
    expect(() => workingDays({ startDate: '2026-02-30x', endDate: '2026-03-01' })).toThrow(
      RangeError,
    );
  });
});
