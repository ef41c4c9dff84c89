// @ts-check
import http from 'node:http';
import { isDemoIdpWanted, startDemoIdentityProvider } from './demo-idp.mjs';
import { loadFeedRoute } from './feed-route.mjs';
import { createFrontDoor } from './front-door.mjs';

// TeamCal's HTTP server: Next.js's request handler behind the front door (front-door.mjs), which
// needs the socket — something Next.js does not give route handlers. `npm start` runs this;
// `--dev` serves the development build.
//
//   PORT (default 3000), HOSTNAME (default every interface), TRUST_PROXY_HOPS (default 0),
//   TEAMCAL_PUBLIC_URL (https there turns on HSTS), TEAMCAL_DEMO_IDP (off: no demo identity
//   provider on the embedded database, see demo-idp.mjs).

const dev = process.argv.includes('--dev');
// Set before Next.js and React load: they choose their production or development code by it.
Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production' });
// Next.js's server replaces the global Date with a wrapper that reports reads of the clock while
// it prerenders with `cacheComponents` (node-environment-extensions/date), which TeamCal does not
// use. Every `new Date` then goes through Reflect.construct: a room's feed of 365 bookings took
// 33 ms instead of 21. The production server puts the real one back once Next.js is prepared.
const NativeDate = globalThis.Date;
const { default: next } = await import('next');
const port = Number(process.env.PORT) || 3000;
const hostname = process.env.HOSTNAME || undefined;
const hops = Number.parseInt(process.env.TRUST_PROXY_HOPS ?? '0', 10);
const trustProxyHops = Number.isInteger(hops) && hops > 0 ? Math.min(hops, 10) : 0;

// Before Next.js loads: the demo provider sets the OIDC_* variables TeamCal's Auth.js reads.
const demoIdp = isDemoIdpWanted(process.env)
  ? await startDemoIdentityProvider({ env: process.env, port, hostname, trustProxyHops })
  : null;

/** The OpenID provider's origin, where the sign-in button's form is redirected to. */
function oidcOrigin() {
  try {
    return process.env.OIDC_ISSUER ? [new URL(process.env.OIDC_ISSUER.trim()).origin] : [];
  } catch {
    return []; // instrumentation.ts refuses to start with a malformed issuer
  }
}

const app = next({ dev, hostname: hostname ?? 'localhost', port });
await app.prepare();
const handle = app.getRequestHandler();
/** Feeds without Next.js's router (feed-route.mjs): production only, as dev builds on demand. */
let feedRoute = null;
if (!dev) {
  if (globalThis.Date !== NativeDate) {
    globalThis.Date = NativeDate;
    Object.defineProperty(NativeDate.prototype, 'constructor', { value: NativeDate });
  }
  feedRoute = await loadFeedRoute(process.env.NEXT_DIST_DIR || '.next');
  if (!feedRoute) console.warn('TeamCal: feeds go through Next.js (built route not found).');
}
const frontDoor = createFrontDoor({
  handle: async (req, res) => {
    if (demoIdp?.owns(req.url)) return demoIdp.handle(req, res);
    if (!(await feedRoute?.(req, res))) await handle(req, res);
  },
  dev,
  trustProxyHops,
  publicUrl: process.env.TEAMCAL_PUBLIC_URL?.trim() || null,
  formTargets: oidcOrigin(),
});

const server = http.createServer((req, res) => void frontDoor(req, res));
// The development build's hot reload talks over a WebSocket; without it the dev page never
// hydrates its updates. Production serves no WebSocket: an upgrade there is refused.
if (dev) {
  const upgrade = app.getUpgradeHandler();
  server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));
}
// A calendar client that stops reading must not hold a connection for ever.
server.requestTimeout = 120_000;
server.headersTimeout = 20_000;
server.listen(port, hostname, () => {
  console.log(
    `TeamCal listening on http://${hostname ?? 'localhost'}:${port}${dev ? ' (development)' : ''}` +
      (trustProxyHops ? `, trusting ${trustProxyHops} proxy hop(s)` : ''),
  );
  if (demoIdp) console.log(`\n${demoIdp.banner}\n`);
});
