'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormField } from '@/app/_components/form-field';
import type { FormState } from '@/lib/action';
import { FormMessage } from '../../_components/form-message';
import { primaryButton } from '../../_components/ui';
import { setTeamAllowancesAction } from '../actions';

/** Sets one year's allowance, with its carry-over, for every member of a team at once. */
export function TeamAllowancesForm({
  teamId,
  teamName,
  year,
  memberCount,
}: {
  teamId: string;
  teamName: string;
  year: number;
  memberCount: number;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    setTeamAllowancesAction,
    {},
  );
  const t = useTranslations('admin.team.allowances');
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form
      key={JSON.stringify([year, values])}
      action={formAction}
      onSubmit={(event) => {
        if (
          !window.confirm(t('confirm', { year: String(year), count: memberCount, team: teamName }))
        )
          event.preventDefault();
      }}
      noValidate
      aria-label={t('form', { team: teamName, year: String(year) })}
      className="space-y-4"
    >
      <FormMessage state={state} />
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="year" value={year} />
      <FormField
        id="team-allowance-days"
        name="days"
        label={t('days')}
        inputMode="decimal"
        autoComplete="off"
        defaultValue={values.days}
        error={error('days') ?? error('year')}
      />
      <FormField
        id="team-allowance-carry-over"
        name="carryOverMax"
        label={t('carryOver', { year: String(year - 1) })}
        inputMode="decimal"
        autoComplete="off"
        defaultValue={values.carryOverMax ?? '0'}
        error={error('carryOverMax')}
      />
      <FormField
        id="team-allowance-expiry"
        name="carryOverExpiresOn"
        label={t('lapse')}
        type="date"
        min={`${year}-01-01`}
        max={`${year}-12-31`}
        defaultValue={values.carryOverExpiresOn}
        error={error('carryOverExpiresOn')}
      />
      <button type="submit" disabled={pending || memberCount === 0} className={primaryButton}>
        {pending ? t('setting') : t('submit', { count: memberCount })}
      </button>
    </form>
  );
}
