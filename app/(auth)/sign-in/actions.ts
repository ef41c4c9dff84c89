'use server';

import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { signIn, signInErrorMessage } from '@/lib/auth';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translateText } from '@/lib/i18n/translate';
import { getTranslations } from 'next-intl/server';
import { DEFAULT_OIDC_NAME, oidcConfig } from '@/lib/oidc-config';
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
    return { message: await signInRefusal(message), email };
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

/** lib/auth's English refusal in the reader's language (a rate limit's own detail stays as it is). */
async function signInRefusal(english: string): Promise<string> {
  const t = await getTranslations('auth');
  const known: Record<string, string> = {
    'Wrong email or password.': t('signInErrors.wrongPassword'),
    'Sign-in failed. Please try again.': t('signInErrors.failed'),
    'Too many failed sign-in attempts. Please wait a few minutes.': t('pageErrors.rateLimited'),
    'TeamCal can’t reach its database right now. Please try again in a moment.':
      t('pageErrors.unavailable'),
  };
  const wait = /^Too many failed sign-in attempts\. Try again in (\d+) minute/.exec(english);
  if (wait) return t('signInErrors.tryAgainIn', { minutes: Number(wait[1]) });
  if (english.startsWith('Password sign-in is for admins only.'))
    return t('signInErrors.passwordOff', { provider: oidcConfig()?.name ?? DEFAULT_OIDC_NAME });
  return known[english] ?? translateText(english, await requestLocale());
}
