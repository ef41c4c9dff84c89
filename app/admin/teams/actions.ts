'use server';

import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { runFormAction, type FormState } from '@/lib/action';
import {
  addMemberSchema,
  createTeamSchema,
  membershipSchema,
  setMembershipRoleSchema,
  setTeamAllowancesSchema,
  updateTeamSchema,
} from '@/lib/admin-validation';
import { setTeamAllowances } from '@/lib/dal/admin-allowances';
import {
  addTeamMember,
  createTeam,
  removeTeamMember,
  setMembershipRole,
  updateTeam,
} from '@/lib/dal/admin-teams';
import { requestInfo } from '@/lib/request-info';
import { describeAllowance } from '../_components/allowance-text';

export type CreatedTeamState = FormState<{ slug: string; name: string }>;

function revalidated<State extends { ok?: boolean }>(state: State): State {
  if (state.ok) {
    revalidatePath('/admin', 'layout');
    revalidatePath('/teams', 'layout');
  }
  return state;
}

export async function createTeamAction(
  _previous: CreatedTeamState,
  formData: FormData,
): Promise<CreatedTeamState> {
  return revalidated(
    await runFormAction(createTeamSchema, formData, async (actor, input) => {
      const team = await createTeam(actor, input, requestInfo(await headers()));
      const t = await getTranslations('admin.teams.actions');
      return {
        message: t('created', { name: input.name }),
        data: { slug: team.slug, name: input.name },
      };
    }),
  );
}

export async function updateTeamAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return revalidated(
    await runFormAction(updateTeamSchema, formData, async (actor, input) => {
      await updateTeam(actor, input, requestInfo(await headers()));
      return (await getTranslations('admin.common'))('savedRefresh');
    }),
  );
}

export async function addMemberAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return revalidated(
    await runFormAction(addMemberSchema, formData, async (actor, input) => {
      const { name } = await addTeamMember(actor, input, requestInfo(await headers()));
      return (await getTranslations('admin.teams.actions'))('added', { name, role: input.role });
    }),
  );
}

export async function setMembershipRoleAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return revalidated(
    await runFormAction(setMembershipRoleSchema, formData, async (actor, input) => {
      await setMembershipRole(actor, input, requestInfo(await headers()));
      const t = await getTranslations('admin.teams.actions');
      return t(input.role === 'manager' ? 'nowManager' : 'nowMember');
    }),
  );
}

export async function removeMemberAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return revalidated(
    await runFormAction(membershipSchema, formData, async (actor, input) => {
      await removeTeamMember(actor, input, requestInfo(await headers()));
      return (await getTranslations('admin.teams.actions'))('removed');
    }),
  );
}

export async function setTeamAllowancesAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(setTeamAllowancesSchema, formData, async (actor, input) => {
    const { count, teamName } = await setTeamAllowances(actor, input, requestInfo(await headers()));
    const t = await getTranslations('admin.teams.actions');
    if (count === 0) return t('nobody', { team: teamName });
    const allowance = describeAllowance(input, await getLocale());
    return t('setFor', { count, team: teamName, allowance });
  });
  // Balances show on My absences and the team pages too.
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}
