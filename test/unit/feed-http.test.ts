import { describe, expect, it } from 'vitest';
import {
  expiryWarningDate,
  feedValidators,
  isNotModified,
  type FeedVersion,
} from '@/lib/feed-http';

/** When the tests ask: a week after the latest change below. */
const NOW = new Date('2026-11-30T12:00:00Z');

const version: FeedVersion = {
  tokenId: '0b0f5b0e-1c1a-4b9e-9a37-1f6f1f1f1f1f',
  calendarVersion: 7,
  calendarUpdatedAt: new Date('2026-11-20T10:15:30.456Z'),
  tokenCreatedAt: new Date('2026-10-01T08:00:00Z'),
  settings: { privacy: 'standard' },
  windowFrom: '2025-11-23',
  windowMovedAt: new Date('2026-11-23T00:00:00Z'),
  expiryWarning: null,
  build: { identity: 'build-1', builtAt: new Date('2026-11-01T00:00:00Z') },
  publicUrl: 'https://teamcal.example.com',
};

describe('feed caching', () => {
  it('gives a strong ETag that moves with the calendar, the settings, the window and the reminder', () => {
    const { etag } = feedValidators(version, NOW);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(feedValidators({ ...version }, NOW).etag).toBe(etag);
    for (const change of [
      { calendarVersion: 8 },
      { settings: { privacy: 'busy' } },
      { windowFrom: '2025-11-24' },
      { expiryWarning: '2026-12-01' },
      { tokenId: '1b0f5b0e-1c1a-4b9e-9a37-1f6f1f1f1f1f' },
      { build: { identity: 'build-2', builtAt: version.build.builtAt } },
      { publicUrl: 'https://calendar.example.org' },
    ])
      expect(feedValidators({ ...version, ...change }, NOW).etag).not.toBe(etag);
  });

  it('dates the feed at its latest change, in whole seconds', () => {
    // The window moved at 00:00 UTC, after the calendar's last change.
    expect(feedValidators(version, NOW).lastModified!.toISOString()).toBe(
      '2026-11-23T00:00:00.000Z',
    );
    const later = { ...version, calendarUpdatedAt: new Date('2026-11-23T10:15:30.456Z') };
    expect(feedValidators(later, NOW).lastModified!.toISOString()).toBe('2026-11-23T10:15:30.000Z');
  });

  it('moves Last-Modified whenever the body changes: reminder, window, build', () => {
    const before = feedValidators(version, NOW);
    const changes: Partial<FeedVersion>[] = [
      // The reminder of a link expiring on 2 Dec appears 14 days earlier, on 18 Nov 12:00.
      { expiryWarning: '2026-12-08T12:00:00.000Z' },
      { windowFrom: '2025-11-24', windowMovedAt: new Date('2026-11-24T00:00:00Z') },
      { build: { identity: 'build-2', builtAt: new Date('2026-11-25T08:00:00Z') } },
    ];
    for (const change of changes) {
      const after = feedValidators({ ...version, ...change }, NOW);
      expect(after.etag).not.toBe(before.etag);
      expect(after.lastModified!.getTime()).toBeGreaterThan(before.lastModified!.getTime());
      // A client holding the old copy asks with its date: it must get the new body.
      expect(
        isNotModified(
          new Headers({ 'if-modified-since': before.lastModified!.toUTCString() }),
          after,
        ),
      ).toBe(false);
    }
  });

  it('gives no Last-Modified for a change less than a second old, so that only the ETag validates', () => {
    const changed = new Date('2026-11-30T11:59:59.600Z');
    const fresh = feedValidators({ ...version, calendarUpdatedAt: changed }, NOW);
    expect(fresh.lastModified).toBeNull();
    // A copy dated in that second must never be taken for the newer one.
    const ask = { 'if-modified-since': 'Mon, 30 Nov 2026 11:59:59 GMT' };
    expect(isNotModified(new Headers(ask), fresh)).toBe(false);
    const settled = feedValidators(
      { ...version, calendarUpdatedAt: changed },
      new Date('2026-11-30T12:00:00.600Z'),
    );
    expect(settled.lastModified!.toISOString()).toBe('2026-11-30T11:59:59.000Z');
  });

  it('answers 304 by ETag first, then by date', () => {
    const validators = feedValidators(version, NOW);
    const ask = (headers: Record<string, string>) =>
      isNotModified(new Headers(headers), validators);
    expect(ask({ 'if-none-match': validators.etag })).toBe(true);
    expect(ask({ 'if-none-match': `"other", W/${validators.etag}` })).toBe(true);
    expect(ask({ 'if-none-match': '"other"' })).toBe(false);
    expect(ask({ 'if-modified-since': 'Mon, 23 Nov 2026 00:00:00 GMT' })).toBe(true);
    expect(ask({ 'if-modified-since': 'Sun, 22 Nov 2026 23:59:59 GMT' })).toBe(false);
    expect(ask({ 'if-modified-since': 'yesterday' })).toBe(false);
    // A stale ETag wins over a fresh date.
    expect(
      ask({ 'if-none-match': '"old"', 'if-modified-since': 'Tue, 24 Nov 2026 00:00:00 GMT' }),
    ).toBe(false);
    expect(ask({})).toBe(false);
  });

  it('reminds of the expiry only in the last 14 days', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(expiryWarningDate(new Date('2026-12-08T12:00:00Z'), now)).toBeNull();
    expect(expiryWarningDate(new Date('2026-12-07T11:00:00Z'), now)).toBe(
      '2026-12-07T11:00:00.000Z',
    );
    expect(expiryWarningDate(null, now)).toBeNull();
  });
});
