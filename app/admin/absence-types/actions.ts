'use server';

import { revalidatePath } from 'next/cache';
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
        message: `${input.label} created: people can request it now.`,
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
      return changed.length === 0
        ? 'Nothing to save: the type already reads like this.'
        : 'Saved. Subscribed calendars pick up the change at their next refresh.';
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
      return input.active
        ? 'Restored: people can request it again.'
        : 'Retired: nobody can request it any more; its absences keep showing with it.';
    }),
  );
}
