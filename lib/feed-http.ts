import crypto from 'node:crypto';
import { EXPIRY_NOTICE_DAYS, isExpiringSoon } from '@/lib/ics';

// HTTP caching for feeds. Calendar clients poll every few minutes to hours; most polls must end
// in a 304 decided from one indexed query, without building the calendar. The contract: the
// same ETag means the same bytes, and a body that changed has a later Last-Modified.

export interface FeedVersion {
  tokenId: string;
  calendarVersion: number;
  calendarUpdatedAt: Date;
  tokenCreatedAt: Date;
  /** Everything the link's settings change in the output. */
  settings: unknown;
  /**
   * First day of the window whose rows the body holds (lib/feed-window.ts): it moves only when a
   * row leaves or enters the link's window, not every night.
   */
  windowFrom: string;
  /** When that window took effect (00:00 UTC of its step day). */
  windowMovedAt: Date;
  /** The expiry shown in the reminder (ISO), or null when none is due. */
  expiryWarning: string | null;
  /** What writes the bytes (lib/feed-build.ts), and when it first served (lib/dal/feed-builds.ts). */
  build: { identity: string; builtAt: Date };
  /** The public address that links inside the body are built from. */
  publicUrl: string;
  /**
   * When the link's owner last changed their profile (their language among it: the feed's words
   * follow it), so that a body rewritten in another language is dated after the copy a client
   * holds. Absent where the owner's language plays no part.
   */
  ownerChangedAt?: Date;
}

/** The expiry date to remind the subscriber of, if the link expires within the warning period. */
export function expiryWarningDate(expiresAt: Date | null, now = new Date()): string | null {
  return expiresAt && isExpiringSoon(expiresAt, now) ? expiresAt.toISOString() : null;
}

export interface FeedValidators {
  etag: string;
  /**
   * In whole seconds, as HTTP dates are; null while the latest change is less than a second old:
   * a copy dated in that second could not be told apart from a newer one made in the same
   * second, so until then only the ETag validates (as Apache does).
   */
  lastModified: Date | null;
}

export function feedValidators(version: FeedVersion, now = new Date()): FeedValidators {
  const digest = crypto
    .createHash('sha256')
    .update(
      JSON.stringify([
        version.build.identity,
        version.publicUrl,
        version.tokenId,
        version.calendarVersion,
        version.settings,
        version.windowFrom,
        version.expiryWarning,
      ]),
    )
    .digest('base64url')
    .slice(0, 27);
  // Each term is a moment the body may have changed at: so a body that changed is always dated
  // after the copy a client holds, and If-Modified-Since never answers 304 for new bytes.
  const times = [
    version.calendarUpdatedAt.getTime(),
    version.tokenCreatedAt.getTime(),
    version.windowMovedAt.getTime(),
    version.build.builtAt.getTime(),
    // The reminder appears EXPIRY_NOTICE_DAYS before the expiry.
    version.expiryWarning ? Date.parse(version.expiryWarning) - EXPIRY_NOTICE_DAYS * 86_400_000 : 0,
    version.ownerChangedAt?.getTime() ?? 0,
  ];
  // HTTP dates have whole seconds.
  const changedAt = Math.max(...times);
  const lastModified =
    now.getTime() - changedAt >= 1000 ? new Date(Math.floor(changedAt / 1000) * 1000) : null;
  return { etag: `"${digest}"`, lastModified };
}

/** RFC 9110 §13.1: If-None-Match wins over If-Modified-Since; weak comparison for both forms. */
export function isNotModified(headers: Headers, validators: FeedValidators): boolean {
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.trim() === '*') return true;
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .includes(validators.etag);
  }
  const ifModifiedSince = headers.get('if-modified-since');
  if (ifModifiedSince === null || validators.lastModified === null) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && validators.lastModified.getTime() <= since;
}
