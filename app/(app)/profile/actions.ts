'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { runFormAction, type FormState } from '@/lib/action';
import { profileSchema } from '@/lib/admin-validation';
import { updateProfile } from '@/lib/dal/profile';
import { requestInfo } from '@/lib/request-info';

export async function updateProfileAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(profileSchema, formData, async (actor, input) => {
    await updateProfile(actor, input, requestInfo(await headers()));
    return `Saved: your appointments are now entered and shown in ${input.timeZone}.`;
  });
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}
