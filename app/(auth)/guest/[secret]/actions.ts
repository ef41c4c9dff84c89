'use server';

import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { z } from 'zod';
import type { FormState } from '@/lib/action';
import { asExpectedFailure } from '@/lib/expected-failure';
import { completeGuestSetup } from '@/lib/dal/shares';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translateText } from '@/lib/i18n/translate';
import { publicBaseUrl } from '@/lib/public-url';
import { requestInfo } from '@/lib/request-info';
import { formDataToObject } from '@/lib/validation';
import { choosePasswordSchema, setupSecretSchema } from '@/lib/admin-validation';

export type GuestSetupFormState = FormState<{
  feedUrl: string;
  email: string;
  calendarName: string;
}>;

/** No account and no session: the one-time secret in the address is the only credential. */
export async function completeGuestSetupAction(
  secret: string,
  _previous: GuestSetupFormState,
  formData: FormData,
): Promise<GuestSetupFormState> {
  const locale = await requestLocale();
  const parsedSecret = setupSecretSchema.safeParse(secret);
  if (!parsedSecret.success)
    return { message: (await getTranslations('guest.errors'))('invalidLink') };
  const parsed = choosePasswordSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    const fieldErrors = Object.entries(z.flattenError(parsed.error).fieldErrors).map(
      ([field, messages]) => [field, (messages as string[]).map((m) => translateText(m, locale))],
    );
    return { fieldErrors: Object.fromEntries(fieldErrors) };
  }
  try {
    const requestHeaders = await headers();
    const done = await completeGuestSetup(
      parsedSecret.data,
      parsed.data.password,
      requestInfo(requestHeaders),
    );
    return {
      ok: true,
      data: {
        feedUrl: `${publicBaseUrl(requestHeaders)}/api/ics/${done.token}.ics`,
        email: done.email,
        calendarName: done.calendarName,
      },
    };
  } catch (error) {
    const failure = asExpectedFailure(error);
    if (failure) return { message: translateText(failure.text, locale) };
    throw error;
  }
}
