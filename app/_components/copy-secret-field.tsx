'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, type ReactNode, type Ref } from 'react';

const copyButton =
  'shrink-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100';

/** Writes the text to the clipboard; the selected field and execCommand when the API is refused. */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error('No clipboard API');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.focus();
    field.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/**
 * A secret shown once (a setup link, a feed address): read-only, selected on focus, with a Copy
 * button and a visible status — "Copied", or how to copy it by hand when the browser refuses.
 */
export function CopySecretField({
  id,
  label,
  value,
  copiedText,
  hint,
  buttonRef,
}: {
  id: string;
  label: string;
  value: string;
  /** What the status says once copied, e.g. "Setup link copied to the clipboard." */
  copiedText: string;
  /** Shown under the field and tied to it with aria-describedby. */
  hint?: ReactNode;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const t = useTranslations('common.actions');
  const field = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          ref={field}
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={hint ? hintId : undefined}
          className="block w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
        />
        <button
          ref={buttonRef}
          type="button"
          aria-describedby={statusId}
          onClick={async () =>
            setState((await copyText(value, field.current)) ? 'copied' : 'failed')
          }
          className={copyButton}
        >
          {t('copy')}
        </button>
      </div>
      <p
        id={statusId}
        role="status"
        className={`mt-1 text-sm ${state === 'failed' ? 'text-red-800' : 'text-green-800'}`}
      >
        {state === 'copied' && (
          <>
            <span aria-hidden="true">✓ </span>
            <span className="font-medium">{t('copied')}</span>
            <span className="sr-only"> — {copiedText}</span>
          </>
        )}
        {state === 'failed' && t('copyFailed')}
      </p>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-amber-900">
          {hint}
        </p>
      )}
    </div>
  );
}
