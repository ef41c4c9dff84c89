// @ts-check
import crypto from 'node:crypto';
import { parseAndValidateFlightRouterState } from 'next/dist/server/app-render/parse-and-validate-flight-router-state.js';
import { isDatabaseDown, takeRequestFailedOnDatabase } from './database-health.mjs';
import { CLIENT_ADDRESS_HEADER, REQUEST_ID_HEADER } from './headers.mjs';
import { logRequestFailure } from './request-log.mjs';

// What every request goes through before Next.js sees it, and what every response carries:
// - the client's address, from the socket unless the operator says how many proxies stand in
//   front (TRUST_PROXY_HOPS): forwarded headers a client wrote itself are thrown away, so rate
//   limits and the audit log count what a client cannot forge;
// - a request id (X-Request-Id) that log lines and error pages name;
// - security headers, with a fresh CSP nonce that Next.js reads from the request to mark its
//   own scripts;
// - answers Next.js would turn into a 500: a path that cannot be decoded (400), a server action
//   from another origin (403) or with a body over its limit (413);
// - while PostgreSQL is unreachable, a 5xx becomes a 503 with Retry-After that says so.

/** Server action bodies above this are refused before Next.js reads them. */
const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
const RETRY_AFTER_SECONDS = 5;

/** Headers a client must never set: only the front door (or a trusted proxy) writes them. */
const FORWARDING_HEADERS = [
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'forwarded',
];

// Paths whose URL carries a secret: never sent on in a Referer.
const SECRET_PATHS = /^\/(api\/ics|guest|setup-password|reset-password)\//;

/**
 * The client's address: the socket's, or — behind `hops` proxies that each append the address
 * they saw to X-Forwarded-For — the entry that many places from the end.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} hops
 */
export function clientAddressOf(req, hops) {
  const socketAddress = req.socket.remoteAddress ?? null;
  let address = socketAddress;
  if (hops > 0) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    address = forwarded[forwarded.length - hops] ?? forwarded[0] ?? socketAddress;
  }
  return address ? address.replace(/^::ffff:/, '').slice(0, 64) : null;
}

/**
 * `formTargets`: other origins a form may end up at — the OpenID provider, which the sign-in
 * button's form is redirected to when it is posted before the page's scripts have loaded.
 * @param {{ nonce: string, dev: boolean, https: boolean, formTargets?: string[] }} options
 */
