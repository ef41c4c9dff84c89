'use client';

import { useActionState } from 'react';
import { FormField } from '@/app/_components/form-field';
import type { FormState } from '@/lib/action';
import type { Policy } from '@/lib/dal/policy';
import { FormMessage } from '../_components/form-message';
import { primaryButton } from '../_components/ui';
import { updatePolicyAction } from './actions';

const SWITCHES = [
  {
    name: 'publicLinksAllowed',
    label: 'Managers may publish public links',
    hint: 'Read-only links that anyone who finds them can read (e.g. for an app that reads locations).',
  },
  {
    name: 'neverExpiringLinksAllowed',
    label: 'Public links may never expire',
    hint: 'Otherwise every public link expires within the maximum lifetime above.',
  },
  {
    name: 'guestSharesAllowed',
    label: 'Managers may share with guests',
    hint: 'Password-protected access for people outside the organisation.',
  },
] as const;

type SwitchName =
  (typeof SWITCHES)[number]['name'] | 'oidcProvisioningAllowed' | 'passwordSignInAllowed';

/**
 * `provider` is what the sign-in button calls the OpenID provider, or null when none is
 * configured: the sign-in settings are shown either way, saying so.
 */
export function PolicyForm({ policy, provider }: { policy: Policy; provider: string | null }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updatePolicyAction, {});
  // After a refusal the form shows what was submitted (unticked boxes are simply absent).
  const submitted = !state.ok && state.values ? state.values : undefined;
  const checked = (name: SwitchName) => (submitted ? submitted[name] === 'on' : policy[name]);
  const signInSwitches = [
    {
      name: 'oidcProvisioningAllowed',
      label: `Create accounts for new people who sign in through ${provider ?? 'OpenID Connect'}`,
      hint: 'Off: only people who already have a TeamCal account (matched by a verified email address) can sign in that way. New accounts are members.',
    },
    {
      name: 'passwordSignInAllowed',
      label: 'Allow password sign-in for everyone (off: admins only)',
      hint: 'Off: members sign in through the OpenID provider; admins keep their password, so they can always get in.',
    },
  ] as const;
  return (
    <form
      key={JSON.stringify(submitted ?? policy)}
      action={formAction}
      noValidate
      aria-label="Policy"
      className="space-y-5"
    >
      <FormMessage state={state} />
      <div className="max-w-xs">
        <FormField
          name="maxTokenLifetimeDays"
          label="Maximum link lifetime (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={3660}
          step={1}
          defaultValue={submitted?.maxTokenLifetimeDays ?? policy.maxTokenLifetimeDays}
          error={state.fieldErrors?.maxTokenLifetimeDays?.[0]}
        />
        <p className="mt-1 text-xs text-slate-500">
          1 to 3660. No link may last longer; a guest’s link lasts this long from the day they
          choose their password.
        </p>
      </div>
      <div className="max-w-xs">
        <FormField
          name="personalLinkLifetimeDays"
          label="Personal subscription lifetime (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={3660}
          step={1}
          defaultValue={submitted?.personalLinkLifetimeDays ?? policy.personalLinkLifetimeDays}
          error={state.fieldErrors?.personalLinkLifetimeDays?.[0]}
        />
        <p className="mt-1 text-xs text-slate-500">
          How long a new personal subscription lasts, at most the maximum above; 183 is about six
          months.
        </p>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Sharing outside the organisation</legend>
        {SWITCHES.map((option) => (
          <label key={option.name} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name={option.name}
              defaultChecked={checked(option.name)}
              className="mt-1"
            />
            <span>
              <span className="font-medium">{option.label}</span>
              <span className="block text-slate-600">{option.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-3" aria-describedby="sign-in-provider">
        <legend className="text-sm font-medium">Signing in</legend>
        <p id="sign-in-provider" className="text-sm text-slate-600">
          {provider
            ? `OpenID Connect is configured: people can sign in with ${provider}.`
            : 'OpenID Connect sign-in is not configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET): these settings take effect once it is, and password sign-in stays on until then.'}
        </p>
        {signInSwitches.map((option) => {
          const error = state.fieldErrors?.[option.name]?.[0];
          return (
            <div key={option.name}>
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name={option.name}
                  defaultChecked={checked(option.name)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${option.name}-error` : undefined}
                  className="mt-1"
                />
                <span>
                  <span className="font-medium">{option.label}</span>
                  <span className="block text-slate-600">{option.hint}</span>
                </span>
              </label>
              {error && (
                <p id={`${option.name}-error`} className="mt-1 text-sm text-red-700">
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? 'Saving…' : 'Save policy'}
      </button>
    </form>
  );
}
