'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { runFormAction, type FormState } from '@/lib/action';
import { cancelAbsence, requestAbsence } from '@/lib/dal/absences';
import { message } from '@/lib/i18n/translate';
import { requestInfo } from '@/lib/request-info';
import { absenceRequestSchema } from '@/lib/validation';

/** What the page needs after a request: the year to show it in. */
export interface RequestOutcome {
  year: number;
}

export async function requestAbsenceAction(
  _previous: FormState<RequestOutcome>,
  formData: FormData,
): Promise<FormState<RequestOutcome>> {
  const state = await runFormAction(absenceRequestSchema, formData, async (actor, input) => {
    const absence = await requestAbsence(actor, input, requestInfo(await headers()));
    const [t, locale] = await Promise.all([getTranslations('absences.form'), getLocale()]);
    const outcome = absence.status === 'pending' ? t('sent') : t('recorded');
    const warnings = (absence.warningTexts ?? []).map((text) => text.in(locale));
    return {
      message: [outcome, ...warnings].join(' '),
      data: { year: Number(absence.startDate.slice(0, 4)) },
    };
  });
  if (state.ok) revalidatePath('/absences');
  return state;
}

const cancelSchema = z.object({ absenceId: z.uuid(message('absences.errors.unknownAbsence')) });

export async function cancelAbsenceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(cancelSchema, formData, async (actor, { absenceId }) => {
    await cancelAbsence(actor, absenceId, requestInfo(await headers()));
  });
  if (state.ok) revalidatePath('/absences');
  return state;
}
