'use client';

import { useActionState, useState } from 'react';
import { FieldError, FormField } from '@/app/_components/form-field';
import type { FormState } from '@/lib/action';
import { IssuedLink } from './issued-link';
import {
  createGuestShareAction,
  createPublicLinkAction,
  reissueGuestSetupAction,
  revokeSharedLinkAction,
  type GuestSetupState,
  type PublicLinkState,
} from './share-actions';
import {
  ContentChoices,
  HolidaysChoice,
  PrivacyRadios,
  type CalendarChoices,
} from './feed-choices';
import { Message } from './subscribe-dialog';
import type { IssuedLink as IssuedLinkData } from './subscription-actions';

/** A public link or guest share as the page passes it to the browser. */
export interface SharedLinkSummary {
  id: string;
  kind: 'public' | 'guest';
  label: string | null;
  displayPrefix: string;
  privacy: 'full' | 'standard' | 'busy';
  includeHolidays: boolean;
  createdAt: string;
  expiresAt: string | null;
  revoked: boolean;
  lastUsed: string | null;
  guest: { shareId: string; email: string; status: 'awaiting_setup' | 'active' | 'revoked' } | null;
}

export interface SharingPolicy {
  publicLinksAllowed: boolean;
  neverExpiringLinksAllowed: boolean;
  guestSharesAllowed: boolean;
  maxTokenLifetimeDays: number;
}

const button =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60';
const primary =
  'rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60';
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'never');

/** What a public link is typically for, by kind of calendar, under the warning. */
const PUBLIC_LINK_ADVICE: Record<CalendarChoices['kind'], string> = {
  team: 'For an app that reads event locations, choose “Standard”, untick the absence types and keep team events.',
  person:
    'For a mileage app that reads your appointments’ addresses, choose “Standard”: titles and locations, no descriptions.',
  resource:
    'For a screen outside the room or a booking page, “Standard” shows each booking’s title.',
};

function PublicLinkForm(props: {
  calendarPath: string;
  choices: CalendarChoices;
  policy: SharingPolicy;
  onIssued: (link: IssuedLinkData) => void;
}) {
  const [state, action, pending] = useActionState(
    async (previous: PublicLinkState, formData: FormData) => {
      const next = await createPublicLinkAction(props.calendarPath, previous, formData);
      if (next.ok && next.data) props.onIssued(next.data);
      return next;
    },
    {} as PublicLinkState,
  );
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const max = props.policy.maxTokenLifetimeDays;
  const durations = [30, 90, 183, 365, 730].filter((days) => days <= max);
  if (!durations.includes(max)) durations.push(max);
  return (
    <form action={action} className="space-y-3" aria-label="New public link">
      <p
        role="note"
        className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      >
        <strong>Anyone who obtains a public link can read this calendar</strong>: no sign-in, no
        password, and it can be forwarded. Prefer “Busy only”, keep an expiry, and revoke links you
        no longer need. {PUBLIC_LINK_ADVICE[props.choices.kind]}
      </p>
      <Message state={state} />
      <FormField
        id="public-label"
        name="label"
        label="Label (who or what it is for)"
        maxLength={100}
        error={error('label')}
        defaultValue={state.values?.label}
      />
      <PrivacyRadios kind={props.choices.kind} fallback="busy" />
      <ContentChoices
        choices={props.choices}
        idPrefix="public"
        typeError={error('absenceTypeIds')}
      />
      <div>
        <label htmlFor="expiresInDays" className="block text-sm font-medium">
          Expires after
        </label>
        <select
          id="expiresInDays"
          name="expiresInDays"
          defaultValue={String(Math.min(183, max))}
          aria-describedby={error('expiresInDays') ? 'expiresInDays-error' : undefined}
          className="mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm"
        >
          {durations.map((days) => (
            <option key={days} value={days}>
              {days} days
            </option>
          ))}
          {props.policy.neverExpiringLinksAllowed && <option value="never">Never</option>}
        </select>
        <FieldError id="expiresInDays-error" error={error('expiresInDays')} />
      </div>
      <button type="submit" disabled={pending} className={primary}>
        Create public link
      </button>
    </form>
  );
}

function GuestShareForm({
  calendarPath,
  choices,
  onSetup,
}: {
  calendarPath: string;
  choices: CalendarChoices;
  onSetup: (state: GuestSetupState) => void;
}) {
  const [state, action, pending] = useActionState(
    async (previous: GuestSetupState, formData: FormData) => {
      const next = await createGuestShareAction(calendarPath, previous, formData);
      if (next.ok) onSetup(next);
      return next;
    },
    {} as GuestSetupState,
  );
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <form action={action} className="space-y-3" aria-label="New guest share">
      <p className="text-sm text-slate-600">
        The guest gets a one-time link to choose a password; their calendar app then asks for their
        email and that password. They can only read.
      </p>
      <Message state={state} />
      <FormField
        id="guest-email"
        name="email"
        type="email"
        label="Guest’s email"
        error={error('email')}
        defaultValue={state.values?.email}
      />
      <FormField
        id="guest-label"
        name="label"
        label="Label (e.g. their company)"
        maxLength={100}
        error={error('label')}
        defaultValue={state.values?.label}
      />
      <PrivacyRadios kind={choices.kind} fallback="busy" />
      {choices.offers.holidays && (
        <fieldset>
          <legend className="text-sm font-medium">Also include</legend>
          <HolidaysChoice offers={choices.offers} />
        </fieldset>
      )}
      <button type="submit" disabled={pending} className={primary}>
        Create guest share
      </button>
    </form>
  );
}

