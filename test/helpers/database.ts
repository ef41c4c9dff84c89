import { afterAll, beforeAll, vi, type MockInstance } from 'vitest';
import { openDatabase, installDatabase, type Database, type DatabaseHandle } from '@/db';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';

// One fresh, migrated database per test file: PGlite in memory, or a new database on the
// PostgreSQL server of TEST_DATABASE_URL (dropped afterwards), depending on the vitest project.

function createPostgresDatabase(): Promise<ScratchDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is required for the PostgreSQL test project.');
  return createScratchDatabase(serverUrl, 'teamcal_t');
}

export async function createTestDatabase(): Promise<
  DatabaseHandle & { kind: 'pglite' | 'postgres' }
> {
  if (process.env.TEST_DB_KIND === 'postgres') {
    const created = await createPostgresDatabase();
    const handle = openDatabase({ url: created.url });
    await handle.migrate();
    return {
      ...handle,
      async close() {
        await handle.close();
        await created.drop();
      },
    };
  }
  const handle = openDatabase({ memory: true });
  await handle.migrate();
  return handle;
}

/**
 * Gives the test file its own database, installed as the app's database so the DAL uses it.
 * Returns a getter because the database exists only once `beforeAll` has run.
 */
export function setupTestDatabase(): () => Database {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
    installDatabase(handle);
  });
  afterAll(async () => {
    installDatabase(undefined);
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error('The test database is not ready: call it inside a test or hook.');
    return handle.db;
  };
}

/** How many statements `run` sends to the database: counted at the driver, PGlite or postgres.js. */
export async function countStatements(db: Database, run: () => Promise<unknown>): Promise<number> {
  // Every statement reaches the driver's client through one method, whichever driver it is.
  const client = (db as unknown as { $client: Record<string, unknown> }).$client;
  const spy = (vi.spyOn as (o: object, m: string) => MockInstance)(
    client,
    typeof client.unsafe === 'function' ? 'unsafe' : 'query',
  );
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}
