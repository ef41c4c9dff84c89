import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

// Starts TeamCal's production server (lib/server/serve.mjs on the build in `.next-test`) as a
// child process, as `npm start` does (with its node flags), for tests that need real HTTP.

export const ROOT = path.resolve(import.meta.dirname, '../..');
// E2E_DIST_DIR lets two checkouts' test runs build side by side without overwriting each other.
export const TEST_DIST_DIR = process.env.E2E_DIST_DIR ?? '.next-test';
export const LOG_DIR = path.join(ROOT, '.test-results');

/**
 * What `npm start` passes to node (its V8 flags, then the entry): tests and benches run the
 * production server as it is deployed.
 */
export const START_ARGS: readonly string[] = (() => {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const [command, ...args] = String(scripts.start).split(/\s+/);
  if (command !== 'node') throw new Error(`npm start is not "node …": ${scripts.start}`);
  return args;
})();

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`The server exited with code ${server.exitCode}.`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become healthy within ${timeoutMs / 1000}s.`);
}

export interface AppServer {
  baseUrl: string;
  logPath: string;
  /** What the server printed so far. */
  log(): string;
  /** SIGTERM (the server flushes and closes its database), then SIGKILL after 10 s; once. */
  stop(): Promise<void>;
}

/**
 * Starts the production server on a free port (or `port`, when the caller needs to know it
 * beforehand, e.g. for TEAMCAL_PUBLIC_URL) with `env` on top of the test's environment (without
 * DATABASE_URL or SMTP_URL unless given), and waits until /api/health answers 200.
 */
export async function startAppServer(
  name: string,
  env: Record<string, string>,
  {
    authSecret = crypto.randomBytes(32).toString('base64url'),
    port: chosenPort,
  }: { authSecret?: string; port?: number } = {},
): Promise<AppServer> {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logPath = path.join(LOG_DIR, `${name}-server.log`);
  const log = fs.openSync(logPath, 'w');
  const port = chosenPort ?? (await freePort());
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: TEST_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete baseEnv.DATABASE_URL;
  delete baseEnv.TRUST_PROXY_HOPS;
  // A test server never mails through the developer's own mail server.
  delete baseEnv.SMTP_URL;
  const server = spawn(process.execPath, START_ARGS, {
    cwd: ROOT,
    env: {
      ...baseEnv,
      ...env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      AUTH_SECRET: authSecret,
    },
    stdio: ['ignore', log, log],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  let stopped = false;
  try {
    await waitForHealth(baseUrl, server, 120_000);
  } catch (error) {
    server.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${fs.readFileSync(logPath, 'utf8')}`);
  }
  return {
    baseUrl,
    logPath,
    log: () => fs.readFileSync(logPath, 'utf8'),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (server.exitCode === null) {
        server.kill('SIGTERM');
        await new Promise((resolve) => {
          const timer = setTimeout(() => {
            server.kill('SIGKILL');
            resolve(undefined);
          }, 10_000);
          server.once('exit', () => {
            clearTimeout(timer);
            resolve(undefined);
          });
        });
      }
      fs.closeSync(log);
    },
  };
}

/** The PostgreSQL server of the tests: TEST_DATABASE_URL, or the local one every machine runs. */
export const testPostgresUrl = () =>
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
