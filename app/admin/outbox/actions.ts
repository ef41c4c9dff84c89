'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { runFormAction, type FormState } from '@/lib/action';
import { outboxMessageIdSchema } from '@/lib/admin-validation';
import { retryOutboxMessage } from '@/lib/dal/outbox';

export async function retryMessageAction(_state: FormState, formData: FormData) {
  const state = await runFormAction(outboxMessageIdSchema, formData, async (actor, input) => {
    await retryOutboxMessage(actor, input.messageId);
    return (await getTranslations('admin.outbox'))('retried');
  });
  if (state.ok) revalidatePath('/admin/outbox', 'layout');
  return state;
}
