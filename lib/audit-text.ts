import {
  changeLines,
  count,
  daySpan,
  genericLines,
  humanise,
  plural,
  quoted,
  readable,
  record,
  text,
  timeSpan,
  whose,
  type AuditLine,
} from './audit-phrases';
import {
  ALLOWANCE_WORDS,
  FILTER_WORDS,
  METHODS,
  POLICY_WORDS,
  PRIVACY,
  SIGN_IN_REFUSALS,
  TEAM_WORDS,
  TYPE_WORDS,
} from './audit-words';

// An audit event in words: a sentence naming people, links, calendars and teams (as the database
// names them now, resolved by lib/dal/admin-audit.ts) and detail lines. The actor is the page's
// own column, so sentences start with the verb: "Revoked Jules Petit’s subscription to
// “Engineering” (tcal_ab12…): Laptop stolen". An action no sentence knows still reads as words.
// Appointments are their person's alone (admins see only links' metadata): their titles are never
// written here.

export type { AuditLine } from './audit-phrases';

/** What the database says the event was about, now. Every field is optional: rows may be gone. */
export interface AuditTarget {
  /** A person's, team's, resource's or type's name; a link's label; an event's or booking's title. */
  name?: string | null;
  email?: string | null;
  slug?: string | null;
  key?: string | null;
  /** The person it belongs to: a link's owner, an absence's person, a booking's booker. */
  personId?: string | null;
  personName?: string | null;
  linkKind?: 'personal' | 'public' | 'guest' | null;
  prefix?: string | null;
  calendarKind?: 'team' | 'person' | 'resource' | null;
  calendarName?: string | null;
  calendarPersonId?: string | null;
  typeLabel?: string | null;
  resourceName?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  halfDayStart?: boolean | null;
  halfDayEnd?: boolean | null;
  startsAt?: string | null;
  endsAt?: string | null;
  timeZone?: string | null;
}

/** Names of ids inside the details: an export's filter, the link that replaced another. */
export interface AuditMentions {
  filterTeam?: string | null;
  filterOwner?: string | null;
  replacedByPrefix?: string | null;
}

export interface AuditFacts {
  action: string;
  details: Record<string, unknown> | null;
  actorId: string | null;
  targetType: string | null;
  target: AuditTarget | null;
  teamName: string | null;
  mentions?: AuditMentions | null;
}

export interface AuditText {
  sentence: string;
  lines: AuditLine[];
}

type Describe = (
  event: AuditFacts,
  t: AuditTarget,
  d: Record<string, unknown>,
) => string | AuditText;

const languageWord = (locale: unknown) =>
  locale === 'fr' ? 'French' : locale === 'en' ? 'English' : 'as the browser asks';

const method = (d: Record<string, unknown>) => METHODS[text(d.method) ?? ''] ?? 'an unknown method';

const privacy = (d: Record<string, unknown>) =>
  text(d.privacy) ? `, ${PRIVACY[String(d.privacy)] ?? String(d.privacy)}` : '';

const person = (t: AuditTarget) => t.name ?? 'someone';
const team = (event: AuditFacts) => event.teamName ?? 'a team';
const reasonOf = (d: Record<string, unknown>) => (text(d.reason) ? `: ${String(d.reason)}` : '');

/** A calendar as a sentence names it: “Engineering”, their own calendar, Ada Lovelace’s calendar. */
function calendar(event: AuditFacts, t: AuditTarget, d: Record<string, unknown>): string {
  const kind = t.calendarKind ?? text(d.calendar);
  if (kind === 'person')
    return t.calendarPersonId && t.calendarPersonId === event.actorId
      ? 'their own calendar'
      : t.calendarName
        ? `${t.calendarName}’s calendar`
        : 'a person’s calendar';
  if (t.calendarName) return quoted(t.calendarName);
  return kind === 'resource' ? 'a resource’s calendar' : 'a team calendar';
}

const prefixOf = (t: AuditTarget, d: Record<string, unknown>) => {
  const prefix = t.prefix ?? text(d.prefix);
  return prefix ? ` (${prefix}…)` : '';
};

/** A feed link as a sentence names it, with its calendar and prefix. */
function link(event: AuditFacts, t: AuditTarget, d: Record<string, unknown>): string {
  const kind = t.linkKind ?? text(d.kind);
  const on = calendar(event, t, d);
  const prefix = prefixOf(t, d);
  if (kind === 'public')
    return `the public link${t.name ? ` ${quoted(t.name)}` : ''} to ${on}${prefix}`;
  if (kind === 'guest') return `${t.email ?? 'a guest'}’s guest share of ${on}${prefix}`;
  return `${whose({ id: t.personId, name: t.personName }, event.actorId)} subscription to ${on}${prefix}`;
}

