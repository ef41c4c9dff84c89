import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getActor } from '@/lib/auth';
import { resolveLocale } from '@/lib/i18n/locales';

/** This request's locale: the signed-in person's chosen language, else the browser's. */
export const requestLocale = cache(async (): Promise<string> => {
  const [actor, requestHeaders] = await Promise.all([
    // With the database out of reach, the page saying so still speaks the browser's language.
    getActor().catch(() => null),
    headers(),
  ]);
  return resolveLocale(actor?.locale, requestHeaders.get('accept-language'));
});
