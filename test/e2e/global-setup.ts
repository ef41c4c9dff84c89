import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, startAppServer, TEST_DIST_DIR, testPostgresUrl } from '@/test/helpers/app-server';
import { createScratchDatabase } from '@/test/helpers/scratch-database';

// Builds the production app into its own folder, then starts the real server twice on free
// ports: on a temporary embedded database, as a user would after the README's first command, and
// on a fresh PostgreSQL database that the feed tests also open, to arrange what they fetch.
// Both trust one proxy hop: the tests stand in for a load balancer and name each simulated
// client's address in X-Forwarded-For. (The default, trusting no header, is tested on servers of
// its own in test/e2e/attacks.test.ts.)

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    serverLogPath: string;
    postgresBaseUrl: string;
    postgresDatabaseUrl: string;
    postgresServerLogPath: string;
  }
}

export default async function setup(project: TestProject) {
  if (
    process.env.E2E_REUSE_BUILD !== '1' ||
    !fs.existsSync(path.join(ROOT, TEST_DIST_DIR, 'BUILD_ID'))
  ) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEXT_DIST_DIR: TEST_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
    };
    delete env.DATABASE_URL;
    const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teamcal-e2e-'));
  const behindProxy = { TRUST_PROXY_HOPS: '1' };
  const embedded = await startAppServer('e2e', { ...behindProxy, TEAMCAL_DATA_DIR: dataDir });

  const database = await createScratchDatabase(testPostgresUrl(), 'teamcal_e2e');
  const onPostgres = await startAppServer('e2e-postgres', {
    ...behindProxy,
    DATABASE_URL: database.url,
    TEAMCAL_SEED_DEMO: 'true',
  }).catch(async (error: unknown) => {
    await embedded.stop();
    throw error;
  });

  project.provide('baseUrl', embedded.baseUrl);
  project.provide('serverLogPath', embedded.logPath);
  project.provide('postgresBaseUrl', onPostgres.baseUrl);
  project.provide('postgresDatabaseUrl', database.url);
  project.provide('postgresServerLogPath', onPostgres.logPath);

  return async () => {
    await Promise.all([embedded.stop(), onPostgres.stop()]);
    fs.rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  };
}
