'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { runFormAction, type FormState } from '@/lib/action';
import { resolveLocale } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translate';
import { notificationMailsSchema, profileSchema } from '@/lib/admin-validation';
import { setNotificationMails, updateProfile } from '@/lib/dal/profile';
import { requestInfo } from '@/lib/request-info';

export async function updateProfileAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(profileSchema, formData, async (actor, input) => {
    const requestHeaders = await headers();
    await updateProfile(actor, input, requestInfo(requestHeaders));
    // The answer comes in the language just chosen (this request's locale is the old one).
    const chosen = input.language === 'auto' ? null : input.language;
    const locale = resolveLocale(chosen, requestHeaders.get('accept-language'));
    return translatorFor(locale, 'profile')('saved', { timeZone: input.timeZone });
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
    const t = await getTranslations('profile.mail');
    return t(input.notifyByMail ? 'savedOn' : 'savedOff');
  });
  if (state.ok) revalidatePath('/profile');
  return state;
}
