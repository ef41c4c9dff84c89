'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { runFormAction, type FormState } from '@/lib/action';
import {
  cancelCalendarEvent,
  createCalendarEvent,
  updateCalendarEvent,
} from '@/lib/dal/calendar-events';
import { requestInfo } from '@/lib/request-info';
import {
  calendarEventCancelSchema,
  calendarEventSchema,
  calendarEventUpdateSchema,
} from '@/lib/validation';

// The calendar's id comes from the form like any other input: the data-access layer checks that
// the actor may edit that calendar's events, and that the event belongs to it.

/** The pages that list events: a team's, and the person's own calendar. */
function revalidateEventPages(state: FormState): FormState {
  if (state.ok) {
    revalidatePath('/teams/[slug]', 'page');
    revalidatePath('/calendar');
  }
  return state;
}

export async function createEventAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(calendarEventSchema, formData, async (actor, input) => {
    const event = await createCalendarEvent(actor, input, requestInfo(await headers()));
    const t = await getTranslations('calendar.events');
    return t(event.alreadyAdded ? 'alreadyAdded' : 'added', { title: event.title });
  });
  return revalidateEventPages(state);
}

export async function updateEventAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(calendarEventUpdateSchema, formData, async (actor, input) => {
    const event = await updateCalendarEvent(actor, input, requestInfo(await headers()));
    const t = await getTranslations('calendar.events');
    return t('saved', { title: event.title });
  });
  return revalidateEventPages(state);
}

export async function cancelEventAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(calendarEventCancelSchema, formData, async (actor, input) => {
    const event = await cancelCalendarEvent(actor, input, requestInfo(await headers()));
    const t = await getTranslations('calendar.events');
    return t('cancelledMessage', { title: event.title });
  });
  return revalidateEventPages(state);
}
