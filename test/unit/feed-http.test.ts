import { describe, expect, it } from 'vitest';
import {
  expiryWarningDate,
  feedValidators,
  isNotModified,
  type FeedVersion,
} from '@/lib/feed-http';

const version: FeedVersion = {
  tokenId: '0b0f5b0e-1c1a-4b9e-9a37-1f6f1f1f1f1f',
  calendarVersion: 7,
  calendarUpdatedAt: new Date('2026-11-20T10:15:30.456Z'),
  tokenCreatedAt: new Date('2026-10-01T08:00:00Z'),
  settings: { privacy: 'standard' },
  windowFrom: '2025-11-23',
  expiryWarning: null,
};

describe('feed caching', () => {
  it('gives a strong ETag that moves with the calendar, the settings, the window and the reminder', () => {
    const { etag } = feedValidators(version);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(feedValidators({ ...version }).etag).toBe(etag);
    for (const change of [
      { calendarVersion: 8 },
      { settings: { privacy: 'busy' } },
      { windowFrom: '2025-11-24' },
      { expiryWarning: '2026-12-01' },
      { tokenId: '1b0f5b0e-1c1a-4b9e-9a37-1f6f1f1f1f1f' },
    ])
      expect(feedValidators({ ...version, ...change }).etag).not.toBe(etag);
  });

  it('dates the feed at its latest change, in whole seconds', () => {
    expect(feedValidators(version).lastModified.toISOString()).toBe('2026-11-20T10:15:30.000Z');
  });

  it('answers 304 by ETag first, then by date', () => {
    const validators = feedValidators(version);
    const ask = (headers: Record<string, string>) =>
      isNotModified(new Headers(headers), validators);
    expect(ask({ 'if-none-match': validators.etag })).toBe(true);
    expect(ask({ 'if-none-match': `"other", W/${validators.etag}` })).toBe(true);
    expect(ask({ 'if-none-match': '"other"' })).toBe(false);
    expect(ask({ 'if-modified-since': 'Fri, 20 Nov 2026 10:15:30 GMT' })).toBe(true);
    expect(ask({ 'if-modified-since': 'Fri, 20 Nov 2026 10:15:29 GMT' })).toBe(false);
    expect(ask({ 'if-modified-since': 'yesterday' })).toBe(false);
    // A stale ETag wins over a fresh date.
    expect(
      ask({ 'if-none-match': '"old"', 'if-modified-since': 'Sat, 21 Nov 2026 00:00:00 GMT' }),
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
