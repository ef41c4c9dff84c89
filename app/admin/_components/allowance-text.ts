import { formatDate, formatDays } from '@/lib/i18n/format';

/** "25 days in 2027, up to 5 carried over from 2026 until 31 Mar 2027", for admins' messages. */
export function describeAllowance(input: {
  year: number;
  days: number;
  carryOverMax: number;
  carryOverExpiresOn: string | null;
}): string {
  const days = `${formatDays(input.days)} ${input.days === 1 ? 'day' : 'days'} in ${input.year}`;
  if (input.carryOverMax === 0) return `${days}, nothing carried over`;
  const carried = `${days}, up to ${formatDays(input.carryOverMax)} carried over from ${input.year - 1}`;
  return input.carryOverExpiresOn
    ? `${carried} until ${formatDate(input.carryOverExpiresOn)}`
    : carried;
}
