'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormField } from '@/app/_components/form-field';
import { FormMessage } from '../_components/form-message';
import { primaryButton } from '../_components/ui';
import { createTeamAction, type CreatedTeamState } from './actions';
import { HolidayPlaceSelect, type HolidayPlaceChoices } from './holiday-place-select';
import { TimeZoneSelect } from './time-zone-select';

export function CreateTeamForm({
  zones,
  holidayPlaces,
}: {
  zones: readonly string[];
  holidayPlaces: HolidayPlaceChoices;
}) {
  const [state, formAction, pending] = useActionState<CreatedTeamState, FormData>(
    createTeamAction,
    {},
  );
  const t = useTranslations('admin');
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form
      key={JSON.stringify(values)}
      action={formAction}
      noValidate
      aria-label={t('teams.create.form')}
      className="space-y-4"
    >
      <FormMessage state={state} />
      {state.ok && state.data && (
        <p className="text-sm">
          <Link
            href={`/admin/teams/${state.data.slug}`}
            className="font-medium text-brand-700 hover:underline"
          >
            {t('teams.create.addPeople', { name: state.data.name })}
          </Link>
        </p>
      )}
      <FormField
        id="new-team-name"
        name="name"
        label={t('common.name')}
        maxLength={100}
        defaultValue={values.name}
        error={error('name')}
      />
      <FormField
        id="new-team-slug"
        name="slug"
        label={t('common.address')}
        maxLength={60}
        placeholder="customer-support"
        defaultValue={values.slug}
        error={error('slug')}
      />
      <TimeZoneSelect
        id="new-team-zone"
        zones={zones}
        defaultValue={values.timeZone ?? 'Europe/Paris'}
        error={error('timeZone')}
      />
      <HolidayPlaceSelect
        id="new-team-holidays"
        choices={holidayPlaces}
        defaultCountry={values.holidayCountry || null}
        defaultRegion={values.holidayRegion || null}
        countryError={error('holidayCountry')}
        regionError={error('holidayRegion')}
      />
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t('common.creating') : t('teams.create.submit')}
      </button>
    </form>
  );
}
