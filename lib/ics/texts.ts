import { formatDate } from '@/lib/i18n/format';
import { languageOf, storedLocale, type Language } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translate';
import type { HiddenWords } from '@/lib/privacy';

// The words a feed writes around its data (what hides an absence, "(pending)", the expiry
// reminder…), in the language of the link's owner (CalendarInfo.locale). Names, types and titles
// are the organisation's own text and stay as they are.

export interface FeedTexts extends HiddenWords {
  pending: (title: string) => string;
  requested: (title: string) => string;
  publicHoliday: string;
  firstAfternoon: (date: string) => string;
  lastMorning: (date: string) => string;
  renewSummary: (date: string, url: string) => string;
  renewDescription: (date: string, url: string) => string;
  askSummary: (date: string, whom: string) => string;
  askDescription: (date: string, whom: string) => string;
}

/**
 * A calendar date as the feed writes it: English feeds keep the ISO date they always had (their
 * subscribers' copies stay byte for byte what they hold); other languages write it through Intl.
 */
function feedDate(date: string, language: Language): string {
  return language === 'en' ? date : formatDate(date, storedLocale(language));
}

function textsIn(language: Language): FeedTexts {
  const t = translatorFor(storedLocale(language), 'feed');
  const day = (date: string) => feedDate(date, language);
  return {
    away: t('away'),
    busy: t('busy'),
    booked: t('booked'),
    bookedBy: (name) => t('bookedBy', { name }),
    pending: (title) => t('pending', { title }),
    requested: (title) => t('requested', { title }),
    publicHoliday: t('publicHoliday'),
    firstAfternoon: (date) => t('firstAfternoon', { date: day(date) }),
    lastMorning: (date) => t('lastMorning', { date: day(date) }),
    renewSummary: (date, url) => t('expiry.renewSummary', { date: day(date), url }),
    renewDescription: (date, url) => t('expiry.renewDescription', { date: day(date), url }),
    askSummary: (date, whom) => t('expiry.askSummary', { date: day(date), whom }),
    askDescription: (date, whom) => t('expiry.askDescription', { date: day(date), whom }),
  };
}

const byLanguage = new Map<Language, FeedTexts>();

/** The feed's words for a locale ('fr-FR'); English when none is given. */
export function feedTexts(locale: string | undefined): FeedTexts {
  const language = languageOf(locale ?? 'en');
  let texts = byLanguage.get(language);
  if (!texts) byLanguage.set(language, (texts = textsIn(language)));
  return texts;
}
