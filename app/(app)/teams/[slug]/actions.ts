'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
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
    const t = await getTranslations('teams.requests');
    return t(decided.status === 'approved' ? 'approved' : 'rejected');
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
    const t = await getTranslations('teams.minimum');
    return input.minimumPresent === null
      ? t('savedNone')
      : t('saved', { minimum: input.minimumPresent });
  });
  if (state.ok) revalidatePath('/teams/[slug]', 'page');
  return state;
}
