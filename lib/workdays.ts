// Working-day arithmetic on calendar dates ('YYYY-MM-DD'). Saturdays, Sundays and the public
// holidays passed in (lib/holidays.ts) are not working days; a half day counts 0.5. Dates are
// handled as UTC midnights, so no time zone or DST change can shift a day.

const DAY_MS = 86_400_000;

export interface DaySpan {
  startDate: string;
  endDate: string;
  /** Only the afternoon of the first day is off. */
  halfDayStart?: boolean;
  /** Only the morning of the last day is off. */
  halfDayEnd?: boolean;
}

/** Whether `date` is a real 'YYYY-MM-DD' calendar date (not, say, 30 February). */
export function isCalendarDate(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  // The round trip refuses dates that Date.parse would roll over.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date;
}

function toUtc(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`Not a date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

export function isWeekend(date: string): boolean {
  const day = new Date(toUtc(date)).getUTCDay();
  return day === 0 || day === 6;
}

/** Weekdays from `start` to `end`, both included (0 when end < start). */
export function weekdaysBetween(start: string, end: string): number {
  const from = toUtc(start);
  const days = Math.round((toUtc(end) - from) / DAY_MS) + 1;
  if (days <= 0) return 0;
  const fullWeeks = Math.floor(days / 7);
  let count = fullWeeks * 5;
  // The remaining days, fewer than seven, counted one by one from the first weekday after the weeks.
  const firstDay = new Date(from).getUTCDay();
  for (let i = 0; i < days % 7; i++) {
    const day = (firstDay + fullWeeks * 7 + i) % 7;
    if (day !== 0 && day !== 6) count++;
  }
  return count;
}

const NO_HOLIDAYS: ReadonlySet<string> = new Set();

/** Whether `date` is a working day: a weekday that is not one of `holidays`. */
export function isWorkingDay(date: string, holidays: ReadonlySet<string> = NO_HOLIDAYS): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/** The working days an absence takes, half days counting 0.5. */
export function workingDays(span: DaySpan, holidays: ReadonlySet<string> = NO_HOLIDAYS): number {
  return workingDaysWithin(span, span.startDate, span.endDate, holidays);
}

/**
 * The working days of an absence that fall between `from` and `to` (inclusive), e.g. one year of
 * an absence across New Year. A half day counts only where the absence really starts or ends.
 */
export function workingDaysWithin(
  span: DaySpan,
  from: string,
  to: string,
  holidays: ReadonlySet<string> = NO_HOLIDAYS,
): number {
  const start = span.startDate > from ? span.startDate : from;
  const end = span.endDate < to ? span.endDate : to;
  if (end < start) return 0;
  let days = weekdaysBetween(start, end);
  for (const holiday of holidays)
    if (holiday >= start && holiday <= end && !isWeekend(holiday)) days -= 1;
  if (span.halfDayStart && start === span.startDate && isWorkingDay(start, holidays)) days -= 0.5;
  if (span.halfDayEnd && end === span.endDate && isWorkingDay(end, holidays)) days -= 0.5;
  return Math.max(0, days);
}

/** "1 working day", "2.5 working days". */
export function describeWorkingDays(count: number): string {
  const rounded = Math.round(count * 2) / 2;
  return `${rounded} working day${rounded === 1 ? '' : 's'}`;
}
