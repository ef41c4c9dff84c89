'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldError, FormField } from '@/app/_components/form-field';
import type { FormState } from '@/lib/action';
import { FormMessage } from '../../_components/form-message';
import { input, primaryButton, smallButton } from '../../_components/ui';
import {
  addMemberAction,
  removeMemberAction,
  setMembershipRoleAction,
  updateTeamAction,
} from '../actions';
import { HolidayPlaceSelect, type HolidayPlaceChoices } from '../holiday-place-select';
import { TimeZoneSelect } from '../time-zone-select';

export function TeamSettingsForm({
  teamId,
  name,
  timeZone,
  zones,
  holidayCountry,
  holidayRegion,
  holidayPlaces,
}: {
  teamId: string;
  name: string;
  timeZone: string;
  zones: readonly string[];
  holidayCountry: string | null;
  holidayRegion: string | null;
  holidayPlaces: HolidayPlaceChoices;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateTeamAction, {});
  const t = useTranslations('admin');
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form
      key={JSON.stringify(values)}
      action={formAction}
      noValidate
      aria-label={t('team.settingsForm')}
      className="space-y-4"
    >
      <FormMessage state={state} />
      <input type="hidden" name="teamId" value={teamId} />
      <FormField
        name="name"
        label={t('common.name')}
        maxLength={100}
        defaultValue={values.name ?? name}
        error={error('name')}
      />
      <TimeZoneSelect
        id="team-zone"
        zones={zones}
        defaultValue={values.timeZone ?? timeZone}
        error={error('timeZone')}
      />
      <HolidayPlaceSelect
        id="team-holidays"
        choices={holidayPlaces}
        // After a refusal, what was chosen; otherwise the team's place.
        defaultCountry={'holidayCountry' in values ? values.holidayCountry || null : holidayCountry}
        defaultRegion={'holidayCountry' in values ? values.holidayRegion || null : holidayRegion}
        countryError={error('holidayCountry')}
        regionError={error('holidayRegion')}
      />
      <button type="submit" disabled={pending} className={primaryButton}>
        {t('common.save')}
      </button>
    </form>
  );
}

export function AddMemberForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(addMemberAction, {});
  const t = useTranslations('admin');
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form
      key={JSON.stringify(values)}
      action={formAction}
      noValidate
      aria-label={t('team.add.form', { team: teamName })}
      className="space-y-4"
    >
      <FormMessage state={state} />
      <input type="hidden" name="teamId" value={teamId} />
      <FormField
        id="member-email"
        name="email"
        label={t('team.add.email')}
        type="email"
        autoComplete="off"
        defaultValue={values.email}
        error={error('email')}
      />
      <div>
        <label htmlFor="member-role" className="block text-sm font-medium">
          {t('team.add.as')}
        </label>
        <select
          id="member-role"
          name="role"
          defaultValue={values.role ?? 'member'}
          aria-invalid={error('role') ? true : undefined}
          aria-describedby={error('role') ? 'member-role-error' : undefined}
          className={input}
        >
          <option value="member">{t('common.member')}</option>
          <option value="manager">{t('team.add.managerOption')}</option>
        </select>
        <FieldError id="member-role-error" error={error('role')} />
      </div>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t('common.adding') : t('team.add.submit')}
      </button>
    </form>
  );
}

/** A member's row actions: make or unmake manager, remove from the team. */
export function MemberActions({
  teamId,
  teamName,
  userId,
  name,
  role,
}: {
  teamId: string;
  teamName: string;
  userId: string;
  name: string;
  role: 'manager' | 'member';
}) {
  const [roleState, changeRole, changing] = useActionState<FormState, FormData>(
    setMembershipRoleAction,
    {},
  );
  const [removeState, remove, removing] = useActionState<FormState, FormData>(
    removeMemberAction,
    {},
  );
  const t = useTranslations('admin.team.member');
  const failure = [roleState, removeState].find((state) => state.message && !state.ok);
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <form action={changeRole}>
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="role" value={role === 'manager' ? 'member' : 'manager'} />
        <button
          type="submit"
          disabled={changing}
          aria-label={t(role === 'manager' ? 'makeMemberLabel' : 'makeManagerLabel', { name })}
          className={smallButton}
        >
          {t(role === 'manager' ? 'makeMember' : 'makeManager')}
        </button>
      </form>
      <form
        action={remove}
        onSubmit={(event) => {
          if (!window.confirm(t('confirmRemove', { name, team: teamName }))) event.preventDefault();
        }}
      >
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="userId" value={userId} />
        <button
          type="submit"
          disabled={removing}
          aria-label={t('removeLabel', { name })}
          className={`${smallButton} text-red-700`}
        >
          {t('remove')}
        </button>
      </form>
      {failure && (
        <p role="alert" className="w-full text-right text-xs text-red-700">
          {failure.message}
        </p>
      )}
    </div>
  );
}
