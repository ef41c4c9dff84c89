'use client';

import { useActionState } from 'react';
import { signInAction, type SignInState } from './actions';

const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-500';

export function SignInForm({
  callbackUrl,
  initialMessage,
}: {
  callbackUrl: string;
  initialMessage?: string;
}) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, {
    message: initialMessage,
  });
  const emailError = state.fieldErrors?.email?.[0];
  const passwordError = state.fieldErrors?.password?.[0];
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div aria-live="polite" id="sign-in-message">
        {state.message && (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {state.message}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          key={state.email}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? 'email-error' : undefined}
          className={inputClass}
        />
        {emailError && (
          <p id="email-error" className="mt-1 text-sm text-red-700">
            {emailError}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? 'password-error' : undefined}
          className={inputClass}
        />
        {passwordError && (
          <p id="password-error" className="mt-1 text-sm text-red-700">
            {passwordError}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
