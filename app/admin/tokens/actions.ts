'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { runFormAction, type FormState } from '@/lib/action';
import { revokeTokenSchema, revokeUserTokensSchema } from '@/lib/admin-validation';
import { revokeToken, revokeUserTokens } from '@/lib/dal/admin-tokens';
import { requestInfo } from '@/lib/request-info';

function revalidated(state: FormState): FormState {
  if (state.ok) revalidatePath('/admin', 'layout');
  return state;
}

export async function revokeTokenAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return revalidated(
    await runFormAction(revokeTokenSchema, formData, async (actor, input) => {
      const { displayPrefix } = await revokeToken(actor, input, requestInfo(await headers()));
      return (await getTranslations('admin.tokens.actions'))('revoked', { prefix: displayPrefix });
    }),
  );
}

export async function revokeUserTokensAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return revalidated(
    await runFormAction(revokeUserTokensSchema, formData, async (actor, input) => {
      const { name, revoked } = await revokeUserTokens(actor, input, requestInfo(await headers()));
      const t = await getTranslations('admin.tokens.actions');
      if (revoked === 0) return t('noneActive', { name });
      return t('revokedAll', { count: revoked, name });
    }),
  );
}
