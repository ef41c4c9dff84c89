import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDatabase, openDatabase, type DatabaseHandle } from '@/db';
import { startAppServer, LOG_DIR, type AppServer } from '@/test/helpers/app-server';
import { setupBrowser, signInAs } from '@/test/helpers/browser';
import { subscribe } from '@/test/helpers/demo-org';
import { startThrowawayPostgres, type ThrowawayPostgres } from '@/test/helpers/throwaway-postgres';

// The production server on a PostgreSQL cluster of this test's own, which the test stops, freezes
// and restarts. Every surface must answer — 503 with Retry-After, a page that says what is wrong,
// a form message — and never hang; once the database is back, requests succeed without a restart.
// Each answer's time is recorded (in .test-results/database-faults.json and the README); the test
// only requires that an answer comes at all before a client would give up.

const CLIENT_GIVES_UP_MS = 10_000;
const browser = setupBrowser();
let cluster: ThrowawayPostgres;
let server: AppServer;
let handle: DatabaseHandle;
let feedPath: string;
let cookie: string;
const figures: Record<string, { statuses: number[]; slowestMs: number }> = {};

interface Answer {
  status: number;
  ms: number;
  retryAfter: string | null;
  body: string;
}

async function probe(surface: string, phase: string, url: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}${url}`, {
    headers: { cookie, 'x-forwarded-for': '198.51.100.200' },
    redirect: 'manual',
    signal: AbortSignal.timeout(CLIENT_GIVES_UP_MS),
  });
  const body = await response.text();
  const answer = {
    status: response.status,
    ms: Math.round(performance.now() - started),
    retryAfter: response.headers.get('retry-after'),
    body,
  };
  const figure = (figures[`${phase}: ${surface}`] ??= { statuses: [], slowestMs: 0 });
  figure.statuses.push(answer.status);
  figure.slowestMs = Math.max(figure.slowestMs, answer.ms);
  return answer;
}

const surfaces = () => ({
  feed: feedPath,
  export: '/api/calendars/team/engineering/export',
  health: '/api/health',
  page: '/teams/engineering',
});

/** Every surface, `rounds` times, a little apart: each answers 503 with Retry-After. */
async function expectUnavailable(phase: string, rounds: number) {
  for (let round = 0; round < rounds; round++) {
    for (const [surface, url] of Object.entries(surfaces())) {
      const answer = await probe(surface, phase, url);
      expect(answer.status, `${phase}: ${surface}`).toBe(503);
      expect(Number(answer.retryAfter), `${phase}: ${surface} Retry-After`).toBeGreaterThan(0);
      expect(answer.body).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
      if (surface === 'page') expect(answer.body).toContain('TeamCal can’t reach its database');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Polls every surface until one round answers 200 on all of them; returns how long that took
 * from the database's return. (A connection caught mid-handshake by the restart may fail once.)
 */
async function timeToRecover(phase: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const statuses = [];
    for (const [surface, url] of Object.entries(surfaces()))
      statuses.push((await probe(surface, phase, url)).status);
    if (statuses.every((status) => status === 200)) break;
    expect(performance.now() - started, 'recovered without a restart').toBeLessThan(30_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Math.round(performance.now() - started);
}

beforeAll(async () => {
  cluster = await startThrowawayPostgres();
  const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
  await admin.unsafe('create database teamcal');
  await admin.end();
  server = await startAppServer('database-faults', {
    DATABASE_URL: cluster.url('teamcal'),
    TEAMCAL_SEED_DEMO: 'true',
    TRUST_PROXY_HOPS: '1',
  });
  handle = openDatabase({ url: cluster.url('teamcal') });
  installDatabase(handle);
  feedPath = (await subscribe(handle.db, 'hugo@example.com')).path;
  await handle.close();
  installDatabase(undefined);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  cluster?.destroy();
  fs.writeFileSync(
    path.join(LOG_DIR, 'database-faults.json'),
    `${JSON.stringify(figures, null, 2)}\n`,
  );
  console.log('Database faults, slowest answer per phase and surface:');
  for (const [name, figure] of Object.entries(figures))
    console.log(`  ${name}: ${figure.slowestMs} ms (${[...new Set(figure.statuses)].join('/')})`);
});

describe('when PostgreSQL fails', () => {
  it('answers every surface while it is up, then 503s while it is stopped, and recovers alone', async () => {
    const page = await browser.newPage({
      baseUrl: server.baseUrl,
      clientAddress: '198.51.100.201',
    });
    await signInAs(page, 'hugo@example.com');
    cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    for (const [surface, url] of Object.entries(surfaces()))
      expect((await probe(surface, 'up', url)).status, surface).toBe(200);

    await page.goto('/absences');
    cluster.stop();
    // Long enough for any reconnection backoff to have grown (it used to reach 20 s).
    await expectUnavailable('stopped', 12);

    // A form keeps what was typed and says what is wrong.
    await page.getByLabel('Type').selectOption({ index: 1 });
    await page.getByLabel('First day', { exact: true }).fill('2031-03-03');
    await page.getByLabel('Last day', { exact: true }).fill('2031-03-04');
    await page.getByRole('button', { name: 'Request absence' }).click();
    await page.getByText('TeamCal can’t reach its database').waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('First day', { exact: true }).inputValue()).toBe('2031-03-03');

    cluster.start();
    figures['restarted: time to recover'] = {
      statuses: [200],
      slowestMs: await timeToRecover('restarted'),
    };
  });

  it('answers 503 instead of hanging while it is frozen, and recovers when it thaws', async () => {
    await timeToRecover('before freezing');
    cluster.freeze();
    try {
      await expectUnavailable('frozen', 4);
    } finally {
      cluster.thaw();
    }
    figures['thawed: time to recover'] = {
      statuses: [200],
      slowestMs: await timeToRecover('thawed'),
    };
  });

  it('cancels a query that waits too long and answers 503, without piling up', async () => {
    await timeToRecover('before the lock');
    const blocker = postgres(cluster.url('teamcal'), { max: 1, onnotice: () => {} });
    try {
      await blocker.begin(async (sql) => {
        // Every feed query reads feed_tokens; held exclusively, they wait until the timeout.
        await sql`lock table feed_tokens in access exclusive mode`;
        const answers = await Promise.all(
          Array.from({ length: 5 }, () => probe('feed', 'statement timeout', feedPath)),
        );
        for (const answer of answers) {
          expect(answer.status).toBe(503);
          expect(Number(answer.retryAfter)).toBeGreaterThan(0);
        }
      });
    } finally {
      await blocker.end();
    }
    figures['after the lock: time to recover'] = {
      statuses: [200],
      slowestMs: await timeToRecover('after the lock'),
    };
  });

  it('logs each failure as one line with the request id, and no secret', () => {
    const log = server.log();
    expect(log).toMatch(/request-failed id=[0-9a-f-]{36} GET \/api\/ics\/\[secret\] 503/);
    expect(log).not.toContain(feedPath.split('/').pop()!);
  });
});
