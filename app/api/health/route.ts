import { checkDatabase } from '@/lib/dal/health';

// For load balancers and the test harness: 200 when the database answers, 503 otherwise.
export async function GET() {
  const ok = await checkDatabase();
  return Response.json(
    { status: ok ? 'ok' : 'unavailable' },
    {
      status: ok ? 200 : 503,
      headers: { 'Cache-Control': 'no-store', ...(ok ? {} : { 'Retry-After': '5' }) },
    },
  );
}
