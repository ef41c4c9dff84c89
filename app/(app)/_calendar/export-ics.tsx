'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { FieldError } from '@/app/_components/form-field';
import { ContentChoices, PrivacyRadios, type CalendarChoices, type Privacy } from './feed-choices';

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; received: number; total: number | null }
  | { phase: 'done'; fileName: string }
  | { phase: 'failed'; message: string | null; fieldErrors?: Record<string, string[]> };

const EVENT_START = 'BEGIN:VEVENT';

/** Counts the events in a stream of text chunks, including one split across two chunks. */
function eventCounter() {
  let tail = '';
  return (chunk: string) => {
    const text = tail + chunk;
    const count = text.split(EVENT_START).length - 1;
    tail = text.slice(-(EVENT_START.length - 1));
    return count;
  };
}

/**
 * Downloads the calendar as a file while showing how far it got: the server announces the
 * number of events, the page counts them as they arrive.
 */
export function useIcsExport(calendarPath: string, fileName: string) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const start = async (query: URLSearchParams) => {
    setState({ phase: 'running', received: 0, total: null });
    try {
      const response = await fetch(`/api/calendars/${calendarPath}/export?${query}`);
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as {
          message?: string;
          fieldErrors?: Record<string, string[]>;
        } | null;
        setState({
          phase: 'failed',
          message: body?.fieldErrors ? null : (body?.message ?? null),
          fieldErrors: body?.fieldErrors,
        });
        return;
      }
      const total = Number(response.headers.get('x-event-count')) || null;
      const decoder = new TextDecoder();
      const count = eventCounter();
      const parts: Uint8Array[] = [];
      let received = 0;
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        received += count(decoder.decode(value, { stream: true }));
        setState({ phase: 'running', received, total });
      }
      const downloadName =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        `${fileName}.ics`;
      const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'text/calendar' }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = downloadName;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ phase: 'done', fileName: downloadName });
    } catch {
      setState({ phase: 'failed', message: null });
    }
  };
  const dismiss = () => setState({ phase: 'idle' });
  return { state, start, dismiss };
}

/** Today and the feed's usual window (a year back, two years ahead), as 'YYYY-MM-DD'. */
function defaultRange(): { from: string; to: string } {
  const now = new Date();
  const day = (years: number) => {
    const date = new Date(
      Date.UTC(now.getFullYear() + years, now.getMonth(), Math.min(now.getDate(), 28)),
    );
    return date.toISOString().slice(0, 10);
  };
  return { from: day(-1), to: day(2) };
}

const progressClass =
  'mt-2 block h-2 w-full appearance-none overflow-hidden rounded-full bg-slate-200 ' +
  '[&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-600 ' +
  '[&::-moz-progress-bar]:bg-brand-600';

/** How far the download got, and its end: a notice that can be dismissed. */
function ExportProgress({ state, onDismiss }: { state: ExportState; onDismiss: () => void }) {
  const t = useTranslations('calendar.export');
  if (state.phase === 'running')
    return (
      <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
        <p role="status">
          {state.total
            ? t('runningOf', { received: state.received, total: state.total })
            : t('runningCount', { received: state.received })}
        </p>
        <progress
          className={progressClass}
          aria-label={t('progress')}
          value={state.received}
          max={state.total ?? undefined}
        />
      </div>
    );
  if (state.phase === 'done')
    return (
      <div className="flex items-start justify-between gap-2 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
        <p role="status">{t('done', { file: state.fileName })}</p>
        <button
          type="button"
          onClick={onDismiss}
          className="shrink-0 rounded-md border border-green-300 px-2 py-0.5 text-xs font-medium hover:bg-green-100"
        >
          {t('dismiss')}
        </button>
      </div>
    );
  if (state.phase === 'failed' && (state.message || !state.fieldErrors))
    return (
      <p
        role="alert"
        className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
      >
        {state.message ?? t('failed')}
      </p>
    );
  return null;
}

/**
 * The Export dialog's body: the same choices as Subscribe (privacy, types, events, holidays) and
 * a span of dates, then a one-off download with its progress.
 */
export function ExportPanel({
  calendarPath,
  fileName,
  choices,
  fallbackPrivacy,
}: {
  calendarPath: string;
  fileName: string;
  choices: CalendarChoices;
  fallbackPrivacy: Privacy;
}) {
  const t = useTranslations('calendar.export');
  const exporter = useIcsExport(calendarPath, fileName);
  const [range] = useState(defaultRange);
  const submit = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const { state } = exporter;
  const fieldErrors = state.phase === 'failed' ? state.fieldErrors : undefined;
  const error = (field: string) => fieldErrors?.[field]?.[0];
  useEffect(() => {
    if (!fieldErrors) return;
    form.current
      ?.querySelector<HTMLElement>('[aria-invalid="true"], [aria-describedby$="-error"] input')
      ?.focus();
  }, [fieldErrors]);
  const dismiss = () => {
    exporter.dismiss();
    submit.current?.focus();
  };
  return (
    <form
      ref={form}
      aria-label={t('optionsLabel')}
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const query = new URLSearchParams();
        for (const [name, value] of new FormData(event.currentTarget))
          if (typeof value === 'string') query.append(name, value);
        void exporter.start(query);
      }}
    >
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <PrivacyRadios kind={choices.kind} fallback={fallbackPrivacy} />
      <ContentChoices
        choices={choices}
        idPrefix="export"
        typeError={error('absenceTypeIds')}
        initial={{
          absenceTypeIds: null,
          includeTeamEvents: true,
          includePending: true,
          includeHolidays: true,
        }}
      />
      <fieldset>
        <legend className="text-sm font-medium">{t('range')}</legend>
        <div className="mt-1 grid grid-cols-1 gap-3 sm:grid-cols-2">
          {(['from', 'to'] as const).map((field) => (
            <div key={field}>
              <label htmlFor={`export-${field}`} className="block text-sm">
                {t(field)}
              </label>
              <input
                id={`export-${field}`}
                name={field}
                type="date"
                required
                defaultValue={range[field]}
                aria-invalid={error(field) ? true : undefined}
                aria-describedby={error(field) ? `export-${field}-error` : undefined}
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-500"
              />
              <FieldError id={`export-${field}-error`} error={error(field)} />
            </div>
          ))}
        </div>
      </fieldset>
      <ExportProgress state={state} onDismiss={dismiss} />
      <button
        ref={submit}
        type="submit"
        disabled={state.phase === 'running'}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {t('download')}
      </button>
    </form>
  );
}
