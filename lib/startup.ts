import { getDatabaseHandle, isDatabaseEmpty } from '@/db';
import { DataDirLockedError } from '@/db/data-dir-lock';
import { demoLogins, formatDemoLogins, hasDemoOrganisation, seedDemoOrganisation } from '@/db/seed';
import { authSecret } from '@/lib/auth-secret';

export async function prepareServer(): Promise<void> {
  let handle;
  try {
    handle = getDatabaseHandle();
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  authSecret();
  await handle.migrate();
  // Demo data goes only into the embedded database, or into PostgreSQL when explicitly asked:
  // a production database must never receive accounts with a published password.
  if (handle.kind === 'pglite' || process.env.TEAMCAL_SEED_DEMO === 'true') {
    if (await isDatabaseEmpty(handle.db)) {
      const { logins } = await seedDemoOrganisation(handle.db);
      console.log(`\nTeamCal: demo organisation created.\n${formatDemoLogins(logins)}\n`);
    } else if (await hasDemoOrganisation(handle.db)) {
      console.log(`\nTeamCal is ready.\n${formatDemoLogins(demoLogins())}\n`);
    }
  }

  // Close the database cleanly so the embedded one needs no recovery on the next start.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void handle.close().finally(() => process.exit(0)));
  }
}
