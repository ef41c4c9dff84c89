import crypto from 'node:crypto';
import { isExpiringSoon } from '@/lib/ics';

// HTTP caching for feeds. Calendar clients poll every few minutes to hours; most polls must end
// in a 304 decided from one indexed query, without building the calendar.

/** Bumped when the feed's bytes change for the same data (a new property, a format fix). */
const FEED_FORMAT_VERSION = 1;

export interface FeedVersion {
  tokenId: string;
  calendarVersion: number;
  calendarUpdatedAt: Date;
  tokenCreatedAt: Date;
  /** Everything the link's settings change in the output. */
  settings: unknown;
  /** First day of the feed's window: the window moves daily, and the body with it. */
  windowFrom: string;
  /** The date shown in the expiry reminder, or null when none is due. */
  expiryWarning: string | null;
}

/** The expiry date to remind the subscriber of, if the link expires within the warning period. */
export function expiryWarningDate(expiresAt: Date | null, now = new Date()): string | null {
  return expiresAt && isExpiringSoon(expiresAt, now) ? expiresAt.toISOString() : null;
}

export function feedValidators(version: FeedVersion): { etag: string; lastModified: Date } {
  const digest = crypto
    .createHash('sha256')
    .update(
      JSON.stringify([
        FEED_FORMAT_VERSION,
        version.tokenId,
        version.calendarVersion,
        version.settings,
        version.windowFrom,
        version.expiryWarning,
      ]),
    )
    .digest('base64url')
    .slice(0, 27);
  const times = [
    version.calendarUpdatedAt.getTime(),
    version.tokenCreatedAt.getTime(),
    Date.parse(`${version.windowFrom}T00:00:00Z`),
  ];
  // HTTP dates have whole seconds.
  const lastModified = new Date(Math.floor(Math.max(...times) / 1000) * 1000);
  return { etag: `"${digest}"`, lastModified };
}

/** RFC 9110 §13.1: If-None-Match wins over If-Modified-Since; weak comparison for both forms. */
export function isNotModified(
  headers: Headers,
  validators: { etag: string; lastModified: Date },
): boolean {
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.trim() === '*') return true;
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .includes(validators.etag);
  }
  const ifModifiedSince = headers.get('if-modified-since');
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && validators.lastModified.getTime() <= since;
}
