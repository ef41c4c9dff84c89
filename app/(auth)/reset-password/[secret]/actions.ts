'use server';

import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { FormState } from '@/lib/action';
import { choosePasswordSchema, setupSecretSchema } from '@/lib/admin-validation';
import { completePasswordReset } from '@/lib/dal/password-reset';
import { asExpectedFailure } from '@/lib/expected-failure';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translateText } from '@/lib/i18n/translate';
import { requestInfo } from '@/lib/request-info';
import { formDataToObject } from '@/lib/validation';

// No session: the secret in the address is the credential, checked by the DAL.

export async function resetPasswordAction(
  secret: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const t = await getTranslations('auth.reset');
  if (!setupSecretSchema.safeParse(secret).success) return { message: t('invalidLink') };
  const parsed = choosePasswordSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    const locale = await requestLocale();
    const fieldErrors = Object.entries(z.flattenError(parsed.error).fieldErrors).map(
      ([field, messages]) => [field, messages?.map((text) => translateText(text, locale))],
    );
    return { fieldErrors: Object.fromEntries(fieldErrors) };
  }
  try {
    await completePasswordReset(secret, parsed.data.password, requestInfo(await headers()));
  } catch (error) {
    const failure = asExpectedFailure(error);
    if (failure) return { message: translateText(failure.text, await requestLocale()) };
    throw error;
  }
  return { ok: true, message: t('saved') };
}
