'use server';

import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { FormState } from '@/lib/action';
import { requestPasswordReset, RESET_LINK_LIFETIME_MINUTES } from '@/lib/dal/password-reset';
import { asExpectedFailure } from '@/lib/expected-failure';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translateText } from '@/lib/i18n/translate';
import { requestInfo } from '@/lib/request-info';
import { formDataToObject, passwordResetRequestSchema } from '@/lib/validation';

// Nobody is signed in here: the answer is the same whether the address belongs to someone or not.

export async function requestPasswordResetAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const parsed = passwordResetRequestSchema.safeParse(formDataToObject(formData));
  const values = { email: String(formData.get('email') ?? '').slice(0, 300) };
  if (!parsed.success) {
    const locale = await requestLocale();
    const { email } = z.flattenError(parsed.error).fieldErrors;
    return { fieldErrors: { email: email?.map((text) => translateText(text, locale)) }, values };
  }
  try {
    await requestPasswordReset(parsed.data.email, requestInfo(await headers()));
  } catch (error) {
    const failure = asExpectedFailure(error);
    if (failure) return { message: translateText(failure.text, await requestLocale()), values };
    throw error;
  }
  const t = await getTranslations('auth.forgot');
  return {
    ok: true,
    message: t('sent', { email: parsed.data.email, minutes: RESET_LINK_LIFETIME_MINUTES }),
  };
}
