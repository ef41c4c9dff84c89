'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { runFormAction, type FormState } from '@/lib/action';
import { cancelTeamEvent, createTeamEvent, updateTeamEvent } from '@/lib/dal/team-events';
import { requestInfo } from '@/lib/request-info';
import { teamEventCancelSchema, teamEventSchema, teamEventUpdateSchema } from '@/lib/validation';

// The team's id comes from the form like any other input: the data-access layer checks that the
// actor manages that team, and that the event belongs to it, in its queries.

function revalidateTeamPages(state: FormState): FormState {
  if (state.ok) revalidatePath('/teams/[slug]', 'page');
  return state;
}

export async function createTeamEventAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(teamEventSchema, formData, async (actor, input) => {
    const event = await createTeamEvent(actor, input, requestInfo(await headers()));
    return event.alreadyAdded ? `“${event.title}” was already added.` : `“${event.title}” added.`;
  });
  return revalidateTeamPages(state);
}

export async function updateTeamEventAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(teamEventUpdateSchema, formData, async (actor, input) => {
    const event = await updateTeamEvent(actor, input, requestInfo(await headers()));
    return `“${event.title}” saved.`;
  });
  return revalidateTeamPages(state);
}

export async function cancelTeamEventAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(teamEventCancelSchema, formData, async (actor, input) => {
    const event = await cancelTeamEvent(actor, input, requestInfo(await headers()));
    return `“${event.title}” cancelled.`;
  });
  return revalidateTeamPages(state);
}
