'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/app/admin/_components/form-message';
import type { FormState } from '@/lib/action';
import { setOwnAbsencesShownAction } from './actions';

/** Whether the person's own calendar, and every link to it, also shows their approved absences. */
export function OwnAbsencesForm({ shown }: { shown: boolean }) {
  const t = useTranslations('myCalendar');
  const [state, action, pending] = useActionState<FormState, FormData>(
    setOwnAbsencesShownAction,
    {},
  );
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="includesOwnAbsences" defaultChecked={shown} className="mt-1" />
        <span>
          {t('ownAbsences')}
          <span className="block text-xs text-slate-600">{t('ownAbsencesHint')}</span>
        </span>
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
      >
        {t('save')}
      </button>
    </form>
  );
}
