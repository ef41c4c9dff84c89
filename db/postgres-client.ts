import net from 'node:net';
import postgres from 'postgres';
import {
  isBreakerOpen,
  onBreakerOpen,
  reportDatabaseFailure,
  reportDatabaseSuccess,
} from '../lib/server/database-health.mjs';

// The postgres.js client of a running app, bounded in time everywhere: a request never waits
// long for a database that is stopped, frozen or overloaded, and needs no restart when it returns.
//
// - connect: a TCP connection and the startup handshake each time out after CONNECT_TIMEOUT;
// - reply: a connection that sent a query and hears nothing for REPLY_TIMEOUT is destroyed (a
//   frozen server keeps the socket open, so only the client can notice);
// - statement: PostgreSQL itself cancels a query after STATEMENT_TIMEOUT (an error, 57014);
// - breaker: after a failure, new connections fail at once for a second (lib/server/
//   database-health.mjs), and every open connection is dropped so none waits on a frozen server;
// - backoff: reconnection waits at most half a second (postgres.js grows it to 20 s).

const CONNECT_TIMEOUT_MS = 2_000;
const DEFAULT_STATEMENT_TIMEOUT_MS = 2_000;
// A reply may follow a statement that PostgreSQL cancelled at its timeout: allow for that.
const REPLY_MARGIN_MS = 500;

export function statementTimeoutMs(): number {
  const configured = Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_STATEMENT_TIMEOUT_MS;
}

/** An error the data-access layer reports as "database unavailable" (a 503). */
function unavailable(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

// ReadyForQuery ('Z', length 5, transaction status): the server has answered everything sent.
function endsWithReadyForQuery(chunk: Buffer): boolean {
  const at = chunk.length - 6;
  return at >= 0 && chunk[at] === 0x5a && chunk.readInt32BE(at + 1) === 5;
}

const openSockets = new Set<net.Socket>();
onBreakerOpen(() => {
  for (const socket of openSockets)
    socket.destroy(unavailable('DATABASE_UNAVAILABLE', 'The database connection was dropped.'));
});

type SocketOptions = { host: string[]; port: number[]; path?: string };

/**
 * A socket whose replies are watched. postgres.js treats a custom socket as connected and writes
 * at once (net.Socket queues the writes while it connects); every failure must arrive as an
 * 'error' event on the socket, never as a throw, so that postgres.js frees the connection slot.
 */
function watchedSocket(options: SocketOptions, replyTimeoutMs: number): net.Socket {
  const socket = new net.Socket();
  if (isBreakerOpen()) {
    // Never connected: postgres.js's first writes go nowhere, and the failure comes after it has
    // attached its listeners.
    socket.write = (() => true) as typeof socket.write;
    setImmediate(() =>
      socket.destroy(
        unavailable('DATABASE_UNAVAILABLE', 'The database was unreachable a moment ago.'),
      ),
    );
    return socket;
  }

  let stall: NodeJS.Timeout | undefined;
  const watch = (ms: number, error: () => Error) => {
    clearTimeout(stall);
    stall = setTimeout(() => {
      reportDatabaseFailure();
      socket.destroy(error());
    }, ms);
  };
  const replyTimedOut = () =>
    unavailable('DATABASE_TIMEOUT', 'The database did not answer in time.');
  watch(CONNECT_TIMEOUT_MS, () =>
    unavailable('CONNECT_TIMEOUT', 'Connecting to the database timed out.'),
  );
  socket.once('connect', () => watch(replyTimeoutMs, replyTimedOut));
  let ready = false;
  socket.on('data', (chunk: Buffer) => {
    if (!endsWithReadyForQuery(chunk)) return watch(replyTimeoutMs, replyTimedOut);
    clearTimeout(stall);
    stall = undefined;
    ready = true;
    reportDatabaseSuccess();
  });
  socket.on('error', (error: NodeJS.ErrnoException) => {
    // Dropped by the breaker itself: already counted.
    if (error.code !== 'DATABASE_UNAVAILABLE') reportDatabaseFailure();
  });
  socket.once('close', (hadError) => {
    clearTimeout(stall);
    openSockets.delete(socket);
    // Closed before the server was ready (postgres.js gave up on the handshake): a failure too.
    if (!ready && !hadError) reportDatabaseFailure();
  });
  openSockets.add(socket);
  if (options.path) socket.connect(options.path);
  else socket.connect(options.port[0] ?? 5432, options.host[0] ?? 'localhost');
  // After connect(), which puts back the prototype's write.
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  socket.write = ((...args: unknown[]) => {
    if (socket.connecting === false) watch(replyTimeoutMs, replyTimedOut);
    return write(...args);
  }) as typeof socket.write;
  return socket;
}

/** The pooled client of the app. `migrating` lifts the statement timeout for long DDL. */
export function createPostgresClient(url: string, { migrating = false } = {}) {
  const statementTimeout = migrating ? 0 : statementTimeoutMs();
  const parsed = postgres(url).options;
  // Over TLS the bytes are encrypted, so replies cannot be watched; the other bounds remain.
  const watchable = !parsed.ssl && parsed.host.length === 1;
  return postgres(url, {
    max: migrating ? 1 : Number(process.env.DATABASE_POOL_SIZE) || 10,
    onnotice: () => {},
    connect_timeout: CONNECT_TIMEOUT_MS / 1000,
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
    connection: {
      statement_timeout: statementTimeout,
      idle_in_transaction_session_timeout: migrating ? 0 : 60_000,
    },
    ...(watchable && !migrating
      ? {
          socket: (options: SocketOptions) =>
            watchedSocket(options, statementTimeout + REPLY_MARGIN_MS),
        }
      : {}),
  });
}
