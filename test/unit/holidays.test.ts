import { describe, expect, it } from 'vitest';
import { holidayCountriesIn, type HolidayCountry } from '@/lib/holiday-countries';
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

  it('names and sorts the countries as the reader writes them', () => {
    const french = holidayCountriesIn('fr-FR');
    const english = holidayCountriesIn('en-GB');
    const nameOf = (list: HolidayCountry[], code: string) =>
      list.find((country) => country.code === code)?.name;
    expect([nameOf(french, 'DE'), nameOf(french, 'US'), nameOf(french, 'IT')]).toEqual([
      'Allemagne',
      'États-Unis',
      'Italie',
    ]);
    expect([nameOf(english, 'DE'), nameOf(english, 'FR'), nameOf(english, 'IT')]).toEqual([
      'Germany',
      'France',
      'Italy',
    ]);
    // The same countries, every one named, in the reader's alphabetical order: "Égypte" among
    // the E's (before "Espagne"), not after "Zimbabwe" as a code-point sort would put it.
    expect(french.map((country) => country.code).sort()).toEqual(
      holidayCountries()
        .map((country) => country.code)
        .sort(),
    );
    expect(french.every((country) => country.name.length > 0)).toBe(true);
    const order = french.map((country) => country.name);
    expect(order).toEqual([...order].sort(new Intl.Collator('fr-FR').compare));
    expect(order.indexOf('Égypte')).toBeGreaterThan(order.indexOf('Danemark'));
    expect(order.indexOf('Égypte')).toBeLessThan(order.indexOf('Espagne'));
    // Regions stay as date-holidays names them.
    expect(holidayRegions('DE').find((region) => region.code === 'BY')?.name).toBe('Bayern');
  });
});
