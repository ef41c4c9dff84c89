import crypto from 'node:crypto';
import { createLruCache } from '@/lib/lru-cache';
import { maySeePrivateType } from '@/lib/privacy';
import { createFeedEvent, feedItemUid, type FeedContext } from './events';
import { foldLines } from './fold';
import type { FeedItem } from './types';

// An event's text, but for its UID, is the same in every feed that writes it alike: the links of
// one calendar, a team's calendar and its member's, a room's 185 subscribers. ical-generator takes
// tens of µs to write one event, and a busy room's or a 200-person team's feed holds hundreds, so
// each text is kept, keyed by a digest of everything it is written from: the item's fields, the
// feed's FeedContext.textKey and, for an absence, whether this reader may see its type. The UID,
// which makes the event this feed's (CalendarInfo.uidScope), is written per feed.

/** What the kept texts may cost together: their UTF-16 size and their keys, an upper bound. */
export const MAX_EVENT_TEXT_BYTES = 48 * 1024 * 1024;
/** The map's entry and the strings' headers, besides their characters. */
const ENTRY_OVERHEAD_BYTES = 96;

const BEGIN = 'BEGIN:VEVENT\r\n';

/**
 * A row's fields as one unambiguous string (each string is prefixed with its length). Faster than
 * JSON.stringify, whose Date.toJSON is most of its cost; rows hold strings, numbers, booleans,
 * dates and nulls only.
 */
function fieldsOf(row: object): string {
  let text = '';
  for (const [name, value] of Object.entries(row)) {
    text += `${name}=`;
    if (typeof value === 'string') text += `${value.length}:${value};`;
    else if (value instanceof Date) text += `@${value.getTime()};`;
    else text += `${JSON.stringify(value)};`;
  }
  return text;
}

export function createEventTexts(maxBytes = MAX_EVENT_TEXT_BYTES) {
  const texts = createLruCache<string, string>(
    maxBytes,
    (key, text) => 2 * (key.length + text.length) + ENTRY_OVERHEAD_BYTES,
  );

  /** The digest an item's text is kept under in this feed; null for one no other feed writes. */
  function keyOf(context: FeedContext, item: FeedItem): string | null {
    if (item.kind === 'expiryNotice') return null;
    const [row, reader] =
      item.kind === 'absence'
        ? [item.absence, maySeePrivateType(context.info.viewer, item.absence.personId)]
        : item.kind === 'booking'
          ? [item.booking, '']
          : item.kind === 'publicHoliday'
            ? [item.holiday, '']
            : [item.event, ''];
    return crypto.hash(
      'sha256',
      `${context.textKey}\0${item.kind}\0${reader}\0${fieldsOf(row)}`,
      'base64url',
    );
  }

  return {
    /** The item's event as folded text: byte for byte `foldLines(createFeedEvent(…).toString())`. */
    render(context: FeedContext, item: FeedItem): string {
      // ical-generator writes the UID second, unescaped: only that line differs between feeds.
      const head = `${BEGIN}${foldLines(`UID:${feedItemUid(context.info, item)}`)}\r\n`;
      const key = keyOf(context, item);
      const rest = key === null ? undefined : texts.get(key);
      if (rest !== undefined) return head + rest;
      const text = foldLines(createFeedEvent(context, item).toString());
      if (key !== null && text.startsWith(head)) texts.set(key, text.slice(head.length));
      return text;
    },
    get entries() {
      return texts.size;
    },
    get bytes() {
      return texts.cost;
    },
  };
}

/** The texts every feed of this process shares. */
export const sharedEventTexts = createEventTexts();
