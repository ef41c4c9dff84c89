// next-intl's per-request configuration (named in next.config.mjs). TeamCal has no locale in its
// URLs: feeds, links and bookmarks stay the same whatever the language.

import { getRequestConfig } from 'next-intl/server';
import { languageOf } from '@/lib/i18n/locales';
import { catalogues } from '@/lib/i18n/messages';
import { requestLocale } from '@/lib/i18n/request-locale';

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    messages: catalogues[languageOf(locale)],
    // The person's zone is applied where a time is written; calendar dates are formatted at UTC.
    timeZone: 'UTC',
    onError(error) {
      // A missing key shows its path on the page and is logged, never a crash; tests read the log.
      console.error(`[i18n] ${error.code}: ${error.message}`);
    },
  };
});
