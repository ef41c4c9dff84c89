import fs from 'node:fs';

// For `npm run bench` only: a route handler that returns prebuilt bytes, the baseline the feed is
// measured against. Without TEAMCAL_BENCH_BASELINE_FILE (every real deployment) it is a 404.

let body: Buffer | undefined;

export const dynamic = 'force-dynamic';

export async function GET() {
  const file = process.env.TEAMCAL_BENCH_BASELINE_FILE;
  if (!file) return Response.json({ error: 'not_found', message: 'Not found.' }, { status: 404 });
  body ??= fs.readFileSync(file);
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private' },
  });
}
