'use server';

import { revalidatePath } from 'next/cache';
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
      return `Link ${displayPrefix}… revoked: it answers 410 from its next fetch.`;
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
      if (revoked === 0) return `${name} had no active links.`;
      return `${revoked} ${revoked === 1 ? 'link' : 'links'} of ${name} revoked.`;
    }),
  );
}
