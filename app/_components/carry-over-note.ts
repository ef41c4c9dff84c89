import type { Balance } from '@/lib/allowance';
import { formatDate, formatDays } from '@/lib/i18n/format';

// How a balance's days left include days carried over from the year before, in words.

type CarryOver = Pick<
  Balance,
  'carriedIn' | 'carriedUsable' | 'carriedLapsed' | 'carryOverExpiresOn' | 'carryOverExpired'
>;

const days = (count: number) => `${formatDays(count)} ${count === 1 ? 'day' : 'days'}`;

/**
 * "incl. 3 days carried over from 2026, usable until 31 Mar 2027", or what became of them once
 * that date passed; null when nothing carried over into `year`.
 */
export function carryOverNote(balance: CarryOver, year: number): string | null {
  const { carriedIn, carriedUsable, carriedLapsed, carryOverExpiresOn: expiresOn } = balance;
  if (carriedIn === 0) return null;
  const carried = `carried over from ${year - 1}`;
  if (!expiresOn) return `incl. ${days(carriedIn)} ${carried}`;
  const on = formatDate(expiresOn);
  if (!balance.carryOverExpired) return `incl. ${days(carriedIn)} ${carried}, usable until ${on}`;
  if (carriedUsable === 0) return `${days(carriedIn)} ${carried} lapsed on ${on}`;
  if (carriedLapsed === 0) return `incl. ${days(carriedUsable)} ${carried}, taken by ${on}`;
  return `incl. ${days(carriedUsable)} ${carried}, taken by ${on}; ${formatDays(carriedLapsed)} lapsed`;
}

/** The same in a table cell: "incl. 3 carried over", or null. */
export function carryOverShortNote(balance: CarryOver): string | null {
  return balance.carriedUsable > 0
    ? `incl. ${formatDays(balance.carriedUsable)} carried over`
    : null;
}
