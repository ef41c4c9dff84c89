'use client';

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
  const [state, formAction, pending] = useActionState<FormState, FormData>(cancelEventAction, {});
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (
          !window.confirm(
            `Cancel “${title}”? It stays listed as cancelled, and subscribed calendars show it as cancelled.`,
          )
        )
          event.preventDefault();
      }}
    >
      <input type="hidden" name="calendarId" value={calendarId} />
      <input type="hidden" name="eventId" value={eventId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Cancel ${title}`}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-60"
      >
        Cancel
      </button>
      {state.message && !state.ok && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
