import { formatDateTimeRange, formatSpan } from '@/lib/i18n/format';
import { languageOf, type Language } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translate';

// The small pieces audit sentences are made of, in the reader's language (lib/i18n/messages/*/
// audit.json): names, dates, values. Pure: the audit page, its tests and anything else that words
// an audit event share them.

/** A detail line under an event's sentence. */
export interface AuditLine {
  label: string;
  value: string;
}

export type AuditTranslator = ReturnType<typeof translatorFor<'audit'>>;

/** What a sentence is written with: the reader's locale, its language and the audit messages. */
export interface Wording {
  locale: string;
  language: Language;
  t: AuditTranslator;
}

const wordings = new Map<string, Wording>();

export function wordingFor(locale: string): Wording {
  let wording = wordings.get(locale);
  if (!wording) {
    wording = { locale, language: languageOf(locale), t: translatorFor(locale, 'audit') };
    wordings.set(locale, wording);
  }
  return wording;
}

// French writes "d’Ada", "du lien", not "de Ada", "de le lien": which one depends on the words put
// into the message, so those are marked (a name, or a phrase that starts with its article) and
// `finish` applies the rule around the marks, then removes them. Text between marks (a name, a
// reason someone typed) is never changed. Private-use characters, never in stored text we show.
const NAME = ['\uE000', '\uE001'] as const;
const PHRASE = ['\uE002', '\uE003'] as const;
const MARKS = /[\uE000-\uE003]/g;

/** A name (person, team, role word…) as a message argument. */
export const nameArg = (name: string) => `${NAME[0]}${name}${NAME[1]}`;
/** A phrase from another message ("the public link…", "their own calendar") as an argument. */
export const phraseArg = (phrase: string) => `${PHRASE[0]}${phrase}${PHRASE[1]}`;

const VOWEL = 'aeiouàâäéèêëîïôöùûüœæAEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ';
const marks = '[\uE000-\uE003]*';
const FRENCH_RULES: Array<[RegExp, string]> = [
  // de + le → du, à + le → au (articles that start a phrase; a name such as "Le Goff" keeps its own).
  [new RegExp(`(^|[\\s(])de (${marks}\uE002${marks})le `, 'g'), '$1du $2'],
  [new RegExp(`(^|[\\s(])de (${marks}\uE002${marks})les `, 'g'), '$1des $2'],
  [new RegExp(`(^|[\\s(])à (${marks}\uE002${marks})le `, 'g'), '$1au $2'],
  [new RegExp(`(^|[\\s(])à (${marks}\uE002${marks})les `, 'g'), '$1aux $2'],
  // de + a vowel → d’ (a mute h is left alone: it cannot be told from an aspirated one).
  [new RegExp(`(^|[\\s(])de ((?:[\uE000\uE002]${marks})[${VOWEL}])`, 'g'), '$1d’$2'],
];

/** A sentence or line as the reader sees it: French contractions applied, marks removed. */
export function finish(text: string, w: Wording): string {
  const ruled =
    w.language === 'fr'
      ? FRENCH_RULES.reduce(
          (out, [pattern, replacement]) => out.replace(pattern, replacement),
          text,
        )
      : text;
  return ruled.replace(MARKS, '');
}

export const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null;
export const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
export const record = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
/** 'yes' or 'no', for a message's select on whether an optional part is there. */
export const has = (value: unknown): 'yes' | 'no' =>
  value !== null && value !== undefined && value !== '' ? 'yes' : 'no';

const isDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-(0[1-9]|1[0-2])-\d{2}$/.test(value);

// The audit log has always written ranges with plain spaces and "17–19 Jun 2026" for days of one
// month, where ICU puts thin spaces around the dash ("17 – 19 Jun 2026" in en-GB).
const plainSpaces = (range: string) => range.replaceAll('\u2009', ' ');

