'use server';

import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
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
import { isMailServerConfigured } from '@/lib/mail/transport';
import { languageOf } from '@/lib/i18n/locales';
import { publicBaseUrl } from '@/lib/public-url';
import { requestInfo } from '@/lib/request-info';
import { describeAllowance } from '../_components/allowance-text';

/** A setup link as the page shows it once: its full address and when it stops working. */
export interface SetupLink {
  url: string;
  name: string;
  expiresAt: string;
  /** The admin's time zone, to write the expiry in. */
  timeZone: string;
  /** Where the invitation mail went. */
  delivery: string;
}

export type SetupLinkState = FormState<SetupLink>;

async function present(issued: IssuedSetupLink, timeZone: string): Promise<SetupLink> {
  const t = await getTranslations('admin.users.setupLink');
  return {
    url: `${publicBaseUrl(await headers())}/setup-password/${issued.secret}`,
    name: issued.name,
    expiresAt: issued.expiresAt.toISOString(),
    timeZone,
    delivery: t(isMailServerConfigured() ? 'mailing' : 'held', { email: issued.email }),
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
      const issued = await createUser(
        actor,
        input,
        requestInfo(await headers()),
        languageOf(await getLocale()),
      );
      const t = await getTranslations('admin.users.actions');
      return {
        message: t('created', { name: issued.name }),
        data: await present(issued, actor.timeZone),
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
      const issued = await issuePasswordSetupLink(
        actor,
        userId,
        requestInfo(await headers()),
        languageOf(await getLocale()),
      );
      const t = await getTranslations('admin.users.actions');
      return { message: t('newLink'), data: await present(issued, actor.timeZone) };
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
      const t = await getTranslations('admin.users.actions');
      return t(input.role === 'admin' ? 'nowAdmin' : 'nowMember');
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
      const t = await getTranslations('admin.users.actions');
      return t(input.disabled ? 'disabled' : 'enabled');
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
      const t = await getTranslations('admin.users.actions');
      return ended === 0 ? t('noSession') : t('signedOut', { count: ended });
    }),
  );
}

export async function setAllowanceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(setAllowanceSchema, formData, async (actor, input) => {
    await setAllowance(actor, input, requestInfo(await headers()));
    const t = await getTranslations('admin.users.actions');
    return t('allowanceSaved', { allowance: describeAllowance(input, await getLocale()) });
  });
  // Balances show on My absences and the team pages too.
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}
