'use client';

import { useLocale, useTranslations } from 'next-intl';
import {
  useActionState,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { CopySecretField } from '@/app/_components/copy-secret-field';
import { FieldError, FormField } from '@/app/_components/form-field';
import type { FormState } from '@/lib/action';
import { formatDate, formatSpan } from '@/lib/i18n/format';
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
  usePrivacyWords,
  type CalendarChoices,
} from './feed-choices';
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
  /** When and by which client it was last read, already written in the reader's words. */
  lastUsed: string | null;
  guest: { shareId: string; email: string; status: 'awaiting_setup' | 'active' | 'revoked' } | null;
}

export interface SharingPolicy {
  publicLinksAllowed: boolean;
  neverExpiringLinksAllowed: boolean;
  guestSharesAllowed: boolean;
  maxTokenLifetimeDays: number;
}

type Tab = 'public' | 'guest';

const button =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60';
const primary =
  'rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60';
const dateOf = (iso: string) => iso.slice(0, 10);

/** The first field of the open tab, else the selected tab (a tab whose form is turned off). */
const FIRST_FIELD =
  '[role="tabpanel"]:not([hidden]) :is(input:not([type="hidden"]), select, textarea)';
const SELECTED_TAB = '[role="tab"][aria-selected="true"]';

/**
 * Focuses the container's first field once it is shown: the dialog around it may open (showModal)
 * only after this component mounts, so the `autofocus` attribute tells the dialog where to start,
 * and a frame later the field takes the focus in any case.
 */
function useFocusFirstFieldOnMount(container: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const element =
      container.current?.querySelector<HTMLElement>(FIRST_FIELD) ??
      container.current?.querySelector<HTMLElement>(SELECTED_TAB);
    if (!element) return;
    element.setAttribute('autofocus', '');
    element.focus();
    const frame = requestAnimationFrame(() => {
      if (document.activeElement !== element) element.focus();
    });
    return () => {
      cancelAnimationFrame(frame);
      element.removeAttribute('autofocus');
    };
  }, [container]);
}

/** After an answer with errors, focus goes to the first invalid field, else to the message. */
function useFocusOnErrors(state: FormState<unknown>, form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    if (state.ok || !(state.fieldErrors || state.message)) return;
    const target = form.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"], fieldset[aria-describedby] input, [data-form-message]',
    );
    target?.focus();
  }, [state, form]);
}

function ErrorMessage({ state }: { state: FormState<unknown> }) {
  if (state.ok || !state.message) return null;
  return (
    <p
      role="alert"
      tabIndex={-1}
      data-form-message
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      {state.message}
    </p>
  );
}

