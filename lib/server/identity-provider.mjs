// @ts-check
import crypto from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';

// A small OpenID Connect provider (panva's oidc-provider) with one confidential client and a
// login page of its own: the embedded demo's identity provider (demo-idp.mjs) and the tests' one
// (test/helpers/oidc-provider.ts). It signs with a key made at start and keeps its sessions in
// memory: nothing of it outlives the process.

/**
 * @typedef {{ sub: string, email?: string, email_verified?: boolean, name?: string }} Claims
 * @typedef {{
 *   issuer: string,
 *   clientId: string,
 *   clientSecret: string,
 *   redirectUris: string[],
 *   title: string,
 *   notice?: string,
 *   signIn: (login: string, password: string) => Claims | null,
 *   claimsOf: (sub: string) => Claims | null,
 *   trustProxy?: boolean,
 * }} IdentityProviderOptions
 */

const escapeHtml = (/** @type {string} */ text) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Its pages are its own: forms post to it and are then redirected to the client's (registered)
// redirect address, wherever that is.
const PAGE_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'";

/**
 * @param {{ title: string, notice?: string, action: string, error?: string, login?: string }} page
 */
function loginPage({ title, notice, action, error, login = '' }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:flex;min-height:100vh;align-items:center;justify-content:center;margin:0;padding:1rem}main{background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;padding:1.5rem;width:100%;max-width:22rem}h1{font-size:1.15rem;margin:0 0 .5rem}.notice{background:#fef3c7;border:1px solid #f59e0b;border-radius:.375rem;padding:.5rem .75rem;font-size:.875rem}.error{color:#991b1b}label{display:block;font-size:.875rem;margin-top:.75rem}input{display:block;width:100%;box-sizing:border-box;margin-top:.25rem;padding:.4rem .5rem;border:1px solid #cbd5e1;border-radius:.375rem;font:inherit}button{margin-top:1rem;width:100%;padding:.5rem;border:0;border-radius:.375rem;background:#1e40af;color:#fff;font:inherit;cursor:pointer}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>
${notice ? `<p class="notice">${escapeHtml(notice)}</p>` : ''}
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
<label>Email or username <input name="login" autocomplete="username" value="${escapeHtml(login)}" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Continue</button>
</form></main></body></html>`;
}

/** @param {import('node:http').IncomingMessage} req */
async function readForm(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 10_000) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} html
 */
function sendPage(res, status, html) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', PAGE_SECURITY_POLICY);
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}

/**
 * oidc-provider warns about its in-memory storage and about Node 20 on every start: expected
 * here (nothing is meant to outlive the process; it runs on Node 20), so not printed.
 * @template T
 * @param {() => Promise<T>} work
 */
async function withoutProviderWarnings(work) {
  const warn = console.warn;
  console.warn = (/** @type {unknown[]} */ ...args) => {
    if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider WARNING')) return;
    warn(...args);
  };
  try {
    return await work();
  } finally {
    console.warn = warn;
  }
}

/**
 * Builds the provider. `handle` serves it at the issuer's path: a request whose URL starts with
 * that path (e.g. `/demo-idp/...`), or any URL when the issuer has no path.
 * @param {IdentityProviderOptions} options
 */
export async function createIdentityProvider(options) {
  const mountPath = new URL(options.issuer).pathname.replace(/\/$/, '');
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const key = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'k1' };
  const provider = await withoutProviderWarnings(async () => {
    const { default: Provider } = await import('oidc-provider');
    return new Provider(options.issuer, {
      clients: [
        {
          client_id: options.clientId,
          client_secret: options.clientSecret,
          redirect_uris: options.redirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      jwks: { keys: [key] },
      cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      // The claims of the requested scopes go into the ID token too, as most providers do.
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
      pkce: { required: () => true },
      async findAccount(_ctx, sub) {
        const claims = options.claimsOf(sub);
        return claims ? { accountId: sub, claims: () => claims } : undefined;
      },
      // The one client is first-party: no consent screen.
      async loadExistingGrant(ctx) {
        const session = /** @type {NonNullable<typeof ctx.oidc.session>} */ (ctx.oidc.session);
        const client = /** @type {NonNullable<typeof ctx.oidc.client>} */ (ctx.oidc.client);
        const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
        if (grantId) return ctx.oidc.provider.Grant.find(grantId);
        const grant = new ctx.oidc.provider.Grant({
          clientId: client.clientId,
          accountId: /** @type {string} */ (session.accountId),
        });
        grant.addOIDCScope('openid email profile');
        await grant.save();
        return grant;
      },
    });
  });
  provider.proxy = options.trustProxy ?? false;
  const callback = provider.callback();
  const interaction = new RegExp(`^${mountPath}/interaction/([\\w-]+)(/login)?$`);

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handleInteraction(req, res, /** @type {RegExpExecArray} */ match) {
    const details = await provider.interactionDetails(req, res);
    const action = `${mountPath}/interaction/${details.uid}/login`;
    const page = { title: options.title, notice: options.notice, action };
    if (req.method === 'POST' && match[2]) {
      const form = await readForm(req);
      const login = (form.get('login') ?? '').trim().slice(0, 200);
      const claims = options.signIn(login, form.get('password') ?? '');
      if (!claims)
        return sendPage(res, 200, loginPage({ ...page, login, error: 'Wrong email or password.' }));
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: claims.sub } },
        { mergeWithLastSubmission: false },
      );
    }
    sendPage(res, 200, loginPage(page));
  }

  return {
    issuer: options.issuer,
    /**
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     */
    async handle(req, res) {
      const url = req.url ?? '/';
      const match = interaction.exec(url.split('?')[0] ?? '');
      if (match) {
        try {
          await handleInteraction(req, res, match);
        } catch {
          // An expired or unknown interaction: start again from the client.
          sendPage(
            res,
            400,
            '<!doctype html><title>Sign-in expired</title><p>This sign-in has expired. Go back and start again.</p>',
          );
        }
        return;
      }
      // oidc-provider finds where it is mounted from the original URL.
      const rest = url.slice(mountPath.length);
      Object.assign(req, { originalUrl: url, url: rest.startsWith('/') ? rest : `/${rest}` });
      await callback(req, res);
    },
  };
}
