// @ts-check
// Whether PostgreSQL is reachable right now, shared by the database driver (bundled by Next) and
// the front door (plain Node): both load their own copy of this module, so the state lives on
// globalThis.
//
// A circuit breaker: after a connection failure, new connections are refused at once for a short
// while instead of each request waiting for its own timeout; then one attempt goes through, and
// a success closes the breaker. Outages answer fast and recovery needs no restart.

/** How long new connections fail at once after a failure (milliseconds). */
export const BREAKER_OPEN_MS = 1_000;

/**
 * @typedef {{ downUntil: number, lastFailureAt: number, failures: number,
 *   onOpen: Set<() => void> }} DatabaseHealth
 */

/** @returns {DatabaseHealth} */
function state() {
  const holder = /** @type {{ __teamcalDatabaseHealth?: DatabaseHealth }} */ (globalThis);
  return (holder.__teamcalDatabaseHealth ??= {
    downUntil: 0,
    lastFailureAt: 0,
    failures: 0,
    onOpen: new Set(),
  });
}

/** Records that the database could not be reached; opens the breaker. */
export function reportDatabaseFailure() {
  const health = state();
  const wasOpen = Date.now() < health.downUntil;
  health.failures++;
  health.lastFailureAt = Date.now();
  health.downUntil = Date.now() + BREAKER_OPEN_MS;
  if (!wasOpen) for (const listener of health.onOpen) listener();
}

/** Records a successful round trip: the breaker closes. */
export function reportDatabaseSuccess() {
  const health = state();
  health.failures = 0;
  health.downUntil = 0;
}

/** Whether new connections should fail at once (the breaker is open). */
export function isBreakerOpen() {
  return Date.now() < state().downUntil;
}

/** Whether the database failed recently: a 5xx now is most likely its doing. */
export function isDatabaseDown(withinMs = 5_000) {
  const health = state();
  return health.failures > 0 && Date.now() - health.lastFailureAt < withinMs;
}

/** Calls `listener` each time the breaker opens (e.g. to drop connections to a frozen server). */
export function onBreakerOpen(/** @type {() => void} */ listener) {
  state().onOpen.add(listener);
}

// Connection failures (refused, reset, timed out, server shutting down, too many clients), the
// client's own time bounds (db/postgres-client.ts) and a cancelled statement — not query errors.
const UNAVAILABLE_CODES = new Set([
  'DATABASE_UNAVAILABLE',
  'DATABASE_TIMEOUT',
  '57014',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '3D000',
  '55000',
]);

/** Whether a failure means the database cannot be reached right now (a 503, not a bug). */
export function isUnavailableError(/** @type {unknown} */ error) {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = /** @type {{ code?: unknown }} */ (cause).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08')))
      return true;
  }
  return false;
}

const MARKED_LIMIT = 1_000;
/** @returns {Set<string>} */
function markedRequests() {
  const holder = /** @type {{ __teamcalDatabaseFailedRequests?: Set<string> }} */ (globalThis);
  return (holder.__teamcalDatabaseFailedRequests ??= new Set());
}

/** Remembers that a request failed because the database was out of reach. */
export function markRequestFailedOnDatabase(/** @type {string} */ requestId) {
  const marked = markedRequests();
  if (marked.size >= MARKED_LIMIT) marked.clear();
  marked.add(requestId);
}

/** Whether a request failed because the database was out of reach (and forgets it). */
export function takeRequestFailedOnDatabase(/** @type {string} */ requestId) {
  return markedRequests().delete(requestId);
}
