'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { runFormAction, type FormState } from '@/lib/action';
import { policySchema } from '@/lib/admin-validation';
import { updatePolicy } from '@/lib/dal/admin-policy';
import { AppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';
import { oidcConfig } from '@/lib/oidc-config';
import { requestInfo } from '@/lib/request-info';

export async function updatePolicyAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(policySchema, formData, async (actor, input) => {
    // Without a provider, members would have no way left to sign in.
    if (!input.passwordSignInAllowed && !oidcConfig())
      throw new AppError('bad_request', new TranslatableText('admin.policy.errors.oidcFirst'), {
        field: 'passwordSignInAllowed',
      });
    await updatePolicy(actor, input, requestInfo(await headers()));
    return (await getTranslations('admin.policy'))('saved');
  });
  if (state.ok) revalidatePath('/admin', 'layout');
  return state;
}
