'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { runFormAction, type FormState } from '@/lib/action';
import { ownAbsencesSchema } from '@/lib/admin-validation';
import { setOwnAbsencesShown } from '@/lib/dal/profile';
import { requestInfo } from '@/lib/request-info';

export async function setOwnAbsencesShownAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(ownAbsencesSchema, formData, async (actor, input) => {
    await setOwnAbsencesShown(actor, input.includesOwnAbsences, requestInfo(await headers()));
    const t = await getTranslations('myCalendar');
    return input.includesOwnAbsences ? t('shown') : t('hidden');
  });
  if (state.ok) revalidatePath('/calendar');
  return state;
}
