import 'server-only';
import { allLinksWindow } from '@/lib/feed-window';
import { createLruCache } from '@/lib/lru-cache';
import type { CalendarSource, CalendarSubject } from './calendars';
import type { FeedSelection } from './calendars/source';
import { inWindow, MAX_PAGE_SIZE, type FeedRow } from './feed-rows';

// The links of one calendar read the same rows: a room has a hundred subscribers, a team one per
// member. Each link's window is its own (it steps on a day of its own, lib/feed-window.ts), but all
// of today's lie within one wider window, so a calendar's rows are read once for that window and
// each link takes those inside its own. They are kept under the link's row basis (the calendar's
// version, the link's settings, the build: feed-server.ts), read from the database on every poll
// like the ETag, so a kept copy is always current, on any instance. Large calendars stream as
// before: their rows are never held.

/** Rows kept for all calendars together (a few tens of MB), least recently used out first. */
const MAX_KEPT_ROWS = 50_000;
/** A calendar with more rows than this streams its rows page by page, unkept. */
const MAX_ROWS_PER_CALENDAR = 5_000;

const keptRows = createLruCache<string, readonly FeedRow[]>(
  MAX_KEPT_ROWS,
  (_key, rows) => rows.length,
);

/**
 * The rows of `selection`'s window, as `source.readRows` yields them, from the rows every link of
 * this calendar shares when kept. `basis` names everything besides the window that decides them.
 * The rows are shared: callers read them and never change them.
 */
export async function* readSharedRows(
  source: CalendarSource,
  calendar: CalendarSubject,
  selection: FeedSelection,
  { basis, now }: { basis: string; now: Date },
): AsyncGenerator<FeedRow[]> {
  const shared = allLinksWindow(now);
  if (selection.from < shared.from || selection.to > shared.to) {
    yield* source.readRows(calendar, selection);
    return;
  }
  const inside = inWindow(selection);
  const key = `${basis} ${shared.from} ${shared.to}`;
  const kept = keptRows.get(key);
  if (kept) {
    for (let start = 0; start < kept.length; start += MAX_PAGE_SIZE) {
      const page = kept.slice(start, start + MAX_PAGE_SIZE).filter(inside);
      if (page.length > 0) yield page;
    }
    return;
  }
  let all: FeedRow[] | null = [];
  for await (const page of source.readRows(calendar, { ...selection, ...shared })) {
    if (all && all.length + page.length <= MAX_ROWS_PER_CALENDAR) all.push(...page);
    else all = null;
    const rows = page.filter(inside);
    if (rows.length > 0) yield rows;
  }
  if (all) keptRows.set(key, all);
}
