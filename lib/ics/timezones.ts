// VTIMEZONE components (RFC 5545 §3.6.5) generated from the runtime's own time zone data (Intl),
// offline and with no extra package. The same scan gives ZonedDate the offsets of the wall-clock
// times written beside each TZID, so times and VTIMEZONE always agree.
//
// The zone is scanned from FIRST_YEAR to LAST_YEAR; each yearly pattern of transitions becomes one
// STANDARD/DAYLIGHT sub-component with an RRULE (as the tzdata compilers do), so a zone like
// Europe/Paris needs just three sub-components and clients such as Outlook, which prefer rules to
// lists of dates, understand it. A pattern still in force in LAST_YEAR is left open-ended; zones
// whose changes follow no yearly rule (Morocco's around Ramadan) are exact only up to LAST_YEAR.

const FIRST_YEAR = 2000; // TeamCal has no data before 2000 (see the allowances' year check).
const LAST_YEAR = 2037;
const SAMPLE_MS = 3 * 86_400_000;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

interface Transition {
  at: number; // UTC milliseconds of the change
  from: number; // offsets in seconds east of UTC
  to: number;
  wall: Date; // local wall-clock time just before the change, read with getUTC* getters
  kind: 'STANDARD' | 'DAYLIGHT';
}

interface Run {
  key: string;
  first: Transition;
  last: Transition;
  count: number;
  minDay: number;
  maxDay: number;
  allInLastWeek: boolean;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Whether the runtime knows `timeZone` (an IANA name such as 'Europe/Paris'). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at instant `at`, in seconds. */
function offsetAt(timeZone: string, at: number): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  // "1/1/2000, GMT+05:45", or just "…, GMT" at offset zero.
  const match = /GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(format.format(at));
  if (!match) throw new RangeError(`Cannot read the UTC offset of ${timeZone}`);
  if (!match[1]) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
  return match[1] === '-' ? -seconds : seconds;
}

interface ZoneHistory {
  initial: number;
  transitions: Transition[];
}

const histories = new Map<string, ZoneHistory>();

function zoneHistory(timeZone: string): ZoneHistory {
  let history = histories.get(timeZone);
  if (!history) {
    history = scanTransitions(timeZone);
    histories.set(timeZone, history);
  }
  return history;
}

function scanTransitions(timeZone: string): ZoneHistory {
  const start = Date.UTC(FIRST_YEAR, 0, 1);
  const end = Date.UTC(LAST_YEAR + 1, 0, 1);
  const initial = offsetAt(timeZone, start);
  const transitions: Transition[] = [];
  let previous = initial;
  // Since 2000 no zone has had two changes less than 7 days apart (America/Boa_Vista's 2000 DST
  // lasted a week), so a sample every 3 days sees every change; a binary search finds the minute.
  for (let sampled = start; sampled < end;) {
    const at = Math.min(sampled + SAMPLE_MS, end);
    const offset = offsetAt(timeZone, at);
    let low = sampled;
    sampled = at;
    if (offset === previous) continue;
    let high = at;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetAt(timeZone, middle) === previous) low = middle;
      else high = middle;
    }
    transitions.push({
      at: high,
      from: previous,
      to: offset,
      wall: new Date(high + previous * 1000),
      // Only the direction matters to parsers (ical.js resolves repeated wall-clock times with it).
      kind: offset > previous ? 'DAYLIGHT' : 'STANDARD',
    });
    previous = offset;
  }
  return { initial, transitions };
}

/**
 * Offset of `timeZone` from UTC at instant `at` (ms), in seconds: from the scanned transitions
 * (a binary search, no Intl call) within the years the VTIMEZONE covers, from Intl outside them.
 */
