'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/action';
import { FormMessage } from '../../_components/form-message';
import { secondaryButton } from '../../_components/ui';
import { retryMessageAction } from '../actions';

export function RetryForm({ messageId }: { messageId: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(retryMessageAction, {});
  const t = useTranslations('admin.outbox');
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="messageId" value={messageId} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={secondaryButton}>
        {pending ? t('queuing') : t('sendAgain')}
      </button>
    </form>
  );
}
