import { sql } from 'drizzle-orm';
import { getDatabaseHandle, isDatabaseEmpty, type Database } from '@/db';
import { DataDirLockedError } from '@/db/data-dir-lock';
import { demoLogins, formatDemoLogins, hasDemoOrganisation, seedDemoOrganisation } from '@/db/seed';
import { authSecret } from '@/lib/auth-secret';
import { flushFeedUsage } from '@/lib/dal/feed-usage';
import { queueDueLinkExpiryNotices } from '@/lib/dal/link-notices';
import { startMailWorker } from '@/lib/mail/worker';
import { mailSettings } from '@/lib/mail/transport';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** How often the embedded database refreshes its planner statistics. */
const ANALYZE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * PGlite runs PostgreSQL in single-user mode, without the autovacuum daemon that keeps planner
 * statistics current; without them the feed's page queries scan and sort whole tables. So the
 * embedded server analyses on start and then hourly. PostgreSQL servers do this themselves.
 */
function keepPlannerStatistics(db: Database): void {
  const analyze = () =>
    db.execute(sql`analyze`).catch((error: unknown) => {
      console.error(`TeamCal: analyze failed (${errorText(error)})`);
    });
  void analyze();
  setInterval(() => void analyze(), ANALYZE_INTERVAL_MS).unref();
}

/** How often links entering their last two weeks are looked for (each is announced once). */
const LINK_REMINDER_INTERVAL_MS = 60 * 60 * 1000;

function remindOwnersOfExpiringLinks(): void {
  const remind = async () => {
    try {
      // Batches until the due links are all handled.
      while ((await queueDueLinkExpiryNotices()) > 0);
    } catch (error) {
      console.error(`TeamCal: link expiry reminders failed (${errorText(error)})`);
    }
  };
  void remind();
  setInterval(() => void remind(), LINK_REMINDER_INTERVAL_MS).unref();
}

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
  // A malformed SMTP_URL stops the start here, rather than failing every mail later.
  const mail = mailSettings();
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

  if (handle.kind === 'pglite') keepPlannerStatistics(handle.db);
  const stopMailWorker = startMailWorker();
  remindOwnersOfExpiringLinks();
  console.log(
    mail.smtpUrl
      ? 'TeamCal: mail goes out through the SMTP server of SMTP_URL.'
      : 'TeamCal: no SMTP_URL, so mail is kept in the outbox: read it at /admin/outbox.',
  );

  // Write the feed-usage counts still in memory, then close the database cleanly so the embedded
  // one needs no recovery on the next start.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopMailWorker();
      void flushFeedUsage()
        .catch((error: unknown) => {
          console.error(`TeamCal: feed usage not written (${errorText(error)})`);
        })
        .finally(() => handle.close())
        .finally(() => process.exit(0));
    });
  }
}
