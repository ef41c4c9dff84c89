import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Readable } from 'node:stream';
import {
  createFeedCalendar,
  createFeedContext,
  createFeedEvent,
  streamCalendar,
  type CalendarInfo,
  type FeedItem,
} from '@/lib/ics';
import { ANONYMOUS_VIEWER } from '@/lib/privacy';
import { item } from '@/test/helpers/generated-feed';

// `npm run bench`: streams a calendar of 50,000 absences and team events (one in ten a team event,
// some timed, in two zones) to a byte counter, in batches of 500 as the feed's keyset pages would
// arrive, and prints wall time, CPU time and memory. The first run is a cold process (VTIMEZONE
// generation, JIT warm-up); the next ones are what a running server sees. Then ical-generator's
// own `calendar.toString()` on 5,000 of the events, for comparison. Not a test: speed is measured
// here, never asserted. Needs `node --expose-gc` (the npm script passes it) for memory figures.
// BENCH_EVENTS and BENCH_COMPARE_EVENTS (0: skip the comparison) change the sizes.

const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const BATCH = 500;
const COMPARE_EVENTS = Number(process.env.BENCH_COMPARE_EVENTS ?? 5_000);

const info: CalendarInfo = {
  name: 'Benchmark team',
  timeZone: 'Europe/Paris',
  eventTimeZones: ['America/New_York'],
  privacy: 'standard',
  viewer: ANONYMOUS_VIEWER,
  uidDomain: 'teamcal',
  productId: '//TeamCal//Team calendar//EN',
  refreshIntervalSeconds: 3600,
};

// The rows are made before the clock starts: what is measured is the writer, not the made-up data.
const pages: FeedItem[][] = [];
for (let start = 0; start < EVENTS; start += BATCH) {
  pages.push(Array.from({ length: Math.min(BATCH, EVENTS - start) }, (_, i) => item(start + i)));
}

async function* batches(): AsyncGenerator<FeedItem[]> {
  for (const page of pages) yield page;
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function streamOnce(label: string): Promise<void> {
  gc?.();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed + before.external + before.arrayBuffers;
  let peakRss = before.rss;
  const sample = () => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed + now.external + now.arrayBuffers);
    peakRss = Math.max(peakRss, now.rss);
  };
  let bytes = 0;
  let chunks = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const body = streamCalendar(info, batches()) as unknown as NodeReadableStream<Uint8Array>;
  await pipeline(
    Readable.fromWeb(body),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        // process.memoryUsage() takes a while: every fourth chunk is close enough for a peak.
        if (chunks++ % 4 === 0) sample();
        done();
      },
    }),
  );
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  sample();
  const base = before.heapUsed + before.external + before.arrayBuffers;
  console.log(
    `${label}: ${EVENTS} events, ${mb(bytes)} in ${(wall / 1000).toFixed(2)} s ` +
      `(CPU ${((used.user + used.system) / 1e6).toFixed(2)} s, ` +
      `${((wall * 1000) / EVENTS).toFixed(1)} µs/event); ` +
      `peak memory +${mb(peakHeap - base)} (JS heap and buffers), RSS +${mb(peakRss - before.rss)}`,
  );
}

function compareWithToString(): void {
  const items = Array.from({ length: COMPARE_EVENTS }, (_, index) => item(index));
  const context = createFeedContext(info);
  const calendar = createFeedCalendar(info);
  for (const feedItem of items) calendar.createEvent(createFeedEvent(context, feedItem));
  const started = performance.now();
  const text = calendar.toString();
  const wall = performance.now() - started;
  console.log(
    `ical-generator calendar.toString(): ${COMPARE_EVENTS} events, ${mb(text.length)} in ` +
      `${(wall / 1000).toFixed(2)} s (${((wall * 1000) / COMPARE_EVENTS).toFixed(1)} µs/event)`,
  );
}

if (!gc) console.log('(run with node --expose-gc for memory figures from a clean heap)');
await streamOnce('cold process');
await streamOnce('warm');
await streamOnce('warm');
if (COMPARE_EVENTS > 0) compareWithToString();
