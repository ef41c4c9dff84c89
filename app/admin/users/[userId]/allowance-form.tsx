'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormField } from '@/app/_components/form-field';
import type { FormState } from '@/lib/action';
import { FormMessage } from '../../_components/form-message';
import { primaryButton } from '../../_components/ui';
import { setAllowanceAction } from '../actions';

export interface AllowanceDefaults {
  year: number;
  days: number | null;
  carryOverMax: number;
  carryOverExpiresOn: string | null;
}

/** Sets one year's allowance of a person, with how many days of the year before carry over. */
export function AllowanceForm({
  userId,
  name,
  defaults,
}: {
  userId: string;
  name: string;
  defaults: AllowanceDefaults;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(setAllowanceAction, {});
  const t = useTranslations('admin');
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form
      key={JSON.stringify([defaults, values])}
      id="allowance-form"
      action={formAction}
      noValidate
      aria-label={t('user.allowances.form', { name })}
      className="space-y-4"
    >
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="allowance-year"
          name="year"
          label={t('user.allowances.year')}
          type="number"
          min={2000}
          max={2100}
          defaultValue={values.year ?? defaults.year}
          error={error('year')}
        />
        <FormField
          id="allowance-days"
          name="days"
          label={t('user.allowances.days')}
          inputMode="decimal"
          autoComplete="off"
          defaultValue={values.days ?? defaults.days ?? ''}
          error={error('days')}
        />
        <FormField
          id="allowance-carry-over"
          name="carryOverMax"
          label={t('user.allowances.carryOver')}
          inputMode="decimal"
          autoComplete="off"
          defaultValue={values.carryOverMax ?? defaults.carryOverMax}
          error={error('carryOverMax')}
        />
        <FormField
          id="allowance-expiry"
          name="carryOverExpiresOn"
          label={t('user.allowances.lapse')}
          type="date"
          defaultValue={values.carryOverExpiresOn ?? defaults.carryOverExpiresOn ?? ''}
          error={error('carryOverExpiresOn')}
        />
      </div>
      <p className="text-xs text-slate-600">{t('user.allowances.hint')}</p>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t('common.saving') : t('user.allowances.submit')}
      </button>
    </form>
  );
}
