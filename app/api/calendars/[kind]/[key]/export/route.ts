import { getActor } from '@/lib/auth';
import { openCalendarExport } from '@/lib/dal/feed-access';
import { AppError } from '@/lib/errors';
import { feedCalendarStream, feedWindow } from '@/lib/feed-calendar';
import { feedErrorResponse } from '@/lib/feed-server';
import { calendarPathSchema } from '@/lib/validation';

// Export ICS: a signed-in person's one-off download of a calendar they may see (a team's, their
// own, a resource's), streamed, with the number of events announced so the page shows progress.

type Context = { params: Promise<{ kind: string; key: string }> };

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: Context) {
  try {
    const { kind, key } = await params;
    const ref = calendarPathSchema.safeParse(`${kind}/${key}`);
    if (!ref.success) throw new AppError('not_found', 'Calendar not found.');
    const actor = await getActor();
    if (!actor) throw new AppError('unauthenticated', 'Please sign in to export a calendar.');
    const { calendar, source, options, privateTypes } = await openCalendarExport(actor, ref.data);
    const now = new Date();
    const selection = { options, ...feedWindow(now) };
    const eventCount = await source.countRows(calendar, selection);
    const body = feedCalendarStream({
      calendar,
      // One file per calendar: importing a newer export replaces the events of the older one.
      uidScope: calendar.id,
      ownerId: actor.id,
      options,
      privateTypes,
      expiryNotice: null,
      rows: source.readRows(calendar, selection),
    });
    const fileName = `${source.fileName(calendar)}-${now.toISOString().slice(0, 10)}.ics`;
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
