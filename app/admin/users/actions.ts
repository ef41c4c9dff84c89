'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { runFormAction, type FormState } from '@/lib/action';
import {
  changeUserRoleSchema,
  createUserSchema,
  setAllowanceSchema,
  setUserDisabledSchema,
  userIdSchema,
} from '@/lib/admin-validation';
import { setAllowance } from '@/lib/dal/admin-allowances';
import {
  changeUserRole,
  createUser,
  issuePasswordSetupLink,
  setUserDisabled,
  type IssuedSetupLink,
} from '@/lib/dal/admin-users';
import { signOutEverywhere } from '@/lib/dal/sessions';
import { mailDeliveryNote } from '@/lib/mail/transport';
import { publicBaseUrl } from '@/lib/public-url';
import { requestInfo } from '@/lib/request-info';
import { describeAllowance } from '../_components/allowance-text';

/** A setup link as the page shows it once: its full address and when it stops working. */
export interface SetupLink {
  url: string;
  name: string;
  expiresAt: string;
  /** Where the invitation mail went. */
  delivery: string;
}

export type SetupLinkState = FormState<SetupLink>;

async function present(issued: IssuedSetupLink): Promise<SetupLink> {
  return {
    url: `${publicBaseUrl(await headers())}/setup-password/${issued.secret}`,
    name: issued.name,
    expiresAt: issued.expiresAt.toISOString(),
    delivery: mailDeliveryNote(issued.email),
  };
}

function revalidated<State extends { ok?: boolean }>(state: State): State {
  if (state.ok) revalidatePath('/admin', 'layout');
  return state;
}

export async function createUserAction(
  _previous: SetupLinkState,
  formData: FormData,
): Promise<SetupLinkState> {
  return revalidated(
    await runFormAction(createUserSchema, formData, async (actor, input) => {
      const issued = await createUser(actor, input, requestInfo(await headers()));
      return {
        message: `${issued.name} can now choose a password with the link below.`,
        data: await present(issued),
      };
    }),
  );
}

export async function issueSetupLinkAction(
  _previous: SetupLinkState,
  formData: FormData,
): Promise<SetupLinkState> {
  return revalidated(
    await runFormAction(userIdSchema, formData, async (actor, { userId }) => {
      const issued = await issuePasswordSetupLink(actor, userId, requestInfo(await headers()));
      return {
        message: 'New setup link ready; any earlier link no longer works.',
        data: await present(issued),
      };
    }),
  );
}

export async function changeUserRoleAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return revalidated(
    await runFormAction(changeUserRoleSchema, formData, async (actor, input) => {
      await changeUserRole(actor, input, requestInfo(await headers()));
      return input.role === 'admin' ? 'Now an admin.' : 'Now a member.';
    }),
  );
}

export async function setUserDisabledAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return revalidated(
    await runFormAction(setUserDisabledSchema, formData, async (actor, input) => {
      await setUserDisabled(actor, input, requestInfo(await headers()));
      return input.disabled
        ? 'Account disabled: signed out and links stopped from the next request.'
        : 'Account enabled again.';
    }),
  );
}

export async function signOutEverywhereAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return revalidated(
    await runFormAction(userIdSchema, formData, async (actor, { userId }) => {
      const { ended } = await signOutEverywhere(actor, userId, requestInfo(await headers()));
      return ended === 0
        ? 'No open session: they were already signed out everywhere.'
        : `Signed out of ${ended} ${ended === 1 ? 'session' : 'sessions'}.`;
    }),
  );
}

export async function setAllowanceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(setAllowanceSchema, formData, async (actor, input) => {
    await setAllowance(actor, input, requestInfo(await headers()));
    return `Saved: ${describeAllowance(input)}.`;
  });
  // Balances show on My absences and the team pages too.
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}
