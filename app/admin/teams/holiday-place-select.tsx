'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FieldError } from '@/app/_components/form-field';
import { input } from '../_components/ui';

export interface HolidayPlaceChoices {
  countries: Array<{ code: string; name: string }>;
  /** Only countries whose regions have holidays of their own. */
  regionsByCountry: Record<string, Array<{ code: string; name: string }>>;
}

/**
 * Where a team's public holidays come from: a country ("None" for no holidays) and, only for a
 * country whose regions differ, a region (the whole country by default).
 */
export function HolidayPlaceSelect({
  id,
  choices,
  defaultCountry,
  defaultRegion,
  countryError,
  regionError,
}: {
  id: string;
  choices: HolidayPlaceChoices;
  defaultCountry: string | null;
  defaultRegion: string | null;
  countryError?: string;
  regionError?: string;
}) {
  const t = useTranslations('admin.teams.holidayPlace');
  const [country, setCountry] = useState(defaultCountry ?? '');
  const regions = choices.regionsByCountry[country] ?? [];
  const countryId = `${id}-country`;
  const regionId = `${id}-region`;
  return (
    <>
      <div>
        <label htmlFor={countryId} className="block text-sm font-medium">
          {t('country')}
        </label>
        <select
          id={countryId}
          name="holidayCountry"
          value={country}
          onChange={(event) => setCountry(event.target.value)}
          aria-invalid={countryError ? true : undefined}
          aria-describedby={countryError ? `${countryId}-error` : `${countryId}-hint`}
          className={input}
        >
          <option value="">{t('none')}</option>
          {choices.countries.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
        {countryError ? (
          <FieldError id={`${countryId}-error`} error={countryError} />
        ) : (
          <p id={`${countryId}-hint`} className="mt-1 text-xs text-slate-500">
            {t('countryHint')}
          </p>
        )}
      </div>
      {regions.length === 0 && <FieldError id={`${regionId}-error`} error={regionError} />}
      {regions.length > 0 && (
        <div>
          <label htmlFor={regionId} className="block text-sm font-medium">
            {t('region')}
          </label>
          <select
            // A new country starts from its whole territory.
            key={country}
            id={regionId}
            name="holidayRegion"
            defaultValue={country === defaultCountry ? (defaultRegion ?? '') : ''}
            aria-invalid={regionError ? true : undefined}
            aria-describedby={regionError ? `${regionId}-error` : `${regionId}-hint`}
            className={input}
          >
            <option value="">{t('wholeCountry')}</option>
            {regions.map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          {regionError ? (
            <FieldError id={`${regionId}-error`} error={regionError} />
          ) : (
            <p id={`${regionId}-hint`} className="mt-1 text-xs text-slate-500">
              {t('regionHint')}
            </p>
          )}
        </div>
      )}
    </>
  );
}
