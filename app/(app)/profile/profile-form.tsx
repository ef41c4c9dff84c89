'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/admin/_components/form-message';
import { TimeZoneSelect } from '@/app/admin/teams/time-zone-select';
import type { FormState } from '@/lib/action';
import { updateProfileAction } from './actions';

export function ProfileForm({ zones, timeZone }: { zones: readonly string[]; timeZone: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateProfileAction, {});
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <TimeZoneSelect
        id="profile-time-zone"
        zones={zones}
        defaultValue={state.values?.timeZone ?? timeZone}
        error={state.fieldErrors?.timeZone?.[0]}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        Save
      </button>
    </form>
  );
}
