import { holidayCountries } from '@/lib/holidays';

// The countries of the team form as the reader writes them: Intl's names ("Allemagne" for a French
// reader, "Germany" for an English one), in the reader's alphabetical order ("Égypte" among the
// E's). date-holidays' own names mix English and the country's language ("Italia"); they stay only
// for a code Intl cannot name. Its region (state) names stay as the package gives them.

export interface HolidayCountry {
  code: string;
  name: string;
}

/** Every country date-holidays knows, named and sorted in `locale` (e.g. 'fr-FR'). */
export function holidayCountriesIn(locale: string): HolidayCountry[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  const collator = new Intl.Collator(locale);
  return holidayCountries()
    .map(({ code, name }) => ({ code, name: names.of(code) ?? name }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
