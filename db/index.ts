import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { dataDirectory } from '../lib/data-directory';
import { acquireDataDirLock } from './data-dir-lock';
import { countWrites } from './pglite-writes';
import { isUnavailableError } from '../lib/server/database-health.mjs';
import { createPostgresClient } from './postgres-client';
import * as schema from './schema';

// The one place that knows whether TeamCal runs on embedded PGlite or on PostgreSQL.

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /**
   * Embedded mode only: a count that moves whenever a statement may have changed a row, through
   * this process, which is then the only writer (db/pglite-writes.ts).
   */
  writeCount?: () => number;
  /** Applies every pending migration under db/migrations. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
// Any constant works; it only has to be the same for every instance migrating one database.
const MIGRATION_LOCK_KEY = 7_243_001;

/** Where the app's database lives, from the environment. */
export function configuredTarget(): DatabaseTarget {
  const url = process.env.DATABASE_URL;
  return url ? { url } : { dataDir: path.join(dataDirectory(), 'pglite') };
}

// Bookings' exclusion constraint needs btree_gist, which PGlite ships but loads only on request.
export const PGLITE_OPTIONS: PGliteOptions = { extensions: { btree_gist } };

export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  if ('url' in target) return openPostgres(target.url);
  if ('memory' in target) return openPglite(new PGlite(PGLITE_OPTIONS));
  fs.mkdirSync(target.dataDir, { recursive: true });
  // PGlite has no lock between processes: a second one on the same directory loses rows silently.
  const lock = acquireDataDirLock(path.dirname(target.dataDir));
  const handle = openPglite(new PGlite(target.dataDir, PGLITE_OPTIONS));
  return {
    ...handle,
    async close() {
      await handle.close();
      lock.release();
    },
  };
}

function openPglite(client: PGlite): DatabaseHandle {
  const writeCount = countWrites(client);
  const db = drizzlePglite({ client, schema });
  return {
    db,
    kind: 'pglite',
    writeCount,
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

function openPostgres(url: string): DatabaseHandle {
  const client = createPostgresClient(url);
  const db = drizzlePostgres({ client, schema });
  return {
    db,
    kind: 'postgres',
    async migrate() {
      // Several app instances may start at once: one migrates, the others wait for it.
      const single = createPostgresClient(url, { migrating: true });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres({ client: single, schema }), { migrationsFolder });
        await single`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await single.end();
      }
    },
    close: () => client.end(),
  };
}

type Holder = { handle?: DatabaseHandle };
// Next bundles instrumentation and routes separately: a global keeps one database per process.
const holder: Holder = ((globalThis as { __teamcalDatabase?: Holder }).__teamcalDatabase ??= {});

/** The process's database, opened on first use from the environment. */
export function getDatabaseHandle(): DatabaseHandle {
  if (!holder.handle) {
    if (process.env.NEXT_PHASE === 'phase-production-build') {
      throw new Error(
        'The database must not be opened during `next build`: make the page dynamic.',
      );
    }
    holder.handle = openDatabase(configuredTarget());
  }
  return holder.handle;
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}

/** Replaces the process's database, for tests that build their own. */
export function installDatabase(handle: DatabaseHandle | undefined): void {
  holder.handle = handle;
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(schema.users);
  return (row?.count ?? 0) === 0;
}

/**
 * Whether a query failed on a unique constraint (23505), through either driver and drizzle; on
 * that constraint (index) only, when one is named.
 */
/** Whether the error, or one of its causes, is PostgreSQL's `code` (on `constraint`, if given). */
function violates(error: unknown, code: string, constraint?: string): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const failure = cause as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (failure.code !== code) continue;
    // postgres.js names it constraint_name, PGlite constraint.
    const name = failure.constraint_name ?? failure.constraint;
    return constraint === undefined || name === constraint;
  }
  return false;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return violates(error, '23505', constraint);
}

/** An EXCLUDE constraint refused the row (e.g. two bookings of one resource overlapping). */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  return violates(error, '23P01', constraint);
}

/** Whether a failure means the database cannot be reached right now (a 503, not a bug). */
export const isDatabaseUnavailable = isUnavailableError;

export { schema };
