'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormField } from '@/app/_components/form-field';
import { FormMessage } from '@/app/admin/_components/form-message';
import type { FormState } from '@/lib/action';
import { requestPasswordResetAction } from './actions';

export function ForgotPasswordForm() {
  const t = useTranslations('auth.forgot');
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    requestPasswordResetAction,
    {},
  );
  if (state.ok)
    return (
      <div className="space-y-4">
        <p
          role="status"
          className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800"
        >
          {state.message}
        </p>
        <Link href="/sign-in" className="block text-sm font-medium text-brand-700 underline">
          {t('back')}
        </Link>
      </div>
    );
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <FormField
        name="email"
        label={t('email')}
        type="email"
        autoComplete="username"
        required
        key={state.values?.email}
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email?.[0]}
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t('pending') : t('submit')}
      </button>
      <Link href="/sign-in" className="block text-sm font-medium text-brand-700 underline">
        {t('back')}
      </Link>
    </form>
  );
}
