'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { CopySecretField } from '@/app/_components/copy-secret-field';
import { FormField } from '@/app/_components/form-field';
import { completeGuestSetupAction, type GuestSetupFormState } from './actions';

const CLIENTS = ['thunderbird', 'outlook', 'appleMac', 'appleIphone'] as const;

/** The final page: the feed address, shown once, to copy, and how each calendar app takes it. */
function GuestFeed({ data }: { data: NonNullable<GuestSetupFormState['data']> }) {
  const t = useTranslations('guest.done');
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is gone: focus goes to what replaced it rather than to the page.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="space-y-4 text-sm">
      <h1
        ref={heading}
        tabIndex={-1}
        className="text-lg font-semibold focus:outline-2 focus:outline-offset-2 focus:outline-brand-600"
      >
        {t('heading')}
      </h1>
      <p
        role="status"
        className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-green-800"
      >
        {t('text', { email: data.email })}
      </p>
      <CopySecretField
        id="guest-feed-url"
        label={t('address')}
        value={data.feedUrl}
        copiedText={t('copied')}
        hint={t('shownOnce')}
      />
      <section aria-labelledby="guest-clients-heading">
        <h2 id="guest-clients-heading" className="mb-2 font-semibold">
          {t('clients')}
        </h2>
        <dl className="space-y-2">
          {CLIENTS.map((client) => (
            <div key={client}>
              <dt className="font-medium">{t(`${client}.name`)}</dt>
              <dd className="text-slate-600">{t(`${client}.steps`)}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-slate-600">{t('noPassword')}</p>
      </section>
    </div>
  );
}

export function GuestSetupForm({
  secret,
  email,
  heading,
}: {
  secret: string;
  email: string;
  heading: string;
}) {
  const t = useTranslations('guest');
  const form = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState(
    completeGuestSetupAction.bind(null, secret),
    {} as GuestSetupFormState,
  );
  // After an answer with errors, focus goes to the first field to fix, else to the message.
  useEffect(() => {
    if (state.ok || !(state.fieldErrors || state.message)) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-message]')?.focus();
  }, [state]);
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  if (state.ok && state.data) return <GuestFeed data={state.data} />;
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">{heading}</h1>
      <p className="mb-5 text-sm text-slate-600">{t('intro')}</p>
      <form
        ref={form}
        action={action}
        noValidate
        className="space-y-4"
        aria-label={t('form.label')}
      >
        <div aria-live="polite">
          {state.message && (
            <p
              role="alert"
              tabIndex={-1}
              data-form-message
              className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
            >
              {state.message}
            </p>
          )}
        </div>
        <p className="text-sm break-words text-slate-600">
          {t.rich('form.asks', { email, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
        <FormField
          name="password"
          type="password"
          label={t('form.password')}
          autoComplete="new-password"
          error={error('password')}
        />
        <FormField
          name="confirmation"
          type="password"
          label={t('form.confirmation')}
          autoComplete="new-password"
          error={error('confirmation')}
        />
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t('form.submit')}
        </button>
      </form>
    </>
  );
}
