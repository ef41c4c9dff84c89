import Holidays from 'date-holidays';

// Public holidays from the date-holidays package, by country and, where holidays differ inside
// it, region (e.g. DE + BY for Bavaria). Only `public` holidays count: days off by law, which
// are not working days in requests, balances, statistics and the coverage chart.

export interface HolidayPlace {
  /** ISO 3166-1 alpha-2, e.g. FR. */
  country: string;
  /** date-holidays' state code inside the country, e.g. BY; null for the whole country. */
  region: string | null;
}

export interface PublicHoliday {
  /** 'YYYY-MM-DD' */
  date: string;
  name: string;
}

const DAY_MS = 86_400_000;
const byYear = new Map<string, PublicHoliday[]>();

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A place's public holidays of one year, in date order; cached, since they never change. Named in
 * `language` where date-holidays has a translation (else in the place's own language).
 */
export function publicHolidaysOfYear(
  place: HolidayPlace,
  year: number,
  language = 'en',
): PublicHoliday[] {
  const key = `${place.country}|${place.region ?? ''}|${year}${language === 'en' ? '' : `|${language}`}`;
  const cached = byYear.get(key);
  if (cached) return cached;
  const calendar = place.region
    ? new Holidays(place.country, place.region)
    : new Holidays(place.country);
  const holidays: PublicHoliday[] = [];
  for (const holiday of calendar.getHolidays(year, language) || []) {
    if (holiday.type !== 'public') continue;
    const first = holiday.date.slice(0, 10);
    // A few holidays last several days (the end is exclusive).
    const days = Math.max(
      1,
      Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS),
    );
    for (let day = 0; day < days; day++)
      holidays.push({ date: addDays(first, day), name: holiday.name });
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  byYear.set(key, holidays);
  return holidays;
}

/** A place's public holidays from `from` to `to` (inclusive dates); none without a place. */
export function publicHolidaysBetween(
  place: HolidayPlace | null,
  from: string,
  to: string,
  language = 'en',
): PublicHoliday[] {
  if (!place || to < from) return [];
  const holidays: PublicHoliday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
    for (const holiday of publicHolidaysOfYear(place, year, language))
      if (holiday.date >= from && holiday.date <= to) holidays.push(holiday);
  return holidays;
}

/** The dates of {@link publicHolidaysBetween}, for working-day arithmetic (lib/workdays.ts). */
export function holidayDatesBetween(
  place: HolidayPlace | null,
  from: string,
  to: string,
): ReadonlySet<string> {
  return new Set(publicHolidaysBetween(place, from, to).map((holiday) => holiday.date));
}

const directory = new Holidays();

/** Every country date-holidays knows, by name, for the team form. */
export function holidayCountries(): Array<{ code: string; name: string }> {
  return Object.entries(directory.getCountries('en'))
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** The regions of a country that have holidays of their own (empty when there are none). */
export function holidayRegions(country: string): Array<{ code: string; name: string }> {
  return Object.entries(directory.getStates(country, 'en') ?? {})
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** Whether date-holidays knows the country and, when given, the region inside it. */
export function isKnownHolidayPlace(country: string, region: string | null): boolean {
  if (!Object.hasOwn(directory.getCountries('en'), country)) return false;
  return region === null || holidayRegions(country).some((known) => known.code === region);
}

/** The place of a team's row (its holiday country and region columns), or null when unset. */
export function holidayPlaceOf(row: {
  holidayCountry: string | null;
  holidayRegion: string | null;
}): HolidayPlace | null {
  return row.holidayCountry ? { country: row.holidayCountry, region: row.holidayRegion } : null;
}

/** The regions of every country that has some, by country code: what the team form offers. */
export function holidayRegionsByCountry(): Record<string, Array<{ code: string; name: string }>> {
  const byCountry: Record<string, Array<{ code: string; name: string }>> = {};
  for (const { code } of holidayCountries()) {
    const regions = holidayRegions(code);
    if (regions.length > 0) byCountry[code] = regions;
  }
  return byCountry;
}
