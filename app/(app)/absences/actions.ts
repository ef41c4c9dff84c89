'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { runFormAction, type FormState } from '@/lib/action';
import { cancelAbsence, requestAbsence } from '@/lib/dal/absences';
import { requestInfo } from '@/lib/request-info';
import { absenceRequestSchema } from '@/lib/validation';

export async function requestAbsenceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(absenceRequestSchema, formData, async (actor, input) => {
    const absence = await requestAbsence(actor, input, requestInfo(await headers()));
    const outcome =
      absence.status === 'pending'
        ? 'Request sent: your manager will approve it.'
        : 'Absence recorded.';
    return absence.warning ? `${outcome} ${absence.warning}` : outcome;
  });
  if (state.ok) revalidatePath('/absences');
  return state;
}

const cancelSchema = z.object({ absenceId: z.uuid('Unknown absence.') });

export async function cancelAbsenceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(cancelSchema, formData, async (actor, { absenceId }) => {
    await cancelAbsence(actor, absenceId, requestInfo(await headers()));
    return 'Absence cancelled.';
  });
  if (state.ok) revalidatePath('/absences');
  return state;
}
