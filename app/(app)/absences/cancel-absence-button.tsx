'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/action';
import { cancelAbsenceAction } from './actions';

export function CancelAbsenceButton({ absenceId, label }: { absenceId: string; label: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(cancelAbsenceAction, {});
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Cancel ${label}? The request stays in the history as cancelled.`))
          event.preventDefault();
      }}
    >
      <input type="hidden" name="absenceId" value={absenceId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Cancel ${label}`}
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
