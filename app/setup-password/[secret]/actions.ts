'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import type { FormState } from '@/lib/action';
import { asExpectedFailure } from '@/lib/expected-failure';
import { choosePasswordSchema, setupSecretSchema } from '@/lib/admin-validation';
import { completePasswordSetup } from '@/lib/dal/password-setup';
import { requestInfo } from '@/lib/request-info';
import { formDataToObject } from '@/lib/validation';

// No account yet, so no actor: the secret in the address is the credential, checked by the DAL.

export async function choosePasswordAction(
  secret: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!setupSecretSchema.safeParse(secret).success)
    return { message: 'This link is not valid. Ask an admin of TeamCal for a new one.' };
  const parsed = choosePasswordSchema.safeParse(formDataToObject(formData));
  // Passwords are never sent back to the form.
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await completePasswordSetup(secret, parsed.data.password, requestInfo(await headers()));
  } catch (error) {
    const failure = asExpectedFailure(error);
    if (failure) return { message: failure.message };
    throw error;
  }
  return { ok: true, message: 'Your password is saved. You can sign in now.' };
}
