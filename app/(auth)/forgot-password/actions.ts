'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import type { FormState } from '@/lib/action';
import { requestPasswordReset, RESET_LINK_LIFETIME_MINUTES } from '@/lib/dal/password-reset';
import { asExpectedFailure } from '@/lib/expected-failure';
import { requestInfo } from '@/lib/request-info';
import { formDataToObject, passwordResetRequestSchema } from '@/lib/validation';

// Nobody is signed in here: the answer is the same whether the address belongs to someone or not.

export async function requestPasswordResetAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const parsed = passwordResetRequestSchema.safeParse(formDataToObject(formData));
  const values = { email: String(formData.get('email') ?? '').slice(0, 300) };
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    await requestPasswordReset(parsed.data.email, requestInfo(await headers()));
  } catch (error) {
    const failure = asExpectedFailure(error);
    if (failure) return { message: failure.message, values };
    throw error;
  }
  return {
    ok: true,
    message: `If ${parsed.data.email} belongs to a TeamCal account that signs in with a password, a reset link is on its way. It works once, for ${RESET_LINK_LIFETIME_MINUTES} minutes. Check your spam folder if it does not arrive.`,
  };
}
