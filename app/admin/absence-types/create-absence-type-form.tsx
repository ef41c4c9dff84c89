'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormField } from '@/app/_components/form-field';
import { FormMessage } from '../_components/form-message';
import { primaryButton } from '../_components/ui';
import { createAbsenceTypeAction, type CreatedAbsenceTypeState } from './actions';
import {
  AbsenceTypeFields,
  submittedTypeValues,
  type AbsenceTypeFormValues,
} from './absence-type-fields';

const EMPTY: AbsenceTypeFormValues = {
  label: '',
  color: '#0ea5e9',
  isPrivate: false,
  requiresApproval: true,
  countsAgainstAllowance: false,
  overAllowance: 'refuse',
  sortOrder: '',
};

export function CreateAbsenceTypeForm() {
  const [state, formAction, pending] = useActionState<CreatedAbsenceTypeState, FormData>(
    createAbsenceTypeAction,
    {},
  );
  const t = useTranslations('admin');
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const submitted = state.ok ? undefined : state.values;
  return (
    <form
      // A new key after each creation or refusal: the fields start again from what is due.
      key={state.ok ? `created-${state.data?.key}` : JSON.stringify(submitted ?? {})}
      action={formAction}
      noValidate
      aria-label={t('absenceTypes.createForm')}
      className="space-y-4"
    >
      <FormMessage state={state} />
      {state.ok && state.data && (
        <p className="text-sm">
          <Link
            href={`/admin/absence-types/${state.data.key}`}
            className="font-medium text-brand-700 hover:underline"
          >
            {t('common.open', { name: state.data.label })}
          </Link>
        </p>
      )}
      <AbsenceTypeFields
        idPrefix="new-type"
        values={submitted ? submittedTypeValues(submitted, EMPTY) : EMPTY}
        errors={state.fieldErrors}
        keyField={
          <div>
            <FormField
              id="new-type-key"
              name="key"
              label={t('absenceTypes.fields.keyOptional')}
              maxLength={40}
              placeholder={t('absenceTypes.fields.keyPlaceholder')}
              defaultValue={submitted?.key}
              error={error('key')}
              aria-describedby={`new-type-key-hint${error('key') ? ' new-type-key-error' : ''}`}
            />
            <p id="new-type-key-hint" className="mt-1 text-xs text-slate-500">
              {t('absenceTypes.fields.keyHint')}
            </p>
          </div>
        }
      />
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t('common.creating') : t('absenceTypes.createSubmit')}
      </button>
    </form>
  );
}
