'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { runFormAction, type FormState } from '@/lib/action';
import { notificationMailsSchema, profileSchema } from '@/lib/admin-validation';
import { setNotificationMails, updateProfile } from '@/lib/dal/profile';
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

export async function setNotificationMailsAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(notificationMailsSchema, formData, async (actor, input) => {
    await setNotificationMails(actor, input.notifyByMail, requestInfo(await headers()));
    return input.notifyByMail
      ? 'Saved: TeamCal mails you about requests, decisions and expiring links.'
      : 'Saved: no more notification mails. Invitations, password and security mails still come.';
  });
  if (state.ok) revalidatePath('/profile');
  return state;
}
