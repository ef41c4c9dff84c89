'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { formatDays, formatSpan, halfDayNote } from '@/lib/i18n/format';
import type { FormState } from '@/lib/action';
import type { RequestToDecide } from '@/lib/dal/team-statistics';
import type { RequestImpact } from '@/lib/dal/request-impact';
import { decideAbsenceAction } from './actions';
import { MinimumPresentForm } from './minimum-present-form';
import { RequestImpactNote } from './request-impact-note';

function DecideRequest({
  request,
  impact,
  onDecided,
}: {
  request: RequestToDecide;
  impact: RequestImpact | undefined;
  /** Told once the decision is saved: the request then leaves the list on the next render. */
  onDecided: (message: string) => void;
}) {
  const t = useTranslations('teams.requests');
  const halfDay = useTranslations('common.halfDay');
  const locale = useLocale();
  const label = `${request.personName}, ${request.typeLabel}, ${formatSpan(request, locale)}`;
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    async (previous, formData) => {
      const next = await decideAbsenceAction(previous, formData);
      if (next.ok) onDecided(t('decided', { label, message: next.message ?? '' }));
      return next;
    },
    {},
  );
  const half = halfDayNote(request);
  const reasonId = `reason-${request.id}`;
  const reasonError = state.fieldErrors?.reason?.[0];
  return (
    <li className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 py-3">
      <div className="min-w-64 flex-1">
        <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span className="font-medium">{request.personName}</span>
          <span className="flex items-center gap-1">
            <span
              className="inline-block h-2.5 w-2.5 rounded-full"
              style={{ backgroundColor: request.color }}
              aria-hidden="true"
            />
            {request.typeLabel}
          </span>
          <span className="text-slate-600">
            {formatSpan(request, locale)}
            {half && ` (${halfDay(half)})`} ·{' '}
            {t('workingDays', { count: request.days, days: formatDays(request.days, locale) })}
          </span>
        </div>
        {request.note && <p className="mt-1 text-sm text-slate-600">“{request.note}”</p>}
        {impact && <RequestImpactNote impact={impact} />}
      </div>
      <form
        action={formAction}
        aria-label={t('decide', { label })}
        className="flex flex-wrap items-start gap-2"
      >
        <input type="hidden" name="absenceId" value={request.id} />
        <div>
          <label htmlFor={reasonId} className="sr-only">
            {t('reasonLabel', { person: request.personName })}
          </label>
          <input
            id={reasonId}
            name="reason"
            placeholder={t('reasonPlaceholder')}
            maxLength={500}
            defaultValue={state.values?.reason}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${reasonId}-error` : undefined}
            className="block w-52 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </div>
        <button
          type="submit"
          name="decision"
          value="approve"
          disabled={pending}
          aria-label={t('approveLabel', { label })}
          className="rounded-md bg-green-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-green-800 disabled:opacity-60"
        >
          {t('approve')}
        </button>
        <button
          type="submit"
          name="decision"
          value="reject"
          disabled={pending}
          aria-label={t('rejectLabel', { label })}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
        >
          {t('reject')}
        </button>
        {(reasonError || state.message) && (
          <p id={`${reasonId}-error`} role="alert" className="w-full text-sm text-red-700">
            {reasonError ?? state.message}
          </p>
        )}
      </form>
    </li>
  );
}

/** How many requests show before the rest fold away. */
const SHOWN_FIRST = 5;

/** Pending requests of the team, for its managers and admins to approve or reject. */
export function RequestsToDecide({
  requests,
  impacts,
  teamId,
  minimumPresent,
}: {
  requests: RequestToDecide[];
  impacts: Record<string, RequestImpact>;
  teamId: string;
  minimumPresent: number | null;
}) {
  const t = useTranslations('teams.requests');
  const [decided, setDecided] = useState<string[]>([]);
  const onDecided = (message: string) => setDecided((messages) => [message, ...messages]);
  const first = requests.slice(0, SHOWN_FIRST);
  const rest = requests.slice(SHOWN_FIRST);
  return (
    <section
      aria-labelledby="requests-heading"
      className="rounded-xl border border-amber-200 bg-white px-5 py-3 shadow-sm"
    >
      <h2 id="requests-heading" className="font-semibold">
        {t('heading', { count: requests.length })}
      </h2>
      <div role="status" className="text-sm text-green-800">
        {decided.map((message) => (
          <p key={message} className="py-1">
            {message}
          </p>
        ))}
      </div>
      {requests.length === 0 ? (
        <p className="py-2 text-sm text-slate-600">
          {t.rich('none', {
            link: (chunks) => (
              <Link href="/absences" className="font-medium text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : (
        <>
          <ul className="divide-y divide-slate-100">
            {first.map((request) => (
              <DecideRequest
                key={request.id}
                request={request}
                impact={impacts[request.id]}
                onDecided={onDecided}
              />
            ))}
          </ul>
          {rest.length > 0 && (
            <details className="border-t border-slate-100">
              <summary className="cursor-pointer py-2 text-sm font-medium text-brand-700">
                {t('more', { count: rest.length })}
              </summary>
              <ul className="divide-y divide-slate-100">
                {rest.map((request) => (
                  <DecideRequest
                    key={request.id}
                    request={request}
                    impact={impacts[request.id]}
                    onDecided={onDecided}
                  />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      <MinimumPresentForm teamId={teamId} minimumPresent={minimumPresent} />
    </section>
  );
}
