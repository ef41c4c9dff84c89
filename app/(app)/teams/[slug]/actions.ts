'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { runFormAction, type FormState } from '@/lib/action';
import { decideAbsence } from '@/lib/dal/absences';
import { setMinimumPresent } from '@/lib/dal/request-impact';
import { requestInfo } from '@/lib/request-info';
import { absenceDecisionSchema, minimumPresentSchema } from '@/lib/validation';

export async function decideAbsenceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(absenceDecisionSchema, formData, async (actor, input) => {
    const decided = await decideAbsence(actor, input, requestInfo(await headers()));
    return decided.status === 'approved' ? 'Request approved.' : 'Request rejected.';
  });
  if (state.ok) revalidatePath('/teams/[slug]', 'page');
  return state;
}

export async function setMinimumPresentAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(minimumPresentSchema, formData, async (actor, input) => {
    await setMinimumPresent(
      actor,
      input.teamId,
      input.minimumPresent,
      requestInfo(await headers()),
    );
    return input.minimumPresent === null
      ? 'Saved: no minimum presence.'
      : `Saved: requests that would leave fewer than ${input.minimumPresent} present are flagged.`;
  });
  if (state.ok) revalidatePath('/teams/[slug]', 'page');
  return state;
}
