// @ts-check
// Whether PostgreSQL was out of reach a moment ago, shared by the database client (bundled by
// Next) and the front door (plain Node): both load their own copy of this module, so the state
// lives on globalThis. The front door turns a page's 500 into the "can't reach its database"
// 503 while this says so.

//
// It is also a circuit breaker: for a second after a failure, queries fail at once instead of
// each waiting for its own timeout (a page that makes several fails after the first); then they
// are tried again, and one that comes back closes the breaker.

/** How long queries fail at once after a failure (milliseconds). */
const BREAKER_OPEN_MS = 1_000;

/**
 * @typedef {{ lastFailureAt: number, failures: number }} DatabaseHealth
 */

/** @returns {DatabaseHealth} */
function state() {
  const holder = /** @type {{ __teamcalDatabaseHealth?: DatabaseHealth }} */ (globalThis);
  return (holder.__teamcalDatabaseHealth ??= { lastFailureAt: 0, failures: 0 });
}

/** Records that a query could not reach the database: the breaker opens. */
export function reportDatabaseFailure() {
  const health = state();
  health.failures++;
  health.lastFailureAt = Date.now();
}

/** Whether queries should fail at once: a failure a moment ago, and no answer since. */
export function isBreakerOpen() {
  const health = state();
  return health.failures > 0 && Date.now() - health.lastFailureAt < BREAKER_OPEN_MS;
}

/** Records a query that came back: the database is reachable. */
export function reportDatabaseSuccess() {
  const health = state();
  if (health.failures) health.failures = 0;
}

/** Whether the database failed recently and has not answered since. */
export function isDatabaseDown(withinMs = 5_000) {
  const health = state();
  return health.failures > 0 && Date.now() - health.lastFailureAt < withinMs;
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
