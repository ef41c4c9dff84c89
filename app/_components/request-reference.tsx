'use client';

import { useSyncExternalStore } from 'react';

// The root layout writes the request id into a meta tag; it never changes while a page lives.
const subscribe = () => () => {};
const readRequestId = () =>
  document.querySelector<HTMLMetaElement>('meta[name="teamcal-request-id"]')?.content ?? '';

/** The id of the request that failed, for a person to quote to whoever runs TeamCal. */
export function RequestReference({
  digest,
  label,
}: {
  digest?: string;
  /** "Reference: …" in the page's language. */
  label: (reference: string) => string;
}) {
  const requestId = useSyncExternalStore(subscribe, readRequestId, () => '');
  if (!requestId && !digest) return null;
  const reference = requestId && digest ? `${requestId} (${digest})` : requestId || digest!;
  return <p className="mt-4 text-xs text-slate-600">{label(reference)}</p>;
}
