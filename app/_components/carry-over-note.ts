import type { Balance } from '@/lib/allowance';
import { formatDate, formatDays } from '@/lib/i18n/format';
import { translatorFor } from '@/lib/i18n/translate';

// How a balance's days left include days carried over from the year before, in words.

type CarryOver = Pick<
  Balance,
  'carriedIn' | 'carriedUsable' | 'carriedLapsed' | 'carryOverExpiresOn' | 'carryOverExpired'
>;

/**
 * "incl. 3 days carried over from 2026, usable until 31 Mar 2027", or what became of them once
 * that date passed, in the reader's locale; null when nothing carried over into `year`.
 */
export function carryOverNote(balance: CarryOver, year: number, locale: string): string | null {
  const { carriedIn, carriedUsable, carriedLapsed, carryOverExpiresOn: expiresOn } = balance;
  if (carriedIn === 0) return null;
  const t = translatorFor(locale, 'absences');
  const days = (count: number) =>
    t('carryOver.days', { count, formatted: formatDays(count, locale) });
  const from = String(year - 1);
  if (!expiresOn) return t('carryOver.included', { days: days(carriedIn), year: from });
  const date = formatDate(expiresOn, locale);
  if (!balance.carryOverExpired)
    return t('carryOver.usableUntil', { days: days(carriedIn), year: from, date });
  if (carriedUsable === 0)
    return t('carryOver.lapsed', { days: days(carriedIn), year: from, date });
  if (carriedLapsed === 0)
    return t('carryOver.takenBy', { days: days(carriedUsable), year: from, date });
  return t('carryOver.takenByPartLapsed', {
    days: days(carriedUsable),
    year: from,
    date,
    lapsed: formatDays(carriedLapsed, locale),
  });
}

/** The same in a table cell: "incl. 3 carried over", or null. */
export function carryOverShortNote(balance: CarryOver, locale = 'en-GB'): string | null {
  return balance.carriedUsable > 0
    ? translatorFor(locale, 'absences')('carryOver.short', {
        days: formatDays(balance.carriedUsable, locale),
      })
    : null;
}
