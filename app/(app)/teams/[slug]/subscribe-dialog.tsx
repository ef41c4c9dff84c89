'use client';

import { useActionState, useState } from 'react';
import { FieldError } from '@/app/_components/form-field';
import { formatDate } from '@/app/_components/format';
import type { FormState } from '@/lib/action';
import { IssuedLink } from './issued-link';
import type { IssuedLink as IssuedLinkData } from './subscription-actions';
import {
  createSubscriptionAction,
  invalidateSubscriptionAction,
  regenerateSubscriptionAction,
  type SubscriptionState,
} from './subscription-actions';

/** The active subscription as the page passes it to the browser: dates as ISO strings. */
export interface SubscriptionSummary {
  /** The link's id (not its token), so Regenerate and Invalidate act on the link shown. */
  id: string;
  displayPrefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  lastUsedBy: string | null;
  useCount: number;
  privacy: 'full' | 'standard' | 'busy';
}

export interface TypeChoice {
  id: string;
  label: string;
}

export const PRIVACY_CHOICES = [
  { value: 'full', label: 'Full', hint: 'Names, types and notes.' },
  {
    value: 'standard',
    label: 'Standard',
    hint: 'Names and types; private types such as sick leave show as “Away”; no notes.',
  },
  { value: 'busy', label: 'Busy only', hint: 'No names: “Away” blocks only.' },
] as const;

const primaryButton =
  'rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60';
const secondaryButton =
  'rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60';

const dateOf = (iso: string) => formatDate(iso.slice(0, 10));

export function Message({ state }: { state: FormState<unknown> }) {
  if (!state.message) return null;
  return (
    <p
      role={state.ok ? 'status' : 'alert'}
      className={`rounded-md border px-3 py-2 text-sm ${state.ok ? 'border-green-200 bg-green-50 text-green-800' : 'border-red-200 bg-red-50 text-red-800'}`}
    >
      {state.message}
    </p>
  );
}

/** Wraps an action so that a link it issues is handed up before the page re-renders. */
function reportingIssued(
  action: (previous: SubscriptionState, formData: FormData) => Promise<SubscriptionState>,
  onIssued: (link: IssuedLinkData, message?: string) => void,
) {
  return async (previous: SubscriptionState, formData: FormData) => {
    const state = await action(previous, formData);
    if (state.ok && state.data) onIssued(state.data, state.message);
    return state;
  };
}

interface PanelCallbacks {
  onIssued: (link: IssuedLinkData, message?: string) => void;
  onNotice: (message: string) => void;
}

