'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState, type RefObject } from 'react';
import type { FormState } from '@/lib/action';
import { formatDateTime } from '@/lib/i18n/format';
import {
  ContentChoices,
  PrivacyRadios,
  usePrivacyWords,
  type CalendarChoices,
  type ChosenContent,
} from './feed-choices';
import { IssuedLink } from './issued-link';
import type { IssuedLink as IssuedLinkData } from './subscription-actions';
import {
  createSubscriptionAction,
  invalidateSubscriptionAction,
  regenerateSubscriptionAction,
  updateSubscriptionSettingsAction,
  type SubscriptionState,
} from './subscription-actions';

/** The active subscription as the page passes it to the browser: dates as ISO strings. */
export interface SubscriptionSummary extends ChosenContent {
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

const primaryButton =
  'rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60';
const secondaryButton =
  'rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60';

/** An action's answer: a status after a success, an alert otherwise; focusable to move focus to. */
export function Message({
  state,
  focusRef,
}: {
  state: FormState<unknown>;
  focusRef?: RefObject<HTMLParagraphElement | null>;
}) {
  if (!state.message) return null;
  return (
    <p
      ref={focusRef}
      tabIndex={focusRef ? -1 : undefined}
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

/** Focuses the first field in error after a refusal. */
function useFocusOnError(state: FormState<unknown>, form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    if (state.ok || (!state.fieldErrors && !state.message)) return;
    const field =
      form.current?.querySelector<HTMLElement>('[aria-describedby$="-error"] input') ??
      form.current?.querySelector<HTMLElement>('[role="alert"]');
    field?.focus();
  }, [state, form]);
}

interface PanelCallbacks {
  onIssued: (link: IssuedLinkData, message?: string) => void;
  onNotice: (message: string) => void;
}

function GenerateForm({
  calendarPath,
  choices,
  personalLinkDays,
  onIssued,
}: {
  calendarPath: string;
  choices: CalendarChoices;
  personalLinkDays: number;
} & Pick<PanelCallbacks, 'onIssued'>) {
  const t = useTranslations('calendar.subscribe');
  const [state, formAction, pending] = useActionState(
    reportingIssued(createSubscriptionAction.bind(null, calendarPath), onIssued),
    {} as SubscriptionState,
  );
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(state, form);
  return (
    <form ref={form} action={formAction} className="space-y-4" aria-label={t('optionsLabel')}>
      <Message state={state} />
      <p className="text-sm text-slate-600">{t(`purpose.${choices.kind}`)}</p>
      <PrivacyRadios kind={choices.kind} fallback="standard" legend={t('showsLegend')} />
      <ContentChoices
        choices={choices}
        idPrefix="subscribe"
        typeError={state.fieldErrors?.absenceTypeIds?.[0]}
      />
      <p className="text-xs text-slate-600">{t('lifetime', { days: personalLinkDays })}</p>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t('generating') : t('generate')}
      </button>
    </form>
  );
}

