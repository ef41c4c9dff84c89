'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/app/admin/_components/form-message';
import type { FormState } from '@/lib/action';
import { setNotificationMailsAction } from './actions';

/** Whether the person gets notification mails; the mails they always get are named. */
export function NotificationMailsForm({ on }: { on: boolean }) {
  const t = useTranslations('profile.mail');
  const [state, action, pending] = useActionState<FormState, FormData>(
    setNotificationMailsAction,
    {},
  );
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="notifyByMail" defaultChecked={on} className="mt-1" />
        <span>
          {t('notify')}
          <span className="block text-xs text-slate-500">{t('always')}</span>
        </span>
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
      >
        {t('save')}
      </button>
    </form>
  );
}
