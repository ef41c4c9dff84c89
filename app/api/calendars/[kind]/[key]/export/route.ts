import { z } from 'zod';
import { getActor } from '@/lib/auth';
import { openCalendarExport } from '@/lib/dal/feed-access';
import { normaliseExportOptions } from '@/lib/dal/feed-tokens';
import { AppError } from '@/lib/errors';
import { feedCalendarStream, feedWindow } from '@/lib/feed-calendar';
import { feedErrorResponse } from '@/lib/feed-server';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translateText, translatorFor } from '@/lib/i18n/translate';
import { calendarExportSchema, calendarPathSchema, formDataToObject } from '@/lib/validation';

// Export ICS: a signed-in person's one-off download of a calendar they may see (a team's, their
// own, a resource's), streamed, with the number of events announced so the page shows progress.
// Without a query string it holds what the page shows them over the feed's window; with one, the
// choices of the Export dialog (the same as a subscription's, and a span of dates), validated.

type Context = { params: Promise<{ kind: string; key: string }> };

export const dynamic = 'force-dynamic';

/** 400 with each field's messages in the reader's language. */
async function refusal(error: z.ZodError): Promise<Response> {
  const locale = await requestLocale();
  const fieldErrors = Object.fromEntries(
    Object.entries(z.flattenError(error).fieldErrors).map(([field, messages]) => [
      field,
      (messages as string[]).map((m) => translateText(m, locale)),
    ]),
  );
  return Response.json(
    {
      error: 'bad_request',
      message: translatorFor(locale, 'calendar')('export.errors.choices'),
      fieldErrors,
    },
    { status: 400, headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export async function GET(request: Request, { params }: Context) {
  try {
    const { kind, key } = await params;
    const ref = calendarPathSchema.safeParse(`${kind}/${key}`);
    if (!ref.success) throw new AppError('not_found', 'Calendar not found.');
    const actor = await getActor();
    if (!actor) throw new AppError('unauthenticated', 'Please sign in to export a calendar.');
    const query = new URL(request.url).searchParams;
    const chosen = query.size > 0 ? calendarExportSchema.safeParse(toObject(query)) : null;
    if (chosen && !chosen.success) return await refusal(chosen.error);
    const exported = await openCalendarExport(actor, ref.data);
    const { calendar, source, privateTypes } = exported;
    const now = new Date();
    const options = chosen?.data
      ? await normaliseExportOptions({ source }, chosen.data)
      : exported.options;
    const span = chosen?.data ? { from: chosen.data.from, to: chosen.data.to } : feedWindow(now);
    const selection = { options, ...span };
    const eventCount = await source.countRows(calendar, selection);
    const body = feedCalendarStream({
      calendar,
      // One file per calendar: importing a newer export replaces the events of the older one.
      uidScope: calendar.id,
      ownerId: actor.id,
      options,
      privateTypes,
      expiryNotice: null,
      // A download is read by the person in front of the page: in the page's language.
      locale: await requestLocale(),
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

/** Query parameters as form values: a name given several times (types) gives an array. */
function toObject(query: URLSearchParams): Record<string, unknown> {
  const form = new FormData();
  for (const [name, value] of query) form.append(name, value);
  return formDataToObject(form);
}
