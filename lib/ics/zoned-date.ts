import { utcOffsetAt } from './timezones';

/**
 * An instant read as wall-clock time in one zone, for ical-generator's DTSTART;TZID=… values.
 * ical-generator accepts @date-fns/tz's TZDate for that: it recognises one by `internal`,
 * `withTimeZone` and `tzComponents`, calls `withTimeZone(zone)` and reads the local getters. A
 * TZDate costs ~15 µs per date in Intl calls, most of a timed event's cost; this class reads the
 * offset from the zone's transition table instead. Read-only: the setters are Date's own.
 */
export class ZonedDate extends Date {
  // Declared, not defined: defining them on every instance took 3 % of the feed server's CPU
  // in a profile of room feeds (ZonedDate is made for every timed event).
  declare readonly timeZone: string;
  /** The wall-clock fields, read with UTC getters (as in TZDate). */
  declare readonly internal: Date;

  constructor(instant: number, timeZone: string) {
    super(instant);
    this.timeZone = timeZone;
    this.internal = new Date(instant + utcOffsetAt(timeZone, instant) * 1000);
  }

  /**
   * The instant when the clocks of `timeZone` show `hour`:00 on `date` ('YYYY-MM-DD'). A time that
   * a DST change skips is read with the offset before the change.
   */
  static fromWallClock(date: string, hour: number, timeZone: string): ZonedDate {
    const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
    const wall = Date.UTC(year, month - 1, day, hour);
    const guess = wall - utcOffsetAt(timeZone, wall) * 1000;
    return new ZonedDate(wall - utcOffsetAt(timeZone, guess) * 1000, timeZone);
  }

  /**
   * Whether this wall-clock time occurs twice in its zone (the repeated hour — or half hour — of
   * a change back): written as a local time it could be read as either instant.
   */
  get isAmbiguous(): boolean {
    const instant = this.getTime();
    const offset = utcOffsetAt(this.timeZone, instant);
    // A change of offset near this instant: no zone changes twice within a day.
    for (const other of [instant - 86_400_000, instant + 86_400_000]) {
      const otherOffset = utcOffsetAt(this.timeZone, other);
      if (otherOffset === offset) continue;
      const twin = instant + (offset - otherOffset) * 1000;
      if (utcOffsetAt(this.timeZone, twin) === otherOffset) return true;
    }
    return false;
  }

  /** ical-generator passes null for events without a zone, which it writes in UTC. */
  withTimeZone(timeZone: string | null): ZonedDate {
    const zone = timeZone ?? 'UTC';
    return zone === this.timeZone ? this : new ZonedDate(this.getTime(), zone);
  }

  /** Sign, hours and minutes of the offset, as TZDate's. */
  tzComponents(): [sign: '+' | '-', hours: string, minutes: string] {
    const offset = Math.round((this.internal.getTime() - this.getTime()) / 60_000);
    const abs = Math.abs(offset);
    const pad = (value: number) => String(value).padStart(2, '0');
    return [offset < 0 ? '-' : '+', pad(Math.floor(abs / 60)), pad(abs % 60)];
  }

  override getFullYear(): number {
    return this.internal.getUTCFullYear();
  }
  override getMonth(): number {
    return this.internal.getUTCMonth();
  }
  override getDate(): number {
    return this.internal.getUTCDate();
  }
  override getDay(): number {
    return this.internal.getUTCDay();
  }
  override getHours(): number {
    return this.internal.getUTCHours();
  }
  override getMinutes(): number {
    return this.internal.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.internal.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.internal.getUTCMilliseconds();
  }
}
