import crypto from 'node:crypto';
import http from 'node:http';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { installDatabase, openDatabase, type DatabaseHandle } from '@/db';
import { auditEvents } from '@/db/schema';
import { UNKNOWN_TOKEN_LIMIT } from '@/lib/dal/feed-access';
import { SIGN_IN_LIMIT_PER_ADDRESS } from '@/lib/dal/users';
import { generateFeedToken } from '@/lib/feed-tokens';
import { createScratchDatabase, type ScratchDatabase } from '@/test/helpers/scratch-database';
import { startAppServer, testPostgresUrl, type AppServer } from '@/test/helpers/app-server';

// TeamCal as an outsider meets it: the production server in its default configuration (no proxy
// trusted), on a PostgreSQL database of its own that the test reads to see what was counted and
// audited. Forged headers, malformed paths, cross-site and oversized actions, and thousands of
// generated bad requests: never a 5xx, never a secret in the log.

let server: AppServer;
let handle: DatabaseHandle;
let database: ScratchDatabase | undefined;

beforeAll(async () => {
  database = await createScratchDatabase(testPostgresUrl(), 'teamcal_attacks');
  server = await startAppServer('attacks', {
    DATABASE_URL: database.url,
    TEAMCAL_SEED_DEMO: 'true',
  });
  handle = openDatabase({ url: database.url });
  installDatabase(handle);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  installDatabase(undefined);
  await handle?.close();
  await database?.drop();
});

const randomAddress = () => Array.from({ length: 4 }, () => crypto.randomInt(1, 255)).join('.');

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request exactly as written: the path is sent byte for byte, headers as given. */
function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer | string,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { hostname, port, method, path, headers, timeout: 20_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`${method} ${path} timed out`)));
    request.on('error', reject);
    request.end(body);
  });
}

