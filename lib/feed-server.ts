import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import { isDatabaseUnavailable } from '@/db';
import { openFeed, type FeedAccess } from '@/lib/dal/feed-access';
import { currentFeedBuild } from '@/lib/dal/feed-builds';
import { recordFeedUse } from '@/lib/dal/feed-usage';
import { keepFeedWindow } from '@/lib/dal/feed-window';
import { AppError, errorResponse, isAppError } from '@/lib/errors';
import { cachedFeedBody, cachingFeedBody } from '@/lib/feed-body-cache';
import { feedCalendarStream } from '@/lib/feed-calendar';
import {
  expiryWarningDate,
  feedValidators,
  isNotModified,
  type FeedVersion,
} from '@/lib/feed-http';
import { versionWindow, type VersionWindow } from '@/lib/feed-window';
import type { ExpiryNotice } from '@/lib/ics';
import { configuredPublicUrl } from '@/lib/public-url';
import { languageOf, resolveLocale, storedLocale, type Language } from '@/lib/i18n/locales';
import { requestInfo } from '@/lib/request-info';
import { logRequestFailure } from '@/lib/server/request-log.mjs';

// The feed endpoint's work, outcome by outcome: token → access check → 304 or a streamed body.
// Every response, errors included, carries the same privacy headers.

export const FEED_HEADERS = {
  'Cache-Control': 'private, no-cache',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex',
  'X-Content-Type-Options': 'nosniff',
} as const;

/** Seconds a client should wait before trying again while the database is down. */
const RETRY_AFTER_UNAVAILABLE = 30;

// The token, with an optional `.ics` that some clients need to recognise a calendar.
const tokenParamSchema = z
  .string()
  .max(200)
  .transform((value) => value.replace(/\.ics$/i, ''));

/** A short answer for a refused or failed feed request: never a stack trace, never the token. */
export function feedErrorResponse(error: unknown, request: Request): Response {
  if (isAppError(error)) return errorResponse(error, FEED_HEADERS);
  const unavailable = isDatabaseUnavailable(error);
  logRequestFailure({
    requestId: request.headers.get('x-request-id'),
    method: request.method,
    route: new URL(request.url).pathname,
    status: unavailable ? 503 : 500,
    error,
  });
  if (unavailable)
    return errorResponse(
      new AppError('unavailable', undefined, { retryAfterSeconds: RETRY_AFTER_UNAVAILABLE }),
      FEED_HEADERS,
    );
  return Response.json(
    { error: 'internal', message: 'The calendar could not be built. Please try again later.' },
    { status: 500, headers: FEED_HEADERS },
  );
}

/**
 * What decides which rows a link's window holds, besides the window itself: a window the link
 * kept (lib/feed-window.ts) applies only while this is the same. Every write that changes a
 * feed's rows moves the calendar's version; holidays come from the build's date-holidays.
 */
function feedRowsBasis(access: FeedAccess, build: FeedVersion['build']): string {
  const { calendar } = access;
  return crypto
    .createHash('sha256')
    .update(
      JSON.stringify([
        build.identity,
        calendar.id,
        calendar.version,
        calendar.includesOwnAbsences,
        calendar.holidayPlace,
        access.options,
      ]),
    )
    .digest('base64url');
}

/** The window that versions a link's body now, and the one its rows are read with. */
export function feedVersionWindow(
  access: FeedAccess,
  now: Date,
  build: FeedVersion['build'],
): VersionWindow & { basis: string } {
  const basis = feedRowsBasis(access, build);
  return { basis, ...versionWindow(access.tokenId, now, access.keptWindow, basis) };
}

/** Everything a feed's bytes depend on besides its rows: what its validators are made from. */
export function feedVersionOf(
  access: FeedAccess,
  now: Date,
  build: FeedVersion['build'],
  language: Language,
  windows: VersionWindow = feedVersionWindow(access, now, build),
): FeedVersion {
  // Holidays count only for a link that shows them: every other link keeps the validators it
  // had before links could (an upgrade must not make every client download its feed again).
  const { includeHolidays, ...options } = access.options;
  // The feed's words are in its language (lib/ics/texts.ts). Folded in here rather than moving
  // versions when someone changes their language: their profile then changes the ETag of every
  // link they own, on every calendar, and of no one else's link — a team calendar's version would
  // change all its subscribers'. English, the language feeds had before, adds nothing, so those
  // links keep their ETags.
  return {
    tokenId: access.tokenId,
    calendarVersion: access.calendar.version,
    calendarUpdatedAt: access.calendar.updatedAt,
    tokenCreatedAt: access.createdAt,
    // A change of the calendar's own settings moves its version instead. The owner is named in
    // a shared link's reminder.
    settings: [
      options,
      access.privateTypes,
      access.calendar.name,
      access.calendar.timeZone,
      access.kind === 'personal' ? null : [access.ownerName, access.ownerEmail],
      ...(includeHolidays ? [access.calendar.holidayPlace] : []),
      ...(language === 'en' ? [] : [{ language }]),
    ],
    // Not today's window: the step whose rows the body holds, which stays while no row crosses
    // an edge (lib/feed-window.ts), so that midnight changes no ETag by itself.
    windowFrom: windows.version.from,
    windowMovedAt: new Date(`${windows.version.step}T00:00:00Z`),
    expiryWarning: expiryWarningDate(access.expiresAt, now),
    build,
    publicUrl: configuredPublicUrl(),
    // A change of language changes the ETag (above); for clients that validate by date alone,
    // the profile's last change dates the body of an owner who chose a language. (Not of one who
    // follows their browser: links of owners who never chose keep the Last-Modified they had. An
    // owner going from French back to that choice gets the English ETag back, whose bytes are
    // the English ones; only a client holding the French copy and sending If-Modified-Since
    // alone may keep it until the calendar next changes.)
    ...(access.ownerLocale === null ? {} : { ownerChangedAt: access.ownerUpdatedAt }),
  };
}

