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

/** A connected socket whose replies are watched; fails at once while the breaker is open. */
async function watchedSocket(options: SocketOptions, replyTimeoutMs: number): Promise<net.Socket> {
  if (isBreakerOpen())
    throw unavailable('DATABASE_UNAVAILABLE', 'The database was unreachable a moment ago.');
  const socket = new net.Socket();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(unavailable('CONNECT_TIMEOUT', 'Connecting to the database timed out.'));
    }, CONNECT_TIMEOUT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeListener('error', reject);
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    if (options.path) socket.connect(options.path);
    else socket.connect(options.port[0] ?? 5432, options.host[0] ?? 'localhost');
  }).catch((error: unknown) => {
    reportDatabaseFailure();
    throw error;
  });

  let stall: NodeJS.Timeout | undefined;
  const watch = () => {
    clearTimeout(stall);
    stall = setTimeout(() => {
      reportDatabaseFailure();
      socket.destroy(unavailable('DATABASE_TIMEOUT', 'The database did not answer in time.'));
    }, replyTimeoutMs);
  };
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  socket.write = ((...args: unknown[]) => {
    watch();
    return write(...args);
  }) as typeof socket.write;
  socket.on('data', (chunk: Buffer) => {
    if (!endsWithReadyForQuery(chunk)) return watch();
    clearTimeout(stall);
    stall = undefined;
    reportDatabaseSuccess();
  });
  socket.on('error', () => reportDatabaseFailure());
  socket.once('close', () => {
    clearTimeout(stall);
    openSockets.delete(socket);
  });
  openSockets.add(socket);
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
            watchedSocket(options, statementTimeout + CONNECT_TIMEOUT_MS / 2),
        }
      : {}),
  });
}