const absence = (event: AuditFacts, t: AuditTarget) => {
  const span = daySpan(t);
  return `${whose({ id: t.personId, name: t.personName }, event.actorId)} ${t.typeLabel ?? 'absence'}${span ? `, ${span}` : ''}`;
};

const booking = (t: AuditTarget, d: Record<string, unknown>) => {
  const title = t.name ?? text(d.title);
  const resource = t.resourceName ?? text(d.resource);
  return `${title ? `the booking ${quoted(title)}` : 'a booking'}${resource ? ` of ${quoted(resource)}` : ''}`;
};
const bookingLines = (t: AuditTarget): AuditLine[] => {
  const when = timeSpan(t);
  return when ? [{ label: 'When', value: when }] : [];
};

const teamEvent = (event: AuditFacts, t: AuditTarget, d: Record<string, unknown>) => {
  const title = t.name ?? text(d.title);
  const of = t.calendarName ? quoted(t.calendarName) : team(event);
  return `the team event ${title ? `${quoted(title)} ` : ''}of ${of}`;
};
const changedFields = (d: Record<string, unknown>): AuditLine[] =>
  Array.isArray(d.changed) && d.changed.length > 0
    ? [
        {
          label: 'Changed',
          value: d.changed.map((name) => humanise(String(name)).toLowerCase()).join(', '),
        },
      ]
    : [];

const resource = (t: AuditTarget, d: Record<string, unknown>) =>
  quoted(t.name ?? text(d.name) ?? 'a resource');

const absenceType = (t: AuditTarget, d: Record<string, unknown>) =>
  quoted(t.name ?? text(d.label) ?? text(record(d.after)?.label) ?? 'an absence type');

function exportLines(event: AuditFacts, d: Record<string, unknown>): AuditLine[] {
  const filter = record(d.filter) ?? {};
  const lines: AuditLine[] = [];
  if (filter.team) lines.push({ label: 'Team', value: event.mentions?.filterTeam ?? 'a team' });
  if (filter.owner)
    lines.push({ label: 'Owner', value: event.mentions?.filterOwner ?? 'a person' });
  for (const [name, label] of Object.entries(FILTER_WORDS))
    if (filter[name] !== undefined && filter[name] !== null)
      lines.push({ label, value: readable(filter[name]).replaceAll('_', ' ') });
  return lines;
}

const sessionsEnded = (d: Record<string, unknown>, key: string) => {
  const n = count(d[key]);
  return n ? ` (${plural(n, 'other session')} ended)` : '';
};

