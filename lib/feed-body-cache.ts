// Serialised feed bodies, kept by strong ETag. The ETag changes whenever the calendar, the link's
// settings, the window's rows or the expiry reminder do (the team's calendar_version lives in the
// database), so a hit is always current, on any instance. Only small bodies are kept: large feeds
// stream every time and memory stays bounded.

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_TOTAL_BYTES = 48 * 1024 * 1024;

const bodies = new Map<string, Uint8Array<ArrayBuffer>>();
let totalBytes = 0;

export function cachedFeedBody(etag: string): Uint8Array<ArrayBuffer> | undefined {
  const body = bodies.get(etag);
  if (body) {
    // Most recently used last, so eviction drops the oldest first.
    bodies.delete(etag);
    bodies.set(etag, body);
  }
  return body;
}

function remember(etag: string, body: Uint8Array<ArrayBuffer>) {
  if (bodies.has(etag)) return;
  bodies.set(etag, body);
  totalBytes += body.length;
  for (const [key, old] of bodies) {
    if (totalBytes <= MAX_TOTAL_BYTES) break;
    bodies.delete(key);
    totalBytes -= old.length;
  }
}

/** Passes a feed through unchanged, keeping a copy by ETag if it ends up small enough. */
export function cachingFeedBody(etag: string, body: ReadableStream<Uint8Array>) {
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
        remember(etag, whole);
      },
    }),
  );
}
