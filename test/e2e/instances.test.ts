import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDatabase, openDatabase, type DatabaseHandle } from '@/db';
import { feedTokens } from '@/db/schema';
import { requestAbsence } from '@/lib/dal/absences';
import { UNKNOWN_TOKEN_LIMIT } from '@/lib/dal/feed-access';
import { generateFeedToken } from '@/lib/feed-tokens';
import { absenceRequestSchema } from '@/lib/validation';
import { wednesdayAfter } from '@/test/helpers/dates';
import { createScratchDatabase, type ScratchDatabase } from '@/test/helpers/scratch-database';
import { startAppServer, testPostgresUrl, type AppServer } from '@/test/helpers/app-server';
import { setupBrowser, signInAs } from '@/test/helpers/browser';
import { actorByEmail, allTypeIds, subscribe } from '@/test/helpers/demo-org';

// Production runs several stateless instances behind a load balancer on one PostgreSQL: two
// production servers here, one database, and nothing one of them knows that the other doesn't.

const browser = setupBrowser();
let a: AppServer;
let b: AppServer;
let handle: DatabaseHandle;
let database: ScratchDatabase | undefined;
const authSecret = crypto.randomBytes(32).toString('base64url');
let env: Record<string, string> = {};

beforeAll(async () => {
  database = await createScratchDatabase(testPostgresUrl(), 'teamcal_instances');
  // As a load-balanced deployment is configured: one public address for every instance.
  env = {
    DATABASE_URL: database.url,
    TRUST_PROXY_HOPS: '1',
    TEAMCAL_PUBLIC_URL: 'http://teamcal.example.com',
  };
  [a, b] = await Promise.all([
    startAppServer('instance-a', { ...env, TEAMCAL_SEED_DEMO: 'true' }, { authSecret }),
    startAppServer('instance-b', env, { authSecret }),
  ]);
  handle = openDatabase({ url: database.url });
  installDatabase(handle);
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  installDatabase(undefined);
  await handle?.close();
  await database?.drop();
});

const feed = (server: AppServer, path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}${path}`, {
    headers: { 'x-forwarded-for': '203.0.113.77', ...headers },
  });

describe('two instances on one database', () => {
  it('a link invalidated through instance A answers 410 on instance B at once', async () => {
    const page = await browser.newPage({ baseUrl: a.baseUrl, clientAddress: '198.51.100.120' });
    await signInAs(page, 'hugo@example.com');
    const { path } = await subscribe(handle.db, 'hugo@example.com');
    // B has served (and may keep) the body.
    expect((await feed(b, path)).status).toBe(200);

    await page.goto('/teams/engineering');
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Subscribe/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe to Engineering' });
    page.once('dialog', (confirm) => void confirm.accept());
    await dialog.getByRole('button', { name: 'Invalidate' }).click();
    await dialog.getByText(/Link invalidated/).waitFor();

    expect((await feed(b, path)).status).toBe(410);
    expect((await feed(a, path)).status).toBe(410);
  });

  it('shares the failed-attempt limit: unknown links tried on both count together', async () => {
    const address = '203.0.113.91';
    const statuses: number[] = [];
    for (let i = 0; i < UNKNOWN_TOKEN_LIMIT.limit + 2; i++) {
      const server = i % 2 === 0 ? a : b;
      const response = await fetch(`${server.baseUrl}/api/ics/${generateFeedToken().token}`, {
        headers: { 'x-forwarded-for': address },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, UNKNOWN_TOKEN_LIMIT.limit - 1).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(UNKNOWN_TOKEN_LIMIT.limit).every((s) => s === 429)).toBe(true);
  });

  it('never serves a body for a version the other instance has moved past', async () => {
    const { path } = await subscribe(handle.db, 'camille@example.com', {
      includePending: 'on',
    });
    const [fromA, fromB] = await Promise.all([feed(a, path), feed(b, path)]);
    const etag = fromA.headers.get('etag')!;
    expect(fromB.headers.get('etag')).toBe(etag);
    expect(await fromB.text()).toBe(await fromA.text());

    // Someone's request, made anywhere, moves the calendar's version.
    const lea = await actorByEmail(handle.db, 'lea@example.com');
    const types = await allTypeIds(handle.db);
    // Inside the feed's window and the two years a request may reach, far from the seeded weeks.
    const day = wednesdayAfter(400);
    await requestAbsence(
      lea,
      absenceRequestSchema.parse({ typeId: types[0], startDate: day, endDate: day, note: '' }),
    );

    const [afterA, afterB] = await Promise.all([
      feed(a, path, { 'if-none-match': etag }),
      feed(b, path, { 'if-none-match': etag }),
    ]);
    expect(afterA.status).toBe(200);
    expect(afterB.status).toBe(200);
    expect(afterA.headers.get('etag')).not.toBe(etag);
    expect(afterB.headers.get('etag')).toBe(afterA.headers.get('etag'));
    const [bodyA, bodyB] = [await afterA.text(), await afterB.text()];
    expect(bodyB).toBe(bodyA);
    expect(bodyA).toContain(day.replaceAll('-', ''));
  });

  it('adds up usage counted by both, written when each instance shuts down', async () => {
    const { path, subscription } = await subscribe(handle.db, 'jules@example.com');
    for (let i = 0; i < 3; i++) expect((await feed(a, path)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await feed(b, path)).status).toBe(200);
    await Promise.all([a.stop(), b.stop()]);
    const [row] = await handle.db
      .select({ useCount: feedTokens.useCount, lastUsedIp: feedTokens.lastUsedIp })
      .from(feedTokens)
      .where(eq(feedTokens.id, subscription.id));
    expect(row).toEqual({ useCount: 7, lastUsedIp: '203.0.113.77' });
  });

  it('after a restart, one ETag still means the same bytes', async () => {
    const { path } = await subscribe(handle.db, 'chloe@example.com');
    const read = async (server: AppServer) => {
      const response = await feed(server, path);
      return { etag: response.headers.get('etag'), body: await response.text() };
    };
    const first = await startAppServer('instance-c', env, { authSecret });
    const before = await read(first).finally(() => first.stop());
    const again = await startAppServer('instance-c', env, { authSecret });
    const after = await read(again).finally(() => again.stop());
    expect(after.etag).toBe(before.etag);
    expect(after.body).toBe(before.body);
  });
});
