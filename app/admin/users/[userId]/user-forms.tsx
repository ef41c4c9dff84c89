'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/action';
import { FormMessage } from '../../_components/form-message';
import { dangerButton, input, primaryButton, secondaryButton } from '../../_components/ui';
import {
  changeUserRoleAction,
  issueSetupLinkAction,
  setUserDisabledAction,
  signOutEverywhereAction,
  type SetupLinkState,
} from '../actions';
import { SetupLinkNotice } from '../setup-link-notice';

interface Person {
  userId: string;
  name: string;
}

export function RoleForm({ userId, name, role }: Person & { role: 'admin' | 'member' }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    changeUserRoleAction,
    {},
  );
  return (
    <form action={formAction} aria-label={`Role of ${name}`} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <div>
        <label htmlFor="role" className="block text-sm font-medium">
          Role
        </label>
        <select id="role" name="role" defaultValue={role} className={`${input} max-w-xs`}>
          <option value="member">Member — their teams only</option>
          <option value="admin">Admin — every team and these settings</option>
        </select>
      </div>
      <button type="submit" disabled={pending} className={primaryButton}>
        Save role
      </button>
    </form>
  );
}

export function DisableForm({ userId, name, disabled }: Person & { disabled: boolean }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    setUserDisabledAction,
    {},
  );
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (
          !disabled &&
          !window.confirm(
            `Disable ${name}? They are signed out at their next click and their calendar links stop working until you enable them again.`,
          )
        )
          event.preventDefault();
      }}
      className="space-y-3"
    >
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      <button
        type="submit"
        disabled={pending}
        className={disabled ? secondaryButton : dangerButton}
      >
        {disabled ? 'Enable account' : 'Disable account'}
      </button>
    </form>
  );
}

export function SignOutEverywhereForm({ userId, name }: Person) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    signOutEverywhereAction,
    {},
  );
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Sign ${name} out of every browser and device now?`))
          event.preventDefault();
      }}
      className="space-y-3"
    >
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending} className={secondaryButton}>
        Sign out everywhere
      </button>
    </form>
  );
}

export function SetupLinkForm({ userId, name, passwordSet }: Person & { passwordSet: boolean }) {
  const [state, formAction, pending] = useActionState<SetupLinkState, FormData>(
    issueSetupLinkAction,
    {},
  );
  return (
    <div className="space-y-3">
      <form
        action={formAction}
        onSubmit={(event) => {
          if (
            passwordSet &&
            !window.confirm(
              `Issue a setup link for ${name}? Whoever opens it can choose a new password for this account.`,
            )
          )
            event.preventDefault();
        }}
        className="space-y-3"
      >
        <FormMessage state={state} />
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" disabled={pending} className={secondaryButton}>
          {pending ? 'Issuing…' : 'Issue a new setup link'}
        </button>
      </form>
      {state.ok && state.data && <SetupLinkNotice link={state.data} />}
    </div>
  );
}
