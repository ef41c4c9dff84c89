// @ts-check
import { createRequire } from 'node:module';
import path from 'node:path';

// The feed endpoint without Next.js's router in front of it. Calendar clients make nearly all of
// TeamCal's requests, and most are answered 304 from one indexed query (about 0.8 ms of CPU here);
// Next.js's routing around that same route handler costs twice as much again (README: "At the
// planned scale"). So in production the front door hands GET and HEAD of /api/ics/<token> straight
// to the route handler that Next.js built (app/api/ics/[token]/route.ts, the same module instance
// Next.js uses: one database pool, one set of caches). Every other request, and every feed
// request when the built route is not where this Next.js version puts it, goes through Next.js.

const FEED_PATH = /^\/api\/ics\/([^/?#]+)(?:\?.*)?$/;

/**
 * @typedef {(request: Request, context: { params: Promise<{ token: string }> }) => Promise<Response>} RouteMethod
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>} FeedRoute
 */

/**
 * The built feed route as a node:http handler (see {@link createFeedRoute}), or null when the
 * build has no such route where this Next.js version puts it: Next.js then serves feeds too.
 * @param {string} distDir the production build's folder (NEXT_DIST_DIR, default .next)
 * @returns {Promise<FeedRoute | null>}
 */
export async function loadFeedRoute(distDir) {
  const file = path.resolve(distDir, 'server/app/api/ics/[token]/route.js');
  try {
    const { routeModule } = createRequire(import.meta.url)(file);
    // The route's module loads asynchronously (top-level await in what it imports).
    await routeModule.ensureUserland?.();
    const { GET, HEAD } = routeModule.userland ?? {};
    return typeof GET === 'function' && typeof HEAD === 'function'
      ? createFeedRoute({ GET, HEAD })
      : null;
  } catch {
    return null;
  }
}

/**
 * A node:http handler for GET and HEAD of /api/ics/<token>, calling the route's methods as
 * Next.js would (a fetch Request; the token, decoded, in `params`). It answers whether it served
 * the request: anything else is left for Next.js.
 * @param {{ GET: RouteMethod, HEAD: RouteMethod }} methods
 * @returns {FeedRoute}
 */
export function createFeedRoute({ GET, HEAD }) {
  return async (req, res) => {
    const method = req.method === 'GET' ? GET : req.method === 'HEAD' ? HEAD : null;
    const match = method && FEED_PATH.exec(req.url ?? '');
    if (!method || !match) return false;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const request = new Request(new URL(req.url ?? '/', 'http://localhost'), {
      method: req.method,
      headers,
    });
    // The front door has refused paths that cannot be decoded.
    const token = decodeURIComponent(match[1] ?? '');
    const response = await method(request, { params: Promise.resolve({ token }) });
    await sendResponse(response, res);
    return true;
  };
}

/**
 * Writes a fetch Response to node:http, reading its body only as fast as the client takes it and
 * cancelling it when the client goes (the feed's stream then closes its database cursor).
 * @param {Response} response
 * @param {import('node:http').ServerResponse} res
 */
async function sendResponse(response, res) {
  res.statusCode = response.status;
  // The route's headers replace the front door's of the same name, as under Next.js.
  for (const [name, value] of response.headers)
    res.setHeader(name, name === 'set-cookie' ? response.headers.getSetCookie() : value);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const gone = () => void reader.cancel().catch(() => {});
  res.once('close', gone);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await drained(res);
      if (res.destroyed) return;
    }
    res.end();
  } finally {
    res.off('close', gone);
  }
}

/** Resolves when the socket takes more, or is gone. @param {import('node:http').ServerResponse} res */
function drained(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve(undefined);
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
