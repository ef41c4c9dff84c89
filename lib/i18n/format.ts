// One way to write dates, times and numbers everywhere: Intl in the reader's locale (see
// lib/i18n/locales.ts). Calendar dates are 'YYYY-MM-DD' and written at UTC midnight so no time
// zone can move them to the previous day; instants are written in the reader's time zone.

const formats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

const utcMidnight = (date: string) => new Date(`${date}T00:00:00Z`);
const asDate = (instant: Date | string) => (instant instanceof Date ? instant : new Date(instant));

/** '3 Mar 2025' (en-GB), 'Mar 3, 2025' (en-US), '3 mars 2025' (fr). */
export const formatDate = (date: string, locale: string) =>
  dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(utcMidnight(date));

/** A span of calendar dates, one date when it is one day: '3–7 Mar 2025', '3 Mar 2025'. */
export function formatSpan(span: { startDate: string; endDate: string }, locale: string): string {
  if (span.startDate === span.endDate) return formatDate(span.startDate, locale);
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(
    utcMidnight(span.startDate),
    utcMidnight(span.endDate),
  );
}

/** 'Mon 3 Mar', for day columns and lists within a known month. */
export const formatShortDay = (date: string, locale: string) =>
  dateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(utcMidnight(date));

/** 'March 2025' for '2025-03'. */
export const formatMonth = (month: string, locale: string) =>
  dateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    utcMidnight(`${month}-01`),
  );

/** 'Mar' (en), 'mars' (fr) for '2025-03': a month on a chart's axis. */
export const formatShortMonth = (month: string, locale: string) =>
  dateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(utcMidnight(`${month}-01`));

/** A day's weekday as one letter, 'M' (en) or 'L' (fr): a narrow grid column's heading. */
export const formatWeekdayInitial = (date: string, locale: string) =>
  dateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' }).format(utcMidnight(date));

/** An instant in the reader's zone: '1 Dec 2026, 21:36'. */
export const formatDateTime = (instant: Date | string, locale: string, timeZone: string) =>
  dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    asDate(instant),
  );

/** A time of day in the reader's zone: '21:36' (en-GB), '9:36 PM' (en-US). */
export const formatTime = (instant: Date | string, locale: string, timeZone: string) =>
  dateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(asDate(instant));

/** A span of instants in the reader's zone, the date written once when it is one day. */
export const formatDateTimeRange = (
  start: Date | string,
  end: Date | string,
  locale: string,
  timeZone: string,
) =>
  dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).formatRange(
    asDate(start),
    asDate(end),
  );

/** Days of leave: whole numbers as they are, halves as '2.5' or '2,5'. */
export const formatDays = (days: number, locale: string) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.round(days * 2) / 2);

/** Which half of a day an absence leaves off, as a key of common.halfDay, or null. */
export function halfDayNote(span: {
  startDate: string;
  endDate: string;
  halfDayStart: boolean;
  halfDayEnd: boolean;
}):
  'afternoon' | 'morning' | 'firstAfternoon' | 'lastMorning' | 'firstAfternoonLastMorning' | null {
  if (span.startDate === span.endDate) {
    if (span.halfDayStart) return 'afternoon';
    if (span.halfDayEnd) return 'morning';
    return null;
  }
  if (span.halfDayStart && span.halfDayEnd) return 'firstAfternoonLastMorning';
  if (span.halfDayStart) return 'firstAfternoon';
  if (span.halfDayEnd) return 'lastMorning';
  return null;
}