const DESCRIBE: Record<string, Describe> = {
  'auth.signed_in': (_e, _t, d) => `Signed in with ${method(d)}`,
  'auth.sign_in_failed': (_e, t, d) => {
    const who = t.name ?? text(d.email);
    const reason = SIGN_IN_REFUSALS[text(d.reason) ?? ''] ?? readable(d.reason);
    return `Sign-in with ${method(d)} refused${who ? ` for ${who}` : ''}: ${reason}`;
  },
  'auth.signed_out': () => 'Signed out',

  'user.created': (_e, t, d) =>
    d.method === 'oidc'
      ? {
          sentence: `Account created for ${person(t)}${t.email ? ` (${t.email})` : ''} at their first sign-in with OpenID Connect, as ${d.role === 'admin' ? 'an admin' : 'a member'}`,
          lines: [
            { label: 'Issuer', value: readable(d.issuer) },
            { label: 'Subject', value: readable(d.subject) },
          ],
        }
      : `Added ${person(t)} (${t.email ?? readable(d.email)}) as ${d.role === 'admin' ? 'an admin' : 'a member'}`,
  'user.password_setup_issued': (_e, t) => `Issued a new password-setup link for ${person(t)}`,
  'user.role_changed': (_e, t, d) =>
    `Changed ${person(t)}’s role from ${readable(d.before)} to ${readable(d.after)}`,
  'user.disabled': (_e, t) => `Disabled ${person(t)}’s account`,
  'user.enabled': (_e, t) => `Enabled ${person(t)}’s account again`,
  'user.signed_out_everywhere': (_e, t, d) => {
    const n = count(d.sessions);
    return `Signed ${person(t)} out everywhere${n === null ? '' : ` (${plural(n, 'session')} ended)`}`;
  },
  'user.oidc_account_bound': (_e, _t, d) => ({
    sentence: 'Linked the account to its identity at the OpenID Connect provider',
    lines: [
      { label: 'Issuer', value: readable(d.issuer) },
      { label: 'Subject', value: readable(d.subject) },
    ],
  }),
  'user.password_reset_requested': () => 'Asked for a password reset link',
  'user.password_reset': (_e, _t, d) =>
    `Chose a new password with a reset link${sessionsEnded(d, 'sessionsEnded')}`,
  'user.password_set': (_e, _t, d) =>
    `Chose a password with a setup link${sessionsEnded(d, 'sessionsEnded')}`,
  'user.profile_updated': (_e, _t, d) =>
    text(d.timeZone)
      ? `Changed their time zone to ${String(d.timeZone)}${'locale' in d ? `, language ${languageWord(d.locale)}` : ''}`
      : typeof d.notifyByMail === 'boolean'
        ? `Turned their notification mails ${d.notifyByMail ? 'on' : 'off'}`
        : 'Changed their profile',
  'calendar.settings_updated': (e, t, d) =>
    typeof d.includesOwnAbsences === 'boolean'
      ? `${d.includesOwnAbsences ? 'Showed' : 'Stopped showing'} their approved absences in ${calendar(e, t, { calendar: 'person' })}`
      : `Changed the settings of ${calendar(e, t, d)}`,

  'team.created': (e, t, d) =>
    `Created the team ${quoted(t.name ?? text(d.name) ?? team(e))} (${readable(d.timeZone)})`,
  'team.updated': (e, t, d) => ({
    sentence: `Changed the team ${quoted(t.name ?? team(e))}`,
    lines: changeLines(record(d.before), record(d.after), TEAM_WORDS),
  }),
  'team.minimum_present_set': (e, t, d) => {
    const people = (value: unknown) =>
      typeof value === 'number' ? plural(value, 'person', 'people') : 'no minimum';
    return `Set the minimum presence of ${quoted(t.name ?? team(e))} to ${people(d.after)} (was ${people(d.before)})`;
  },
  'membership.added': (e, t, d) =>
    `Added ${person(t)} to ${team(e)} as ${d.role === 'manager' ? 'a manager' : 'a member'}`,
  'membership.removed': (e, t, d) =>
    `Removed ${person(t)} from ${team(e)}${text(d.role) ? ` (was a ${String(d.role)})` : ''}`,
  'membership.role_changed': (e, t, d) =>
    `Made ${person(t)} a ${readable(d.after)} of ${team(e)} (was a ${readable(d.before)})`,

  'allowance.set': (_e, t, d) => ({
    sentence: `Set ${person(t)}’s allowance${count(d.year) ? ` for ${String(d.year)}` : ''}`,
    lines: changeLines(record(d.before), record(d.after), ALLOWANCE_WORDS),
  }),
  'allowance.team_set': (e, t, d) => {
    const n = count(d.count);
    return {
      sentence: `Set the allowance${count(d.year) ? ` for ${String(d.year)}` : ''} of every member of ${quoted(t.name ?? team(e))}${n === null ? '' : ` (${plural(n, 'person', 'people')})`}`,
      // `before` is each member's, by id: the sentence says how many, the lines what they got.
      lines: changeLines(null, record(d.after), ALLOWANCE_WORDS),
    };
  },

  'absence.requested': (e, t, d) =>
    `Requested ${absence(e, t)}${d.status === 'approved' ? ', approved at once' : d.status === 'pending' ? ', awaiting a decision' : ''}`,
  'absence.approved': (e, t) => `Approved ${absence(e, t)}`,
  'absence.rejected': (e, t) => `Rejected ${absence(e, t)}`,
  'absence.cancelled': (e, t) => `Cancelled ${absence(e, t)}`,

  'absence_type.created': (_e, t, d) => ({
    sentence: `Created the absence type ${absenceType(t, d)}`,
    lines: changeLines(null, record(d.after), TYPE_WORDS),
  }),
  'absence_type.updated': (_e, t, d) => ({
    sentence: `Changed the absence type ${absenceType(t, d)}`,
    lines: changeLines(record(d.before), record(d.after), TYPE_WORDS),
  }),
  'absence_type.retired': (_e, t, d) =>
    `Retired the absence type ${absenceType(t, d)}: it can no longer be requested`,
  'absence_type.restored': (_e, t, d) =>
    `Restored the absence type ${absenceType(t, d)}: it can be requested again`,

  'feed_token.created': (e, t, d) => `Created ${link(e, t, d)}${privacy(d)}`,
  'feed_token.revoked': (e, t, d) => `Revoked ${link(e, t, d)}${reasonOf(d)}`,
  'feed_token.rotated': (e, t, d) =>
    `Regenerated ${link(e, t, d)}${e.mentions?.replacedByPrefix ? `: replaced by ${e.mentions.replacedByPrefix}…` : ''}`,
  'feed_token.settings_updated': (e, t, d) =>
    `Changed what ${link(e, t, d)} shows, keeping its address${privacy(d)}`,
  'feed_token.first_used': (e, t, d) => `First fetch of ${link(e, t, d)}`,
  'feed_token.exported': (e, _t, d) => ({
    sentence: 'Exported the list of links as CSV',
    lines: exportLines(e, d),
  }),
  'public_link.created': (e, t, d) =>
    `Created ${link(e, { ...t, linkKind: 'public', name: t.name ?? text(d.label) }, d)}${privacy(d)}`,
  'public_link.revoked': (e, t, d) => `Revoked ${link(e, { ...t, linkKind: 'public' }, d)}`,
  'guest_share.created': (e, t, d) =>
    `Shared ${calendar(e, t, d)} with the guest ${t.email ?? text(d.email) ?? 'someone outside'}${privacy(d)}`,
  'guest_share.revoked': (e, t, d) => `Revoked ${link(e, { ...t, linkKind: 'guest' }, d)}`,
  'guest_share.setup_reissued': (e, t, d) =>
    `Sent ${t.email ?? 'the guest'} a new setup link for ${calendar(e, t, d)}`,
  'guest_share.setup_completed': (e, t, d) =>
    `The guest ${t.email ?? text(d.email) ?? 'someone outside'} chose a password for ${calendar(e, t, d)}`,

  'team_event.created': (e, t, d) => `Added ${teamEvent(e, t, d)}`,
  'team_event.updated': (e, t, d) => ({
    sentence: `Changed ${teamEvent(e, t, d)}`,
    lines: changedFields(d),
  }),
  'team_event.cancelled': (e, t, d) => `Cancelled ${teamEvent(e, t, d)}`,
  // An appointment's title, place and times are its person's alone.
  'appointment.created': () => 'Added an appointment to their calendar',
  'appointment.updated': (_e, _t, d) => ({
    sentence: 'Changed an appointment in their calendar',
    lines: changedFields(d),
  }),
  'appointment.cancelled': () => 'Cancelled an appointment in their calendar',

  'booking.created': (_e, t, d) => ({
    sentence: `Booked ${quoted(t.resourceName ?? text(d.resource) ?? 'a resource')} for ${quoted(t.name ?? text(d.title) ?? 'a booking')}${d.status === 'requested' ? ', awaiting a manager’s confirmation' : ''}`,
    lines: bookingLines(t),
  }),
  'booking.cancelled': (_e, t, d) => ({
    sentence: `Cancelled ${booking(t, d)}`,
    lines: bookingLines(t),
  }),
  'booking.confirmed': (e, t, d) => ({
    sentence: `Confirmed ${whose({ id: t.personId, name: t.personName }, e.actorId)} booking ${quoted(t.name ?? text(d.title) ?? '')} of ${quoted(t.resourceName ?? 'a resource')}`,
    lines: bookingLines(t),
  }),
  'booking.declined': (e, t, d) => ({
    sentence: `Declined ${whose({ id: t.personId, name: t.personName }, e.actorId)} booking ${quoted(t.name ?? text(d.title) ?? '')} of ${quoted(t.resourceName ?? 'a resource')}`,
    lines: bookingLines(t),
  }),

  'resource.created': (_e, t, d) => ({
    sentence: `Created the resource ${resource(t, d)}${text(d.kind) ? ` (${String(d.kind)})` : ''}`,
    lines: Array.isArray(d.managers) ? [{ label: 'Managers', value: readable(d.managers) }] : [],
  }),
  'resource.updated': (_e, t, d) => ({
    sentence: `Changed the resource ${resource(t, d)}`,
    lines: Array.isArray(d.managers) ? [{ label: 'Managers', value: readable(d.managers) }] : [],
  }),
  'resource.disabled': (_e, t, d) =>
    `Disabled the resource ${resource(t, d)}: no new bookings, its links stop`,
  'resource.enabled': (_e, t, d) => `Enabled the resource ${resource(t, d)} again`,

  'policy.updated': (_e, _t, d) => ({
    sentence: 'Changed the policy',
    lines: changeLines(record(d.before), record(d.after), POLICY_WORDS),
  }),
};

/** The actions that have a sentence of their own. */
export const DESCRIBED_ACTIONS: ReadonlySet<string> = new Set(Object.keys(DESCRIBE));

/** `feed_token.first_used` → "Feed token: first used", for actions without a sentence. */
function genericSentence(action: string): string {
  const [noun = action, ...verb] = action.split('.');
  return verb.length > 0
    ? `${humanise(noun)}: ${humanise(verb.join(' ')).toLowerCase()}`
    : humanise(noun);
}

export function describeAuditEvent(event: AuditFacts): AuditText {
  const details = event.details ?? {};
  const describe = DESCRIBE[event.action];
  if (!describe) return { sentence: genericSentence(event.action), lines: genericLines(details) };
  const described = describe(event, event.target ?? {}, details);
  return typeof described === 'string' ? { sentence: described, lines: [] } : described;
}
