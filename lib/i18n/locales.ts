// The languages TeamCal speaks, and which one a request gets. Messages come in a language ('en',
// 'fr'); dates and numbers follow the fuller tag the browser asked for in that language (en-US
// writes 12/1/2026, en-GB 1 Dec 2026), else the language's usual region.

import Negotiator from 'negotiator';

export const languages = ['en', 'fr'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'en';

/** Where dates are written when the browser named no region for the language. */
const usualFormatLocale: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };

/** The language names as each language writes its own, for the profile's choice. */
export const languageNames: Record<Language, string> = { en: 'English', fr: 'Français' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** 'fr' for 'fr-CA', 'en' for 'en-US', null for a language TeamCal does not speak. */
function spokenLanguage(tag: string): Language | null {
  const language = tag.split('-')[0]?.toLowerCase();
  return isLanguage(language) ? language : null;
}

/** The language of a locale tag, English for one TeamCal does not speak. */
export const languageOf = (locale: string): Language => spokenLanguage(locale) ?? defaultLanguage;

/** The locale of a request: the person's chosen language, else the browser's preference. */
export function resolveLocale(chosen: string | null | undefined, acceptLanguage: string | null) {
  const asked = new Negotiator({
    headers: { 'accept-language': acceptLanguage ?? '' },
  }).languages();
  const firstSpoken = asked.map(spokenLanguage).find((language) => language !== null);
  const language = isLanguage(chosen) ? chosen : (firstSpoken ?? defaultLanguage);
  return formatLocaleFor(language, asked);
}

/** The browser's own tag for the language when it is a valid one (keeps its region), else the usual one. */
function formatLocaleFor(language: Language, asked: string[]): string {
  for (const tag of asked) {
    if (spokenLanguage(tag) !== language) continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical && canonical.includes('-')) return canonical;
    } catch {
      // A malformed tag from the client: fall through to the usual region.
    }
  }
  return usualFormatLocale[language];
}

/** The locale mails and feeds use for someone who is not in front of a browser. */
export const storedLocale = (chosen: string | null | undefined): string =>
  usualFormatLocale[isLanguage(chosen) ? chosen : defaultLanguage];
