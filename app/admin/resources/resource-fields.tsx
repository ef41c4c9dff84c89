'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { FieldError, FormField } from '@/app/_components/form-field';
import { input } from '../_components/ui';
import { TimeZoneSelect } from '../teams/time-zone-select';
import { RESOURCE_KIND_OPTIONS } from './resource-labels';

/** A resource's form fields as text, the way a form holds them. */
export interface ResourceFormValues {
  name: string;
  kind: string;
  location: string;
  capacity: string;
  description: string;
  timeZone: string;
  bookingPolicy: string;
  managerEmails: string;
}

const describedBy = (...ids: Array<string | false | undefined>) =>
  ids.filter(Boolean).join(' ') || undefined;

function TextArea({
  id,
  name,
  label,
  hint,
  error,
  ...area
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue: string;
  maxLength?: number;
  rows: number;
  placeholder?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        className={input}
        {...area}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/**
 * The fields that creating and editing a resource share. `address` (the slug, editable or not)
 * comes right after the name. Rendered inside a keyed form, so a new key starts them afresh.
 */
export function ResourceFields({
  idPrefix,
  values,
  errors,
  zones,
  address,
}: {
  idPrefix: string;
  values: ResourceFormValues;
  errors?: Record<string, string[] | undefined>;
  zones: readonly string[];
  address: ReactNode;
}) {
  // Only rooms hold people: the capacity is off (and not sent) for the other kinds.
  const [kind, setKind] = useState(values.kind);
  const t = useTranslations('admin');
  const error = (field: string) => errors?.[field]?.[0];
  const id = (field: string) => `${idPrefix}-${field}`;
  const capacityError = kind === 'room' ? error('capacity') : undefined;
  return (
    <>
      <FormField
        id={id('name')}
        name="name"
        label={t('common.name')}
        maxLength={100}
        defaultValue={values.name}
        error={error('name')}
      />
      {address}
      <div>
        <label htmlFor={id('kind')} className="block text-sm font-medium">
          {t('resources.kind')}
        </label>
        <select
          id={id('kind')}
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value)}
          aria-invalid={error('kind') ? true : undefined}
          aria-describedby={error('kind') ? `${id('kind')}-error` : undefined}
          className={input}
        >
          {RESOURCE_KIND_OPTIONS.map((option) => (
            <option key={option} value={option}>
              {t(`resources.kinds.${option}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${id('kind')}-error`} error={error('kind')} />
      </div>
      <FormField
        id={id('location')}
        name="location"
        label={t('resources.fields.locationOptional')}
        maxLength={500}
        placeholder={t('resources.fields.locationPlaceholder')}
        defaultValue={values.location}
        error={error('location')}
      />
      <div>
        <label htmlFor={id('capacity')} className="block text-sm font-medium">
          {t('resources.fields.capacityOptional')}
        </label>
        <input
          id={id('capacity')}
          name="capacity"
          inputMode="numeric"
          maxLength={6}
          disabled={kind !== 'room'}
          defaultValue={values.capacity}
          aria-invalid={capacityError ? true : undefined}
          aria-describedby={describedBy(
            `${id('capacity')}-hint`,
            capacityError && `${id('capacity')}-error`,
          )}
          className={`${input} disabled:bg-slate-50 disabled:text-slate-400`}
        />
        <p id={`${id('capacity')}-hint`} className="mt-1 text-xs text-slate-500">
          {t(kind === 'room' ? 'resources.fields.capacityRoom' : 'resources.fields.capacityOther')}
        </p>
        <FieldError id={`${id('capacity')}-error`} error={capacityError} />
      </div>
      <TextArea
        id={id('description')}
        name="description"
        label={t('resources.fields.descriptionOptional')}
        rows={3}
        maxLength={2000}
        defaultValue={values.description}
        error={error('description')}
      />
      <TimeZoneSelect
        id={id('zone')}
        zones={zones}
        defaultValue={values.timeZone}
        error={error('timeZone')}
        hint={t('resources.fields.zoneHint')}
      />
      <fieldset
        aria-describedby={error('bookingPolicy') ? `${id('policy')}-error` : undefined}
        aria-invalid={error('bookingPolicy') ? true : undefined}
      >
        <legend className="text-sm font-medium">{t('resources.bookings')}</legend>
        <div className="mt-1 space-y-1">
          {(['instant', 'approval'] as const).map((policy) => (
            <label key={policy} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="bookingPolicy"
                value={policy}
                defaultChecked={values.bookingPolicy === policy}
                className="mt-0.5"
              />
              {t(`resources.policies.${policy}`)}
            </label>
          ))}
        </div>
        <FieldError id={`${id('policy')}-error`} error={error('bookingPolicy')} />
      </fieldset>
      <TextArea
        id={id('managers')}
        name="managerEmails"
        label={t('resources.fields.managersOptional')}
        rows={3}
        placeholder={'lea@example.com\nsam@example.com'}
        hint={t('resources.fields.managersHint')}
        defaultValue={values.managerEmails}
        error={error('managerEmails')}
      />
    </>
  );
}
