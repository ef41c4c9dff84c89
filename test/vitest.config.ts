import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '..');
const shared = {
  resolve: {
    alias: {
      '@': root,
      // The guard throws outside React Server Components; the DAL is exercised directly here.
      'server-only': path.join(root, 'test/helpers/empty-module.ts'),
    },
  },
};

const dbProject = (name: string, kind: 'pglite' | 'postgres') => ({
  ...shared,
  test: {
    name,
    root,
    include: ['test/db/**/*.test.ts'],
    env: { TEST_DB_KIND: kind },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { ...shared, test: { name: 'unit', root, include: ['test/unit/**/*.test.ts'] } },
      dbProject('db-pglite', 'pglite'),
      // Runs the same database tests against a real PostgreSQL when one is configured.
      ...(process.env.TEST_DATABASE_URL ? [dbProject('db-postgres', 'postgres')] : []),
      {
        ...shared,
        test: {
          name: 'e2e',
          root,
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // One browser and one server for the whole suite; files run one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
