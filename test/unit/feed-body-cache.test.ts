import { describe, expect, it } from 'vitest';
import {
  cachedFeedBody,
  cachingFeedBody,
  createFeedBodyCache,
  ENTRY_OVERHEAD_BYTES,
  MAX_CACHED_BYTES,
} from '@/lib/feed-body-cache';

function streamOf(parts: string[]) {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
}

describe('the feed body cache', () => {
  it('passes a small feed through and serves it again by its ETag', async () => {
    const text = await new Response(
      cachingFeedBody('"small"', streamOf(['BEGIN:', 'VCALENDAR'])),
    ).text();
    expect(text).toBe('BEGIN:VCALENDAR');
    expect(new TextDecoder().decode(cachedFeedBody('"small"'))).toBe('BEGIN:VCALENDAR');
    expect(cachedFeedBody('"other"')).toBeUndefined();
  });

  it('streams a large feed whole without keeping it', async () => {
    const big = Array.from({ length: 300 }, () => 'x'.repeat(4096));
    const text = await new Response(cachingFeedBody('"large"', streamOf(big))).text();
    expect(text.length).toBe(300 * 4096);
    expect(cachedFeedBody('"large"')).toBeUndefined();
  });

  it('never holds more than its bound, however many distinct feeds pass, dropping the least used first', async () => {
    expect(MAX_CACHED_BYTES).toBe(48 * 1024 * 1024);
    // A bound of 100 tiny bodies' worth: each costs its bytes and its entry.
    const bound = 100 * (ENTRY_OVERHEAD_BYTES + 10);
    const cache = createFeedBodyCache(bound);
    const pass = (etag: string) =>
      new Response(cache.caching(etag, streamOf(['0123456789']))).arrayBuffer();
    await pass('"kept"');
    for (let i = 0; i < 1_000; i++) {
      await pass(`"feed-${i}"`);
      // Used now and then, so it stays among the most recently used.
      if (i % 50 === 0) expect(cache.get('"kept"')).toBeDefined();
      expect(cache.bytes).toBeLessThanOrEqual(bound);
    }
    expect(cache.entries).toBe(100);
    expect(cache.get('"feed-0"')).toBeUndefined();
    expect(cache.get('"feed-999"')).toBeDefined();
    expect(cache.get('"kept"')).toBeDefined();
  });
});
