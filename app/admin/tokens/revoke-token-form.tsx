'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FieldError } from '@/app/_components/form-field';
import type { FormState } from '@/lib/action';
import { input, smallButton } from '../_components/ui';
import { revokeTokenAction } from './actions';

/** "Revoke…" on a row: opens a reason field, then asks for confirmation. */
export function RevokeTokenForm({ tokenId, prefix }: { tokenId: string; prefix: string }) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState<FormState, FormData>(revokeTokenAction, {});
  const t = useTranslations('admin.tokens.revoke');
  const reasonId = `reason-${tokenId}`;
  const error = state.fieldErrors?.reason?.[0];
  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={t('openLabel', { prefix })}
        className={`${smallButton} text-red-700`}
      >
        {t('open')}
      </button>
    );
  return (
    <form
      action={formAction}
      noValidate
      aria-label={t('form', { prefix })}
      className="w-56 space-y-2"
      onSubmit={(event) => {
        if (!window.confirm(t('confirm', { prefix }))) event.preventDefault();
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <div>
        <label htmlFor={reasonId} className="block text-xs font-medium">
          {t('reason')}
        </label>
        <input
          id={reasonId}
          name="reason"
          maxLength={500}
          autoFocus
          defaultValue={state.values?.reason}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${reasonId}-error` : undefined}
          className={`${input} py-1 text-xs`}
        />
        <FieldError id={`${reasonId}-error`} error={error} />
      </div>
      {state.message && !state.ok && (
        <p role="alert" className="text-xs text-red-700">
          {state.message}
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          className={`${smallButton} border-red-300 text-red-700`}
        >
          {pending ? t('revoking') : t('submit')}
        </button>
        <button type="button" onClick={() => setOpen(false)} className={smallButton}>
          {t('keep')}
        </button>
      </div>
    </form>
  );
}
