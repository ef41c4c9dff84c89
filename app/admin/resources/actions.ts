'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { runFormAction, type FormState } from '@/lib/action';
import {
  createResourceSchema,
  setResourceEnabledSchema,
  updateResourceSchema,
} from '@/lib/admin-validation';
import { createResource, setResourceEnabled, updateResource } from '@/lib/dal/resources';
import { requestInfo } from '@/lib/request-info';

export type CreatedResourceState = FormState<{ slug: string; name: string }>;

function revalidated<State extends { ok?: boolean }>(state: State): State {
  if (state.ok) {
    revalidatePath('/admin', 'layout');
    revalidatePath('/resources', 'layout');
  }
  return state;
}

export async function createResourceAction(
  _previous: CreatedResourceState,
  formData: FormData,
): Promise<CreatedResourceState> {
  return revalidated(
    await runFormAction(createResourceSchema, formData, async (actor, input) => {
      const resource = await createResource(actor, input, requestInfo(await headers()));
      return {
        message: (await getTranslations('admin.resources.actions'))('created', {
          name: input.name,
        }),
        data: { slug: resource.slug, name: input.name },
      };
    }),
  );
}

export async function updateResourceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return revalidated(
    await runFormAction(updateResourceSchema, formData, async (actor, input) => {
      await updateResource(actor, input, requestInfo(await headers()));
      return (await getTranslations('admin.common'))('savedRefresh');
    }),
  );
}

export async function setResourceEnabledAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return revalidated(
    await runFormAction(setResourceEnabledSchema, formData, async (actor, input) => {
      await setResourceEnabled(actor, input, requestInfo(await headers()));
      const t = await getTranslations('admin.resources.actions');
      return t(input.enabled ? 'enabled' : 'disabled');
    }),
  );
}
