import crypto from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import { createIdentityProvider } from '@/lib/server/identity-provider.mjs';
import { freePort } from './app-server';

// A real OpenID Connect provider (panva's oidc-provider, as lib/server/identity-provider.mjs sets
// it up for the embedded demo) for the tests: one confidential client, accounts the test chooses,
// and its small login page, which Chromium fills. Its issuer is a reverse proxy
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

const claimsOf = ({ sub, email, email_verified, name }: IdpAccount) => ({
  sub,
  email,
  email_verified,
  name,
});

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

  const provider = await createIdentityProvider({
    issuer,
    clientId,
    clientSecret,
    redirectUris: [redirectUri],
    title: 'Test identity provider',
    signIn: (login, password) => {
      const account = accounts.get(login);
      return account && password === TEST_IDP_PASSWORD ? claimsOf(account) : null;
    },
    claimsOf: (sub) => {
      const account = [...accounts.values()].find((candidate) => candidate.sub === sub);
      return account ? claimsOf(account) : null;
    },
  });
  const providerServer = http.createServer((req, res) => void provider.handle(req, res));

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
