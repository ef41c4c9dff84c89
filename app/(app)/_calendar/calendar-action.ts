import 'server-only';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import type { z } from 'zod';
import { runFormAction, type ActionOutcome, type FormState } from '@/lib/action';
import type { Actor } from '@/lib/dal/actor';
import type { CalendarRef } from '@/lib/dal/calendars';
import { requestInfo, type RequestInfo } from '@/lib/request-info';
import { calendarPathSchema } from '@/lib/validation';

/** The page that shows each kind of calendar, to refresh after a change to its links. */
const PAGE_OF_KIND = {
  team: '/teams/[slug]',
  person: '/calendar',
  resource: '/resources/[slug]',
} as const;

/**
 * The shape of the calendar menu's actions, bound to a calendar path (`team/<slug>`…): the bound
 * path is validated like any input, the work runs through runFormAction with the caller's address
 * for the audit log, and the calendar's page is revalidated after a success.
 */
export async function runCalendarFormAction<Schema extends z.ZodType, Data = never>(
  calendarPath: string,
  schema: Schema,
  formData: FormData,
  run: (
    actor: Actor,
    input: z.infer<Schema>,
    calendar: CalendarRef,
    request: RequestInfo,
  ) => Promise<ActionOutcome<Data>>,
): Promise<FormState<Data>> {
  const ref = calendarPathSchema.safeParse(calendarPath);
  if (!ref.success)
    return { message: (await getTranslations('calendar.errors'))('unknownCalendar') };
  const request = requestInfo(await headers());
  const state = await runFormAction(schema, formData, (actor, input: z.infer<Schema>) =>
    run(actor, input, ref.data, request),
  );
  if (state.ok) revalidatePath(PAGE_OF_KIND[ref.data.kind], 'page');
  return state;
}
