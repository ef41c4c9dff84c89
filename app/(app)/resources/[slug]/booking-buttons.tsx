'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/action';
import { cancelBookingAction, decideBookingAction } from './actions';

const button =
  'rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-60';

function Refusal({ state }: { state: FormState }) {
  return state.message && !state.ok ? (
    <p role="alert" className="mt-1 text-xs text-red-700">
      {state.message}
    </p>
  ) : null;
}

export function CancelBookingButton({ bookingId, title }: { bookingId: string; title: string }) {
  const t = useTranslations('resources.buttons');
  const [state, action, pending] = useActionState<FormState, FormData>(cancelBookingAction, {});
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(t('cancelConfirm', { title }))) event.preventDefault();
      }}
    >
      <input type="hidden" name="bookingId" value={bookingId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t('cancelLabel', { title })}
        className={button}
      >
        {t('cancel')}
      </button>
      <Refusal state={state} />
    </form>
  );
}

export function DecideBookingButtons({ bookingId, title }: { bookingId: string; title: string }) {
  const t = useTranslations('resources.buttons');
  const [state, action, pending] = useActionState<FormState, FormData>(decideBookingAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="bookingId" value={bookingId} />
      <button
        type="submit"
        name="decision"
        value="confirm"
        disabled={pending}
        aria-label={t('confirmLabel', { title })}
        className={button}
      >
        {t('confirm')}
      </button>
      <button
        type="submit"
        name="decision"
        value="decline"
        disabled={pending}
        aria-label={t('declineLabel', { title })}
        className={button}
      >
        {t('decline')}
      </button>
      <Refusal state={state} />
    </form>
  );
}
