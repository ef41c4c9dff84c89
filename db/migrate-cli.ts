import { configuredTarget, openDatabase } from './index';

// `npm run db:migrate`: applies pending migrations to the configured database, then exits.
const handle = openDatabase(configuredTarget());
try {
  await handle.migrate();
  console.log(`Migrations applied (${handle.kind}).`);
} finally {
  await handle.close();
}
