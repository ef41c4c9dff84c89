import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { AppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';

// Local dates and times as people enter them, in a calendar's or a resource's time zone.

/** The instant of a local date and time in `timeZone`. */
export function localInstant(date: string, time: string, timeZone: string, field: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const isWallTime = (at: TZDate) =>
    at.getDate() === d && at.getHours() === h && at.getMinutes() === min;
  const local = new TZDate(y, m - 1, d, h, min, timeZone);
  if (!isWallTime(local)) {
    throw new AppError(
      'bad_request',
      new TranslatableText('errors.time.skipped', { time, date, timeZone }),
      { field },
    );
  }
  // RFC 5545 §3.3.5: a local time that occurs twice (clocks going back) means its first occurrence.
  for (const earlierBy of [3_600_000, 1_800_000]) {
    const earlier = new TZDate(local.getTime() - earlierBy, timeZone);
    if (isWallTime(earlier)) return new Date(earlier.getTime());
  }
  return new Date(local.getTime());
}

/**
 * Today's date where `timeZone` is: what a person there calls today, which near midnight is not
 * UTC's (23:30 UTC on 31 December is already 1 January in Kiritimati, still 31 December noon in
 * Pago Pago).
 */
export function todayIn(timeZone: string, now = new Date()): string {
  return localDateTime(now, timeZone).date;
}

/** An instant's local date ('YYYY-MM-DD') and time ('HH:MM') in `timeZone`. */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const local = new TZDate(instant.getTime(), timeZone);
  return { date: format(local, 'yyyy-MM-dd'), time: format(local, 'HH:mm') };
}
