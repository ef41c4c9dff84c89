import { describe, expect, it } from 'vitest';
import { cachedFeedBody, cachingFeedBody } from '@/lib/feed-body-cache';

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
});
