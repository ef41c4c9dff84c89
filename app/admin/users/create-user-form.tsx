'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldError, FormField } from '@/app/_components/form-field';
import { languageNames, languages } from '@/lib/i18n/locales';
import { FormMessage } from '../_components/form-message';
import { input, primaryButton } from '../_components/ui';
import { createUserAction, type SetupLinkState } from './actions';
import { SetupLinkNotice } from './setup-link-notice';

export function CreateUserForm() {
  const [state, formAction, pending] = useActionState<SetupLinkState, FormData>(
    createUserAction,
    {},
  );
  const t = useTranslations('admin');
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  // After a success the form starts empty; after a refusal it keeps what was typed.
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <div className="space-y-4">
      {state.ok && state.data && <SetupLinkNotice link={state.data} />}
      <form
        key={JSON.stringify(values)}
        action={formAction}
        noValidate
        aria-label={t('users.add.form')}
        className="space-y-4"
      >
        <FormMessage state={state} />
        <FormField
          name="email"
          label={t('common.email')}
          type="email"
          autoComplete="off"
          defaultValue={values.email}
          error={error('email')}
        />
        <FormField
          name="name"
          label={t('common.name')}
          autoComplete="off"
          maxLength={100}
          defaultValue={values.name}
          error={error('name')}
        />
        <div>
          <label htmlFor="new-user-role" className="block text-sm font-medium">
            {t('common.role')}
          </label>
          <select
            id="new-user-role"
            name="role"
            defaultValue={values.role ?? 'member'}
            aria-invalid={error('role') ? true : undefined}
            aria-describedby={error('role') ? 'new-user-role-error' : undefined}
            className={input}
          >
            <option value="member">{t('common.member')}</option>
            <option value="admin">{t('common.admin')}</option>
          </select>
          <FieldError id="new-user-role-error" error={error('role')} />
        </div>
        <div>
          <label htmlFor="new-user-language" className="block text-sm font-medium">
            {t('users.add.language')}
          </label>
          <select
            id="new-user-language"
            name="language"
            defaultValue={values.language ?? 'auto'}
            aria-invalid={error('language') ? true : undefined}
            aria-describedby={
              error('language') ? 'new-user-language-error' : 'new-user-language-hint'
            }
            className={input}
          >
            <option value="auto">{t('users.add.languageAuto')}</option>
            {languages.map((code) => (
              <option key={code} value={code} lang={code}>
                {languageNames[code]}
              </option>
            ))}
          </select>
          {error('language') ? (
            <FieldError id="new-user-language-error" error={error('language')} />
          ) : (
            <p id="new-user-language-hint" className="mt-1 text-xs text-slate-500">
              {t('users.add.languageHint')}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? t('common.adding') : t('users.add.submit')}
        </button>
      </form>
    </div>
  );
}
