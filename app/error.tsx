'use client';

import { useTranslations } from 'next-intl';
import { RequestReference } from '@/app/_components/request-reference';

// Shown for unexpected errors: a short message and a retry, never the error's details.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations('shell.error');
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-2 text-slate-600">{t('text')}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        {t('retry')}
      </button>
      <RequestReference
        digest={error.digest}
        label={(reference) => t('reference', { reference })}
      />
    </main>
  );
}
