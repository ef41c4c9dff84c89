import { createLruCache } from '@/lib/lru-cache';

// Serialised feed bodies, kept by strong ETag. The ETag changes whenever the calendar, the link's
// settings, the window's rows or the expiry reminder do (the team's calendar_version lives in the
// database), so a hit is always current, on any instance. Only small bodies are kept: large feeds
// stream every time and memory stays bounded.

const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_CACHED_BYTES = 48 * 1024 * 1024;
/**
 * What an entry costs besides its bytes (the ETag string, the map's entry): counted too, so that
 * many tiny bodies cannot grow the map past the bound either.
 */
export const ENTRY_OVERHEAD_BYTES = 256;

export interface FeedBodyCache {
  /** The body kept under this ETag, if any (it becomes the most recently used). */
  get(etag: string): Uint8Array<ArrayBuffer> | undefined;
  /** Passes a feed through unchanged, keeping a copy by ETag if it ends up small enough. */
  caching(etag: string, body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array>;
  /** Bodies kept, and what they cost with their overhead (never above the bound). */
  readonly entries: number;
  readonly bytes: number;
}

export function createFeedBodyCache(maxBytes = MAX_CACHED_BYTES): FeedBodyCache {
  const bodies = createLruCache<string, Uint8Array<ArrayBuffer>>(
    maxBytes,
    (_etag, body) => body.length + ENTRY_OVERHEAD_BYTES,
  );

  return {
    get: (etag) => bodies.get(etag),
    caching(etag, body) {
      let parts: Uint8Array[] | null = [];
      let size = 0;
      return body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            controller.enqueue(chunk);
            if (!parts) return;
            size += chunk.length;
            if (size > MAX_BODY_BYTES) parts = null;
            else parts.push(chunk);
          },
          flush() {
            if (!parts) return;
            const whole = new Uint8Array(size);
            let offset = 0;
            for (const part of parts) {
              whole.set(part, offset);
              offset += part.length;
            }
            bodies.set(etag, whole);
          },
        }),
      );
    },
    get entries() {
      return bodies.size;
    },
    get bytes() {
      return bodies.cost;
    },
  };
}

const cache = createFeedBodyCache();

export function cachedFeedBody(etag: string): Uint8Array<ArrayBuffer> | undefined {
  return cache.get(etag);
}

/** Passes a feed through unchanged, keeping a copy by ETag if it ends up small enough. */
export function cachingFeedBody(etag: string, body: ReadableStream<Uint8Array>) {
  return cache.caching(etag, body);
}
