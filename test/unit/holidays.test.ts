import { describe, expect, it } from 'vitest';
import {
  holidayCountries,
  holidayDatesBetween,
  holidayRegions,
  isKnownHolidayPlace,
  publicHolidaysBetween,
} from '@/lib/holidays';
import { isWorkingDay, workingDays } from '@/lib/workdays';

const france = { country: 'FR', region: null };

describe('public holidays', () => {
  it('come from date-holidays by country, public ones only, in date order', () => {
    const holidays = publicHolidaysBetween(france, '2027-01-01', '2027-12-31');
    expect(holidays.map((holiday) => holiday.date)).toEqual([
      '2027-01-01',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-08',
      '2027-05-17',
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25',
    ]);
    expect(holidays[0]!.name).toBe("New Year's Day");
  });

  it('differ by region where they do: Epiphany in Bavaria, not in Berlin', () => {
    const bavaria = holidayDatesBetween(
      { country: 'DE', region: 'BY' },
      '2027-01-06',
      '2027-01-06',
    );
    const berlin = holidayDatesBetween({ country: 'DE', region: 'BE' }, '2027-01-06', '2027-01-06');
    expect([...bavaria]).toEqual(['2027-01-06']);
    expect([...berlin]).toEqual([]);
  });

  it('span the years asked for, and none without a place', () => {
    expect(
      publicHolidaysBetween(france, '2026-12-20', '2027-01-10').map((holiday) => holiday.date),
    ).toEqual(['2026-12-25', '2027-01-01']);
    expect(publicHolidaysBetween(null, '2027-01-01', '2027-12-31')).toEqual([]);
  });

  it('are not working days: "Training 1 Jan – 4 Jan 2027" in France takes 1 day, not 2', () => {
    const training = { startDate: '2027-01-01', endDate: '2027-01-04' };
    expect(workingDays(training)).toBe(2);
    const holidays = holidayDatesBetween(france, training.startDate, training.endDate);
    expect(workingDays(training, holidays)).toBe(1);
    expect(isWorkingDay('2027-01-01', holidays)).toBe(false);
    expect(isWorkingDay('2027-01-04', holidays)).toBe(true);
    // A half day on a holiday takes nothing off twice.
    expect(workingDays({ ...training, halfDayStart: true }, holidays)).toBe(1);
    // A holiday on a weekend changes nothing: 15 Aug 2027 is a Sunday.
    const august = { startDate: '2027-08-09', endDate: '2027-08-20' };
    expect(workingDays(august, holidayDatesBetween(france, '2027-08-01', '2027-08-31'))).toBe(10);
  });

  it('knows countries and regions for the team form', () => {
    expect(holidayCountries().find((country) => country.code === 'FR')?.name).toBe('France');
    expect(holidayRegions('DE').map((region) => region.code)).toContain('BY');
    expect(isKnownHolidayPlace('DE', 'BY')).toBe(true);
    expect(isKnownHolidayPlace('DE', 'XX')).toBe(false);
    expect(isKnownHolidayPlace('ZZ', null)).toBe(false);
  });
});
