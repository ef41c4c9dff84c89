'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormField } from '@/app/_components/form-field';
import { FormMessage } from '../_components/form-message';
import { primaryButton } from '../_components/ui';
import { createResourceAction, type CreatedResourceState } from './actions';
import { ResourceFields, type ResourceFormValues } from './resource-fields';

const EMPTY: ResourceFormValues = {
  name: '',
  kind: 'room',
  location: '',
  capacity: '',
  description: '',
  timeZone: 'Europe/Paris',
  bookingPolicy: 'instant',
  managerEmails: '',
};

export function CreateResourceForm({ zones }: { zones: readonly string[] }) {
  const [state, formAction, pending] = useActionState<CreatedResourceState, FormData>(
    createResourceAction,
    {},
  );
  const t = useTranslations('admin');
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form
      // A new key after each creation or refusal: the fields start again from what is due.
      key={state.ok ? `created-${state.data?.slug}` : JSON.stringify(values)}
      action={formAction}
      noValidate
      aria-label={t('resources.createForm')}
      className="space-y-4"
    >
      <FormMessage state={state} />
      {state.ok && state.data && (
        <p className="text-sm">
          <Link
            href={`/admin/resources/${state.data.slug}`}
            className="font-medium text-brand-700 hover:underline"
          >
            {t('common.open', { name: state.data.name })}
          </Link>
        </p>
      )}
      <ResourceFields
        idPrefix="new-resource"
        values={{ ...EMPTY, ...values }}
        errors={state.fieldErrors}
        zones={zones}
        address={
          <FormField
            id="new-resource-slug"
            name="slug"
            label={t('common.address')}
            maxLength={60}
            placeholder="meeting-room-2"
            defaultValue={values.slug}
            error={error('slug')}
          />
        }
      />
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t('common.creating') : t('resources.createSubmit')}
      </button>
    </form>
  );
}
