'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FieldError, FormField } from '@/app/_components/form-field';
import { FormMessage } from '@/app/admin/_components/form-message';
import type { FormState } from '@/lib/action';
import { newSubmissionKey } from '@/lib/submission-key';
import { createBookingAction } from './actions';

/** Book the resource for a span, in its time zone; an overlap comes back naming the booking in the way. */
export function BookingForm({
  resourceId,
  timeZone,
  today,
  noteMaxLength,
}: {
  resourceId: string;
  timeZone: string;
  today: string;
  /** Passed down: the validation module is server code (it knows password hashing limits). */
  noteMaxLength: number;
}) {
  const t = useTranslations('resources.form');
  const [submissionKey, setSubmissionKey] = useState(newSubmissionKey);
  const [state, action, pending] = useActionState<FormState, FormData>(
    async (previous, formData) => {
      const next = await createBookingAction(previous, formData);
      // A new key for the next booking; a refused one may be sent again as it was.
      if (next.ok) setSubmissionKey(newSubmissionKey());
      return next;
    },
    {},
  );
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const typed = state.ok ? undefined : state.values;
  const value = (field: string, fallback = '') => typed?.[field] ?? fallback;
  return (
    <form
      key={submissionKey}
      action={action}
      noValidate
      className="space-y-4"
      aria-labelledby="book-heading"
    >
      <input type="hidden" name="resourceId" value={resourceId} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <FormMessage state={state} />
      <FormField
        id="booking-title"
        name="title"
        label={t('whatFor')}
        maxLength={200}
        defaultValue={value('title')}
        error={error('title')}
      />
      <fieldset>
        <legend className="text-sm font-medium">
          {t('when')}{' '}
          <span className="font-normal text-slate-600">{t('inZone', { timeZone })}</span>
        </legend>
        <div className="mt-2 grid grid-cols-2 gap-x-3 gap-y-4">
          <FormField
            id="booking-start-date"
            name="startDate"
            label={t('startDate')}
            type="date"
            defaultValue={value('startDate', today)}
            error={error('startDate')}
          />
          <FormField
            id="booking-start-time"
            name="startTime"
            label={t('startTime')}
            type="time"
            defaultValue={value('startTime')}
            error={error('startTime')}
          />
          <FormField
            id="booking-end-date"
            name="endDate"
            label={t('endDate')}
            type="date"
            defaultValue={value('endDate', today)}
            error={error('endDate')}
          />
          <FormField
            id="booking-end-time"
            name="endTime"
            label={t('endTime')}
            type="time"
            defaultValue={value('endTime')}
            error={error('endTime')}
          />
        </div>
      </fieldset>
      <div>
        <label htmlFor="booking-note" className="block text-sm font-medium">
          {t('note')} <span className="font-normal text-slate-600">{t('optional')}</span>
        </label>
        <textarea
          id="booking-note"
          name="note"
          rows={2}
          maxLength={noteMaxLength}
          defaultValue={value('note')}
          aria-invalid={error('note') ? true : undefined}
          aria-describedby={error('note') ? 'booking-note-error' : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-500"
        />
        <FieldError id="booking-note-error" error={error('note')} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t('pending') : t('submit')}
      </button>
    </form>
  );
}
