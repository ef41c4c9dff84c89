'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { runFormAction, type FormState } from '@/lib/action';
import { policySchema } from '@/lib/admin-validation';
import { updatePolicy } from '@/lib/dal/admin-policy';
import { requestInfo } from '@/lib/request-info';

export async function updatePolicyAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(policySchema, formData, async (actor, input) => {
    await updatePolicy(actor, input, requestInfo(await headers()));
    return 'Policy saved. It applies to links created from now on.';
  });
  if (state.ok) revalidatePath('/admin', 'layout');
  return state;
}
