import crypto from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';
import { freePort } from './app-server';

// A real OpenID Connect provider (panva's oidc-provider) for the tests: one confidential client,
// accounts the test chooses, and a small login page Chromium fills. Its issuer is a reverse proxy
// in front of it which, when asked, alters the ID token in the token endpoint's answer (claims
// changed, the old signature kept) or the `state` of the redirect back to TeamCal — what someone
// between TeamCal and the provider, or between the browser and the provider, could do.

export const TEST_IDP_PASSWORD = 'idp-password-1';

export interface IdpAccount {
  /** The provider's subject for this person: what TeamCal binds. */
  sub: string;
  /** What the person types at the provider's login page. */
  login: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestIdentityProvider {
  /** The issuer: the address of the proxy in front of the provider. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds a person; returns the account (its `login` is typed at the login page). */
  addAccount(claims: Omit<IdpAccount, 'sub' | 'login'> & { login?: string }): IdpAccount;
  /** From now on, the ID tokens the token endpoint hands out carry `claims` instead, unsigned. */
  tamperIdTokens(claims: Record<string, unknown> | null): void;
  /** From now on, the redirects back to TeamCal carry another `state` than TeamCal sent. */
  alterReturnedState(on: boolean): void;
  close(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>Username <input name="login" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Continue</button>
</form></main></body></html>`;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Replaces an ID token's payload, keeping its header and (now wrong) signature. */
function tamper(idToken: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = idToken.split('.');
  const original = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as object;
  const altered = Buffer.from(JSON.stringify({ ...original, ...claims })).toString('base64url');
  return `${header}.${altered}.${signature}`;
}

/** Starts the provider and its proxy; `redirectUri` is TeamCal's callback address. */
export async function startIdentityProvider(redirectUri: string): Promise<TestIdentityProvider> {
  const [providerPort, proxyPort] = [await freePort(), await freePort()];
  const issuer = `http://127.0.0.1:${proxyPort}`;
  const clientId = 'teamcal-test';
  const clientSecret = crypto.randomBytes(24).toString('base64url');
  const accounts = new Map<string, IdpAccount>();
  let tamperedClaims: Record<string, unknown> | null = null;
  let alterState = false;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test' }] },
    cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The claims of the requested scopes go into the ID token too, as most providers do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const account = [...accounts.values()].find((candidate) => candidate.sub === id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: account.sub,
          email: account.email,
          email_verified: account.email_verified,
          name: account.name,
        }),
      };
    },
    // TeamCal is a first-party client: no consent screen.
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId ??
        ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const handleOidc = provider.callback();

  const providerServer = http.createServer((req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? '');
    if (!match) return void handleOidc(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method === 'POST' && match[2]) {
          const form = await readForm(req);
          const account = accounts.get(form.get('login') ?? '');
          if (!account || form.get('password') !== TEST_IDP_PASSWORD) {
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            return void res.end(loginPage(details.uid, 'Wrong username or password.'));
          }
          return void (await provider.interactionFinished(
            req,
            res,
            { login: { accountId: account.sub } },
            { mergeWithLastSubmission: false },
          ));
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(loginPage(details.uid));
      } catch (error) {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(`Interaction failed: ${(error as Error).message}`);
      }
    })();
  });

  // The proxy keeps the Host header, so the provider writes every address as the issuer's.
  const proxyServer = http.createServer((req, res) => {
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: providerPort,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        const isToken = req.method === 'POST' && req.url?.startsWith('/token');
        const location = answer.headers.location;
        if (alterState && location?.startsWith(redirectUri)) {
          const altered = new URL(location);
          altered.searchParams.set('state', `${altered.searchParams.get('state')}x`);
          answer.headers.location = altered.toString();
        }
        if (!isToken || !tamperedClaims) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          return void answer.pipe(res);
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id_token?: string };
          if (body.id_token) body.id_token = tamper(body.id_token, tamperedClaims!);
          const text = JSON.stringify(body);
          res.writeHead(answer.statusCode ?? 502, {
            ...answer.headers,
            'content-length': Buffer.byteLength(text),
          });
          res.end(text);
        });
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });

  const listen = (server: http.Server, port: number) =>
    new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(providerServer, providerPort);
  await listen(proxyServer, proxyPort);
  const sockets = new Set<net.Socket>();
  for (const server of [providerServer, proxyServer])
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });

  let counter = 0;
  return {
    issuer,
    clientId,
    clientSecret,
    addAccount({ login, ...claims }) {
      const sub = `subject-${crypto.randomBytes(6).toString('hex')}`;
      const account = { sub, login: login ?? `person-${++counter}`, ...claims };
      accounts.set(account.login, account);
      return account;
    },
    tamperIdTokens(claims) {
      tamperedClaims = claims;
    },
    alterReturnedState(on) {
      alterState = on;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        [providerServer, proxyServer].map(
          (server) => new Promise((resolve) => server.close(resolve)),
        ),
      );
    },
  };
}
