'use server';

import { z } from 'zod';
import { signIn, signInErrorMessage } from '@/lib/auth';
import { callbackPathSchema, signInSchema } from '@/lib/validation';

export interface SignInState {
  message?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
  /** What the person typed, so a refused attempt keeps it (never the password). */
  email?: string;
}

export async function signInAction(
  _previous: SignInState,
  formData: FormData,
): Promise<SignInState> {
  const email = String(formData.get('email') ?? '').slice(0, 300);
  const parsed = signInSchema.safeParse({ email, password: formData.get('password') });
  if (!parsed.success) {
    return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  }
  const redirectTo = callbackPathSchema.parse(formData.get('callbackUrl') ?? '/teams');
  try {
    await signIn('credentials', { ...parsed.data, redirectTo });
  } catch (error) {
    const message = signInErrorMessage(error);
    // Not a refused sign-in: either the success redirect, which must propagate, or a bug.
    if (!message) throw error;
    return { message, email };
  }
  return {};
}
