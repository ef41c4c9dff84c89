'use client';

import { RequestReference } from '@/app/_components/request-reference';

import './globals.css';

// Replaces the root layout when it fails itself, so it renders its own html and body.
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col items-center justify-center bg-slate-50 px-4 text-center text-slate-900">
        <h1 className="text-2xl font-semibold">TeamCal is having trouble</h1>
        <p className="mt-2 text-slate-600">Please try again in a moment.</p>
        <button
          type="button"
          onClick={reset}
          className="mt-6 rounded-md bg-slate-900 px-4 py-2 text-sm text-white"
        >
          Try again
        </button>
        <RequestReference digest={error.digest} />
      </body>
    </html>
  );
}
