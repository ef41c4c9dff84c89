import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { generateVtimezone } from '@/lib/ics';

// The VTIMEZONEs are generated from the runtime's tzdata (Intl). Here ical.js, given only the
// generated component, must turn every local time back into the instant Intl says it is.

const HOUR = 3_600_000;

function wallClockReader(timeZone: string) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (at: number) => {
    const parts = Object.fromEntries(
      format.formatToParts(at).map((part) => [part.type, Number(part.value)]),
    );
    return {
      year: parts.year!,
      month: parts.month!,
      day: parts.day!,
      hour: parts.hour!,
      minute: parts.minute!,
      second: parts.second!,
    };
  };
}

/** Instants that ical.js resolves wrongly, among a grid and the hours around each change. */
function misreadInstants(timeZone: string, fromYear: number, toYear: number): string[] {
  const zone = new ICAL.Timezone(new ICAL.Component(ICAL.parse(generateVtimezone(timeZone))));
  const wallClock = wallClockReader(timeZone);
  const asUtc = (at: number) => {
    const w = wallClock(at);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  };
  const offset = (at: number) => asUtc(at) - at;
  const grid: number[] = [];
  const step = 5 * 24 * HOUR + 7 * HOUR;
  const end = Date.UTC(toYear + 1, 0, 1);
  for (let at = Date.UTC(fromYear, 0, 1, 7); at < end; at += step) {
    grid.push(at);
    if (offset(at) === offset(at - step)) continue;
    // A change since the last point: find it, then check every 15 minutes for 3 hours around it.
    let [before, after] = [at - step, at];
    while (after - before > 60_000) {
      const middle = before + Math.floor((after - before) / 120_000) * 60_000;
      if (offset(middle) === offset(before)) before = middle;
      else after = middle;
    }
    for (let near = after - 3 * HOUR; near <= after + 3 * HOUR; near += HOUR / 4) grid.push(near);
  }
  const wrong: string[] = [];
  for (const at of grid) {
    const local = asUtc(at);
    // A local time repeated when clocks go back is two instants; either reading is right.
    const valid = new Set(
      [at - 24 * HOUR, at, at + 24 * HOUR]
        .map((probe) => local - offset(probe))
        .filter((candidate) => asUtc(candidate) === local),
    );
    const time = ICAL.Time.fromData({ ...wallClock(at), isDate: false }, zone);
    if (!valid.has(time.toUnixTime() * 1000)) wrong.push(new Date(at).toISOString());
  }
  return wrong;
}

describe('generated time zones', () => {
  it.each([
    'Europe/Paris',
    'America/New_York',
    'Australia/Sydney',
    'America/Sao_Paulo',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
  ])('let ical.js place every local time of %s correctly from 2000 to 2045', (timeZone) => {
    expect(misreadInstants(timeZone, 2000, 2045)).toEqual([]);
  });

  it.each(['Asia/Jerusalem', 'Africa/Casablanca', 'America/Santiago'])(
    'follow the irregular changes of %s up to 2037',
    (timeZone) => {
      expect(misreadInstants(timeZone, 2000, 2037)).toEqual([]);
    },
  );

  it('describe a zone with yearly rules as a few RRULE sub-components', () => {
    const paris = generateVtimezone('Europe/Paris');
    expect(paris.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Paris',
      'BEGIN:STANDARD',
      'DTSTART:20000101T000000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20000326T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20001029T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    expect(generateVtimezone('America/New_York')).toContain(
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n',
    );
  });

  it('refuse a zone the runtime does not know', () => {
    expect(() => generateVtimezone('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
