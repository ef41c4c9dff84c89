import { runDatabaseTask } from './cli';

// `npm run db:migrate`: applies pending migrations to the configured database, then exits.
await runDatabaseTask(async (handle) => {
  console.log(`Migrations applied (${handle.kind}).`);
});
