'use client';

import { useActionState } from 'react';
import { FormField } from '@/app/_components/form-field';
import { completeGuestSetupAction, type GuestSetupFormState } from './actions';

export function GuestSetupForm({ secret, email }: { secret: string; email: string }) {
  const [state, action, pending] = useActionState(
    completeGuestSetupAction.bind(null, secret),
    {} as GuestSetupFormState,
  );
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  if (state.ok && state.data)
    return (
      <div className="space-y-4 text-sm">
        <p
          role="status"
          className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-green-800"
        >
          {state.message} Add this calendar to your calendar app; it asks for your email (
          {state.data.email}) and this password.
        </p>
        <div>
          <label htmlFor="guest-feed-url" className="block font-medium">
            Calendar address
          </label>
          <input
            id="guest-feed-url"
            readOnly
            value={state.data.feedUrl}
            onFocus={(event) => event.currentTarget.select()}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
          />
          <p className="mt-1 text-xs text-amber-800">
            Shown only now: copy it before leaving this page.
          </p>
        </div>
        <dl className="space-y-2">
          <div>
            <dt className="font-medium">Thunderbird</dt>
            <dd className="text-slate-600">
              Calendar → New Calendar → On the Network; paste the address; when asked, enter your
              email as the user name and your password.
            </dd>
          </div>
          <div>
            <dt className="font-medium">Outlook for Windows</dt>
            <dd className="text-slate-600">
              File → Account Settings → Internet Calendars → New; paste the address; enter your
              email and password when Outlook asks. Outlook on the web and Google Calendar cannot
              send a password: use Thunderbird, Apple Calendar or Outlook for Windows.
            </dd>
          </div>
        </dl>
      </div>
    );
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Choose your password">
      <div aria-live="polite">
        {state.message && (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {state.message}
          </p>
        )}
      </div>
      <p className="text-sm text-slate-600">
        Your calendar app will ask for your email, <strong>{email}</strong>, and this password.
      </p>
      <FormField
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        error={error('password')}
      />
      <FormField
        name="confirmation"
        type="password"
        label="Password again"
        autoComplete="new-password"
        error={error('confirmation')}
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        Set password
      </button>
    </form>
  );
}
