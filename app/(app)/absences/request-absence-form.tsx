'use client';

import { useActionState } from 'react';
import { FieldError, FormField } from '@/app/_components/form-field';
import type { FormState } from '@/lib/action';
import type { AbsenceTypeOption } from '@/lib/dal/my-absences';
import { requestAbsenceAction } from './actions';

const fieldClass =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm';

export function RequestAbsenceForm({ types }: { types: AbsenceTypeOption[] }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    requestAbsenceAction,
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
      aria-label="Request an absence"
    >
      <div aria-live="polite">
        {state.message && (
          <p
            role={state.ok ? 'status' : 'alert'}
            className={`rounded-md border px-3 py-2 text-sm ${state.ok ? 'border-green-200 bg-green-50 text-green-800' : 'border-red-200 bg-red-50 text-red-800'}`}
          >
            {state.message}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="typeId" className="block text-sm font-medium">
          Type
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
            Choose…
          </option>
          {types.map((type) => (
            <option key={type.id} value={type.id}>
              {type.label}
              {type.requiresApproval ? ' (needs approval)' : ''}
            </option>
          ))}
        </select>
        <FieldError id="typeId-error" error={error('typeId')} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          name="startDate"
          label="First day"
          type="date"
          defaultValue={values.startDate}
          error={error('startDate')}
        />
        <FormField
          name="endDate"
          label="Last day"
          type="date"
          defaultValue={values.endDate}
          error={error('endDate')}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Half days</legend>
        <label className="mt-1 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="halfDayStart"
            defaultChecked={values.halfDayStart === 'on'}
          />
          Afternoon only on the first day
        </label>
        <label className="mt-1 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="halfDayEnd"
            defaultChecked={values.halfDayEnd === 'on'}
            aria-describedby={error('halfDayEnd') ? 'halfDayEnd-error' : undefined}
          />
          Morning only on the last day
        </label>
        <FieldError id="halfDayEnd-error" error={error('halfDayEnd')} />
      </fieldset>
      <div>
        <label htmlFor="note" className="block text-sm font-medium">
          Note <span className="font-normal text-slate-500">(optional, up to 500 characters)</span>
        </label>
        <textarea
          id="note"
          name="note"
          rows={2}
          maxLength={500}
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
        {pending ? 'Sending…' : 'Request absence'}
      </button>
    </form>
  );
}
