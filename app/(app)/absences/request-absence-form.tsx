'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { FieldError, FormField } from '@/app/_components/form-field';
import type { FormState } from '@/lib/action';
import type { AbsenceTypeOption } from '@/lib/dal/my-absences';
import { requestAbsenceAction, type RequestOutcome } from './actions';
import { FlashMessage, useFlash } from './flash';

const fieldClass =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm';

export function RequestAbsenceForm({
  types,
  year,
  noteMaxLength,
}: {
  types: AbsenceTypeOption[];
  /** The year the page shows: a request for another year takes the page there. */
  year: number;
  noteMaxLength: number;
}) {
  const t = useTranslations('absences.form');
  const router = useRouter();
  const { setFlash } = useFlash();
  const [state, formAction, pending] = useActionState<FormState<RequestOutcome>, FormData>(
    async (previous, formData) => {
      setFlash(null);
      const next = await requestAbsenceAction(previous, formData);
      if (next.ok) {
        setFlash({ from: 'request', message: next.message ?? '' });
        if (next.data && next.data.year !== year) router.push(`/absences?year=${next.data.year}`);
      }
      return next;
    },
    {},
  );
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  // After a success the form starts empty; after a refusal it keeps what was typed.
  const values = state.ok ? {} : (state.values ?? {});
  const formKey = JSON.stringify(values);
  return (
    <form
      key={formKey}
      action={formAction}
      noValidate
      className="space-y-4"
      aria-labelledby="request-heading"
    >
      <FlashMessage from="request" />
      <div aria-live="polite">
        {state.message && !state.ok && (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {state.message}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="typeId" className="block text-sm font-medium">
          {t('type')}
        </label>
        <select
          id="typeId"
          name="typeId"
          defaultValue={values.typeId ?? ''}
          aria-invalid={error('typeId') ? true : undefined}
          aria-describedby={error('typeId') ? 'typeId-error' : undefined}
          className={fieldClass}
        >
          <option value="" disabled>
            {t('choose')}
          </option>
          {types.map((type) => (
            <option key={type.id} value={type.id}>
              {type.requiresApproval ? t('needsApproval', { label: type.label }) : type.label}
            </option>
          ))}
        </select>
        <FieldError id="typeId-error" error={error('typeId')} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
        <FormField
          name="startDate"
          label={t('firstDay')}
          type="date"
          defaultValue={values.startDate}
          error={error('startDate')}
        />
        <FormField
          name="endDate"
          label={t('lastDay')}
          type="date"
          defaultValue={values.endDate}
          error={error('endDate')}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t('halfDays')}</legend>
        <label className="mt-1 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="halfDayStart"
            defaultChecked={values.halfDayStart === 'on'}
          />
          {t('afternoonFirst')}
        </label>
        <label className="mt-1 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="halfDayEnd"
            defaultChecked={values.halfDayEnd === 'on'}
            aria-invalid={error('halfDayEnd') ? true : undefined}
            aria-describedby={error('halfDayEnd') ? 'halfDayEnd-error' : undefined}
          />
          {t('morningLast')}
        </label>
        <FieldError id="halfDayEnd-error" error={error('halfDayEnd')} />
      </fieldset>
      <div>
        <label htmlFor="note" className="block text-sm font-medium">
          {t('note')}{' '}
          <span className="font-normal text-slate-500">
            {t('noteHint', { max: noteMaxLength })}
          </span>
        </label>
        <textarea
          id="note"
          name="note"
          rows={2}
          maxLength={noteMaxLength}
          defaultValue={values.note}
          aria-invalid={error('note') ? true : undefined}
          aria-describedby={error('note') ? 'note-error' : undefined}
          className={fieldClass}
        />
        <FieldError id="note-error" error={error('note')} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t('sending') : t('submit')}
      </button>
    </form>
  );
}
