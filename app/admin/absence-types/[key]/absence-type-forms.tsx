'use client';

import { useTranslations } from 'next-intl';
import { useActionState, type ReactNode } from 'react';
import type { FormState } from '@/lib/action';
import { FormMessage } from '../../_components/form-message';
import { dangerButton, primaryButton, secondaryButton } from '../../_components/ui';
import { setAbsenceTypeActiveAction, updateAbsenceTypeAction } from '../actions';
import {
  AbsenceTypeFields,
  submittedTypeValues,
  type AbsenceTypeFormValues,
} from '../absence-type-fields';

export function AbsenceTypeSettingsForm({
  typeId,
  saved,
  keyField,
}: {
  typeId: string;
  /** What the type holds now. */
  saved: AbsenceTypeFormValues;
  keyField: ReactNode;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    updateAbsenceTypeAction,
    {},
  );
  const submitted = state.ok ? undefined : state.values;
  const values = submitted ? submittedTypeValues(submitted, saved) : saved;
  const t = useTranslations('admin');
  return (
    <form
      // A new key when what is shown changes: saved values after a save, the sent ones after a
      // refusal.
      key={JSON.stringify(values)}
      action={formAction}
      noValidate
      aria-label={t('absenceType.settingsForm')}
      className="space-y-4"
    >
      <FormMessage state={state} />
      <input type="hidden" name="typeId" value={typeId} />
      <AbsenceTypeFields
        idPrefix="type"
        values={values}
        errors={state.fieldErrors}
        keyField={keyField}
      />
      <p className="text-xs text-slate-600">{t('absenceType.settingsNote')}</p>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t('common.saving') : t('common.save')}
      </button>
    </form>
  );
}

/** Retires the type (after a confirmation) or restores it. */
export function AbsenceTypeActiveForm({
  typeId,
  label,
  active,
}: {
  typeId: string;
  label: string;
  active: boolean;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    setAbsenceTypeActiveAction,
    {},
  );
  const t = useTranslations('admin.absenceType');
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (active && !window.confirm(t('confirmRetire', { label }))) event.preventDefault();
      }}
      className="space-y-3"
    >
      <FormMessage state={state} />
      <input type="hidden" name="typeId" value={typeId} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <button type="submit" disabled={pending} className={active ? dangerButton : secondaryButton}>
        {t(active ? 'retire' : 'restore')}
      </button>
    </form>
  );
}
