import crypto from 'node:crypto';
import { feedWindow, type FeedWindow } from '@/lib/feed-calendar';

// How a link's window moves, so that its body — and its ETag — change only when its rows do.
//
// A window moving every night at 00:00 UTC with its bounds in the ETag made every one of 100,000
// links download a full body after midnight. Two rules instead:
//
// 1. Coarse, staggered steps. A link's edges move once every FEED_WINDOW_STEP_DAYS days, on a day
//    of the cycle drawn from its id: the past edge lags (one year back and up to four weeks
//    more), the future edge leads (two years ahead and up to four weeks more), so it always covers
//    one year back to two years ahead. On any night at most 1/28 of the links step: even a
//    client polling once a day gets at least 27 of 28 polls answered 304 when nothing changed,
//    and the hour after midnight adds at most 1/28 of the links' full bodies to an ordinary hour.
//
// 2. A step only counts when a row crosses an edge. Each time a body is built the link keeps
//    (feed_tokens.window_*) the step its rows are those of, and the two dates that end it: the
//    earliest end among the rows inside (the next row to leave at the past edge) and the
//    earliest start beyond the future edge (the next row to enter). Later steps keep that step —
//    and the ETag and Last-Modified made from it — as long as the window's past edge has not
//    passed that end and its future edge has not reached that start. The 304 path reads these
//    columns with the link (one query, as before). Everything else that decides the rows
//    (the calendar's version, the link's settings, the build) is folded into a basis: a stored
//    step made from other data never applies.
//
// Why a body under a kept step is right: its rows R were those of the kept window [f0, t0]; the
// current window [f, t] has f0 ≤ f ≤ every end in R and t ≥ t0, so R is still inside; any other
// row inside now would end on or after f ≥ f0 and so start after t0 (else it was in R), hence on
// or after the stored earliest start, which is beyond t. Same rows, same bytes, same ETag.

export const FEED_WINDOW_STEP_DAYS = 28;
const DAY_MS = 86_400_000;

/** A link's window now: the bounds its rows are read with, and the step day that set them. */
export interface LinkWindow extends FeedWindow {
  /** The day ('YYYY-MM-DD', UTC) the window last stepped. */
  step: string;
}

/** What a link keeps of the window its last body was built for (feed_tokens.window_*). */
export interface KeptWindow {
  basis: string;
  step: string;
  /** Earliest end date among the rows inside; null when there were none. */
  lastEnd: string | null;
  /** Earliest start date beyond the future edge; null when there was none. */
  nextStart: string | null;
}

/** The two dates that end a kept window, from a body's rows (see {@link KeptWindow}). */
export type WindowEdges = Pick<KeptWindow, 'lastEnd' | 'nextStart'>;

const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The day of the cycle a link steps on: from its id, so that links spread evenly. */
function stepPhase(tokenId: string): number {
  const digest = crypto.createHash('sha256').update(tokenId).digest();
  return digest.readUInt32BE(0) % FEED_WINDOW_STEP_DAYS;
}

/** The window of a link whose last step was on `step`. */
function windowOfStep(step: string): LinkWindow {
  const lastDay = new Date((dayNumber(step) + FEED_WINDOW_STEP_DAYS - 1) * DAY_MS);
  return { from: feedWindow(new Date(`${step}T00:00:00Z`)).from, to: feedWindow(lastDay).to, step };
}

/** The window of link `tokenId` at `now`: it covers one year back to two years ahead of now. */
export function linkWindow(tokenId: string, now: Date): LinkWindow {
  const today = dayNumber(now.toISOString().slice(0, 10));
  const sinceStep =
    (((today - stepPhase(tokenId)) % FEED_WINDOW_STEP_DAYS) + FEED_WINDOW_STEP_DAYS) %
    FEED_WINDOW_STEP_DAYS;
  return windowOfStep(dateOf(today - sinceStep));
}

/** The earlier of two optional dates (null: none). */
export function earlierDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** The day after a 'YYYY-MM-DD' date. */
export const dayAfter = (date: string) => dateOf(dayNumber(date) + 1);

/** Whether a kept window still has the rows of the current one (see the proof above). */
function stillHolds(kept: KeptWindow, current: LinkWindow): boolean {
  const old = windowOfStep(kept.step);
  return (
    old.from <= current.from &&
    old.to <= current.to &&
    (kept.lastEnd === null || current.from <= kept.lastEnd) &&
    (kept.nextStart === null || current.to < kept.nextStart)
  );
}

export interface VersionWindow {
  /** The window whose step dates the body: the kept one while it holds, else the current one. */
  version: LinkWindow;
  /** The window to read rows with (the same rows as `version`'s). */
  current: LinkWindow;
  /** True when the link must keep the current window's edges once a body is built. */
  keepCurrent: boolean;
}

/**
 * The window that versions a link's body now: the one it kept, as long as the same data (`basis`)
 * gives the same rows inside it, else the current one.
 */
export function versionWindow(
  tokenId: string,
  now: Date,
  kept: KeptWindow | null,
  basis: string,
): VersionWindow {
  const current = linkWindow(tokenId, now);
  if (kept && kept.basis === basis && stillHolds(kept, current))
    return { version: windowOfStep(kept.step), current, keepCurrent: false };
  return { version: current, current, keepCurrent: true };
}
