'use client';

import { useActionState, useState } from 'react';
import { formatDate } from '@/lib/i18n/format';
import type { FormState } from '@/lib/action';
import { ContentChoices, PrivacyRadios, privacyHint, type CalendarChoices } from './feed-choices';
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
  includeHolidays: boolean;
}

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

/** What the Subscribe dialog says a subscription keeps in the person's calendar app. */
const SUBSCRIBE_PURPOSE: Record<CalendarChoices['kind'], string> = {
  team: 'this team’s absences and events in your calendar. It shows no more than you can see here, and stops working if you leave the team.',
  person:
    'your appointments in another calendar, on your phone or in an app. Only you can see this link.',
  resource:
    'this resource’s bookings in your calendar. It stops working if the resource is disabled.',
};

function GenerateForm({
  calendarPath,
  choices,
  onIssued,
}: { calendarPath: string; choices: CalendarChoices } & Pick<PanelCallbacks, 'onIssued'>) {
  const [state, formAction, pending] = useActionState(
    reportingIssued(createSubscriptionAction.bind(null, calendarPath), onIssued),
    {} as SubscriptionState,
  );
  return (
    <form action={formAction} className="space-y-4" aria-label="Subscription options">
      <Message state={state} />
      <p className="text-sm text-slate-600">
        Get a private address that Outlook, Google Calendar, Apple Calendar or Thunderbird reads to
        keep {SUBSCRIBE_PURPOSE[choices.kind]}
      </p>
      <PrivacyRadios kind={choices.kind} fallback="standard" legend="What the calendar shows" />
      <ContentChoices
        choices={choices}
        idPrefix="subscribe"
        typeError={state.fieldErrors?.absenceTypeIds?.[0]}
      />
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? 'Generating…' : 'Generate'}
      </button>
    </form>
  );
}

function ActiveSubscription({
  calendarPath,
  kind,
  subscription,
  onIssued,
  onNotice,
}: {
  calendarPath: string;
  kind: CalendarChoices['kind'];
  subscription: SubscriptionSummary;
} & PanelCallbacks) {
  const [regenerated, regenerate, regenerating] = useActionState(
    reportingIssued(regenerateSubscriptionAction.bind(null, calendarPath), onIssued),
    {} as SubscriptionState,
  );
  const [invalidated, invalidate, invalidating] = useActionState(
    async (previous: SubscriptionState, formData: FormData) => {
      const state = await invalidateSubscriptionAction(calendarPath, previous, formData);
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
        <dd>
          {privacyHint(kind, subscription.privacy)}
          {subscription.includeHolidays && ' With the public holidays.'}
        </dd>
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
  calendarPath,
  subscription,
  choices,
}: {
  calendarPath: string;
  subscription: SubscriptionSummary | null;
  choices: CalendarChoices;
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
          calendarPath={calendarPath}
          kind={choices.kind}
          subscription={subscription}
          onIssued={onIssued}
          onNotice={setNotice}
        />
      ) : (
        <GenerateForm calendarPath={calendarPath} choices={choices} onIssued={onIssued} />
      )}
    </div>
  );
}
