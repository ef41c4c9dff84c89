import { formatDate, formatDays } from '@/lib/i18n/format';
import { translatorFor } from '@/lib/i18n/translate';

/** "25 days in 2027, up to 5 carried over from 2026 until 31 Mar 2027", for admins' messages. */
export function describeAllowance(
  input: { year: number; days: number; carryOverMax: number; carryOverExpiresOn: string | null },
  locale: string,
): string {
  const t = translatorFor(locale, 'admin');
  const values = {
    days: input.days,
    year: String(input.year),
    previous: String(input.year - 1),
    carry: formatDays(input.carryOverMax, locale),
  };
  if (input.carryOverMax === 0) return t('allowance.nothingCarried', values);
  return input.carryOverExpiresOn
    ? t('allowance.carriedUntil', { ...values, date: formatDate(input.carryOverExpiresOn, locale) })
    : t('allowance.carried', values);
}
