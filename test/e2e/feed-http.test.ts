import crypto from 'node:crypto';
import fs from 'node:fs';
import { and, desc, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { installDatabase, openDatabase, type DatabaseHandle } from '@/db';
import {
  absences,
  absenceTypes,
  auditEvents,
  feedTokens,
  memberships,
  teams,
  users,
} from '@/db/schema';
import { requestAbsence } from '@/lib/dal/absences';
import {
  invalidatePersonalSubscription,
  regeneratePersonalSubscription,
} from '@/lib/dal/feed-tokens';
import { UNKNOWN_TOKEN_LIMIT } from '@/lib/dal/feed-access';
import {
  completeGuestSetup,
  createGuestShare,
  listSharedLinks,
  revokeSharedLink,
} from '@/lib/dal/shares';
import { generateFeedToken } from '@/lib/feed-tokens';
import { absenceRequestSchema, guestShareSchema } from '@/lib/validation';
import { wednesdayAfter } from '@/test/helpers/dates';
import { actorByEmail as actorByEmailIn, subscribe as subscribeIn } from '@/test/helpers/demo-org';
import { parseFeed } from '@/test/helpers/feeds';

const ENGINEERING = { kind: 'team', slug: 'engineering' } as const;

// The feed route over real HTTP, served by the production build on PostgreSQL. The test opens the
// same database to arrange tokens and data, as other users' actions would.

const baseUrl = inject('postgresBaseUrl');
const databaseUrl = inject('postgresDatabaseUrl');
let handle: DatabaseHandle;
const db = () => handle.db;

beforeAll(async () => {
  handle = openDatabase({ url: databaseUrl });
  installDatabase(handle);
});
afterAll(async () => {
  installDatabase(undefined);
  await handle.close();
});

let nextAddress = 1;
/** Each test fetches from its own address, so the unknown-token limit of one never hits another. */
const newAddress = () => `192.0.2.${nextAddress++}`;

function fetchFeed(path: string, init: RequestInit & { address?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('x-forwarded-for', init.address ?? '192.0.2.200');
  headers.set('user-agent', headers.get('user-agent') ?? 'Thunderbird/140.0');
  return fetch(`${baseUrl}${path}`, { ...init, headers });
}

const actorByEmail = (email: string) => actorByEmailIn(db(), email);
const subscribe = (email: string, overrides: Record<string, unknown> = {}) =>
  subscribeIn(db(), email, overrides);

describe('the feed over HTTP', () => {
  it('serves a calendar that ical.js and node-ical read, with the privacy headers', async () => {
    const { path, token } = await subscribe('hugo@example.com');
    const response = await fetchFeed(`${path}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toMatch(/^private/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
    const feed = parseFeed(await response.text());
    // A subscription, not an iTIP message: no METHOD (see lib/ics/calendar.ts).
    expect(feed.property('method')).toBeNull();
    expect(feed.property('x-wr-calname')).toContain('Engineering');
    expect(feed.events.length).toBeGreaterThan(20);
    const [{ n }] = (await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(absences)
      .innerJoin(memberships, eq(memberships.userId, absences.userId))
      .innerJoin(teams, eq(teams.id, memberships.teamId))
      .where(and(eq(teams.slug, ENGINEERING.slug), eq(absences.status, 'approved')))) as [
      { n: number },
    ];
    expect(feed.events.filter((e) => e.uid.startsWith('absence-')).length).toBe(n);
    expect(fs.readFileSync(inject('postgresServerLogPath'), 'utf8')).not.toContain(token);
  });

  it('is served by the built route without Next.js’s router; other methods still reach Next.js', async () => {
    const { path } = await subscribe('hugo@example.com');
    const response = await fetchFeed(path);
    expect(response.status).toBe(200);
    // Next.js's router adds its RSC Vary to every response it routes (lib/server/feed-route.mjs).
    expect(response.headers.get('vary') ?? '').not.toMatch(/rsc/i);
    expect(response.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(fs.readFileSync(inject('postgresServerLogPath'), 'utf8')).not.toContain(
      'feeds go through Next.js',
    );
    const post = await fetchFeed(path, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('vary') ?? '').toMatch(/rsc/i);
  });

  it('answers HEAD with the same headers and no body', async () => {
    const { path } = await subscribe('lea@example.com');
    const [get, head] = [await fetchFeed(path), await fetchFeed(path, { method: 'HEAD' })];
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await head.text()).toBe('');
  });

  it('answers 304 by ETag and by date, and a new ETag after an edit', async () => {
    const { path } = await subscribe('noah@example.com');
    // A change less than a second old has no Last-Modified (only the ETag validates then).
    expect((await fetchFeed(path)).headers.get('last-modified')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const first = await fetchFeed(path);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(Date.parse(lastModified)).not.toBeNaN();
    const byTag = await fetchFeed(path, { headers: { 'if-none-match': etag } });
    expect(byTag.status).toBe(304);
    expect(byTag.headers.get('etag')).toBe(etag);
    expect(await byTag.text()).toBe('');
    const byDate = await fetchFeed(path, { headers: { 'if-modified-since': lastModified } });
    expect(byDate.status).toBe(304);

    const colleague = await actorByEmail('ines@example.com');
    // A working day for Inès, whose team keeps public holidays.
    const day = wednesdayAfter(400);
    const [remote] = await db().select().from(absenceTypes).where(eq(absenceTypes.key, 'remote'));
    await requestAbsence(
      colleague,
      absenceRequestSchema.parse({ typeId: remote!.id, startDate: day, endDate: day }),
    );
    const after = await fetchFeed(path, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const sinceOld = await fetchFeed(path, { headers: { 'if-modified-since': lastModified } });
    expect(sinceOld.status).toBe(200);
    const feed = parseFeed(await after.text());
    expect(feed.events.some((e) => e.startDate === day)).toBe(true);
  });

  it('records when and by which client the link was used, off the response path', async () => {
    const { path, subscription } = await subscribe('manon@example.com');
    await fetchFeed(path, { headers: { 'user-agent': 'Google-Calendar-Importer' } });
    let row: typeof feedTokens.$inferSelect | undefined;
    for (let attempt = 0; attempt < 40 && !row?.lastUsedAt; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      [row] = await db().select().from(feedTokens).where(eq(feedTokens.id, subscription.id));
    }
    expect(row).toMatchObject({ lastUsedUserAgent: 'Google-Calendar-Importer', useCount: 1 });
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, subscription.id))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit?.action).toBe('feed_token.first_used');
  });
});

describe('feed errors', () => {
  it('answers 404 to a random or malformed token', async () => {
    const address = newAddress();
    expect((await fetchFeed(`/api/ics/${generateFeedToken().token}`, { address })).status).toBe(
      404,
    );
    for (const junk of [
      'nope',
      'tcal_abc',
      `${generateFeedToken().token.slice(0, -1)}x`,
      'x'.repeat(500),
    ])
      expect((await fetchFeed(`/api/ics/${junk}`, { address })).status).toBe(404);
  });

  it('answers 410 once the link is invalidated, regenerated or expired', async () => {
    const invalidated = await subscribe('chloe@example.com');
    await invalidatePersonalSubscription(
      invalidated.actor,
      ENGINEERING,
      invalidated.subscription.id,
    );
    expect((await fetchFeed(invalidated.path)).status).toBe(410);

    const rotated = await subscribe('lucas@example.com');
    const renewed = await regeneratePersonalSubscription(
      rotated.actor,
      ENGINEERING,
      rotated.subscription.id,
    );
    expect((await fetchFeed(rotated.path)).status).toBe(410);
    expect((await fetchFeed(`/api/ics/${renewed.token}`)).status).toBe(200);

    const expiring = await subscribe('jules@example.com');
    await db()
      .update(feedTokens)
      .set({
        createdAt: sql`now() - interval '200 days'`,
        expiresAt: sql`now() - interval '1 minute'`,
      })
      .where(eq(feedTokens.id, expiring.subscription.id));
    expect((await fetchFeed(expiring.path)).status).toBe(410);
  });

  it('answers 410 once the owner is removed from the team or disabled', async () => {
    const removed = await subscribe('ines@example.com');
    const [engineering] = await db().select().from(teams).where(eq(teams.slug, ENGINEERING.slug));
    await db()
      .delete(memberships)
      .where(
        and(eq(memberships.userId, removed.actor.id), eq(memberships.teamId, engineering!.id)),
      );
    expect((await fetchFeed(removed.path)).status).toBe(410);

    const disabled = await subscribe('camille@example.com');
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.actor.id));
    expect((await fetchFeed(disabled.path)).status).toBe(410);
    await db().update(users).set({ disabledAt: null }).where(eq(users.id, disabled.actor.id));
  });

  it('tells an address that tries too many unknown tokens to wait, with Retry-After', async () => {
    const address = newAddress();
    for (let i = 1; i < UNKNOWN_TOKEN_LIMIT.limit; i++)
      expect((await fetchFeed(`/api/ics/${generateFeedToken().token}`, { address })).status).toBe(
        404,
      );
    const refused = await fetchFeed(`/api/ics/${generateFeedToken().token}`, { address });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers 503 with Retry-After while the database is down, and 404 to junk without asking it', async () => {
    const { path } = await subscribe('hugo@example.com');
    const name = new URL(databaseUrl).pathname.slice(1);
    const admin = postgres(databaseUrl.replace(`/${name}`, '/postgres'), {
      max: 1,
      onnotice: () => {},
    });
    try {
      await admin.unsafe(`alter database ${name} allow_connections false`);
      await admin.unsafe(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
      );
      const down = await fetchFeed(path);
      expect(down.status).toBe(503);
      expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = await down.text();
      expect(body).not.toMatch(/at \w+ \(|node_modules|Error:/);
      // A bad checksum is refused before any query, so the outage doesn't show.
      expect(
        (await fetchFeed(`/api/ics/tcal_${crypto.randomBytes(20).toString('hex')}`)).status,
      ).toBe(404);
    } finally {
      await admin.unsafe(`alter database ${name} allow_connections true`);
      await admin.end();
    }
    let recovered = 0;
    for (let attempt = 0; attempt < 20 && recovered !== 200; attempt++) {
      recovered = (await fetchFeed(path)).status;
      if (recovered !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered).toBe(200);
  });
});

describe('guest feeds over HTTP', () => {
  async function guestFeed() {
    const camille = await actorByEmail('camille@example.com');
    const email = `guest-${crypto.randomBytes(3).toString('hex')}@partner.example`;
    const { setupSecret } = await createGuestShare(
      camille,
      ENGINEERING,
      guestShareSchema.parse({ email, label: 'Partner', privacy: 'standard' }),
    );
    const { token } = await completeGuestSetup(setupSecret, 'the guest password');
    const authorization = (password: string) =>
      `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;
    return { camille, email, token, path: `/api/ics/${token}`, authorization };
  }

  it('asks for the guest’s email and password, and serves the calendar with them', async () => {
    const guest = await guestFeed();
    const address = newAddress();
    const missing = await fetchFeed(guest.path, { address });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Basic realm="TeamCal", charset="UTF-8"');
    const wrong = await fetchFeed(guest.path, {
      address,
      headers: { authorization: guest.authorization('not it') },
    });
    expect(wrong.status).toBe(401);
    const right = await fetchFeed(guest.path, {
      address,
      headers: { authorization: guest.authorization('the guest password') },
    });
    expect(right.status).toBe(200);
    const feed = parseFeed(await right.text());
    expect(feed.events.length).toBeGreaterThan(10);
    expect(feed.events.some((e) => e.summary.includes('Sick leave'))).toBe(false);
  });

  it('answers 429 after repeated wrong passwords from one address, and 410 once revoked', async () => {
    const guest = await guestFeed();
    const address = newAddress();
    let status = 0;
    for (let i = 0; i < 15 && status !== 429; i++)
      status = (
        await fetchFeed(guest.path, {
          address,
          headers: { authorization: guest.authorization(`x${i}`) },
        })
      ).status;
    expect(status).toBe(429);

    const [link] = (await listSharedLinks(guest.camille, ENGINEERING)).filter(
      (l) => l.guest?.email === guest.email,
    );
    await revokeSharedLink(guest.camille, ENGINEERING, link!.id);
    const revoked = await fetchFeed(guest.path, {
      address: newAddress(),
      headers: { authorization: guest.authorization('the guest password') },
    });
    expect(revoked.status).toBe(410);
  });
});
