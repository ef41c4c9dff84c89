import { tokenFilterSchema } from '@/lib/admin-validation';
import { getActor } from '@/lib/auth';
import { streamTokens } from '@/lib/dal/admin-tokens';
import { AppError, errorResponse, isAppError } from '@/lib/errors';
import { requestInfo } from '@/lib/request-info';
import { tokenCsvStream } from '@/lib/token-csv';

// The token audit's filtered list as a CSV download, streamed batch by batch. Admins only:
// anyone else, signed in or not, gets the same 404 as for the admin pages.

export async function GET(request: Request): Promise<Response> {
  const filter = tokenFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const actor = await getActor();
  if (!actor) return errorResponse(new AppError('not_found'));
  try {
    const batches = await streamTokens(actor, filter, { request: requestInfo(request.headers) });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(tokenCsvStream(batches), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': `attachment; filename="teamcal-tokens-${day}.csv"`,
        'Cache-Control': 'no-store',
        'X-Robots-Tag': 'noindex',
      },
    });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error);
    throw error;
  }
}
