import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { ANONYMOUS_VIEWER } from '@/lib/privacy';
import { streamCalendar, type CalendarInfo, type FeedItem } from '@/lib/ics';
import { item } from './ics-writer-items';

// `npm run bench`: streams a calendar of 50,000 absences and team events (half of the events
// timed, in two zones) to a byte counter, in batches of 500 as the feed's keyset pages arrive, and
// prints the time and the memory it took. Not a test: speed is measured here, never asserted.
// Run with `node --expose-gc` (as the npm script does) for a clean memory baseline.

const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const BATCH = 500;

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

async function* batches(): AsyncGenerator<FeedItem[]> {
  for (let start = 0; start < EVENTS; start += BATCH) {
    const batch: FeedItem[] = [];
    for (let i = start; i < Math.min(EVENTS, start + BATCH); i++) batch.push(item(i));
    yield batch;
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage();
let peakRss = before.rss;
let peakHeap = before.heapUsed;
let bytes = 0;
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  peakRss = Math.max(peakRss, now.rss);
  peakHeap = Math.max(peakHeap, now.heapUsed);
}, 5);

const started = performance.now();
await pipeline(
  Readable.fromWeb(streamCalendar(info, batches()) as import('node:stream/web').ReadableStream),
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
      done();
    },
  }),
);
const elapsed = performance.now() - started;
clearInterval(sampler);

const mb = (value: number) => `${(value / 1024 / 1024).toFixed(1)} MB`;
console.log(`events:        ${EVENTS} in batches of ${BATCH}`);
console.log(`output:        ${mb(bytes)}`);
console.log(
  `time:          ${(elapsed / 1000).toFixed(2)} s (${((elapsed * 1000) / EVENTS).toFixed(1)} µs/event)`,
);
console.log(`peak heap:     +${mb(peakHeap - before.heapUsed)} over ${mb(before.heapUsed)}`);
console.log(`peak RSS:      +${mb(peakRss - before.rss)} over ${mb(before.rss)}`);
console.log(
  gc ? 'gc: exposed' : 'gc: not exposed (run with node --expose-gc for a clean baseline)',
);