function PublicLinkForm(props: {
  calendarPath: string;
  choices: CalendarChoices;
  policy: SharingPolicy;
  onIssued: (link: IssuedLinkData) => void;
}) {
  const t = useTranslations('share.public');
  const form = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState(
    async (previous: PublicLinkState, formData: FormData) => {
      const next = await createPublicLinkAction(props.calendarPath, previous, formData);
      if (next.ok && next.data) props.onIssued(next.data);
      return next;
    },
    {} as PublicLinkState,
  );
  useFocusOnErrors(state, form);
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const max = props.policy.maxTokenLifetimeDays;
  const durations = [30, 90, 183, 365, 730].filter((days) => days <= max);
  if (!durations.includes(max)) durations.push(max);
  const expiryError = error('expiresInDays');
  return (
    <form ref={form} action={action} noValidate className="space-y-4" aria-label={t('form')}>
      <p
        role="note"
        className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      >
        {t.rich('warning', { strong: (chunks) => <strong>{chunks}</strong> })}{' '}
        {t(`advice.${props.choices.kind}`)}
      </p>
      <ErrorMessage state={state} />
      <FormField
        id="public-label"
        name="label"
        label={t('label')}
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
          {t('expiresAfter')}
        </label>
        <select
          id="expiresInDays"
          name="expiresInDays"
          defaultValue={state.values?.expiresInDays ?? String(Math.min(183, max))}
          aria-invalid={expiryError ? true : undefined}
          aria-describedby={expiryError ? 'expiresInDays-error' : undefined}
          className="mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm"
        >
          {durations.map((days) => (
            <option key={days} value={days}>
              {t('days', { count: days })}
            </option>
          ))}
          {props.policy.neverExpiringLinksAllowed && <option value="never">{t('never')}</option>}
        </select>
        <FieldError id="expiresInDays-error" error={expiryError} />
      </div>
      <button type="submit" disabled={pending} className={primary}>
        {t('create')}
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
  const t = useTranslations('share.guest');
  const tErrors = useTranslations('share.errors');
  const form = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState(
    async (previous: GuestSetupState, formData: FormData) => {
      const next = await createGuestShareAction(calendarPath, previous, formData);
      if (next.ok) onSetup(next);
      return next;
    },
    {} as GuestSetupState,
  );
  useFocusOnErrors(state, form);
  // What the browser found on leaving the field, until the server answers again.
  const [checked, setChecked] = useState<{ answer: GuestSetupState; error?: string } | null>(null);
  const emailError =
    checked && checked.answer === state ? checked.error : state.fieldErrors?.email?.[0];
  const checkEmail = (input: HTMLInputElement) => {
    const value = input.value.trim();
    // An empty field is not an error until the form is sent.
    const invalid = value !== '' && (input.validity.typeMismatch || value.length > 254);
    setChecked({
      answer: state,
      error: invalid
        ? tErrors(value.length > 254 ? 'guestEmailTooLong' : 'guestEmailInvalid')
        : undefined,
    });
  };
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <form ref={form} action={action} noValidate className="space-y-4" aria-label={t('form')}>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <ErrorMessage state={state} />
      <FormField
        id="guest-email"
        name="email"
        type="email"
        autoComplete="off"
        label={t('email')}
        error={emailError}
        defaultValue={state.values?.email}
        onBlur={(event) => checkEmail(event.currentTarget)}
        onChange={(event) => {
          // A shown error goes away as soon as the address is fixed, not only on leaving.
          if (emailError && event.currentTarget.validity.valid) checkEmail(event.currentTarget);
        }}
      />
      <FormField
        id="guest-label"
        name="label"
        label={t('label')}
        maxLength={100}
        error={error('label')}
        defaultValue={state.values?.label}
      />
      <PrivacyRadios kind={choices.kind} fallback="busy" />
      {choices.offers.holidays && (
        <fieldset>
          <legend className="text-sm font-medium">{t('alsoInclude')}</legend>
          <HolidaysChoice offers={choices.offers} />
        </fieldset>
      )}
      <button type="submit" disabled={pending} className={primary}>
        {t('create')}
      </button>
    </form>
  );
}

/** The outcome of Create (or of a new setup link): one heading, focused, and the secret to copy. */
function Result({
  heading,
  onAgain,
  children,
}: {
  heading: string;
  onAgain: () => void;
  children: ReactNode;
}) {
  const t = useTranslations('share.setup');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="share-result-heading" className="space-y-4">
      <h3
        ref={headingRef}
        id="share-result-heading"
        tabIndex={-1}
        className="rounded-md border border-green-200 bg-green-50 px-3 py-2 font-semibold text-green-900 focus:outline-2 focus:outline-offset-2 focus:outline-brand-600"
      >
        <span aria-hidden="true">✓ </span>
        {heading}
      </h3>
      {children}
      <button type="button" onClick={onAgain} className={button}>
        {t('another')}
      </button>
    </section>
  );
}

function SetupLink({ state }: { state: GuestSetupState }) {
  const t = useTranslations('share.setup');
  const data = state.data!;
  return (
    <div className="space-y-3">
      {state.message && <p className="text-sm text-slate-700">{state.message}</p>}
      <CopySecretField
        id="setup-url"
        label={t('linkFor', { email: data.email })}
        value={data.setupUrl}
        copiedText={t('copied')}
        hint={t('once', { days: data.days })}
      />
    </div>
  );
}