/** A sign-in through Auth.js's own endpoint; answers the refusal code it redirected with. */
async function signInAttempt(email: string, password: string, forwardedFor: string) {
  const csrf = await fetch(`${server.baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${server.baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie,
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': forwardedFor,
    },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: '/teams' }),
  });
  return new URL(response.headers.get('location') ?? '/', server.baseUrl).searchParams.get('code');
}

describe('forged client addresses', () => {
  it('count unknown feed tokens under the socket’s address, whatever X-Forwarded-For says', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < UNKNOWN_TOKEN_LIMIT.limit + 5; i++) {
      const response = await fetch(`${server.baseUrl}/api/ics/${generateFeedToken().token}`, {
        headers: { 'x-forwarded-for': randomAddress() },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, UNKNOWN_TOKEN_LIMIT.limit - 1).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(UNKNOWN_TOKEN_LIMIT.limit).every((s) => s === 429)).toBe(true);
  });

  it('check sign-in guesses sprayed over many accounts against the address’s limit, and audit the real address', async () => {
    const accounts = [
      'jules',
      'maya',
      'amelia',
      'hugo',
      'lea',
      'camille',
      'liam',
      'sofia',
      'oscar',
    ];
    const codes: Array<string | null> = [];
    const forged: string[] = [];
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ADDRESS.limit + 10; i++) {
      const address = randomAddress();
      forged.push(address);
      codes.push(
        await signInAttempt(`${accounts[i % accounts.length]}@example.com`, `guess-${i}`, address),
      );
    }
    const checked = codes.filter((code) => code === 'invalid_credentials').length;
    expect(checked).toBe(SIGN_IN_LIMIT_PER_ADDRESS.limit);
    expect(codes.slice(SIGN_IN_LIMIT_PER_ADDRESS.limit).every((c) => c === 'rate_limited')).toBe(
      true,
    );

    const audited = await handle.db
      .select({ ip: auditEvents.ip })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.sign_in_failed'));
    expect(audited).toHaveLength(SIGN_IN_LIMIT_PER_ADDRESS.limit);
    expect(new Set(audited.map((row) => row.ip))).toEqual(new Set(['127.0.0.1']));
    const forgedInAudit = await handle.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(inArray(auditEvents.ip, forged)));
    expect(forgedInAudit).toHaveLength(0);
  });
});

describe('requests Next.js would have answered with a 500', () => {
  it('answers 400 to paths that cannot be decoded, with the usual headers', async () => {
    for (const path of [
      '/api/ics/%zz',
      '/teams/%zz',
      '/guest/%zz',
      '/setup-password/%zz',
      '/..%c0%af',
      '/api/ics/%',
      '/teams/%E0%A4%A',
    ]) {
      const answer = await rawRequest('GET', path);
      expect(answer.status, path).toBe(400);
      expect(answer.headers['x-request-id'], path).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(answer.body).not.toMatch(/at \w+ \(|node_modules/);
    }
  });

  it('refuses a server action from another site with 403, and one over 1 MB with 413', async () => {
    const action = { 'next-action': crypto.randomBytes(21).toString('hex') };
    const foreign = await rawRequest(
      'POST',
      '/absences',
      { ...action, origin: 'https://evil.example', 'content-type': 'text/plain' },
      '[]',
    );
    expect(foreign.status).toBe(403);
    const large = await rawRequest(
      'POST',
      '/absences',
      { ...action, origin: server.baseUrl, 'content-type': 'text/plain' },
      Buffer.alloc(1024 * 1024 + 1, 'a'),
    );
    expect(large.status).toBe(413);
    expect(large.body).toContain('too large');
  });
});

describe('security headers', () => {
  it('put every page under a nonce-based CSP that its scripts carry, without framing', async () => {
    const response = await fetch(`${server.baseUrl}/sign-in`);
    const policy = response.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("frame-ancestors 'none'");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    // Plain HTTP and no trusted proxy: a client's X-Forwarded-Proto earns no HSTS.
    const claimed = await fetch(`${server.baseUrl}/sign-in`, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(claimed.headers.get('strict-transport-security')).toBeNull();
    // Two requests, two nonces.
    const again = await fetch(`${server.baseUrl}/sign-in`);
    expect(again.headers.get('content-security-policy')).not.toBe(policy);
  });

  it('send no referrer from pages whose address holds a secret, errors included', async () => {
    for (const path of [
      `/setup-password/${crypto.randomBytes(32).toString('base64url')}`,
      `/guest/${crypto.randomBytes(32).toString('base64url')}`,
      `/api/ics/${generateFeedToken().token}`,
    ]) {
      const response = await fetch(`${server.baseUrl}${path}`, { redirect: 'manual' });
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('content-security-policy'), path).toBeTruthy();
    }
    const notFound = await fetch(`${server.baseUrl}/no-such-page`, { redirect: 'manual' });
    expect(notFound.headers.get('x-frame-options')).toBe('DENY');
  });

  it('turn on HSTS behind a trusted proxy that says the client used https', async () => {
    const behindProxy = await fetch(`${inject('baseUrl')}/sign-in`, {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.90' },
    });
    expect(behindProxy.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(behindProxy.headers.get('content-security-policy')).toContain(
      'upgrade-insecure-requests',
    );
  });
});

describe('generated bad input', () => {
  // A seeded generator, so a failure can be replayed with the same requests.
  function generator(seed: number) {
    let state = seed;
    const next = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (max: number) => Math.floor(next() * max);
    const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
    const printable = (length: number) =>
      Array.from({ length }, () => String.fromCharCode(32 + int(95))).join('');
    return { int, pick, printable, chance: (p: number) => next() < p };
  }

  const SECRETS: string[] = [];
  const PREFIXES = [
    '/api/ics/',
    '/teams/',
    '/teams/engineering/',
    '/guest/',
    '/setup-password/',
    '/admin/users/',
    '/admin/teams/',
    '/admin/tokens/export',
    '/admin/audit',
    '/api/calendars/team/engineering/export',
    '/api/calendars/',
    '/api/auth/',
    '/api/auth/callback/credentials',
    '/api/health',
    '/absences',
    '/sign-in',
    '/',
    '/_next/static/',
    '/_next/image',
  ] as const;

  function badSegment(g: ReturnType<typeof generator>): string {
    switch (g.int(12)) {
      case 0:
        return g.pick(['%zz', '%', '%c0%af', '%e0%80', '%ff', '%00', '%2e%2e', '%25']);
      case 1: {
        const token = generateFeedToken().token;
        SECRETS.push(token);
        return `${token}${g.pick(['', '.ics', '.ICS', '/x'])}`;
      }
      case 2:
        return `tcal_${crypto.randomBytes(g.int(60)).toString('hex')}`;
      case 3:
        return encodeURIComponent(g.printable(g.int(40)));
      case 4:
        return 'a'.repeat(g.int(3000));
      case 5:
        return g.pick(['..', '../..', '.%2e', '%2e%2e%2f', '//', '\\..\\']);
      case 6:
        return encodeURIComponent('é🙂\u202e\u0000');
      case 7:
        return `${g.printable(5).replace(/[^A-Za-z0-9]/g, '')}?${g.pick(['%zz', 'year=99999', 'month=2026-13', 'year=-1&month=x', 'page=NaN', 'sort=;drop', 'callbackUrl=//evil.example'])}`;
      case 8:
        return crypto.randomBytes(g.int(64)).toString('base64url');
      case 9:
        return String(g.int(2 ** 31));
      case 10:
        return crypto.randomUUID();
      default:
        return g.printable(g.int(20)).replace(/[^A-Za-z0-9._~-]/g, '');
    }
  }

  function badHeaders(g: ReturnType<typeof generator>): Record<string, string> {
    const headers: Record<string, string> = {};
    const add = (name: string, value: string) => (headers[name] = value);
    for (let i = g.int(4); i > 0; i--) {
      switch (g.int(14)) {
        case 0:
          add('if-none-match', g.pick(['*', '"x"', 'W/"1"', g.printable(30), '""']));
          break;
        case 1:
          add(
            'if-modified-since',
            g.pick(['yesterday', 'Tue, 31 Feb 2026 25:61:61 GMT', '0', g.printable(20)]),
          );
          break;
        case 2: {
          const password = `pw-${crypto.randomBytes(9).toString('hex')}`;
          SECRETS.push(password);
          add(
            'authorization',
            `Basic ${Buffer.from(`someone@example.com:${password}`).toString('base64')}`,
          );
          break;
        }
        case 3:
          add(
            'authorization',
            g.pick([
              'Basic',
              'Basic !!!',
              'Bearer x',
              'Basic ' + 'A'.repeat(3000),
              g.printable(40),
            ]),
          );
          break;
        case 4:
          add('cookie', `authjs.session-token=${g.printable(60).replace(/[;,\s]/g, '')}`);
          break;
        case 5:
          add(
            'next-action',
            g.pick([crypto.randomBytes(21).toString('hex'), 'x', '', g.printable(30)]),
          );
          add('origin', server.baseUrl);
          break;
        case 6:
          add(
            'next-router-state-tree',
            g.pick(['%zz', '[]', '{', encodeURIComponent('["",{}]'), g.printable(40)]),
          );
          add('rsc', '1');
          break;
        case 7:
          add(
            'content-type',
            g.pick([
              'multipart/form-data',
              'multipart/form-data; boundary=',
              'application/json',
              'text/plain',
              'application/x-www-form-urlencoded',
              g.printable(20),
            ]),
          );
          break;
        case 8:
          add('accept', g.pick(['text/calendar', '*/*', 'text/x-component', g.printable(20)]));
          break;
        case 9:
          add('range', g.pick(['bytes=0-10', 'bytes=-1', 'bytes=99999999-', 'lines=1']));
          break;
        case 10:
          add('x-forwarded-host', g.pick(['evil.example', '', g.printable(20)]));
          break;
        case 11:
          add('next-router-prefetch', '1');
          add('rsc', '1');
          break;
        case 12:
          add('accept-language', g.printable(50));
          break;
        default:
          add('user-agent', g.printable(g.int(500)));
      }
    }
    return headers;
  }

  function badBody(g: ReturnType<typeof generator>): string | Buffer {
    switch (g.int(6)) {
      case 0:
        return crypto.randomBytes(g.int(4000));
      case 1:
        return '{"a":';
      case 2:
        return `email=${encodeURIComponent(g.printable(30))}&password=${encodeURIComponent(g.printable(30))}&%zz=1`;
      case 3:
        return '--x\r\nContent-Disposition: form-data; name="1_$ACTION_ID_abc"\r\n\r\n\r\n--x--';
      case 4:
        return JSON.stringify([{ id: 'x', bound: '$@1' }, g.printable(50)]);
      default:
        return '';
    }
  }

  it('5,000 generated bad paths, headers and bodies: no answer is a 5xx, no secret reaches the log', async () => {
    const g = generator(20261202);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const total = 5_000;
    let sent = 0;
    const worker = async () => {
      while (sent < total) {
        sent++;
        const method = g.pick([
          'GET',
          'GET',
          'GET',
          'HEAD',
          'POST',
          'POST',
          'PUT',
          'DELETE',
          'OPTIONS',
          'PATCH',
        ]);
        const path = `${g.pick(PREFIXES)}${g.chance(0.8) ? badSegment(g) : ''}`;
        const headers = badHeaders(g);
        const body =
          method === 'POST' || method === 'PUT' || method === 'PATCH' ? badBody(g) : undefined;
        let answer: RawAnswer;
        try {
          answer = await rawRequest(method, path, headers, body);
        } catch (error) {
          // Node refuses to send some generated requests itself (e.g. characters it won't put in
          // a request line); those never reach the server.
          if ((error as NodeJS.ErrnoException).code === 'ERR_UNESCAPED_CHARACTERS') continue;
          if ((error as NodeJS.ErrnoException).code === 'ERR_INVALID_CHAR') continue;
          throw error;
        }
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500)
          failures.push(
            `${answer.status} ${method} ${path.slice(0, 120)} ${JSON.stringify(headers).slice(0, 300)}`,
          );
        if (/at \w+ \(|node_modules|\.tsx?:\d+/.test(answer.body))
          failures.push(`stack trace in ${method} ${path.slice(0, 120)}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    console.log(
      `Fuzz: ${[...statuses]
        .sort()
        .map(([s, n]) => `${s}×${n}`)
        .join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(4_900);

    const log = server.log();
    const leaked = SECRETS.filter((secret) => log.includes(secret));
    expect(leaked).toEqual([]);
  }, 600_000);
});