/** A date range with the half days it starts or ends with: "17–19 Jun 2026 (to the morning)". */
export function daySpan(
  w: Wording,
  span: {
    startDate?: string | null;
    endDate?: string | null;
    halfDayStart?: boolean | null;
    halfDayEnd?: boolean | null;
  },
): string | null {
  const startDate = span.startDate ?? null;
  const endDate = span.endDate ?? startDate;
  if (!isDate(startDate) || !isDate(endDate)) return null;
  const oneDay = startDate === endDate;
  const range = plainSpaces(formatSpan({ startDate, endDate }, w.locale));
  const dates =
    !oneDay && startDate.slice(0, 7) === endDate.slice(0, 7)
      ? range.replace(/(\d) – (\d)/, '$1–$2')
      : range;
  const start = span.halfDayStart ? (oneDay ? 'afternoon' : 'from') : null;
  const end = span.halfDayEnd ? (oneDay ? 'morning' : 'to') : null;
  // Both: "afternoon morning" on one day (as English always wrote it), else "from … to …".
  const half = start && end ? (oneDay ? 'afternoonMorning' : 'both') : (start ?? end);
  return half ? w.t('part.halfDays', { dates, half }) : dates;
}

/** A span of time where it happens: "17 Jun 2026, 09:00–10:30 (Europe/Paris)". */
export function timeSpan(
  w: Wording,
  span: { startsAt?: string | null; endsAt?: string | null; timeZone?: string | null },
): string | null {
  const start = span.startsAt ? new Date(span.startsAt) : null;
  const end = span.endsAt ? new Date(span.endsAt) : null;
  if (!start || !end || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return null;
  const timeZone = span.timeZone ?? 'UTC';
  try {
    const when = plainSpaces(formatDateTimeRange(start, end, w.locale, timeZone));
    return w.t('part.timeSpan', { when, timeZone });
  } catch {
    // An unknown zone: a row written by another version of TeamCal.
    return null;
  }
}

/** `maxTokenLifetimeDays` → "Max token lifetime days"; `sessions_ended` → "Sessions ended". */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A stored name that no message knows (a detail's key, a changed field): English reads it as
 * words, which are English; other languages show it as stored, a code rather than English words.
 */
export const storedName = (w: Wording, name: string) =>
  w.language === 'en' ? humanise(name) : name;

/** Any stored value as words: yes/no, lists, nested objects as "key: value" pairs. */
export function readable(w: Wording, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return w.t(value ? 'part.yes' : 'part.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? w.t('part.none') : value.map((v) => readable(w, v)).join(', ');
  const entries = Object.entries(record(value) ?? {}).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '—';
  const colon = w.language === 'fr' ? ' : ' : ': ';
  return entries
    .map(([key, v]) => {
      const name = storedName(w, key);
      return `${w.language === 'en' ? name.toLowerCase() : name}${colon}${readable(w, v)}`;
    })
    .join('; ');
}

/** Every stored detail as a line, for events no sentence knows. */
export function genericLines(w: Wording, details: Record<string, unknown> | null): AuditLine[] {
  return Object.entries(details ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => ({ label: storedName(w, key), value: readable(w, value) }));
}

export type Words = Record<string, { label: string; value?: (value: unknown) => string }>;

/** "before → after" lines for the settings that changed, with labels and wording per setting. */
export function changeLines(
  w: Wording,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  words: Words,
): AuditLine[] {
  // In the table's order (jsonb keeps keys in its own), then any the table does not know.
  const stored = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const names = [...Object.keys(words).filter((name) => stored.has(name)), ...stored].filter(
    (name, index, all) => all.indexOf(name) === index,
  );
  return names
    .filter((name) => before?.[name] !== after?.[name])
    .map((name) => {
      const word = words[name] ?? { label: storedName(w, name) };
      const show = (value: unknown) =>
        value === undefined ? '—' : word.value ? word.value(value) : readable(w, value);
      return {
        label: word.label,
        value:
          before && name in before
            ? `${show(before[name])} → ${show(after?.[name])}`
            : show(after?.[name]),
      };
    });
}
