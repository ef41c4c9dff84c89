'use client';

import { useTranslations } from 'next-intl';
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
  const t = useTranslations('admin');
  return (
    <form action={formAction} aria-label={t('user.role.form', { name })} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <div>
        <label htmlFor="role" className="block text-sm font-medium">
          {t('common.role')}
        </label>
        <select id="role" name="role" defaultValue={role} className={`${input} max-w-xs`}>
          <option value="member">{t('user.role.memberOption')}</option>
          <option value="admin">{t('user.role.adminOption')}</option>
        </select>
      </div>
      <button type="submit" disabled={pending} className={primaryButton}>
        {t('user.role.save')}
      </button>
    </form>
  );
}

export function DisableForm({ userId, name, disabled }: Person & { disabled: boolean }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    setUserDisabledAction,
    {},
  );
  const t = useTranslations('admin.user.account');
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!disabled && !window.confirm(t('confirmDisable', { name }))) event.preventDefault();
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
        {t(disabled ? 'enable' : 'disable')}
      </button>
    </form>
  );
}

export function SignOutEverywhereForm({ userId, name }: Person) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    signOutEverywhereAction,
    {},
  );
  const t = useTranslations('admin.user.sessions');
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(t('confirm', { name }))) event.preventDefault();
      }}
      className="space-y-3"
    >
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending} className={secondaryButton}>
        {t('submit')}
      </button>
    </form>
  );
}

export function SetupLinkForm({ userId, name, passwordSet }: Person & { passwordSet: boolean }) {
  const [state, formAction, pending] = useActionState<SetupLinkState, FormData>(
    issueSetupLinkAction,
    {},
  );
  const t = useTranslations('admin.user.password');
  return (
    <div className="space-y-3">
      <form
        action={formAction}
        onSubmit={(event) => {
          if (passwordSet && !window.confirm(t('confirm', { name }))) event.preventDefault();
        }}
        className="space-y-3"
      >
        <FormMessage state={state} />
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" disabled={pending} className={secondaryButton}>
          {pending ? t('issuing') : t('issue')}
        </button>
      </form>
      {state.ok && state.data && <SetupLinkNotice link={state.data} />}
    </div>
  );
}
