'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/app/admin/_components/form-message';
import type { FormState } from '@/lib/action';
import { setMinimumPresentAction } from './actions';

/** The team's minimum presence, set by its managers: requests that would break it are flagged. */
export function MinimumPresentForm({
  teamId,
  minimumPresent,
}: {
  teamId: string;
  minimumPresent: number | null;
}) {
  const t = useTranslations('teams.minimum');
  const [state, action, pending] = useActionState<FormState, FormData>(setMinimumPresentAction, {});
  const error = state.fieldErrors?.minimumPresent?.[0];
  return (
    <form action={action} className="mt-3 space-y-2 border-t border-slate-100 pt-3">
      <FormMessage state={state} />
      <input type="hidden" name="teamId" value={teamId} />
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="minimum-present" className="block text-sm font-medium">
            {t('label')}
          </label>
          <input
            id="minimum-present"
            name="minimumPresent"
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            placeholder={t('placeholder')}
            defaultValue={state.values?.minimumPresent ?? minimumPresent ?? ''}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'minimum-present-error' : 'minimum-present-hint'}
            className="mt-1 block w-32 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
        >
          {t('save')}
        </button>
      </div>
      {error ? (
        <p id="minimum-present-error" className="text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id="minimum-present-hint" className="text-xs text-slate-500">
          {t('hint')}
        </p>
      )}
    </form>
  );
}
