'use client';

import { useActionState } from 'react';
import { FormField } from '@/app/_components/form-field';
import type { FormState } from '@/lib/action';
import { FormMessage } from '../../_components/form-message';
import { primaryButton } from '../../_components/ui';
import { setAllowanceAction } from '../actions';

export interface AllowanceDefaults {
  year: number;
  days: number | null;
  carryOverMax: number;
  carryOverExpiresOn: string | null;
}

/** Sets one year's allowance of a person, with how many days of the year before carry over. */
export function AllowanceForm({
  userId,
  name,
  defaults,
}: {
  userId: string;
  name: string;
  defaults: AllowanceDefaults;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(setAllowanceAction, {});
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form
      key={JSON.stringify([defaults, values])}
      id="allowance-form"
      action={formAction}
      noValidate
      aria-label={`Allowance of ${name}`}
      className="space-y-4"
    >
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="allowance-year"
          name="year"
          label="Year"
          type="number"
          min={2000}
          max={2100}
          defaultValue={values.year ?? defaults.year}
          error={error('year')}
        />
        <FormField
          id="allowance-days"
          name="days"
          label="Days"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={values.days ?? defaults.days ?? ''}
          error={error('days')}
        />
        <FormField
          id="allowance-carry-over"
          name="carryOverMax"
          label="Days that may carry over from the year before"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={values.carryOverMax ?? defaults.carryOverMax}
          error={error('carryOverMax')}
        />
        <FormField
          id="allowance-expiry"
          name="carryOverExpiresOn"
          label="Carried days lapse after"
          type="date"
          defaultValue={values.carryOverExpiresOn ?? defaults.carryOverExpiresOn ?? ''}
          error={error('carryOverExpiresOn')}
        />
      </div>
      <p className="text-xs text-slate-600">
        Half days allowed. Unused days of the year before carry over up to the limit (0: none);
        those not taken by the date lapse — leave it empty and they never do.
      </p>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? 'Saving…' : 'Save allowance'}
      </button>
    </form>
  );
}
