import type { CalendarSubject } from '@/lib/dal/calendars';
import type { FeedRow } from '@/lib/dal/feed-rows';
import type { FeedOptions } from '@/lib/dal/feed-tokens';
import { publicHolidaysOfYear } from '@/lib/holidays';
import { languageOf } from '@/lib/i18n/locales';
import { streamCalendar, type ExpiryNotice, type FeedItem } from '@/lib/ics';

// A calendar's feed as bytes: the rows the data-access layer reads, page by page, turned into the
// ICS library's items and streamed (lib/ics builds each event with ical-generator and writes the
// same bytes as its toString(), without holding the calendar in memory).

const UID_DOMAIN = 'teamcal';
const PRODUCT_ID = '//TeamCal//Team calendar//EN';
/** How often clients should poll: REFRESH-INTERVAL and X-PUBLISHED-TTL. */
const REFRESH_SECONDS = 3_600;

export interface FeedWindow {
  from: string;
  to: string;
}

/** One year back to two years ahead, in UTC dates. */
export function feedWindow(now: Date): FeedWindow {
  const today = now.toISOString().slice(0, 10);
  const shift = (years: number) => `${Number(today.slice(0, 4)) + years}${today.slice(4)}`;
  // 29 February shifted to a common year becomes 1 March, a valid bound either way.
  return { from: shift(-1).replace('-02-29', '-03-01'), to: shift(2).replace('-02-29', '-03-01') };
}

export interface FeedCalendarInput {
  calendar: Pick<CalendarSubject, 'kind' | 'name' | 'timeZone' | 'presentation'>;
  /** Makes this feed's UIDs its own: the link's id (see CalendarInfo.uidScope). */
  uidScope: string;
  /** The user whose rights the feed carries (the subscriber, or the creator of a shared link). */
  ownerId: string;
  options: FeedOptions;
  /** Whose private types the feed may name: everyone's, the owner's own, or nobody's. */
  privateTypes: 'all' | 'own' | 'none';
  /** The reminder to add when the link expires soon, else null. */
  expiryNotice: ExpiryNotice | null;
  /**
   * The language of the feed's own words and of holiday names: the link owner's (their stored
   * choice, storedLocale), or the reader's for a download. English when absent.
   */
  locale?: string;
  rows: AsyncIterable<FeedRow[]>;
}

/**
 * The row as this calendar presents it: when events may read differently without their rows
 * changing (a new time zone, who sees what), SEQUENCE and LAST-MODIFIED move for every event, so
 * that clients keyed on them replace their copies.
 */
function presented<Row extends { sequence: number; updatedAt: Date }>(
  row: Row,
  presentation: CalendarSubject['presentation'],
): Row {
  if (presentation.version === 0) return row;
  return {
    ...row,
    sequence: row.sequence + presentation.version,
    updatedAt: row.updatedAt > presentation.changedAt ? row.updatedAt : presentation.changedAt,
  };
}

/** A holiday's name in the feed's language, where date-holidays has one (rows come in English). */
function holidayName(row: Extract<FeedRow, { kind: 'holiday' }>, language: string): string {
  if (language === 'en') return row.name;
  const place = { country: row.country, region: row.region };
  const year = Number(row.date.slice(0, 4));
  const sameDay = (list: Array<{ date: string; name: string }>) =>
    list.filter((holiday) => holiday.date === row.date);
  // Two holidays may share a date: the same one is at the same place in both languages' lists.
  const index = sameDay(publicHolidaysOfYear(place, year)).findIndex((h) => h.name === row.name);
  return sameDay(publicHolidaysOfYear(place, year, language))[index]?.name ?? row.name;
}

function feedItem(
  original: FeedRow,
  calendar: FeedCalendarInput['calendar'],
  language: string,
): FeedItem {
  if (original.kind === 'holiday') {
    // No row of its own: it reads as the calendar presents it, the same on every fetch.
    return {
      kind: 'publicHoliday',
      holiday: {
        date: original.date,
        name: holidayName(original, language),
        country: original.country,
        region: original.region,
        sequence: calendar.presentation.version,
        updatedAt: calendar.presentation.changedAt,
      },
    };
  }
  const row = presented(original, calendar.presentation);
  switch (row.kind) {
    case 'absence':
      return { kind: 'absence', absence: { ...row, personId: row.userId } };
    case 'event':
      // A person's events are their appointments, shown under personal privacy rules.
      return calendar.kind === 'person'
        ? { kind: 'appointment', event: row }
        : { kind: 'teamEvent', event: row };
    case 'booking':
      return { kind: 'booking', booking: row };
  }
}

/** The rows as the library's items; leaving early (client gone) closes the page reader too. */
async function* feedItems(input: FeedCalendarInput): AsyncGenerator<FeedItem[]> {
  const language = languageOf(input.locale ?? 'en');
  for await (const rows of input.rows)
    yield rows.map((row) => feedItem(row, input.calendar, language));
  if (input.expiryNotice) yield [{ kind: 'expiryNotice', notice: input.expiryNotice }];
}

export function feedCalendarStream(input: FeedCalendarInput): ReadableStream<Uint8Array> {
  return streamCalendar(
    {
      name: `${input.calendar.name} – TeamCal`,
      timeZone: input.calendar.timeZone,
      privacy: input.options.privacy,
      viewer: {
        userId: input.privateTypes === 'none' ? null : input.ownerId,
        seesAllPrivateTypes: input.privateTypes === 'all',
      },
      uidDomain: UID_DOMAIN,
      uidScope: input.uidScope,
      productId: PRODUCT_ID,
      refreshIntervalSeconds: REFRESH_SECONDS,
      locale: input.locale,
    },
    feedItems(input),
  );
}
