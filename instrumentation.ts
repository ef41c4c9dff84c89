import type { Instrumentation } from 'next';

// Runs once when a server process starts: migrate, seed the demo organisation on an empty
// embedded database, and refuse to start when another process holds the embedded database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { prepareServer } = await import('./lib/startup');
  await prepareServer();
}

// One line an operator can use for every error Next.js catches in a page, action or route.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { logRequestFailure } = await import('./lib/server/request-log.mjs');
  const requestId = request.headers['x-request-id'];
  logRequestFailure({
    requestId: typeof requestId === 'string' ? requestId : null,
    method: request.method,
    route: `${context.routePath} (${context.routeType})`,
    error,
    digest: (error as { digest?: string }).digest,
  });
};
