'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/action';
import { cancelAbsenceAction } from './actions';
import { useFlash } from './flash';

export function CancelAbsenceButton({ absenceId, label }: { absenceId: string; label: string }) {
  const t = useTranslations('absences.cancel');
  const { setFlash } = useFlash();
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    async (previous, formData) => {
      const next = await cancelAbsenceAction(previous, formData);
      // The button leaves with the row's status: the message is the page's.
      if (next.ok) setFlash({ from: 'list', message: t('done', { what: label }) });
      return next;
    },
    {},
  );
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        setFlash(null);
        if (!window.confirm(t('confirm', { what: label }))) event.preventDefault();
      }}
    >
      <input type="hidden" name="absenceId" value={absenceId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t('label', { what: label })}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-60"
      >
        {t('button')}
      </button>
      {state.message && !state.ok && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
