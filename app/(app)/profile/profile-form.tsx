'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/app/admin/_components/form-message';
import { input } from '@/app/admin/_components/ui';
import { TimeZoneSelect } from '@/app/admin/teams/time-zone-select';
import type { FormState } from '@/lib/action';
import { languageNames, languages } from '@/lib/i18n/locales';
import { updateProfileAction } from './actions';

export function ProfileForm({
  zones,
  timeZone,
  language,
}: {
  zones: readonly string[];
  timeZone: string;
  language: string | null;
}) {
  const t = useTranslations('profile');
  const [state, action, pending] = useActionState<FormState, FormData>(updateProfileAction, {});
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <TimeZoneSelect
        id="profile-time-zone"
        zones={zones}
        defaultValue={state.values?.timeZone ?? timeZone}
        error={state.fieldErrors?.timeZone?.[0]}
      />
      <div>
        <label htmlFor="profile-language" className="block text-sm font-medium">
          {t('language.label')}
        </label>
        <select
          id="profile-language"
          name="language"
          defaultValue={state.values?.language ?? language ?? 'auto'}
          aria-describedby="profile-language-hint"
          className={input}
        >
          <option value="auto">{t('language.auto')}</option>
          {languages.map((code) => (
            <option key={code} value={code} lang={code}>
              {languageNames[code]}
            </option>
          ))}
        </select>
        <p id="profile-language-hint" className="mt-1 text-xs text-slate-500">
          {t('language.hint')}
        </p>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {t('save')}
      </button>
    </form>
  );
}
