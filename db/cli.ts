import { configuredTarget, openDatabase, type DatabaseHandle } from './index';
import { DataDirLockedError } from './data-dir-lock';

/** Runs a command-line task on the configured database: migrated first, always closed after. */
export async function runDatabaseTask(
  task: (handle: DatabaseHandle) => Promise<void>,
): Promise<void> {
  let handle: DatabaseHandle;
  try {
    handle = openDatabase(configuredTarget());
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    // The running server holds the embedded database; say so instead of printing a stack trace.
    console.error(error.message);
    process.exit(1);
  }
  try {
    await handle.migrate();
    await task(handle);
  } finally {
    await handle.close();
  }
}
