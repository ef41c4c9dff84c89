import type { Instrumentation } from 'next';
import { isUnavailableError, markRequestFailedOnDatabase } from './lib/server/database-health.mjs';

// Runs once when a server process starts: migrate, seed the demo organisation on an empty
// embedded database, and refuse to start when another process holds the embedded database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // A half-made OpenID Connect configuration stops the start, naming what is missing.
  const { oidcConfig } = await import('./lib/oidc-config');
  try {
    oidcConfig();
  } catch (error) {
    console.error(`\nTeamCal: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const { prepareServer } = await import('./lib/startup');
  await prepareServer();
}

// One line an operator can use for every error Next.js catches in a page, action or route.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const requestId = request.headers['x-request-id'];
  // At once, before the answer's head goes out: the front door turns this request's 500 into a
  // 503 that says the database is out of reach.
  if (typeof requestId === 'string' && isUnavailableError(error))
    markRequestFailedOnDatabase(requestId);
  const { logRequestFailure } = await import('./lib/server/request-log.mjs');
  logRequestFailure({
    requestId: typeof requestId === 'string' ? requestId : null,
    method: request.method,
    route: `${context.routePath} (${context.routeType})`,
    error,
    digest: (error as { digest?: string }).digest,
  });
};