function LinkItem({
  calendarPath,
  kind,
  link,
  onSetup,
}: {
  calendarPath: string;
  kind: CalendarChoices['kind'];
  link: SharedLinkSummary;
  onSetup: (state: GuestSetupState) => void;
}) {
  const t = useTranslations('share.links');
  const privacy = usePrivacyWords();
  const locale = useLocale();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [revoked, revoke, revoking] = useActionState(
    revokeSharedLinkAction.bind(null, calendarPath),
    {} as FormState,
  );
  const [reissued, reissue, reissuing] = useActionState(
    async (previous: GuestSetupState, formData: FormData) => {
      const next = await reissueGuestSetupAction(calendarPath, previous, formData);
      if (next.ok) onSetup(next);
      return next;
    },
    {} as GuestSetupState,
  );
  // Revoke removes the buttons: focus goes to what happened rather than to the page.
  useEffect(() => {
    if (revoked.message || (reissued.message && !reissued.ok)) statusRef.current?.focus();
  }, [revoked, reissued]);
  const name = link.label ?? link.displayPrefix;
  const state = link.revoked ? 'revoked' : (link.guest?.status ?? 'active');
  const created = dateOf(link.createdAt);
  const valid = link.expiresAt
    ? formatSpan({ startDate: created, endDate: dateOf(link.expiresAt) }, locale)
    : t('validFrom', { from: formatDate(created, locale) });
  const lastUsed = link.lastUsed ?? t('never');
  const failure = [revoked, reissued].find((answer) => answer.message && !answer.ok)?.message;
  return (
    <li className="space-y-2 px-3 py-3 text-sm">
      <div>
        <span className="font-medium">{name}</span>
        <span className="block text-xs break-all text-slate-600">
          {link.guest ? t('guest', { email: link.guest.email }) : t('public')} ·{' '}
          <span className="font-mono">{link.displayPrefix}…</span>
        </span>
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-600">{t('shows')}</dt>
        <dd>
          <span className="font-medium">{privacy.label(kind, link.privacy)}</span>
          <span className="block text-slate-600">{privacy.hint(kind, link.privacy)}</span>
          {link.includeHolidays && <span className="block text-slate-600">{t('holidays')}</span>}
        </dd>
        <dt className="text-slate-600">{t('valid')}</dt>
        <dd>{valid}</dd>
        <dt className="text-slate-600">{t('lastUsed')}</dt>
        <dd>{lastUsed}</dd>
        <dt className="text-slate-600">{t('status')}</dt>
        <dd>{t(`state.${state}`)}</dd>
      </dl>
      <p
        ref={statusRef}
        tabIndex={-1}
        role={failure ? 'alert' : 'status'}
        className={`text-xs empty:hidden ${failure ? 'text-red-700' : 'text-green-800'}`}
      >
        {failure ?? (revoked.ok ? revoked.message : '')}
      </p>
      {!link.revoked && (
        <div className="flex flex-wrap gap-2">
          {link.guest && (
            <form action={reissue}>
              <input type="hidden" name="shareId" value={link.guest.shareId} />
              <button
                type="submit"
                disabled={reissuing}
                aria-label={t('newSetupLinkFor', { email: link.guest.email })}
                className={button}
              >
                {t('newSetupLink')}
              </button>
            </form>
          )}
          <form
            action={revoke}
            onSubmit={(event) => {
              if (!window.confirm(t('confirmRevoke', { label: name }))) event.preventDefault();
            }}
          >
            <input type="hidden" name="linkId" value={link.id} />
            <button
              type="submit"
              disabled={revoking}
              aria-label={t('revokeLabel', { label: name })}
              className={button}
            >
              {t('revoke')}
            </button>
          </form>
        </div>
      )}
    </li>
  );
}

