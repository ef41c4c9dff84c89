'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormField } from '@/app/_components/form-field';
import { signInAction, type SignInState } from './actions';

export function SignInForm({
  callbackUrl,
  initialMessage,
}: {
  callbackUrl: string;
  initialMessage?: string;
}) {
  const t = useTranslations('auth.signIn');
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, {
    message: initialMessage,
  });
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div aria-live="polite">
        {state.message && (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {state.message}
          </p>
        )}
      </div>
      <FormField
        name="email"
        label={t('email')}
        type="email"
        autoComplete="username"
        required
        // Re-mounted with what the person typed, so a refused attempt keeps it.
        key={state.email}
        defaultValue={state.email}
        error={state.fieldErrors?.email?.[0]}
      />
      <FormField
        name="password"
        label={t('password')}
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.password?.[0]}
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t('pending') : t('submit')}
      </button>
    </form>
  );
}
