// The small pieces audit sentences are made of: names in quotes, whose, dates, values. Pure: the
// audit page, its tests and anything else that words an audit event share them.

/** A detail line under an event's sentence. */
export interface AuditLine {
  label: string;
  value: string;
}

export const quoted = (text: string) => `“${text}”`;

/** "their" when the person is the actor, else "Ada Lovelace’s" ("someone’s" when unknown). */
export function whose(
  person: { id?: string | null; name?: string | null },
  actorId: string | null,
): string {
  if (person.id && person.id === actorId) return 'their';
  return person.name ? `${person.name}’s` : 'someone’s';
}

export const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null;
export const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
export const record = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date's parts, 'YYYY-MM-DD' → { day: 17, month: 'Jun', year: 2026 }. */
const partsOf = (date: string) => ({
  day: Number(date.slice(8, 10)),
  month: MONTHS[Number(date.slice(5, 7)) - 1],
  year: Number(date.slice(0, 4)),
});
const isDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-(0[1-9]|1[0-2])-\d{2}$/.test(value);

/** "17 Jun 2026", "17–19 Jun 2026", "30 Jun – 2 Jul 2026", "30 Dec 2026 – 2 Jan 2027". */
function dateRange(start: string, end: string): string {
  const [a, b] = [partsOf(start), partsOf(end)];
  if (start === end) return `${a.day} ${a.month} ${a.year}`;
  if (a.year !== b.year) return `${a.day} ${a.month} ${a.year} – ${b.day} ${b.month} ${b.year}`;
  if (a.month !== b.month) return `${a.day} ${a.month} – ${b.day} ${b.month} ${b.year}`;
  return `${a.day}–${b.day} ${b.month} ${b.year}`;
}

/** A date range with the half days it starts or ends with. */
export function daySpan(span: {
  startDate?: string | null;
  endDate?: string | null;
  halfDayStart?: boolean | null;
  halfDayEnd?: boolean | null;
}): string | null {
  const start = span.startDate ?? null;
  const end = span.endDate ?? start;
  if (!isDate(start) || !isDate(end)) return null;
  const halves = [
    span.halfDayStart ? (start === end ? 'afternoon' : 'from the afternoon') : null,
    span.halfDayEnd ? (start === end ? 'morning' : 'to the morning') : null,
  ].filter(Boolean);
  const dates = dateRange(start, end);
  return halves.length > 0 ? `${dates} (${halves.join(' ')})` : dates;
}

/** An instant's local date 'YYYY-MM-DD' and time 'HH:MM' in a zone. */
function localParts(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** A span of time where it happens: "17 Jun 2026, 09:00–10:30 (Europe/Paris)". */
export function timeSpan(span: {
  startsAt?: string | null;
  endsAt?: string | null;
  timeZone?: string | null;
}): string | null {
  const start = span.startsAt ? new Date(span.startsAt) : null;
  const end = span.endsAt ? new Date(span.endsAt) : null;
  if (!start || !end || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return null;
  const timeZone = span.timeZone ?? 'UTC';
  try {
    const [a, b] = [localParts(start, timeZone), localParts(end, timeZone)];
    const when =
      a.date === b.date
        ? `${dateRange(a.date, a.date)}, ${a.time}–${b.time}`
        : `${dateRange(a.date, a.date)}, ${a.time} – ${dateRange(b.date, b.date)}, ${b.time}`;
    return `${when} (${timeZone})`;
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

/** Any stored value as words: yes/no, lists, nested objects as "key: value" pairs. */
export function readable(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(readable).join(', ');
  const entries = Object.entries(record(value) ?? {}).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '—';
  return entries.map(([key, v]) => `${humanise(key).toLowerCase()}: ${readable(v)}`).join('; ');
}

/** Every stored detail as a line, for events no sentence knows. */
export function genericLines(details: Record<string, unknown> | null): AuditLine[] {
  return Object.entries(details ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => ({ label: humanise(key), value: readable(value) }));
}

/** "before → after" lines for the settings that changed, with labels and wording per setting. */
export function changeLines(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  words: Record<string, { label: string; value?: (value: unknown) => string }>,
): AuditLine[] {
  // In the table's order (jsonb keeps keys in its own), then any the table does not know.
  const stored = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const names = [...Object.keys(words).filter((name) => stored.has(name)), ...stored].filter(
    (name, index, all) => all.indexOf(name) === index,
  );
  return names
    .filter((name) => before?.[name] !== after?.[name])
    .map((name) => {
      const word = words[name] ?? { label: humanise(name) };
      const show = (value: unknown) =>
        value === undefined ? '—' : word.value ? word.value(value) : readable(value);
      return {
        label: word.label,
        value:
          before && name in before
            ? `${show(before[name])} → ${show(after?.[name])}`
            : show(after?.[name]),
      };
    });
}
