'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/action';
import { cancelEventAction } from './event-actions';

export function CancelEventButton({
  calendarId,
  eventId,
  title,
}: {
  calendarId: string;
  eventId: string;
  title: string;
}) {
  const t = useTranslations('calendar.events');
  const [state, formAction, pending] = useActionState<FormState, FormData>(cancelEventAction, {});
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(t('cancelConfirm', { title }))) event.preventDefault();
      }}
    >
      <input type="hidden" name="calendarId" value={calendarId} />
      <input type="hidden" name="eventId" value={eventId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t('cancelLabel', { title })}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-60"
      >
        {t('cancel')}
      </button>
      {state.message && !state.ok && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
