'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormField } from '@/app/_components/form-field';
import type { FormState } from '@/lib/action';
import type { Policy } from '@/lib/dal/policy';
import { FormMessage } from '../_components/form-message';
import { primaryButton } from '../_components/ui';
import { updatePolicyAction } from './actions';

const SWITCHES = [
  { name: 'publicLinksAllowed', key: 'publicLinks' },
  { name: 'neverExpiringLinksAllowed', key: 'neverExpiring' },
  { name: 'guestSharesAllowed', key: 'guestShares' },
] as const;

type SwitchName =
  (typeof SWITCHES)[number]['name'] | 'oidcProvisioningAllowed' | 'passwordSignInAllowed';

/**
 * `provider` is what the sign-in button calls the OpenID provider, or null when none is
 * configured: the sign-in settings are shown either way, saying so.
 */
export function PolicyForm({ policy, provider }: { policy: Policy; provider: string | null }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updatePolicyAction, {});
  const t = useTranslations('admin.policy');
  // After a refusal the form shows what was submitted (unticked boxes are simply absent).
  const submitted = !state.ok && state.values ? state.values : undefined;
  const checked = (name: SwitchName) => (submitted ? submitted[name] === 'on' : policy[name]);
  const signInSwitches = [
    {
      name: 'oidcProvisioningAllowed',
      label: t('provisioning', { provider: provider ?? 'OpenID Connect' }),
      hint: t('provisioningHint'),
    },
    {
      name: 'passwordSignInAllowed',
      label: t('passwordSignIn'),
      hint: t('passwordSignInHint'),
    },
  ] as const;
  return (
    <form
      key={JSON.stringify(submitted ?? policy)}
      action={formAction}
      noValidate
      aria-label={t('form')}
      className="space-y-5"
    >
      <FormMessage state={state} />
      <div className="max-w-xs">
        <FormField
          name="maxTokenLifetimeDays"
          label={t('maxLifetime')}
          type="number"
          inputMode="numeric"
          min={1}
          max={3660}
          step={1}
          defaultValue={submitted?.maxTokenLifetimeDays ?? policy.maxTokenLifetimeDays}
          error={state.fieldErrors?.maxTokenLifetimeDays?.[0]}
        />
        <p className="mt-1 text-xs text-slate-500">{t('maxLifetimeHint')}</p>
      </div>
      <div className="max-w-xs">
        <FormField
          name="personalLinkLifetimeDays"
          label={t('personalLifetime')}
          type="number"
          inputMode="numeric"
          min={1}
          max={3660}
          step={1}
          defaultValue={submitted?.personalLinkLifetimeDays ?? policy.personalLinkLifetimeDays}
          error={state.fieldErrors?.personalLinkLifetimeDays?.[0]}
        />
        <p className="mt-1 text-xs text-slate-500">{t('personalLifetimeHint')}</p>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">{t('sharing')}</legend>
        {SWITCHES.map((option) => (
          <label key={option.name} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name={option.name}
              defaultChecked={checked(option.name)}
              className="mt-1"
            />
            <span>
              <span className="font-medium">{t(option.key)}</span>
              <span className="block text-slate-600">{t(`${option.key}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-3" aria-describedby="sign-in-provider">
        <legend className="text-sm font-medium">{t('signingIn')}</legend>
        <p id="sign-in-provider" className="text-sm text-slate-600">
          {provider ? t('configured', { provider }) : t('notConfigured')}
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
        {pending ? t('saving') : t('submit')}
      </button>
    </form>
  );
}
