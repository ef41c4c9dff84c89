'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormField } from '@/app/_components/form-field';
import { FormMessage } from '@/app/admin/_components/form-message';
import type { FormState } from '@/lib/action';

/** A new password, typed twice, for a one-time link (setup or reset) bound into `action`. */
export function ChoosePasswordForm({
  action,
  email,
  minLength,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  email: string;
  /** Shown by the page; here only a hint to the browser. */
  minLength: number;
}) {
  const t = useTranslations('auth.choosePassword');
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  if (state.ok)
    return (
      <div className="space-y-4">
        <p
          role="status"
          className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800"
        >
          {state.message}
        </p>
        <Link
          href="/sign-in"
          className="block w-full rounded-md bg-brand-600 px-4 py-2 text-center text-sm font-medium text-white shadow-sm hover:bg-brand-700"
        >
          {t('signIn')}
        </Link>
      </div>
    );
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <FormField
        name="password"
        label={t('newPassword')}
        type="password"
        autoComplete="new-password"
        minLength={minLength}
        error={state.fieldErrors?.password?.[0]}
      />
      <FormField
        name="confirmation"
        label={t('again')}
        type="password"
        autoComplete="new-password"
        error={state.fieldErrors?.confirmation?.[0]}
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
