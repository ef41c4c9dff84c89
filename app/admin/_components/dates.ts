import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { localDateTime } from '@/lib/zoned-time';

// Instants as an admin reads them: in their locale and their own time zone, through the one
// date module (lib/i18n/format.ts). A missing instant is a dash.

/** '1 Dec 2026, 21:36' (en-GB), '1 déc. 2026, 21:36' (fr). */
export const whenText = (at: Date | null, locale: string, timeZone: string) =>
  at ? formatDateTime(at, locale, timeZone) : '—';

/** The day of an instant in the reader's zone: '1 Dec 2026'. */
export const dayText = (at: Date | null, locale: string, timeZone: string) =>
  at ? formatDate(localDateTime(at, timeZone).date, locale) : '—';
