'use client';

import { useSyncExternalStore } from 'react';
import { RequestReference } from '@/app/_components/request-reference';
import en from '@/lib/i18n/messages/en/shell.json';
import fr from '@/lib/i18n/messages/fr/shell.json';

import './globals.css';

// Replaces the root layout when it fails itself, so it renders its own html and body, without
// the layout's translations: the browser's language picks the words (only this page's).
const subscribe = () => () => {};
const browserLanguage = () => navigator.languages.find((tag) => /^(en|fr)\b/i.test(tag)) ?? 'en';

export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const tag = useSyncExternalStore(subscribe, browserLanguage, () => 'en');
  const french = tag.toLowerCase().startsWith('fr');
  const text = french ? fr : en;
  return (
    <html lang={french ? 'fr' : 'en'}>
      <body className="flex min-h-screen flex-col items-center justify-center bg-slate-50 px-4 text-center text-slate-900">
        <main>
          <h1 className="text-2xl font-semibold">{text.globalError.title}</h1>
          <p className="mt-2 text-slate-600">{text.globalError.text}</p>
          <button
            type="button"
            onClick={reset}
            className="mt-6 rounded-md bg-slate-900 px-4 py-2 text-sm text-white"
          >
            {text.error.retry}
          </button>
          <RequestReference
            digest={error.digest}
            label={(reference) => text.error.reference.replace('{reference}', reference)}
          />
        </main>
      </body>
    </html>
  );
}
