// Runs once when a server process starts: migrate, seed the demo organisation on an empty
// embedded database, and refuse to start when another process holds the embedded database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { prepareServer } = await import('./lib/startup');
  await prepareServer();
}
