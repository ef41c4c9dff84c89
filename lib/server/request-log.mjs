// @ts-check
// One line per failing request, for operators: time, request id, method, route, status, error
// class and message — with every secret TeamCal hands out taken out of paths and messages.

// Feed tokens (tcal_…), and any run of 40 or more URL-safe characters (setup secrets, hashes, JWTs; UUIDs are 36).
const SECRET_PATTERNS = [/tcal_[A-Za-z0-9_-]+/g, /[A-Za-z0-9_-]{40,}/g];
// Path segments that are credentials themselves.
const SECRET_ROUTES = /^\/(api\/ics|guest|setup-password|reset-password)\/[^/?#]+/;

/** A message or path with secrets replaced by [redacted]. */
export function redact(/** @type {string} */ text) {
  let result = text;
  for (const pattern of SECRET_PATTERNS) result = result.replace(pattern, '[redacted]');
  return result;
}

/** The route of a request path, without the query and with secret segments removed. */
export function routeOf(/** @type {string} */ path) {
  const pathname = (path.split('?')[0] ?? '').slice(0, 200);
  return redact(
    pathname.replace(
      SECRET_ROUTES,
      (match) => `${match.split('/').slice(0, -1).join('/')}/[secret]`,
    ),
  );
}

// Ids of requests already logged: Next.js reports one failed render once per segment, and the
// front door may see the same failure again; the first line, the most precise, is the one kept.
const RECENT_LIMIT = 1_000;
/** @returns {Set<string>} */
function recentlyLogged() {
  const holder = /** @type {{ __teamcalLoggedRequests?: Set<string> }} */ (globalThis);
  return (holder.__teamcalLoggedRequests ??= new Set());
}

/** An error's class, code and the start of its message, on one line. */
function describe(/** @type {unknown} */ error) {
  if (!(error instanceof Error)) return String(error).slice(0, 200);
  const code = /** @type {{ code?: unknown }} */ (error).code;
  // Class names are minified in the production build; the name property survives.
  const name = error.name !== 'Error' ? error.name : (error.constructor?.name ?? error.name);
  const message = error.message.replace(/\s+/g, ' ');
  return `${name}${typeof code === 'string' ? ` [${code}]` : ''}: ${message.slice(0, 200)}`;
}

/**
 * @param {{ requestId?: string | null, method?: string, route: string, status?: number,
 *   error?: unknown, digest?: string }} failure
 */
export function logRequestFailure({ requestId, method, route, status, error, digest }) {
  if (requestId) {
    const logged = recentlyLogged();
    if (logged.has(requestId)) return;
    if (logged.size >= RECENT_LIMIT) logged.clear();
    logged.add(requestId);
  }
  // A wrapped driver error names the real cause (e.g. a lost connection) in `cause`.
  const cause = error instanceof Error && error.cause !== undefined ? describe(error.cause) : '';
  const kind = error === undefined ? '' : describe(error) + (cause ? ` (cause ${cause})` : '');
  const parts = [
    new Date().toISOString(),
    'request-failed',
    `id=${requestId ?? '-'}`,
    method ?? '-',
    routeOf(route),
    status === undefined ? '' : String(status),
    digest ? `digest=${digest}` : '',
    redact(kind),
  ];
  console.error(parts.filter(Boolean).join(' '));
}
