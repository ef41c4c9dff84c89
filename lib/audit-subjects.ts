import {
  count,
  daySpan,
  has,
  humanise,
  nameArg,
  phraseArg,
  readable,
  record,
  text,
  timeSpan,
  type AuditLine,
  type Wording,
} from './audit-phrases';
import type { AuditFacts, AuditTarget } from './audit-text';
import { filterLines } from './audit-words';

// What audit sentences name, as phrases of the reader's language: a person, a team, a calendar, a
// feed link, an absence, a booking, a team event; and the detail lines that several actions share.
// A phrase put into another message is marked (nameArg, phraseArg) for French's "d’" and "du".

type Details = Record<string, unknown>;

export const method = (w: Wording, d: Details) =>
  w.t('part.method', { method: text(d.method) ?? '' });

export const privacy = (w: Wording, d: Details) =>
  text(d.privacy) ? w.t('part.privacy', { level: String(d.privacy) }) : '';

export const person = (w: Wording, t: AuditTarget) => nameArg(t.name ?? w.t('part.someone'));
export const team = (w: Wording, event: AuditFacts) => nameArg(event.teamName ?? w.t('part.aTeam'));
export const role = (w: Wording, value: unknown) =>
  nameArg(w.t('part.role', { role: readable(w, value) }));
export const reasonOf = (d: Details) => ({
  hasReason: has(text(d.reason)),
  reason: text(d.reason) ?? '',
});

/** Whose: the actor's own ('self'), else someone's, named (or "someone"). */
function owner(
  w: Wording,
  id: string | null | undefined,
  name: string | null | undefined,
  e: AuditFacts,
) {
  return {
    owner: id && id === e.actorId ? 'self' : 'other',
    person: nameArg(name ?? w.t('part.someone')),
  };
}

/** A calendar as a sentence names it: “Engineering”, their own calendar, Ada Lovelace’s calendar. */
export function calendar(w: Wording, e: AuditFacts, t: AuditTarget, d: Details): string {
  const kind = t.calendarKind ?? text(d.calendar);
  const name = t.calendarName ?? '';
  const which =
    kind === 'person'
      ? t.calendarPersonId && t.calendarPersonId === e.actorId
        ? 'own'
        : t.calendarName
          ? 'person'
          : 'somePerson'
      : t.calendarName
        ? 'named'
        : kind === 'resource'
          ? 'resource'
          : 'team';
  return phraseArg(w.t('part.calendar', { kind: which, name: nameArg(name) }));
}

const prefixOf = (t: AuditTarget, d: Details) => {
  const prefix = t.prefix ?? text(d.prefix);
  return { hasPrefix: has(prefix), prefix: prefix ?? '' };
};

/** A feed link as a sentence names it, with its calendar and prefix. */
export function link(w: Wording, e: AuditFacts, t: AuditTarget, d: Details): string {
  const kind = t.linkKind ?? text(d.kind);
  const on = { calendar: calendar(w, e, t, d), ...prefixOf(t, d) };
  if (kind === 'public')
    return phraseArg(w.t('part.publicLink', { hasName: has(t.name), name: t.name ?? '', ...on }));
  if (kind === 'guest')
    return phraseArg(
      w.t('part.guestShare', { hasEmail: has(t.email), email: nameArg(t.email ?? ''), ...on }),
    );
  return phraseArg(w.t('part.subscription', { ...owner(w, t.personId, t.personName, e), ...on }));
}

export const absence = (w: Wording, e: AuditFacts, t: AuditTarget) => {
  const span = daySpan(w, t);
  return phraseArg(
    w.t('part.absence', {
      ...owner(w, t.personId, t.personName, e),
      hasType: has(t.typeLabel),
      type: t.typeLabel ?? '',
      hasSpan: has(span),
      span: span ?? '',
    }),
  );
};

export const booking = (w: Wording, t: AuditTarget, d: Details) => {
  const title = t.name ?? text(d.title);
  const resource = t.resourceName ?? text(d.resource);
  return phraseArg(
    w.t('part.booking', {
      hasTitle: has(title),
      title: title ?? '',
      hasResource: has(resource),
      resource: resource ?? '',
    }),
  );
};
export const bookingLines = (w: Wording, t: AuditTarget): AuditLine[] => {
  const when = timeSpan(w, t);
  return when ? [{ label: w.t('line.when'), value: when }] : [];
};
/** Confirmed or declined: whose booking of what. */
export const bookingDecision = (w: Wording, e: AuditFacts, t: AuditTarget, d: Details) => ({
  ...owner(w, t.personId, t.personName, e),
  title: t.name ?? text(d.title) ?? '',
  resource: t.resourceName ?? w.t('part.aResource'),
});

export const teamEvent = (w: Wording, e: AuditFacts, t: AuditTarget, d: Details) => {
  const title = t.name ?? text(d.title);
  const of = t.calendarName ? 'calendar' : e.teamName ? 'team' : 'none';
  return phraseArg(
    w.t('part.teamEvent', {
      hasTitle: has(title),
      title: title ?? '',
      of,
      name: nameArg(t.calendarName ?? e.teamName ?? ''),
    }),
  );
};
// An event's fields as lib/dal/calendar-events.ts edits them, each named by audit.part.field.
const FIELDS = new Set([
  'title',
  'description',
  'location',
  'allDay',
  'startDate',
  'endDate',
  'startsAt',
  'endsAt',
  'timeZone',
]);
export const changedFields = (w: Wording, d: Details): AuditLine[] =>
  Array.isArray(d.changed) && d.changed.length > 0
    ? [
        {
          label: w.t('line.changed'),
          value: d.changed
            .map(String)
            .map((name) =>
              FIELDS.has(name)
                ? w.t('part.field', { field: name })
                : w.language === 'en'
                  ? humanise(name).toLowerCase()
                  : name,
            )
            .join(', '),
        },
      ]
    : [];

export const resource = (w: Wording, t: AuditTarget, d: Details) => ({
  name: t.name ?? text(d.name) ?? w.t('part.aResource'),
});
export const managerLines = (w: Wording, d: Details): AuditLine[] =>
  Array.isArray(d.managers)
    ? [{ label: w.t('line.managers'), value: readable(w, d.managers) }]
    : [];

export const absenceType = (w: Wording, t: AuditTarget, d: Details) => ({
  name: t.name ?? text(d.label) ?? text(record(d.after)?.label) ?? w.t('part.anAbsenceType'),
});

export function exportLines(w: Wording, event: AuditFacts, d: Details): AuditLine[] {
  const filter = record(d.filter) ?? {};
  const lines: AuditLine[] = [];
  if (filter.team)
    lines.push({ label: w.t('line.team'), value: event.mentions?.filterTeam ?? w.t('part.aTeam') });
  if (filter.owner)
    lines.push({
      label: w.t('line.owner'),
      value: event.mentions?.filterOwner ?? w.t('part.aPerson'),
    });
  return [...lines, ...filterLines(w, filter)];
}

export const ended = (d: Details, key: string) => {
  const n = count(d[key]);
  return { hasEnded: n ? 'yes' : 'no', count: n ?? 0 };
};
export const yearOf = (d: Details) => ({
  hasYear: has(count(d.year)),
  year: String(count(d.year) ?? ''),
});
export const oidcLines = (w: Wording, d: Details): AuditLine[] => [
  { label: w.t('line.issuer'), value: readable(w, d.issuer) },
  { label: w.t('line.subject'), value: readable(w, d.subject) },
];
