import { calendarFrame, createFeedContext } from './calendar';
import { createFeedEvent, type FeedContext } from './events';
import { foldLines } from './fold';
import type { CalendarInfo, FeedItem } from './types';

// Writing a whole feed. ical-generator's `calendar.toString()` costs ~150 µs per event (and holds
// every event and the whole text in memory), so each event is built with ical-generator but the
// text is produced as header, folded batches of events, footer: the same bytes, a few µs an event.

const encoder = new TextEncoder();

/** The folded text of some events, to go between the frame's header and footer. */
export function renderFeedItems(context: FeedContext, items: Iterable<FeedItem>): string {
  let text = '';
  // Folding event by event measured faster than folding the batch's text at once.
  for (const item of items) text += foldLines(createFeedEvent(context, item).toString());
  return text;
}

/** A whole calendar as one string: for small calendars and tests. */
export function renderCalendar(info: CalendarInfo, items: Iterable<FeedItem>): string {
  const { header, footer } = calendarFrame(info);
  return header + renderFeedItems(createFeedContext(info), items) + footer;
}

export type FeedSource = AsyncIterable<readonly FeedItem[]> | Iterable<readonly FeedItem[]>;

/**
 * The calendar as a byte stream, for a Response body. `source` yields batches of items (e.g. pages
 * of a keyset query); one batch is read only when the consumer asks for more bytes, so a slow
 * client holds back the database rather than filling memory. Cancelling the stream (client gone)
 * calls the source's `return()`, which closes a generator's cursor in its `finally`.
 *
 * Throws at once, before any byte, for a calendar it cannot describe (unknown team time zone).
 */
export function streamCalendar(info: CalendarInfo, source: FeedSource): ReadableStream<Uint8Array> {
  const context = createFeedContext(info);
  const { header, footer } = calendarFrame(info);
  const batches: AsyncIterator<readonly FeedItem[]> | Iterator<readonly FeedItem[]> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  let headerSent = false;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(header));
          return;
        }
        try {
          // Empty batches yield no bytes; keep reading until there is a chunk to hand over, since
          // a pull that enqueues nothing is not called again.
          for (;;) {
            const next = await batches.next();
            if (next.done) {
              controller.enqueue(encoder.encode(footer));
              controller.close();
              return;
            }
            const text = renderFeedItems(context, next.value);
            if (text) {
              controller.enqueue(encoder.encode(text));
              return;
            }
          }
        } catch (error) {
          await batches.return?.();
          throw error;
        }
      },
      async cancel(reason) {
        await batches.return?.(reason);
      },
    },
    // Nothing is prepared ahead of a read: memory holds at most one batch.
    { highWaterMark: 0 },
  );
}