export function contentSecurityPolicy({ nonce, dev, https, formTargets = [] }) {
  return [
    "default-src 'self'",
    // Next.js marks its scripts with the nonce; 'strict-dynamic' lets them load their chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Colours of absence types are style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    ["form-action 'self'", ...formTargets].join(' '),
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
  'browsing-topics=()',
  'clipboard-write=(self)',
].join(', ');

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {{ trustProxyHops: number, publicUrl: URL | null }} config
 */
function isHttps(req, config) {
  if (config.publicUrl?.protocol === 'https:') return true;
  if ('encrypted' in req.socket && req.socket.encrypted) return true;
  if (config.trustProxyHops > 0)
    return (
      String(req.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        ?.trim() === 'https'
    );
  return false;
}

/** Whether a request path can be decoded as Next.js will: a malformed escape is a 400. */
export function isDecodablePath(/** @type {string} */ url) {
  if (!url.startsWith('/')) return false;
  const pathname = url.split('?')[0] ?? '';
  try {
    const decoded = decodeURIComponent(pathname);
    return !decoded.includes('\0');
  } catch {
    return false;
  }
}

/** Next.js answers a router state it cannot parse with a 500: it is checked by Next's own parser. */
function isParsableRouterState(/** @type {string | string[] | undefined} */ header) {
  try {
    parseAndValidateFlightRouterState(header);
    return true;
  } catch {
    return false;
  }
}

const hasBody = (/** @type {import('node:http').IncomingMessage} */ req) =>
  req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';

/**
 * Reads a form's body (at most the 1 MB already checked) and puts it back for Next.js, then tells
 * whether it parses as multipart: Next.js would answer a broken one with a 500. The put-back
 * happens in the same tick as the last read, before the stream can announce its end.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} length
 * @param {string} contentType
 */
async function isParsableForm(req, length, contentType) {
  /** @type {Buffer | null} */
  const body = await new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let received = 0;
    const finish = (/** @type {boolean} */ complete) => {
      req.off('readable', read);
      req.off('end', ended);
      req.off('error', reject);
      if (!complete) return resolve(null);
      const whole = Buffer.concat(chunks);
      req.unshift(whole);
      resolve(whole);
    };
    const read = () => {
      for (let chunk; received < length && (chunk = req.read()) !== null;) {
        chunks.push(chunk);
        received += chunk.length;
      }
      if (received >= length) finish(true);
    };
    const ended = () => finish(false);
    req.on('readable', read);
    req.once('end', ended);
    req.once('error', reject);
  });
  if (!body || body.length !== length) return false;
  try {
    await new Response(new Uint8Array(body), {
      headers: { 'content-type': contentType },
    }).formData();
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a server action comes from another site: its Origin must be this host (or the public
 * address). Browsers always send Origin on a POST.
 * @param {import('node:http').IncomingMessage} req
 * @param {{ trustProxyHops: number, publicUrl: URL | null }} config
 */
function isForeignOrigin(req, config) {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  let host;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  const allowed = new Set([req.headers.host, config.publicUrl?.host]);
  if (config.trustProxyHops > 0) allowed.add(String(req.headers['x-forwarded-host'] ?? ''));
  return !allowed.has(host);
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 * @param {{ html: boolean, requestId: string, retryAfter?: number }} options
 */
function sendShortAnswer(res, status, message, { html, requestId, retryAfter }) {
  const body = html ? errorPage(message, requestId) : JSON.stringify({ error: status, message });
  res.statusCode = status;
  res.setHeader('Content-Type', html ? 'text/html; charset=utf-8' : 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.setHeader('Cache-Control', 'no-store');
  if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
  res.end(body);
}

const escapeHtml = (/** @type {string} */ text) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page that needs nothing from the app (no database, no scripts). */
function errorPage(/** @type {string} */ message, /** @type {string} */ requestId) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>TeamCal</title><style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:flex;min-height:100vh;align-items:center;justify-content:center;margin:0;text-align:center;padding:1rem}p{color:#475569}small{color:#64748b}</style></head><body><main><h1>${escapeHtml(message)}</h1><p>Nothing you entered was lost.</p><p><a href="">Try again</a></p><small>Reference: ${escapeHtml(requestId)}</small></main></body></html>`;
}

const UNAVAILABLE_MESSAGE = 'TeamCal can’t reach its database. Please try again in a moment.';

/**
 * While the database is down, turns Next's 5xx answer into a 503 that says so, whatever the page
 * had started to write: the first write or header flush decides.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} requestId
 */
function answerUnavailableInsteadOf5xx(req, res, requestId) {
  const writeHead = res.writeHead.bind(res);
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const html = !req.url?.startsWith('/api/') && !req.headers['next-action'];
  // Built only for a request that gets it: the front door's cost on every other one stays small.
  let body = '';
  /** @type {'undecided' | 'replaced' | 'passed'} */
  let decision = 'undecided';
  const decide = (/** @type {number} */ status) => {
    if (decision !== 'undecided') return;
    // A 503 is already the app's own answer (a feed's, the health check's): keep it.
    const failedOnDatabase = takeRequestFailedOnDatabase(requestId) || isDatabaseDown();
    decision = status >= 500 && status !== 503 && failedOnDatabase ? 'replaced' : 'passed';
    if (decision === 'passed') return;
    body = html
      ? errorPage(UNAVAILABLE_MESSAGE, requestId)
      : JSON.stringify({ error: 'unavailable', message: UNAVAILABLE_MESSAGE });
    for (const name of res.getHeaderNames())
      if (/^(content-|etag|vary|link|x-nextjs|cache-control)/.test(name)) res.removeHeader(name);
    writeHead(503, {
      'Content-Type': html ? 'text/html; charset=utf-8' : 'application/json',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'Retry-After': String(RETRY_AFTER_SECONDS),
    });
    logRequestFailure({
      requestId,
      method: req.method,
      route: req.url ?? '/',
      status: 503,
      error: 'database unavailable',
    });
  };
  /** @type {any} */ (res).writeHead = (
    /** @type {number} */ status,
    /** @type {any[]} */ ...rest
  ) => {
    decide(status);
    return decision === 'replaced' ? res : writeHead(status, ...rest);
  };
  /** @type {any} */ (res).write = (/** @type {any[]} */ ...args) => {
    if (!res.headersSent) decide(res.statusCode);
    return decision === 'replaced' ? true : write(.../** @type {[any]} */ (args));
  };
  /** @type {any} */ (res).end = (/** @type {any[]} */ ...args) => {
    if (!res.headersSent) decide(res.statusCode);
    if (decision !== 'replaced') return end(.../** @type {[any]} */ (args));
    const callback = args.find((arg) => typeof arg === 'function');
    return end(body, callback);
  };
}

/**
 * @param {{
 *   handle: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>,
 *   dev?: boolean,
 *   trustProxyHops?: number,
 *   publicUrl?: string | null,
 *   formTargets?: string[],
 * }} options
 */
export function createFrontDoor({
  handle,
  dev = false,
  trustProxyHops = 0,
  publicUrl = null,
  formTargets = [],
}) {
  const config = { trustProxyHops, publicUrl: publicUrl ? new URL(publicUrl) : null };
  return async (
    /** @type {import('node:http').IncomingMessage} */ req,
    /** @type {import('node:http').ServerResponse} */ res,
  ) => {
    const proxied = String(req.headers[REQUEST_ID_HEADER] ?? '');
    const requestId =
      trustProxyHops > 0 && /^[\w.:-]{8,100}$/.test(proxied) ? proxied : crypto.randomUUID();
    const clientAddress = clientAddressOf(req, trustProxyHops);
    delete req.headers[CLIENT_ADDRESS_HEADER];
    if (trustProxyHops === 0) for (const name of FORWARDING_HEADERS) delete req.headers[name];
    if (clientAddress) {
      req.headers[CLIENT_ADDRESS_HEADER] = clientAddress;
      req.headers['x-forwarded-for'] = clientAddress;
    }
    req.headers[REQUEST_ID_HEADER] = requestId;

    const https = isHttps(req, config);
    const url = req.url ?? '/';
    const csp = contentSecurityPolicy({
      nonce: crypto.randomBytes(16).toString('base64'),
      dev,
      https,
      formTargets,
    });
    req.headers['content-security-policy'] = csp;
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    res.setHeader(
      'Referrer-Policy',
      SECRET_PATHS.test(url) ? 'no-referrer' : 'strict-origin-when-cross-origin',
    );
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');

    // Pages get short answers as HTML, /api/ routes as JSON.
    const page = !url.startsWith('/api/');
    const answer = (/** @type {number} */ status, /** @type {string} */ message) =>
      sendShortAnswer(res, status, message, { html: page, requestId });

    if (!isDecodablePath(url)) return answer(400, 'This address is not valid.');
    if (!isParsableRouterState(req.headers['next-router-state-tree']))
      return answer(400, 'This request is not valid.');
    // A body sent to a page is a form: a server action (fetched, with Next-Action) or a form
    // posted without JavaScript. Multipart is parsed by Next.js wherever it goes (an unknown
    // /api/ path renders the not-found page, which reads it too).
    if (hasBody(req)) {
      const length = req.headers['content-length'];
      const contentType = String(req.headers['content-type'] ?? '');
      const multipart = /^multipart\/form-data/i.test(contentType);
      if (page && isForeignOrigin(req, config))
        return answer(403, 'This form was sent from another site and was refused.');
      if (page || multipart) {
        if (length === undefined) return answer(411, 'The form must be sent with its length.');
        if (!/^\d{1,12}$/.test(length) || Number(length) > ACTION_BODY_LIMIT_BYTES)
          return answer(413, 'This form is too large (at most 1 MB).');
      }
      if (multipart && !(await isParsableForm(req, Number(length), contentType)))
        return answer(400, 'This form could not be read.');
    }

    answerUnavailableInsteadOf5xx(req, res, requestId);
    try {
      await handle(req, res);
    } catch (error) {
      logRequestFailure({ requestId, method: req.method, route: url, status: 500, error });
      if (!res.headersSent) answer(500, 'TeamCal could not complete this request.');
      else res.destroy();
    }
  };
}
