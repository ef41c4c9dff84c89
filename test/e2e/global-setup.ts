import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

// Builds the production app into its own folder, then starts the real server twice on free
// ports: on a temporary embedded database, as a user would after the README's first command, and
// on a fresh PostgreSQL database that the feed tests also open, to arrange what they fetch.

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    serverLogPath: string;
    postgresBaseUrl: string;
    postgresDatabaseUrl: string;
    postgresServerLogPath: string;
  }
}

/** The PostgreSQL server of the tests: TEST_DATABASE_URL, or the local one every machine runs. */
export const testPostgresUrl = () =>
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const DIST_DIR = '.next-test';

async function freePort(): Promise<number> {
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

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../..');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.DATABASE_URL;

  if (
    process.env.E2E_REUSE_BUILD !== '1' ||
    !fs.existsSync(path.join(root, DIST_DIR, 'BUILD_ID'))
  ) {
    const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teamcal-e2e-'));
  const logDir = path.join(root, '.test-results');
  fs.mkdirSync(logDir, { recursive: true });
  const embedded = await startServer(root, env, { TEAMCAL_DATA_DIR: dataDir }, logDir, 'e2e');

  const databaseName = `teamcal_e2e_${crypto.randomBytes(6).toString('hex')}`;
  const admin = postgres(testPostgresUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${databaseName}`);
  const databaseUrl = new URL(testPostgresUrl());
  databaseUrl.pathname = `/${databaseName}`;
  const onPostgres = await startServer(
    root,
    env,
    { DATABASE_URL: databaseUrl.toString(), TEAMCAL_SEED_DEMO: 'true' },
    logDir,
    'e2e-postgres',
  ).catch(async (error: unknown) => {
    await embedded.stop();
    throw error;
  });

  project.provide('baseUrl', embedded.baseUrl);
  project.provide('serverLogPath', embedded.logPath);
  project.provide('postgresBaseUrl', onPostgres.baseUrl);
  project.provide('postgresDatabaseUrl', databaseUrl.toString());
  project.provide('postgresServerLogPath', onPostgres.logPath);

  return async () => {
    await Promise.all([embedded.stop(), onPostgres.stop()]);
    fs.rmSync(dataDir, { recursive: true, force: true });
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  };
}

/** Starts `next start` on a free port with extra environment, and waits until it is healthy. */
async function startServer(
  root: string,
  env: NodeJS.ProcessEnv,
  extraEnv: Record<string, string>,
  logDir: string,
  name: string,
) {
  const logPath = path.join(logDir, `${name}-server.log`);
  const log = fs.openSync(logPath, 'w');
  const port = await freePort();
  const server = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: root,
      env: { ...env, ...extraEnv, AUTH_SECRET: crypto.randomBytes(32).toString('base64url') },
      stdio: ['ignore', log, log],
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, server, 120_000);
  } catch (error) {
    server.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${fs.readFileSync(logPath, 'utf8')}`);
  }
  return {
    baseUrl,
    logPath,
    async stop() {
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
      fs.closeSync(log);
    },
  };
}
