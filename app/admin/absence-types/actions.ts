'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { runFormAction, type FormState } from '@/lib/action';
import {
  createAbsenceTypeSchema,
  setAbsenceTypeActiveSchema,
  updateAbsenceTypeSchema,
} from '@/lib/admin-validation';
import {
  createAbsenceType,
  restoreAbsenceType,
  retireAbsenceType,
  updateAbsenceType,
} from '@/lib/dal/admin-absence-types';
import { requestInfo } from '@/lib/request-info';

export type CreatedAbsenceTypeState = FormState<{ key: string; label: string }>;

function revalidated<State extends { ok?: boolean }>(state: State): State {
  // Types show in the admin pages, the request form, the team pages and the subscribe dialog.
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}

export async function createAbsenceTypeAction(
  _previous: CreatedAbsenceTypeState,
  formData: FormData,
): Promise<CreatedAbsenceTypeState> {
  return revalidated(
    await runFormAction(createAbsenceTypeSchema, formData, async (actor, input) => {
      const type = await createAbsenceType(actor, input, requestInfo(await headers()));
      return {
        message: (await getTranslations('admin.absenceTypes.actions'))('created', {
          label: input.label,
        }),
        data: { key: type.key, label: input.label },
      };
    }),
  );
}

export async function updateAbsenceTypeAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return revalidated(
    await runFormAction(updateAbsenceTypeSchema, formData, async (actor, input) => {
      const { changed } = await updateAbsenceType(actor, input, requestInfo(await headers()));
      const t = await getTranslations('admin');
      return changed.length === 0 ? t('absenceTypes.actions.unchanged') : t('common.savedRefresh');
    }),
  );
}

export async function setAbsenceTypeActiveAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return revalidated(
    await runFormAction(setAbsenceTypeActiveSchema, formData, async (actor, input) => {
      const change = input.active ? restoreAbsenceType : retireAbsenceType;
      await change(actor, input, requestInfo(await headers()));
      const t = await getTranslations('admin.absenceTypes.actions');
      return t(input.active ? 'restored' : 'retired');
    }),
  );
}
