'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormField } from '@/app/_components/form-field';
import type { FormState } from '@/lib/action';
import { FormMessage } from '../_components/form-message';
import { dangerButton } from '../_components/ui';
import { revokeUserTokensAction } from './actions';

/** Revokes every active link a person owns, after a reason and a confirmation. */
export function RevokeUserTokensForm({ userId, name }: { userId: string; name: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    revokeUserTokensAction,
    {},
  );
  const t = useTranslations('admin.tokens');
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form
      key={JSON.stringify(values)}
      action={formAction}
      noValidate
      aria-label={t('revokeAll.form', { name })}
      className="space-y-3"
      onSubmit={(event) => {
        if (!window.confirm(t('revokeAll.confirm', { name }))) event.preventDefault();
      }}
    >
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <FormField
        id={`revoke-all-reason-${userId}`}
        name="reason"
        label={t('revoke.reason')}
        maxLength={500}
        placeholder={t('revokeAll.placeholder')}
        defaultValue={values.reason}
        error={state.fieldErrors?.reason?.[0]}
      />
      <button type="submit" disabled={pending} className={dangerButton}>
        {pending ? t('revoke.revoking') : t('revokeAll.submit')}
      </button>
    </form>
  );
}
