import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { feedWindow } from '@/lib/feed-calendar';
import {
  FEED_WINDOW_STEP_DAYS,
  dayAfter,
  linkWindow,
  versionWindow,
  type KeptWindow,
} from '@/lib/feed-window';

// A link's window: it always covers one year back to two years ahead, steps once every four
// weeks on a day of its own, and keeps the step its body was built for until a row crosses an edge.

const DAY_MS = 86_400_000;
const day = (start: string, plus: number) => new Date(Date.parse(start) + plus * DAY_MS);
const links = Array.from({ length: 2_800 }, () => crypto.randomUUID());

describe('a link’s window', () => {
  it('always covers one year back to two years ahead, and at most four weeks more', () => {
    // Across two leap days and a year's end.
    for (let i = 0; i < 3 * 365; i += 3) {
      const now = day('2027-06-01T12:00:00Z', i);
      const today = feedWindow(now);
      for (const id of links.slice(0, 40)) {
        const window = linkWindow(id, now);
        expect(window.from <= today.from && window.to >= today.to).toBe(true);
        // 27 days of this year, 28 of last year's when last February had 29.
        expect(Date.parse(today.from) - Date.parse(window.from)).toBeLessThanOrEqual(
          FEED_WINDOW_STEP_DAYS * DAY_MS,
        );
        expect(Date.parse(window.to) - Date.parse(today.to)).toBeLessThanOrEqual(
          FEED_WINDOW_STEP_DAYS * DAY_MS,
        );
      }
    }
  });

  it('moves once every four weeks, at 00:00 UTC, on a night of its own', () => {
    // 84 nights in a row: exactly three of them are a link's, whichever night it drew.
    for (const id of links.slice(0, 100)) {
      const moves: string[] = [];
      for (let i = 1; i <= 3 * FEED_WINDOW_STEP_DAYS; i++) {
        const before = linkWindow(id, day('2026-12-01T23:59:59Z', i - 1));
        const after = linkWindow(id, day('2026-12-01T00:00:00Z', i));
        if (before.from !== after.from || before.to !== after.to) moves.push(after.step);
      }
      expect(moves).toHaveLength(3);
      expect(Date.parse(moves[1]!) - Date.parse(moves[0]!)).toBe(FEED_WINDOW_STEP_DAYS * DAY_MS);
    }
  });

  it('moves for at most one link in 28 on any night, give or take chance', () => {
    for (let i = 0; i < FEED_WINDOW_STEP_DAYS; i++) {
      const night = day('2026-12-01T00:00:00Z', i);
      const moved = links.filter(
        (id) => linkWindow(id, night).from !== linkWindow(id, day(night.toISOString(), -1)).from,
      ).length;
      // 100 expected of 2,800; the bound is what the README promises for the hour after midnight.
      expect(moved).toBeLessThan(links.length * 0.055);
    }
  });
});

describe('the window that versions a link’s body', () => {
  const id = links[1]!;
  const start = new Date('2026-12-03T10:00:00Z');
  const first = linkWindow(id, start);
  // The link's next step, and the one after.
  const nextStep = (after: Date) => {
    for (let i = 1; ; i++) {
      const now = day(after.toISOString(), i);
      if (linkWindow(id, now).step !== linkWindow(id, after).step) return now;
    }
  };
  const second = nextStep(start);
  const third = nextStep(second);
  const kept = (edges: Partial<KeptWindow> = {}): KeptWindow => ({
    basis: 'v1',
    step: first.step,
    lastEnd: dayAfter(linkWindow(id, third).from),
    nextStart: dayAfter(linkWindow(id, third).to),
    ...edges,
  });

  it('is the kept step while no row crosses an edge, across steps', () => {
    for (const now of [start, second, third])
      expect(versionWindow(id, now, kept(), 'v1')).toMatchObject({
        version: first,
        current: linkWindow(id, now),
        keepCurrent: false,
      });
  });

  it('moves to the current step once a row leaves at the past edge', () => {
    // A row ending the day before the third step's past edge: inside until that step.
    const lastEnd = day(`${linkWindow(id, third).from}T00:00:00Z`, -1)
      .toISOString()
      .slice(0, 10);
    const leaving = kept({ lastEnd });
    expect(versionWindow(id, second, leaving, 'v1').version).toEqual(first);
    expect(versionWindow(id, third, leaving, 'v1')).toMatchObject({
      version: linkWindow(id, third),
      keepCurrent: true,
    });
  });

  it('moves to the current step once a row enters at the future edge', () => {
    const entering = kept({ nextStart: linkWindow(id, third).to });
    expect(versionWindow(id, second, entering, 'v1').version).toEqual(first);
    expect(versionWindow(id, third, entering, 'v1').version).toEqual(linkWindow(id, third));
  });

  it('is the current step when nothing was kept or the data changed', () => {
    expect(versionWindow(id, second, null, 'v1')).toMatchObject({
      version: linkWindow(id, second),
      keepCurrent: true,
    });
    expect(versionWindow(id, second, kept(), 'v2').version).toEqual(linkWindow(id, second));
  });

  it('never holds a step kept later than today (a clock set back)', () => {
    const later = kept({ step: linkWindow(id, third).step });
    expect(versionWindow(id, second, later, 'v1').version).toEqual(linkWindow(id, second));
  });
});
