'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/action';
import { FormMessage } from '../../_components/form-message';
import { dangerButton, input, primaryButton, secondaryButton } from '../../_components/ui';
import { setResourceEnabledAction, updateResourceAction } from '../actions';
import { ResourceFields, type ResourceFormValues } from '../resource-fields';

export function ResourceSettingsForm({
  resourceId,
  slug,
  saved,
  zones,
}: {
  resourceId: string;
  slug: string;
  /** What the resource holds now. */
  saved: ResourceFormValues;
  zones: readonly string[];
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    updateResourceAction,
    {},
  );
  const values = state.ok ? {} : (state.values ?? {});
  const t = useTranslations('admin');
  return (
    <form
      key={JSON.stringify(values)}
      action={formAction}
      noValidate
      aria-label={t('resource.settingsForm')}
      className="space-y-4"
    >
      <FormMessage state={state} />
      <input type="hidden" name="resourceId" value={resourceId} />
      <ResourceFields
        idPrefix="resource"
        values={{ ...saved, ...values }}
        errors={state.fieldErrors}
        zones={zones}
        address={
          <div>
            <label htmlFor="resource-address" className="block text-sm font-medium">
              {t('resources.fields.pageAddress')}
            </label>
            <input
              id="resource-address"
              readOnly
              value={`/resources/${slug}`}
              aria-describedby="resource-address-hint"
              className={`${input} bg-slate-50 font-mono text-xs`}
            />
            <p id="resource-address-hint" className="mt-1 text-xs text-slate-500">
              {t('resources.fields.pageAddressHint')}
            </p>
          </div>
        }
      />
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t('common.saving') : t('common.save')}
      </button>
    </form>
  );
}

/** Disables the resource (after a confirmation) or enables it again. */
export function ResourceEnabledForm({
  resourceId,
  name,
  disabled,
}: {
  resourceId: string;
  name: string;
  disabled: boolean;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    setResourceEnabledAction,
    {},
  );
  const t = useTranslations('admin.resource');
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!disabled && !window.confirm(t('confirmDisable', { name }))) event.preventDefault();
      }}
      className="space-y-3"
    >
      <FormMessage state={state} />
      <input type="hidden" name="resourceId" value={resourceId} />
      <input type="hidden" name="enabled" value={disabled ? 'true' : 'false'} />
      <button
        type="submit"
        disabled={pending}
        className={disabled ? secondaryButton : dangerButton}
      >
        {t(disabled ? 'enable' : 'disable')}
      </button>
    </form>
  );
}
