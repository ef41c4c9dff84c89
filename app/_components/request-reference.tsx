'use client';

import { useSyncExternalStore } from 'react';

// The root layout writes the request id into a meta tag; it never changes while a page lives.
const subscribe = () => () => {};
const readRequestId = () =>
  document.querySelector<HTMLMetaElement>('meta[name="teamcal-request-id"]')?.content ?? '';

/** The id of the request that failed, for a person to quote to whoever runs TeamCal. */
export function RequestReference({ digest }: { digest?: string }) {
  const requestId = useSyncExternalStore(subscribe, readRequestId, () => '');
  if (!requestId && !digest) return null;
  return (
    <p className="mt-4 text-xs text-slate-500">
      Reference: {requestId || digest}
      {requestId && digest ? ` (${digest})` : ''}
    </p>
  );
}
