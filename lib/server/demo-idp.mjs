// @ts-check
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_ADMIN_NAME,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  demoEmailOf,
} from '../../db/demo-people.mjs';
import { createIdentityProvider } from './identity-provider.mjs';

// The embedded demo's OpenID Connect provider, so that the demo shows "Sign in with …" without
// any identity provider to set up: mounted in TeamCal's own server under /demo-idp when the
// database is the embedded one and no provider is configured (TEAMCAL_DEMO_IDP=off turns it off).
// It knows the demo organisation's people and one newcomer TeamCal does not know, all with the
// demo password, and says on its page that it is not for production.

export const DEMO_IDP_PATH = '/demo-idp';
export const DEMO_IDP_NEWCOMER = { email: 'newcomer@example.com', name: 'Nico Newcomer' };
const CLIENT_ID = 'teamcal-demo';

/**
 * Whether this server runs the demo provider: the embedded database, none of the OIDC variables
 * set, and not turned off.
 * @param {Record<string, string | undefined>} env
 */
export function isDemoIdpWanted(env) {
  const configured = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'].some((name) =>
    env[name]?.trim(),
  );
  return !env.DATABASE_URL && !configured && env.TEAMCAL_DEMO_IDP?.trim() !== 'off';
}

/** The client secret, made once and kept in the data directory like the generated AUTH_SECRET. */
function clientSecret(/** @type {string} */ dataDir) {
  const file = path.join(dataDir, 'demo-idp-secret');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}

const sameText = (/** @type {string} */ a, /** @type {string} */ b) =>
  crypto.timingSafeEqual(
    crypto.createHash('sha256').update(a).digest(),
    crypto.createHash('sha256').update(b).digest(),
  );

/**
 * Starts the demo provider and points TeamCal's OpenID Connect settings (`env`) at it.
 * @param {{ env: NodeJS.ProcessEnv, port: number, hostname?: string, trustProxyHops: number }} options
 */
export async function startDemoIdentityProvider({ env, port, hostname, trustProxyHops }) {
  // Where browsers reach TeamCal, as feeds' links are written (lib/public-url.ts).
  const host = hostname === '127.0.0.1' ? hostname : 'localhost';
  const publicUrl = (env.TEAMCAL_PUBLIC_URL?.trim() || `http://${host}:${port}`).replace(
    /\/+$/,
    '',
  );
  const issuer = `${publicUrl}${DEMO_IDP_PATH}`;
  const dataDir = path.resolve(env.TEAMCAL_DATA_DIR || path.join(process.cwd(), '.data'));
  const secret = clientSecret(dataDir);

  /** @type {Map<string, import('./identity-provider.mjs').Claims>} */
  const byEmail = new Map();
  const add = (/** @type {string} */ email, /** @type {string} */ name) =>
    byEmail.set(email, { sub: `demo-${email.split('@')[0]}`, email, email_verified: true, name });
  add(DEMO_ADMIN_EMAIL, DEMO_ADMIN_NAME);
  for (const person of DEMO_PEOPLE) add(demoEmailOf(person.key), person.name);
  add(DEMO_IDP_NEWCOMER.email, DEMO_IDP_NEWCOMER.name);
  const bySub = new Map([...byEmail.values()].map((claims) => [claims.sub, claims]));

  const callbacks = new Set(
    [publicUrl, `http://localhost:${port}`, `http://127.0.0.1:${port}`].map(
      (origin) => `${origin}/api/auth/callback/oidc`,
    ),
  );
  const provider = await createIdentityProvider({
    issuer,
    clientId: CLIENT_ID,
    clientSecret: secret,
    redirectUris: [...callbacks],
    title: 'Demo identity provider — not for production',
    notice: `Part of TeamCal's demo. Every demo person (and ${DEMO_IDP_NEWCOMER.email}, whom TeamCal does not know) signs in with the password ${DEMO_PASSWORD}.`,
    signIn(login, password) {
      const claims = byEmail.get(login.toLowerCase());
      return claims && sameText(password, DEMO_PASSWORD) ? claims : null;
    },
    claimsOf: (sub) => bySub.get(sub) ?? null,
    trustProxy: trustProxyHops > 0,
  });
  Object.assign(env, {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: secret,
    // A name, as an organisation's provider has one ("Zourit"): it reads the same in every language.
    OIDC_NAME: 'TeamCal Demo ID',
  });
  return {
    issuer,
    /** Whether a request is the provider's. */
    owns: (/** @type {string | undefined} */ url) =>
      url === DEMO_IDP_PATH || /^\/demo-idp[/?]/.test(url ?? ''),
    handle: provider.handle,
    banner: `Demo identity provider (not for production): ${issuer} — "Sign in with TeamCal Demo ID" on the sign-in page; every demo person, and ${DEMO_IDP_NEWCOMER.email} whom TeamCal does not know, signs in there with the password ${DEMO_PASSWORD}. TEAMCAL_DEMO_IDP=off turns it off.`,
  };
}