/** Public link or guest: two tabs (WAI-ARIA tabs pattern), one form at a time, one column. */
function ShareTabs({
  tab,
  onTab,
  panels,
}: {
  tab: Tab;
  onTab: (tab: Tab) => void;
  panels: Record<Tab, ReactNode>;
}) {
  const t = useTranslations('share.tabs');
  const id = useId();
  const tabs: Tab[] = ['public', 'guest'];
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ public: null, guest: null });
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = tabs.indexOf(tab);
    const next =
      event.key === 'ArrowRight'
        ? tabs[(index + 1) % tabs.length]
        : event.key === 'ArrowLeft'
          ? tabs[(index + tabs.length - 1) % tabs.length]
          : event.key === 'Home'
            ? tabs[0]
            : event.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onTab(next);
    refs.current[next]?.focus();
  };
  return (
    <div>
      <div
        role="tablist"
        aria-label={t('label')}
        className="mb-4 flex gap-1 border-b border-slate-200"
      >
        {tabs.map((name) => (
          <button
            key={name}
            ref={(element) => {
              refs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-${name}-tab`}
            aria-selected={tab === name}
            aria-controls={`${id}-${name}-panel`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => onTab(name)}
            onKeyDown={onKeyDown}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              tab === name
                ? 'border-brand-600 text-brand-700'
                : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {t(name)}
          </button>
        ))}
      </div>
      {tabs.map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`${id}-${name}-panel`}
          aria-labelledby={`${id}-${name}-tab`}
          hidden={tab !== name}
        >
          {panels[name]}
        </div>
      ))}
    </div>
  );
}

type Outcome =
  { kind: 'public'; link: IssuedLinkData } | { kind: 'guest'; state: GuestSetupState } | null;

/** Share externally: a calendar's public links and guest shares, for those who may share it. */
export function SharePanel(props: {
  calendarPath: string;
  links: SharedLinkSummary[];
  choices: CalendarChoices;
  policy: SharingPolicy;
}) {
  const t = useTranslations('share');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [tab, setTab] = useState<Tab>(
    !props.policy.publicLinksAllowed && props.policy.guestSharesAllowed ? 'guest' : 'public',
  );
  const onSetup = (state: GuestSetupState) => setOutcome({ kind: 'guest', state });
  return (
    <div className="space-y-6">
      {outcome ? (
        <Result
          heading={
            outcome.kind === 'public'
              ? t('public.created')
              : outcome.state.data?.reissued
                ? t('setup.reissued')
                : t('setup.created')
          }
          onAgain={() => setOutcome(null)}
        >
          {outcome.kind === 'public' ? (
            <IssuedLink link={outcome.link} audience="public" />
          ) : (
            <SetupLink state={outcome.state} />
          )}
        </Result>
      ) : (
        <ShareForms
          tab={tab}
          onTab={setTab}
          panels={{
            public: props.policy.publicLinksAllowed ? (
              <PublicLinkForm
                calendarPath={props.calendarPath}
                choices={props.choices}
                policy={props.policy}
                onIssued={(link) => setOutcome({ kind: 'public', link })}
              />
            ) : (
              <p className="text-sm text-slate-600">{t('public.off')}</p>
            ),
            guest: props.policy.guestSharesAllowed ? (
              <GuestShareForm
                calendarPath={props.calendarPath}
                choices={props.choices}
                onSetup={onSetup}
              />
            ) : (
              <p className="text-sm text-slate-600">{t('guest.off')}</p>
            ),
          }}
        />
      )}
      {props.links.length > 0 && (
        <section aria-labelledby="shared-links-heading">
          <h3 id="shared-links-heading" className="mb-2 font-semibold">
            {t('links.heading')}
          </h3>
          <ul
            aria-labelledby="shared-links-heading"
            className="divide-y divide-slate-100 rounded-md border border-slate-200"
          >
            {props.links.map((link) => (
              <LinkItem
                key={link.id}
                calendarPath={props.calendarPath}
                kind={props.choices.kind}
                link={link}
                onSetup={onSetup}
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/**
 * The two forms in tabs; the open tab's first field takes the focus when they appear (the dialog
 * opens, or "Share again"), not when the tab changes: then focus stays on the tab.
 */
function ShareForms(props: {
  tab: Tab;
  onTab: (tab: Tab) => void;
  panels: Record<Tab, ReactNode>;
}) {
  const container = useRef<HTMLDivElement>(null);
  useFocusFirstFieldOnMount(container);
  return (
    <div ref={container}>
      <ShareTabs {...props} />
    </div>
  );
}
