import postgres from 'postgres';
import {
  isBreakerOpen,
  isUnavailableError,
  reportDatabaseFailure,
  reportDatabaseSuccess,
} from '../lib/server/database-health.mjs';

// The postgres.js client of a running app, bounded in time everywhere, so that a request never
// waits long for a database that is stopped, frozen or overloaded, and needs no restart when it
// comes back:
// - connect: postgres.js gives up on a connection (TCP and handshake) after two seconds;
// - backoff: it retries a lost server after at most half a second (its default grows to 20 s);
// - statement: PostgreSQL itself cancels a query after the statement timeout (error 57014);
// - deadline: a query with no answer a little after that — a frozen server keeps its sockets
//   open, so only the client can notice — fails with DATABASE_TIMEOUT; if it was never sent it
//   is taken out of the queue, so a write the caller gave up on never runs later. A transaction
//   fails as a whole as soon as one of its statements does, and is rolled back;
// - breaker: for a second after a connection failure or a deadline, queries fail at once
//   (lib/server/database-health.mjs), then one is tried again.

const CONNECT_TIMEOUT_SECONDS = 2;
const DEFAULT_STATEMENT_TIMEOUT_MS = 2_000;
// A statement PostgreSQL cancels at its timeout still needs its error to travel back.
const DEADLINE_MARGIN_MS = 500;

function statementTimeoutMs(): number {
  const configured = Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_STATEMENT_TIMEOUT_MS;
}

type Sql = postgres.Sql;
type PendingQuery = postgres.PendingQuery<postgres.Row[]>;

function timedOut(): Error {
  return Object.assign(new Error('The database did not answer in time.'), {
    code: 'DATABASE_TIMEOUT',
  });
}

function refusedByBreaker(): Error {
  return Object.assign(new Error('The database was out of reach a moment ago.'), {
    code: 'DATABASE_UNAVAILABLE',
  });
}

/** Settles like `query`, or rejects when the deadline passes first (and cancels the query). */
function withDeadline<T>(
  query: PromiseLike<T> & { cancel?: () => unknown },
  deadlineMs: number,
  onTimeout: (error: Error) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = timedOut();
      reportDatabaseFailure();
      // A query still in the queue is taken out; one already sent is left to finish, since a
      // cancel request delivered late (after a freeze) would hit whatever runs then.
      if (!(query as { state?: unknown }).state) query.cancel?.();
      onTimeout(error);
      reject(error);
    }, deadlineMs);
    query.then(
      (value) => {
        clearTimeout(timer);
        reportDatabaseSuccess();
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        // A statement PostgreSQL cancelled (57014) was slow, not a sign that the server is gone.
        if (isUnavailableError(error) && (error as { code?: unknown }).code !== '57014')
          reportDatabaseFailure();
        reject(error);
      },
    );
  });
}

/** A pending query whose await (and `.values()`) has a deadline, as drizzle uses it. */
function boundedQuery(query: PendingQuery, deadlineMs: number, onTimeout: (e: Error) => void) {
  let started: Promise<unknown> | undefined;
  const run = () =>
    (started ??= isBreakerOpen()
      ? Promise.reject(refusedByBreaker())
      : withDeadline(query, deadlineMs, onTimeout));
  const bounded = {
    values() {
      query.values();
      return bounded;
    },
    then(onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) {
      return run().then(onFulfilled, onRejected);
    },
  };
  return bounded;
}

/**
 * `sql` with a deadline on every query drizzle sends, inside transactions and savepoints too.
 * `failTransaction` ends the surrounding transaction's promise when one of its statements times
 * out: postgres.js would otherwise wait on the stuck connection before rolling back.
 */
function bounded(
  sql: Sql,
  deadlineMs: number,
  failTransaction: (e: Error) => void = () => {},
): Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe')
        return (...args: Parameters<Sql['unsafe']>) =>
          boundedQuery(target.unsafe(...args), deadlineMs, failTransaction);
      if (property === 'begin' || property === 'savepoint')
        return (...args: unknown[]) => {
          const run = args.pop() as (tx: Sql) => unknown;
          return new Promise((resolve, reject) => {
            const fail = (error: Error) => {
              failTransaction(error);
              reject(error);
            };
            const method = Reflect.get(target, property, receiver) as (
              ...a: unknown[]
            ) => Promise<unknown>;
            method
              .call(target, ...args, (tx: Sql) => run(bounded(tx, deadlineMs, fail)))
              .then(resolve, reject);
          });
        };
      return Reflect.get(target, property, receiver);
    },
  });
}

/** The pooled client of the app. `migrating` lifts the time bounds for long DDL. */
export function createPostgresClient(url: string, { migrating = false } = {}): Sql {
  const statementTimeout = migrating ? 0 : statementTimeoutMs();
  const client = postgres(url, {
    max: migrating ? 1 : Number(process.env.DATABASE_POOL_SIZE) || 10,
    onnotice: () => {},
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
    connection: {
      statement_timeout: statementTimeout,
      idle_in_transaction_session_timeout: migrating ? 0 : 60_000,
    },
  });
  return migrating ? client : bounded(client, statementTimeout + DEADLINE_MARGIN_MS);
}