function GenerateForm({
  slug,
  types,
  onIssued,
}: { slug: string; types: TypeChoice[] } & Pick<PanelCallbacks, 'onIssued'>) {
  const [state, formAction, pending] = useActionState(
    reportingIssued(createSubscriptionAction.bind(null, slug), onIssued),
    {} as SubscriptionState,
  );
  const typeError = state.fieldErrors?.absenceTypeIds?.[0];
  return (
    <form action={formAction} className="space-y-4" aria-label="Subscription options">
      <Message state={state} />
      <p className="text-sm text-slate-600">
        Get a private address that Outlook, Google Calendar, Apple Calendar or Thunderbird reads to
        keep this team’s absences in your calendar. It shows no more than you can see here, and
        stops working if you leave the team.
      </p>
      <fieldset>
        <legend className="text-sm font-medium">What the calendar shows</legend>
        {PRIVACY_CHOICES.map((choice) => (
          <label key={choice.value} className="mt-1 flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="privacy"
              value={choice.value}
              defaultChecked={choice.value === 'standard'}
              className="mt-1"
            />
            <span>
              <span className="font-medium">{choice.label}</span> — {choice.hint}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset aria-describedby={typeError ? 'absenceTypeIds-error' : undefined}>
        <legend className="text-sm font-medium">Types of absence</legend>
        <div className="mt-1 grid grid-cols-2 gap-1">
          {types.map((type) => (
            <label key={type.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="absenceTypeIds" value={type.id} defaultChecked />
              {type.label}
            </label>
          ))}
        </div>
        <FieldError id="absenceTypeIds-error" error={typeError} />
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Also include</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="includeTeamEvents" defaultChecked />
          Team events (offsites, visits, bookings)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="includePending" />
          Requests awaiting approval, as tentative
        </label>
      </fieldset>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? 'Generating…' : 'Generate'}
      </button>
    </form>
  );
}

function ActiveSubscription({
  slug,
  subscription,
  onIssued,
  onNotice,
}: { slug: string; subscription: SubscriptionSummary } & PanelCallbacks) {
  const [regenerated, regenerate, regenerating] = useActionState(
    reportingIssued(regenerateSubscriptionAction.bind(null, slug), onIssued),
    {} as SubscriptionState,
  );
  const [invalidated, invalidate, invalidating] = useActionState(
    async (previous: SubscriptionState, formData: FormData) => {
      const state = await invalidateSubscriptionAction(slug, previous, formData);
      if (state.ok && state.message) onNotice(state.message);
      return state;
    },
    {} as SubscriptionState,
  );
  const expired = new Date(subscription.expiresAt) <= new Date();
  return (
    <div className="space-y-4">
      <Message state={regenerated.message ? regenerated : invalidated} />
      <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
        <dt className="text-slate-600">Link</dt>
        <dd className="font-mono">{subscription.displayPrefix}…</dd>
        <dt className="text-slate-600">Shows</dt>
        <dd>{PRIVACY_CHOICES.find((c) => c.value === subscription.privacy)?.hint}</dd>
        <dt className="text-slate-600">Created</dt>
        <dd>{dateOf(subscription.createdAt)}</dd>
        <dt className="text-slate-600">{expired ? 'Expired' : 'Expires'}</dt>
        <dd className={expired ? 'font-medium text-red-700' : undefined}>
          {dateOf(subscription.expiresAt)}
        </dd>
        <dt className="text-slate-600">Last fetched</dt>
        <dd>
          {subscription.lastUsedAt
            ? `${new Date(subscription.lastUsedAt).toLocaleString('en-GB')}${subscription.lastUsedBy ? ` by ${subscription.lastUsedBy}` : ''}`
            : 'Not yet'}
        </dd>
      </dl>
      <p className="text-sm text-slate-600">
        The full address was shown once, when it was created. Lost it, or think someone else has it?
        Regenerate: you get a new address and the old one stops working.
      </p>
      <div className="flex flex-wrap gap-2">
        <form action={regenerate}>
          <input type="hidden" name="linkId" value={subscription.id} />
          <button type="submit" disabled={regenerating} className={primaryButton}>
            Regenerate
          </button>
        </form>
        <form
          action={invalidate}
          onSubmit={(event) => {
            if (!window.confirm('Invalidate this link? Calendars using it stop updating now.'))
              event.preventDefault();
          }}
        >
          <input type="hidden" name="linkId" value={subscription.id} />
          <button type="submit" disabled={invalidating} className={secondaryButton}>
            Invalidate
          </button>
        </form>
      </div>
    </div>
  );
}

/** The body of the Subscribe dialog: options and Generate, or the active link and its controls. */
export function SubscribePanel({
  slug,
  subscription,
  types,
}: {
  slug: string;
  subscription: SubscriptionSummary | null;
  types: TypeChoice[];
}) {
  // Kept here, above the page's re-render after the action, so the new address stays on screen.
  const [issued, setIssued] = useState<{ link: IssuedLinkData; message?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const onIssued = (link: IssuedLinkData, message?: string) => setIssued({ link, message });
  if (issued)
    return (
      <div className="space-y-4">
        <Message state={{ ok: true, message: issued.message }} />
        <IssuedLink link={issued.link} />
      </div>
    );
  return (
    <div className="space-y-4">
      {notice && <Message state={{ ok: true, message: notice }} />}
      {subscription ? (
        <ActiveSubscription
          slug={slug}
          subscription={subscription}
          onIssued={onIssued}
          onNotice={setNotice}
        />
      ) : (
        <GenerateForm slug={slug} types={types} onIssued={onIssued} />
      )}
    </div>
  );
}
