'use server';

import { revalidatePath } from 'next/cache';
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
      return { message: `${input.name} created.`, data: { slug: team.slug, name: input.name } };
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
      return 'Saved. Subscribed calendars pick up the change at their next refresh.';
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
      return `${name} added as ${input.role === 'manager' ? 'a manager' : 'a member'}.`;
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
      return input.role === 'manager' ? 'Now a manager.' : 'Now a member.';
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
      return 'Removed from the team.';
    }),
  );
}

export async function setTeamAllowancesAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(setTeamAllowancesSchema, formData, async (actor, input) => {
    const { count, teamName } = await setTeamAllowances(actor, input, requestInfo(await headers()));
    if (count === 0) return `Nobody is in ${teamName} yet: nothing set.`;
    return `Set for ${count} ${count === 1 ? 'member' : 'members'} of ${teamName}: ${describeAllowance(input)}.`;
  });
  // Balances show on My absences and the team pages too.
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}
