import { configuredTarget, openDatabase } from './index';
import { formatDemoLogins, seedDemoOrganisation } from './seed';

// `npm run db:seed`: migrates, then creates the demo organisation unless it exists (idempotent).
const handle = openDatabase(configuredTarget());
try {
  await handle.migrate();
  const { created, logins } = await seedDemoOrganisation(handle.db);
  console.log(created ? 'Demo organisation created.' : 'Demo organisation already present.');
  console.log(formatDemoLogins(logins));
} finally {
  await handle.close();
}