function SetupLink({ state }: { state: GuestSetupState }) {
  return (
    <div className="space-y-2">
      <Message state={state} />
      <label htmlFor="setup-url" className="block text-sm font-medium">
        Setup link{state.data?.email ? ` for ${state.data.email}` : ''}
      </label>
      <input
        id="setup-url"
        readOnly
        value={state.data?.setupUrl ?? ''}
        onFocus={(event) => event.currentTarget.select()}
        className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
      />
      <p className="text-xs text-slate-600">Shown only now. Send it to the guest yourself.</p>
    </div>
  );
}

function LinkRow({
  calendarPath,
  link,
  onSetup,
}: {
  calendarPath: string;
  link: SharedLinkSummary;
  onSetup: (state: GuestSetupState) => void;
}) {
  const [revoked, revoke, revoking] = useActionState(
    revokeSharedLinkAction.bind(null, calendarPath),
    {} as FormState,
  );
  const [, reissue, reissuing] = useActionState(
    async (previous: GuestSetupState, formData: FormData) => {
      const next = await reissueGuestSetupAction(calendarPath, previous, formData);
      onSetup(next);
      return next;
    },
    {} as GuestSetupState,
  );
  const who = link.guest ? `Guest ${link.guest.email}` : 'Public link';
  const status = link.revoked
    ? 'revoked'
    : link.guest?.status === 'awaiting_setup'
      ? 'awaiting setup'
      : 'active';
  return (
    <tr>
      <td className="px-3 py-2">
        <span className="font-medium">{link.label}</span>
        <span className="block text-xs text-slate-500">
          {who} · <span className="font-mono">{link.displayPrefix}…</span>
        </span>
      </td>
      <td className="px-3 py-2">
        {link.privacy}
        {link.includeHolidays && (
          <span className="block text-xs text-slate-500">+ public holidays</span>
        )}
      </td>
      <td className="px-3 py-2 text-xs">
        {day(link.createdAt)} → {day(link.expiresAt)}
      </td>
      <td className="px-3 py-2 text-xs">{link.lastUsed ?? 'never'}</td>
      <td className="px-3 py-2 text-xs">{status}</td>
      <td className="px-3 py-2 text-right">
        {!link.revoked && (
          <div className="flex justify-end gap-1">
            {link.guest && (
              <form action={reissue}>
                <input type="hidden" name="shareId" value={link.guest.shareId} />
                <button type="submit" disabled={reissuing} className={button}>
                  New setup link
                </button>
              </form>
            )}
            <form
              action={revoke}
              onSubmit={(event) => {
                if (!window.confirm(`Revoke “${link.label}”? Its address stops working now.`))
                  event.preventDefault();
              }}
            >
              <input type="hidden" name="linkId" value={link.id} />
              <button
                type="submit"
                disabled={revoking}
                aria-label={`Revoke ${link.label}`}
                className={button}
              >
                Revoke
              </button>
            </form>
          </div>
        )}
        {revoked.message && !revoked.ok && (
          <p role="alert" className="text-xs text-red-700">
            {revoked.message}
          </p>
        )}
      </td>
    </tr>
  );
}

/** Share externally: a calendar's public links and guest shares, for those who may share it. */
export function SharePanel(props: {
  calendarPath: string;
  links: SharedLinkSummary[];
  choices: CalendarChoices;
  policy: SharingPolicy;
}) {
  const [issued, setIssued] = useState<IssuedLinkData | null>(null);
  const [setup, setSetup] = useState<GuestSetupState | null>(null);
  return (
    <div className="space-y-6">
      {issued && <IssuedLink link={issued} audience="public" />}
      {setup && <SetupLink state={setup} />}
      {props.links.length > 0 && (
        <section aria-labelledby="shared-links-heading">
          <h3 id="shared-links-heading" className="mb-2 font-semibold">
            Links shared outside TeamCal
          </h3>
          <div className="overflow-x-auto rounded-md border border-slate-200">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-xs text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Label
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Shows
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Valid
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Last used
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {props.links.map((link) => (
                  <LinkRow
                    key={link.id}
                    calendarPath={props.calendarPath}
                    link={link}
                    onSetup={setSetup}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="public-heading">
          <h3 id="public-heading" className="mb-2 font-semibold">
            Public link
          </h3>
          {props.policy.publicLinksAllowed ? (
            <PublicLinkForm
              calendarPath={props.calendarPath}
              choices={props.choices}
              policy={props.policy}
              onIssued={setIssued}
            />
          ) : (
            <p className="text-sm text-slate-600">An admin has turned public links off.</p>
          )}
        </section>
        <section aria-labelledby="guest-heading">
          <h3 id="guest-heading" className="mb-2 font-semibold">
            Guest with a password
          </h3>
          {props.policy.guestSharesAllowed ? (
            <GuestShareForm
              calendarPath={props.calendarPath}
              choices={props.choices}
              onSetup={setSetup}
            />
          ) : (
            <p className="text-sm text-slate-600">An admin has turned guest shares off.</p>
          )}
        </section>
      </div>
    </div>
  );
}
