'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import type { FormState } from '@/lib/action';
import { choosePasswordSchema, setupSecretSchema } from '@/lib/admin-validation';
import { completePasswordReset } from '@/lib/dal/password-reset';
import { asExpectedFailure } from '@/lib/expected-failure';
import { requestInfo } from '@/lib/request-info';
import { formDataToObject } from '@/lib/validation';

// No session: the secret in the address is the credential, checked by the DAL.

export async function resetPasswordAction(
  secret: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!setupSecretSchema.safeParse(secret).success)
    return { message: 'This link is not valid. Ask for a new one on the sign-in page.' };
  const parsed = choosePasswordSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await completePasswordReset(secret, parsed.data.password, requestInfo(await headers()));
  } catch (error) {
    const failure = asExpectedFailure(error);
    if (failure) return { message: failure.message };
    throw error;
  }
  return {
    ok: true,
    message: 'Your new password is saved, and you were signed out everywhere. Sign in with it now.',
  };
}
