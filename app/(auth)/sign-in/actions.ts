'use server';

import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { signIn, signInErrorMessage } from '@/lib/auth';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translateText } from '@/lib/i18n/translate';
import { oidcErrorPath } from '@/lib/sign-in-messages';
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
    const locale = await requestLocale();
    const fieldErrors = Object.fromEntries(
      Object.entries(z.flattenError(parsed.error).fieldErrors).map(([field, messages]) => [
        field,
        messages?.map((text) => translateText(text, locale)),
      ]),
    );
    return { fieldErrors, email };
  }
  const redirectTo = callbackPathSchema.parse(formData.get('callbackUrl') ?? '/teams');
  try {
    await signIn('credentials', { ...parsed.data, redirectTo });
  } catch (error) {
    const message = signInErrorMessage(error);
    // Not a refused sign-in: either the success redirect, which must propagate, or a bug.
    if (!message) throw error;
    return { message: translateText(message, await requestLocale()), email };
  }
  return {};
}

/** The "Sign in with …" button: off to the OpenID provider, back to where the person was going. */
export async function signInWithOidcAction(formData: FormData): Promise<void> {
  const redirectTo = callbackPathSchema.parse(formData.get('callbackUrl') ?? '/teams');
  try {
    await signIn('oidc', { redirectTo });
  } catch (error) {
    // The redirect to the provider is thrown, and must propagate.
    unstable_rethrow(error);
    // Auth.js could not read the provider's discovery document: it is out of reach.
    console.warn(`[auth] OpenID sign-in not started: ${(error as Error).name}`);
    redirect(`${oidcErrorPath('unreachable')}&${new URLSearchParams({ callbackUrl: redirectTo })}`);
  }
}
