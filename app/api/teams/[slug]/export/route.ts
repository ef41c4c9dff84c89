import { getActor } from '@/lib/auth';
import { openTeamExport } from '@/lib/dal/feed-access';
import { countFeedRows, readFeedRows } from '@/lib/dal/feed-rows';
import { AppError } from '@/lib/errors';
import { feedCalendarStream, feedWindow } from '@/lib/feed-calendar';
import { feedErrorResponse } from '@/lib/feed-server';
import { teamSlugSchema } from '@/lib/validation';

// Export ICS: the signed-in member's one-off download of a team calendar, streamed, with the
// number of events announced so the page can show progress.

type Context = { params: Promise<{ slug: string }> };

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: Context) {
  try {
    const slug = teamSlugSchema.safeParse((await params).slug);
    if (!slug.success) throw new AppError('not_found', 'Team not found.');
    const actor = await getActor();
    if (!actor) throw new AppError('unauthenticated', 'Please sign in to export a calendar.');
    const access = await openTeamExport(actor, slug.data);
    const now = new Date();
    const window = feedWindow(now);
    const selection = { teamId: access.team.id, options: access.options, ...window };
    const eventCount = await countFeedRows(selection);
    const body = feedCalendarStream({
      ...access,
      ownerId: actor.id,
      expiryNotice: null,
      rows: readFeedRows(selection),
    });
    const fileName = `${access.team.slug}-${now.toISOString().slice(0, 10)}.ics`;
    return new Response(body, {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'private, no-store',
        'X-Event-Count': String(eventCount),
      },
    });
  } catch (error) {
    return feedErrorResponse(error, request);
  }
}
