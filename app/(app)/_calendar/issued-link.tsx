'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { formatDateTime } from '@/lib/i18n/format';
import type { IssuedLink as IssuedLinkData } from './subscription-actions';

const linkButton =
  'inline-flex items-center rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100';

/**
 * A Copy button for a secret shown once: the clipboard when the browser allows it, else the text
 * is selected and the person told how to copy it.
 */
export function CopyButton({
  text,
  target,
  autoFocus = false,
}: {
  text: string;
  /** The field showing the text, selected when the clipboard is refused. */
  target: React.RefObject<HTMLInputElement | null>;
  autoFocus?: boolean;
}) {
  const t = useTranslations('calendar.issued');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (autoFocus) button.current?.focus();
  }, [autoFocus]);
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      target.current?.focus();
      target.current?.select();
      setState('failed');
    }
  };
  return (
    <>
      <button ref={button} type="button" onClick={copy} className={`${linkButton} shrink-0`}>
        {state === 'copied' ? t('copied') : t('copy')}
      </button>
      <p
        role="status"
        className={state === 'failed' ? 'basis-full text-xs text-red-800' : 'sr-only'}
      >
        {state === 'copied' ? t('copiedStatus') : state === 'failed' ? t('copyFailed') : ''}
      </p>
    </>
  );
}

/** A feed address shown once, with every way to add it to a calendar client. */
export function IssuedLink({
  link,
  audience = 'personal',
  timeZone,
}: {
  link: IssuedLinkData;
  /** A personal subscription, or a public link meant to be handed out. */
  audience?: 'personal' | 'public';
  /** The reader's zone for the expiry; the browser's by default. */
  timeZone?: string;
}) {
  const t = useTranslations('calendar.issued');
  const locale = useLocale();
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const expiry = link.expiresAt
    ? t('expiresOn', { date: formatDateTime(link.expiresAt, locale, zone) })
    : t('neverExpires');
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const hintId = useId();
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={fieldId} className="block text-sm font-medium">
          {t('addressLabel')}
        </label>
        <div className="mt-1 flex flex-wrap gap-2 sm:flex-nowrap">
          <input
            id={fieldId}
            ref={field}
            readOnly
            value={link.feedUrl}
            aria-describedby={hintId}
            onFocus={(event) => event.currentTarget.select()}
            className="block min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
          />
          {/* The Copy button takes the focus when the address appears. */}
          <CopyButton text={link.feedUrl} target={field} autoFocus />
        </div>
        <p id={hintId} className="mt-1 text-xs text-amber-800">
          {t('shownOnce')} {audience === 'personal' ? t('personalWarning') : t('publicWarning')}{' '}
          {expiry}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <a href={link.webcal} className={linkButton}>
          {t('webcal')}
        </a>
        <a href={link.google} target="_blank" rel="noreferrer noopener" className={linkButton}>
          {t('google')}
        </a>
        <a href={link.outlook} target="_blank" rel="noreferrer noopener" className={linkButton}>
          {t('outlook')}
        </a>
        <a href={link.outlookWork} target="_blank" rel="noreferrer noopener" className={linkButton}>
          {t('outlookWork')}
        </a>
      </div>
      <div className="grid gap-4 sm:grid-cols-[9rem_1fr]">
        <figure>
          <div
            className="w-36 rounded border border-slate-200 bg-white p-1"
            // The SVG comes from the qrcode library on the server, from our own URL only.
            dangerouslySetInnerHTML={{ __html: link.qrSvg }}
            role="img"
            aria-label={t('qr')}
          />
          <figcaption className="mt-1 text-xs text-slate-600">{t('scan')}</figcaption>
        </figure>
        <dl className="space-y-2 text-sm">
          <div>
            <dt className="font-medium">Outlook</dt>
            <dd className="text-slate-600">{t('outlookSteps')}</dd>
          </div>
          <div>
            <dt className="font-medium">{t('googleName')}</dt>
            <dd className="text-slate-600">{t('googleSteps')}</dd>
          </div>
          <div>
            <dt className="font-medium">{t('appleName')}</dt>
            <dd className="text-slate-600">{t('appleSteps')}</dd>
          </div>
          <div>
            <dt className="font-medium">Thunderbird</dt>
            <dd className="text-slate-600">{t('thunderbirdSteps')}</dd>
          </div>
        </dl>
      </div>
    </div>
  );
}
