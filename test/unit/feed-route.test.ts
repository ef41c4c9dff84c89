import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedRoute, loadFeedRoute } from '@/lib/server/feed-route.mjs';

// The bridge that serves the feed route without Next.js's router, over a real node:http server.
// (The e2e tests read every feed through it from the production build.)

type Method = Parameters<typeof createFeedRoute>[0]['GET'];

interface Served {
  baseUrl: string;
  /** What each call of the route's methods received. */
  calls: { method: string; token: string; url: string; headers: Headers }[];
  /** Requests the bridge left for Next.js. */
  passed: string[];
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

async function serve(answer: (request: Request) => Response): Promise<Served> {
  const calls: Served['calls'] = [];
  const passed: string[] = [];
  const method: Method = async (request, { params }) => {
    const { token } = await params;
    calls.push({ method: request.method, token, url: request.url, headers: request.headers });
    return answer(request);
  };
  const route = createFeedRoute({ GET: method, HEAD: method });
  const server = http.createServer((req, res) => {
    // As the front door does before any handler: its own headers, which the route's replace.
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('X-Request-Id', 'front-door');
    void route(req, res).then((served) => {
      if (served) return;
      passed.push(`${req.method} ${req.url}`);
      res.statusCode = 404;
      res.end('next');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, calls, passed };
}

const calendarResponse = (body: BodyInit | null = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n') =>
  new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Referrer-Policy': 'no-referrer',
      ETag: '"v1"',
    },
  });

describe('the feed route without Next.js’s router', () => {
  it('hands GET and HEAD of a feed path to the route, with the decoded token and the headers', async () => {
    const { baseUrl, calls, passed } = await serve(() => calendarResponse());
    const get = await fetch(`${baseUrl}/api/ics/abc%2Ddef.ics?x=1`, {
      headers: { 'If-None-Match': '"v0"', 'Accept-Language': 'fr-FR' },
    });
    expect(get.status).toBe(200);
    expect(await get.text()).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(get.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(get.headers.get('etag')).toBe('"v1"');
    // The route's header replaces the front door's; the front door's others stay.
    expect(get.headers.get('referrer-policy')).toBe('no-referrer');
    expect(get.headers.get('x-request-id')).toBe('front-door');

    const head = await fetch(`${baseUrl}/api/ics/tok`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');

    expect(calls.map(({ method, token }) => [method, token])).toEqual([
      ['GET', 'abc-def.ics'],
      ['HEAD', 'tok'],
    ]);
    expect(new URL(calls[0]!.url).pathname).toBe('/api/ics/abc%2Ddef.ics');
    expect(calls[0]!.headers.get('if-none-match')).toBe('"v0"');
    expect(calls[0]!.headers.get('accept-language')).toBe('fr-FR');
    expect(passed).toEqual([]);
  });

  it('leaves every other path and method to Next.js', async () => {
    const { baseUrl, calls, passed } = await serve(() => calendarResponse());
    await fetch(`${baseUrl}/api/ics/tok`, { method: 'POST', body: 'x' });
    await fetch(`${baseUrl}/api/ics/tok`, { method: 'OPTIONS' });
    for (const path of ['/api/ics/', '/api/ics/a/b', '/api/ics/tok/', '/api/icsx/tok', '/teams/x'])
      await fetch(`${baseUrl}${path}`);
    expect(calls).toEqual([]);
    expect(passed).toEqual([
      'POST /api/ics/tok',
      'OPTIONS /api/ics/tok',
      'GET /api/ics/',
      'GET /api/ics/a/b',
      'GET /api/ics/tok/',
      'GET /api/icsx/tok',
      'GET /teams/x',
    ]);
  });

  it('sends statuses without a body as they are', async () => {
    const { baseUrl } = await serve(
      () => new Response(null, { status: 304, headers: { ETag: '"v1"' } }),
    );
    const response = await fetch(`${baseUrl}/api/ics/tok`);
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe('"v1"');
  });

  it('streams a large body whole, and cancels it when the client goes away', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(65);
    let pulled = 0;
    let cancelled: (() => void) | undefined;
    const cancelledOnce = new Promise<void>((resolve) => (cancelled = resolve));
    const body = (chunks: number) =>
      new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            pulled++;
            if (pulled > chunks) controller.close();
            else controller.enqueue(chunk);
          },
          cancel: () => cancelled!(),
        },
        { highWaterMark: 0 },
      );

    const whole = await serve(() => calendarResponse(body(100)));
    const bytes = await (await fetch(`${whole.baseUrl}/api/ics/tok`)).arrayBuffer();
    expect(bytes.byteLength).toBe(100 * chunk.length);

    pulled = 0;
    const endless = await serve(() => calendarResponse(body(Infinity)));
    const response = await fetch(`${endless.baseUrl}/api/ics/tok`);
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await cancelledOnce;
    const pulledWhenCancelled = pulled;
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Read only as fast as the client took it: no more pulls once it went.
    expect(pulled).toBe(pulledWhenCancelled);
    expect(pulled).toBeLessThan(1_000);
  });

  it('is not loaded from a folder without a production build (Next.js then serves feeds)', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'teamcal-no-build-'));
    try {
      expect(await loadFeedRoute(empty)).toBeNull();
    } finally {
      fs.rmSync(empty, { recursive: true });
    }
  });
});