/**
 * The language of a feed's words: its owner's choice, else the one the calendar client asks for
 * (Apple Calendar on a French Mac sends `Accept-Language: fr-FR`), else English.
 */
export function feedLanguage(access: FeedAccess, acceptLanguage: string | null): Language {
  return languageOf(resolveLocale(access.ownerLocale, acceptLanguage));
}

/** The headers that say which version of a feed this is. */
function versionHeaders(
  access: FeedAccess,
  now: Date,
  build: FeedVersion['build'],
  language: Language,
) {
  const windows = feedVersionWindow(access, now, build);
  const version = feedVersionOf(access, now, build, language, windows);
  return {
    windows,
    expiryWarning: version.expiryWarning,
    validators: feedValidators(version, now),
  };
}

/**
 * The reminder of a link about to expire: its subscriber renews it on the calendar's page; an
 * outsider (public link, guest) cannot sign in, so is told whom to ask.
 */
function expiryNotice(access: FeedAccess): ExpiryNotice | null {
  if (!access.expiresAt) return null;
  return {
    tokenId: access.tokenId,
    tokenCreatedAt: access.createdAt,
    expiresAt: access.expiresAt,
    renewal:
      access.kind === 'personal'
        ? { renewUrl: `${configuredPublicUrl()}${access.source.pagePath(access.calendar)}` }
        : { askWhom: `${access.ownerName} (${access.ownerEmail})` },
  };
}

export async function respondWithFeed(
  request: Request,
  tokenParam: string,
  method: 'GET' | 'HEAD',
): Promise<Response> {
  try {
    const token = tokenParamSchema.safeParse(tokenParam);
    if (!token.success) throw new AppError('not_found', 'Unknown calendar link.');
    const info = requestInfo(request.headers);
    const access = await openFeed(token.data, info, request.headers.get('authorization'));
    recordFeedUse(access.tokenId, access.lastUsedAt === null, info);

    const { now } = access;
    const build = await currentFeedBuild();
    const language = feedLanguage(access, request.headers.get('accept-language'));
    const { windows, expiryWarning, validators } = versionHeaders(access, now, build, language);
    const headers = new Headers({
      ...FEED_HEADERS,
      ETag: validators.etag,
    });
    // Without an owner's choice, the words follow the client's language (a shared cache must
    // keep one copy per language).
    if (access.ownerLocale === null) headers.set('Vary', 'Accept-Language');
    if (validators.lastModified)
      headers.set('Last-Modified', validators.lastModified.toUTCString());
    if (isNotModified(request.headers, validators))
      return new Response(null, { status: 304, headers });

    const window = { from: windows.current.from, to: windows.current.to };
    // A body is about to be handed out under the current window: the link keeps its edges, so
    // that later polls keep this ETag until a row crosses one (only the 200 path reads them).
    if (windows.keepCurrent)
      await keepFeedWindow(access.tokenId, {
        basis: windows.basis,
        step: windows.current.step,
        ...(await access.source.windowEdges(access.calendar, {
          options: access.options,
          ...window,
        })),
      });
    headers.set('Content-Type', 'text/calendar; charset=utf-8');
    headers.set(
      'Content-Disposition',
      `inline; filename="${access.source.fileName(access.calendar)}.ics"`,
    );
    if (method === 'HEAD') return new Response(null, { status: 200, headers });
    const cached = cachedFeedBody(validators.etag);
    if (cached) return new Response(cached, { status: 200, headers });

    const body = feedCalendarStream({
      calendar: access.calendar,
      uidScope: access.tokenId,
      ownerId: access.ownerId,
      options: access.options,
      privateTypes: access.privateTypes,
      expiryNotice: expiryWarning ? expiryNotice(access) : null,
      locale: storedLocale(language),
      rows: access.source.readRows(access.calendar, { options: access.options, ...window }),
    });
    return new Response(cachingFeedBody(validators.etag, body), { status: 200, headers });
  } catch (error) {
    const response = feedErrorResponse(error, request);
    // A guest feed: calendar clients such as Thunderbird then ask for the email and password.
    if (response.status === 401)
      response.headers.set('WWW-Authenticate', 'Basic realm="TeamCal", charset="UTF-8"');
    return response;
  }
}
