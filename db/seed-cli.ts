import { runDatabaseTask } from './cli';
import { formatDemoLogins, seedDemoOrganisation } from './seed';

// `npm run db:seed`: creates the demo organisation unless it exists (idempotent).
await runDatabaseTask(async (handle) => {
  const { created, logins } = await seedDemoOrganisation(handle.db);
  console.log(created ? 'Demo organisation created.' : 'Demo organisation already present.');
  console.log(formatDemoLogins(logins));
});