/** Changes what the active link shows, keeping its address. */
function SettingsForm({
  calendarPath,
  choices,
  subscription,
  onSaved,
  onCancel,
}: {
  calendarPath: string;
  choices: CalendarChoices;
  subscription: SubscriptionSummary;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations('calendar.subscribe');
  const [state, formAction, pending] = useActionState(
    async (previous: FormState, formData: FormData) => {
      const next = await updateSubscriptionSettingsAction(calendarPath, previous, formData);
      if (next.ok && next.message) onSaved(next.message);
      return next;
    },
    {} as FormState,
  );
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(state, form);
  // What was ticked before a refusal stays ticked.
  const typed = state.ok ? undefined : state.values;
  const initial: ChosenContent = typed
    ? {
        absenceTypeIds: [],
        includeTeamEvents: typed.includeTeamEvents === 'on',
        includePending: typed.includePending === 'on',
        includeHolidays: typed.includeHolidays === 'on',
      }
    : subscription;
  return (
    <form
      ref={form}
      key={JSON.stringify(state)}
      action={formAction}
      className="space-y-4"
      aria-label={t('changeLabel')}
    >
      <Message state={state} />
      <input type="hidden" name="linkId" value={subscription.id} />
      <p className="text-sm text-slate-600">{t('changeHint')}</p>
      <PrivacyRadios
        kind={choices.kind}
        fallback={(typed?.privacy as SubscriptionSummary['privacy']) ?? subscription.privacy}
        legend={t('showsLegend')}
      />
      <ContentChoices
        choices={choices}
        idPrefix="subscription-settings"
        typeError={state.fieldErrors?.absenceTypeIds?.[0]}
        initial={initial}
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? t('saving') : t('save')}
        </button>
        <button type="button" onClick={onCancel} className={secondaryButton}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function ActiveSubscription({
  calendarPath,
  choices,
  subscription,
  timeZone,
  onIssued,
  onNotice,
  onEdit,
}: {
  calendarPath: string;
  choices: CalendarChoices;
  subscription: SubscriptionSummary;
  timeZone: string;
  onEdit: () => void;
} & PanelCallbacks) {
  const t = useTranslations('calendar.subscribe');
  const locale = useLocale();
  const privacy = usePrivacyWords();
  const { kind, offers, types } = choices;
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
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  const expired = new Date(subscription.expiresAt) <= new Date();
  const lifetimeDays = Math.round(
    (Date.parse(subscription.expiresAt) - Date.parse(subscription.createdAt)) / 86_400_000,
  );
  const included = (yes: boolean) => (yes ? t('included') : t('notIncluded'));
  const typeNames =
    subscription.absenceTypeIds === null
      ? t('allTypes')
      : types
          .filter((type) => subscription.absenceTypeIds!.includes(type.id))
          .map((type) => type.label)
          .join(', ') || '—';
  return (
    <div className="space-y-4">
      {/* A success of Invalidate is the panel's notice, which outlives this view. */}
      <Message state={regenerated.message ? regenerated : invalidated.ok ? {} : invalidated} />
      <h3 className="font-medium">{t('activeHeading')}</h3>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">{t('link')}</dt>
        <dd className="font-mono break-all">{subscription.displayPrefix}…</dd>
        <dt className="text-slate-600">{t('shows')}</dt>
        <dd>
          <span className="font-medium">{privacy.label(kind, subscription.privacy)}</span> —{' '}
          {privacy.hint(kind, subscription.privacy)}
        </dd>
        {offers.absenceTypes && (
          <>
            <dt className="text-slate-600">{t('types')}</dt>
            <dd>{typeNames}</dd>
          </>
        )}
        {offers.events && (
          <>
            <dt className="text-slate-600">{t('events')}</dt>
            <dd>{included(subscription.includeTeamEvents)}</dd>
          </>
        )}
        {offers.pending && (
          <>
            <dt className="text-slate-600">
              {kind === 'resource' ? t('pendingResource') : t('pending')}
            </dt>
            <dd>{included(subscription.includePending)}</dd>
          </>
        )}
        {offers.holidays && (
          <>
            <dt className="text-slate-600">{t('holidays')}</dt>
            <dd>{included(subscription.includeHolidays)}</dd>
          </>
        )}
        <dt className="text-slate-600">{t('created')}</dt>
        <dd>{when(subscription.createdAt)}</dd>
        <dt className="text-slate-600">{expired ? t('expired') : t('expires')}</dt>
        <dd className={expired ? 'font-medium text-red-700' : undefined}>
          {when(subscription.expiresAt)}
        </dd>
        <dt className="text-slate-600">{t('lifetimeLabel')}</dt>
        <dd>{t('lifetimeValue', { days: lifetimeDays })}</dd>
        <dt className="text-slate-600">{t('lastFetched')}</dt>
        <dd>
          {subscription.lastUsedAt
            ? subscription.lastUsedBy
              ? t('lastFetchedBy', {
                  when: when(subscription.lastUsedAt),
                  client: subscription.lastUsedBy,
                })
              : when(subscription.lastUsedAt)
            : t('notYet')}
        </dd>
        <dt className="text-slate-600">{t('fetches')}</dt>
        <dd>{t('fetchCount', { count: subscription.useCount })}</dd>
      </dl>
      <p className="text-sm text-slate-600">{t('shownOnce')}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onEdit} className={primaryButton}>
          {t('change')}
        </button>
        <form
          action={regenerate}
          onSubmit={(event) => {
            if (!window.confirm(t('regenerateConfirm'))) event.preventDefault();
          }}
        >
          <input type="hidden" name="linkId" value={subscription.id} />
          <button type="submit" disabled={regenerating} className={secondaryButton}>
            {t('regenerate')}
          </button>
        </form>
        <form
          action={invalidate}
          onSubmit={(event) => {
            if (!window.confirm(t('invalidateConfirm'))) event.preventDefault();
          }}
        >
          <input type="hidden" name="linkId" value={subscription.id} />
          <button type="submit" disabled={invalidating} className={secondaryButton}>
            {t('invalidate')}
          </button>
        </form>
      </div>
    </div>
  );
}

/**
 * The body of the Subscribe dialog: options and Generate, or the active link, its settings and
 * controls. When an action swaps what it shows, focus moves to the new content: the new
 * address's Copy button, the answer, or the first field.
 */
export function SubscribePanel({
  calendarPath,
  subscription,
  choices,
  timeZone,
  personalLinkDays,
}: {
  calendarPath: string;
  subscription: SubscriptionSummary | null;
  choices: CalendarChoices;
  timeZone: string;
  personalLinkDays: number;
}) {
  // Kept here, above the page's re-render after the action, so the new address stays on screen.
  const [issued, setIssued] = useState<{ link: IssuedLinkData; message?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const view = issued ? 'issued' : editing ? 'editing' : subscription ? 'active' : 'generate';
  const previousView = useRef(view);
  useEffect(() => {
    if (previousView.current === view && !notice) return;
    const changed = previousView.current !== view;
    previousView.current = view;
    if (view === 'issued') return; // IssuedLink focuses its Copy button.
    if (view === 'editing' && changed) {
      panel.current?.querySelector<HTMLElement>('input[type="radio"]:checked')?.focus();
      return;
    }
    if (notice) noticeRef.current?.focus();
  }, [view, notice]);
  const onIssued = (link: IssuedLinkData, message?: string) => setIssued({ link, message });
  if (issued)
    return (
      <div className="space-y-4">
        <Message state={{ ok: true, message: issued.message }} />
        <IssuedLink link={issued.link} timeZone={timeZone} />
      </div>
    );
  return (
    <div ref={panel} className="space-y-4">
      {notice && !editing && <Message state={{ ok: true, message: notice }} focusRef={noticeRef} />}
      {subscription && editing ? (
        <SettingsForm
          calendarPath={calendarPath}
          choices={choices}
          subscription={subscription}
          onSaved={(message) => {
            setEditing(false);
            setNotice(message);
          }}
          onCancel={() => {
            setEditing(false);
            setNotice(null);
            requestAnimationFrame(() =>
              panel.current?.querySelector<HTMLElement>('button')?.focus(),
            );
          }}
        />
      ) : subscription ? (
        <ActiveSubscription
          calendarPath={calendarPath}
          choices={choices}
          subscription={subscription}
          timeZone={timeZone}
          onIssued={onIssued}
          onNotice={setNotice}
          onEdit={() => {
            setNotice(null);
            setEditing(true);
          }}
        />
      ) : (
        <GenerateForm
          calendarPath={calendarPath}
          choices={choices}
          personalLinkDays={personalLinkDays}
          onIssued={onIssued}
        />
      )}
    </div>
  );
}