export function utcOffsetAt(timeZone: string, at: number): number {
  if (timeZone === 'UTC') return 0;
  if (at < Date.UTC(FIRST_YEAR, 0, 1) || at >= Date.UTC(LAST_YEAR + 1, 0, 1)) {
    return offsetAt(timeZone, at);
  }
  const { initial, transitions } = zoneHistory(timeZone);
  let low = 0;
  let high = transitions.length;
  // The number of transitions at or before `at`.
  while (low < high) {
    const middle = (low + high) >> 1;
    if (transitions[middle]!.at <= at) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? initial : transitions[low - 1]!.to;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

// February has 28 days in some years: a 7-day window must fit in the shortest length of its month.
function shortestMonth(month: number): number {
  return month === 1 ? 28 : daysInMonth(2001, month);
}

function isInLastWeek(wall: Date): boolean {
  return wall.getUTCDate() + 7 > daysInMonth(wall.getUTCFullYear(), wall.getUTCMonth());
}

function ruleKey(t: Transition): string {
  const w = t.wall;
  return [t.kind, t.from, t.to, w.getUTCMonth(), w.getUTCDay(), w.getUTCHours()]
    .concat([w.getUTCMinutes(), w.getUTCSeconds()])
    .join('|');
}

/** Whether one yearly RRULE can produce every occurrence of `run` (see {@link byDayRule}). */
function isExpressible(run: Run): boolean {
  if (run.allInLastWeek) return true;
  const lowest = Math.max(1, run.maxDay - 6);
  return lowest <= run.minDay && lowest + 6 <= shortestMonth(run.first.wall.getUTCMonth());
}

/** "The n-th weekday", "the last weekday", or "the weekday on or after day k" of the month. */
function byDayRule(run: Run): string {
  const weekday = WEEKDAYS[run.first.wall.getUTCDay()]!;
  if (run.allInLastWeek) return `BYDAY=-1${weekday}`;
  const lowest = Math.max(1, run.maxDay - 6);
  for (let n = 1; n <= 4; n++) {
    const k = 7 * (n - 1) + 1;
    if (k >= lowest && k <= run.minDay) return `BYDAY=${n}${weekday}`;
  }
  const days = Array.from({ length: 7 }, (_, i) => lowest + i);
  return `BYDAY=${weekday};BYMONTHDAY=${days.join(',')}`;
}

function groupIntoRuns(transitions: Transition[]): Run[] {
  const runs: Run[] = [];
  const current = new Map<string, Run>();
  for (const t of transitions) {
    const key = ruleKey(t);
    const day = t.wall.getUTCDate();
    const run = current.get(key);
    if (run && run.last.wall.getUTCFullYear() === t.wall.getUTCFullYear() - 1) {
      const extended: Run = {
        ...run,
        last: t,
        count: run.count + 1,
        minDay: Math.min(run.minDay, day),
        maxDay: Math.max(run.maxDay, day),
        allInLastWeek: run.allInLastWeek && isInLastWeek(t.wall),
      };
      if (isExpressible(extended)) {
        runs[runs.indexOf(run)] = extended;
        current.set(key, extended);
        continue;
      }
    }
    const fresh: Run = {
      key,
      first: t,
      last: t,
      count: 1,
      minDay: day,
      maxDay: day,
      allInLastWeek: isInLastWeek(t.wall),
    };
    runs.push(fresh);
    current.set(key, fresh);
  }
  return runs;
}

function pad(value: number, length = 2): string {
  return String(Math.abs(value)).padStart(length, '0');
}

function formatOffset(seconds: number): string {
  const abs = Math.abs(seconds);
  const rest = abs % 60;
  const text = pad(Math.floor(abs / 3600)) + pad(Math.floor(abs / 60) % 60);
  // RFC 5545 §3.3.14: "-0000" is not allowed, so zero is "+0000".
  return (seconds < 0 ? '-' : '+') + text + (rest ? pad(rest) : '');
}

function formatLocal(wall: Date): string {
  return (
    pad(wall.getUTCFullYear(), 4) +
    pad(wall.getUTCMonth() + 1) +
    pad(wall.getUTCDate()) +
    'T' +
    pad(wall.getUTCHours()) +
    pad(wall.getUTCMinutes()) +
    pad(wall.getUTCSeconds())
  );
}

function formatUtc(at: number): string {
  return formatLocal(new Date(at)) + 'Z';
}

function subComponent(kind: string, start: Date, from: number, to: number, rrule?: string) {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${formatLocal(start)}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    `END:${kind}`,
  ];
}

const cache = new Map<string, string>();

/**
 * The VTIMEZONE of an IANA zone, CRLF-separated and unfolded (ical-generator folds it), for
 * ical-generator's `timezone.generator`. Throws a RangeError for a zone the runtime does not know.
 */
export function generateVtimezone(timeZone: string): string {
  const cached = cache.get(timeZone);
  if (cached) return cached;
  const { initial, transitions } = zoneHistory(timeZone);
  const start = Date.UTC(FIRST_YEAR, 0, 1);
  const summer = offsetAt(timeZone, Date.UTC(FIRST_YEAR, 6, 1));
  // Parsers treat times before the first sub-component as UTC, so one states the offset in force
  // from the first day covered, local midnight.
  const lines = subComponent(
    initial > summer ? 'DAYLIGHT' : 'STANDARD',
    new Date(start),
    initial,
    initial,
  );
  for (const run of groupIntoRuns(transitions)) {
    const { first, last } = run;
    let rrule: string | undefined;
    if (run.count > 1) {
      const month = `FREQ=YEARLY;BYMONTH=${first.wall.getUTCMonth() + 1};${byDayRule(run)}`;
      // §3.6.5: UNTIL in a VTIMEZONE is a UTC time; here the instant of the last occurrence.
      rrule =
        last.wall.getUTCFullYear() === LAST_YEAR ? month : `${month};UNTIL=${formatUtc(last.at)}`;
    }
    lines.push(...subComponent(first.kind, first.wall, first.from, first.to, rrule));
  }
  const text = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...lines, 'END:VTIMEZONE'].join('\r\n');
  cache.set(timeZone, text);
  return text;
}
