import {
  changeLines,
  count,
  finish,
  genericLines,
  has,
  nameArg,
  readable,
  record,
  storedName,
  text,
  wordingFor,
  type AuditLine,
  type Wording,
} from './audit-phrases';
import {
  absence,
  absenceType,
  booking,
  bookingDecision,
  bookingLines,
  calendar,
  changedFields,
  ended,
  exportLines,
  link,
  managerLines,
  method,
  oidcLines,
  person,
  privacy,
  reasonOf,
  resource,
  role,
  team,
  teamEvent,
  yearOf,
} from './audit-subjects';
import { allowanceWords, policyWords, teamWords, typeWords } from './audit-words';

// An audit event in words, in the reader's language (lib/i18n/messages/*/audit.json): a sentence
// naming people, links, calendars and teams (as the database names them now, resolved by
// lib/dal/admin-audit.ts) and detail lines. The actor is the page's own column, so sentences start
// with the verb: "Revoked Jules Petit’s subscription to “Engineering” (tcal_ab12…): Laptop stolen",
// « Révoqué l’abonnement de Jules Petit à « Engineering » (tcal_ab12…) : Laptop stolen ». French
// uses the past participle (with avoir, so it never agrees with the actor), or a noun where the
// verb would (« Connexion », « Déconnexion »). An action no sentence knows still reads as its
// name's words in English, and as « Action <name> » in other languages.
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
  w: Wording,
  event: AuditFacts,
  t: AuditTarget,
  d: Record<string, unknown>,
) => string | AuditText;

const DESCRIBE: Record<string, Describe> = {
  'auth.signed_in': (w, _e, _t, d) => w.t('auth.signed_in', { method: method(w, d) }),
  'auth.sign_in_failed': (w, _e, t, d) => {
    const who = t.name ?? text(d.email);
    const reason = w.t('part.refusal', { reason: text(d.reason) ?? readable(w, d.reason) });
    return w.t('auth.sign_in_failed', {
      method: method(w, d),
      hasWho: has(who),
      who: nameArg(who ?? ''),
      reason,
    });
  },
  'auth.signed_out': (w) => w.t('auth.signed_out'),

  'user.created': (w, _e, t, d) =>
    d.method === 'oidc'
      ? {
          sentence: w.t('user.created_oidc', {
            name: person(w, t),
            hasEmail: has(t.email),
            email: t.email ?? '',
            role: String(d.role),
          }),
          lines: oidcLines(w, d),
        }
      : w.t('user.created', {
          name: person(w, t),
          email: t.email ?? readable(w, d.email),
          role: String(d.role),
        }),
  'user.password_setup_issued': (w, _e, t) =>
    w.t('user.password_setup_issued', { name: person(w, t) }),
  'user.role_changed': (w, _e, t, d) =>
    w.t('user.role_changed', {
      name: person(w, t),
      before: role(w, d.before),
      after: role(w, d.after),
    }),
  'user.disabled': (w, _e, t) => w.t('user.disabled', { name: person(w, t) }),
  'user.enabled': (w, _e, t) => w.t('user.enabled', { name: person(w, t) }),
  'user.signed_out_everywhere': (w, _e, t, d) => {
    const n = count(d.sessions);
    return w.t('user.signed_out_everywhere', {
      name: person(w, t),
      hasCount: has(n),
      count: n ?? 0,
    });
  },
  'user.oidc_account_bound': (w, _e, _t, d) => ({
    sentence: w.t('user.oidc_account_bound'),
    lines: oidcLines(w, d),
  }),
  'user.password_reset_requested': (w) => w.t('user.password_reset_requested'),
  'user.password_reset': (w, _e, _t, d) => w.t('user.password_reset', ended(d, 'sessionsEnded')),
  'user.password_set': (w, _e, _t, d) => w.t('user.password_set', ended(d, 'sessionsEnded')),
  'user.profile_updated': (w, _e, _t, d) =>
    text(d.timeZone)
      ? w.t('user.time_zone_set', {
          timeZone: String(d.timeZone),
          hasLanguage: 'locale' in d ? 'yes' : 'no',
          language: typeof d.locale === 'string' ? d.locale : '',
        })
      : typeof d.notifyByMail === 'boolean'
        ? w.t('user.notifications_set', { on: d.notifyByMail ? 'yes' : 'no' })
        : w.t('user.profile_updated'),
  'calendar.settings_updated': (w, e, t, d) =>
    typeof d.includesOwnAbsences === 'boolean'
      ? w.t('calendar.own_absences_shown', {
          shown: d.includesOwnAbsences ? 'yes' : 'no',
          calendar: calendar(w, e, t, { calendar: 'person' }),
        })
      : w.t('calendar.settings_updated', { calendar: calendar(w, e, t, d) }),

  'team.created': (w, e, t, d) =>
    w.t('team.created', {
      name: t.name ?? text(d.name) ?? e.teamName ?? w.t('part.aTeam'),
      timeZone: readable(w, d.timeZone),
    }),
  'team.updated': (w, e, t, d) => ({
    sentence: w.t('team.updated', { name: t.name ?? e.teamName ?? w.t('part.aTeam') }),
    lines: changeLines(w, record(d.before), record(d.after), teamWords(w)),
  }),
  'team.minimum_present_set': (w, e, t, d) => {
    const people = (value: unknown) =>
      w.t('part.people', {
        set: typeof value === 'number' ? 'yes' : 'no',
        count: typeof value === 'number' ? value : 0,
      });
    return w.t('team.minimum_present_set', {
      name: t.name ?? e.teamName ?? w.t('part.aTeam'),
      after: people(d.after),
      before: people(d.before),
    });
  },
  'membership.added': (w, e, t, d) =>
    w.t('membership.added', { name: person(w, t), team: team(w, e), role: String(d.role) }),
  'membership.removed': (w, e, t, d) =>
    w.t('membership.removed', {
      name: person(w, t),
      team: team(w, e),
      hasRole: has(text(d.role)),
      role: role(w, text(d.role)),
    }),
  'membership.role_changed': (w, e, t, d) =>
    w.t('membership.role_changed', {
      name: person(w, t),
      team: team(w, e),
      after: role(w, d.after),
      before: role(w, d.before),
    }),

  'allowance.set': (w, _e, t, d) => ({
    sentence: w.t('allowance.set', { name: person(w, t), ...yearOf(d) }),
    lines: changeLines(w, record(d.before), record(d.after), allowanceWords(w)),
  }),
  'allowance.team_set': (w, e, t, d) => {
    const n = count(d.count);
    return {
      sentence: w.t('allowance.team_set', {
        team: t.name ?? e.teamName ?? w.t('part.aTeam'),
        ...yearOf(d),
        hasCount: has(n),
        count: n ?? 0,
      }),
      // `before` is each member's, by id: the sentence says how many, the lines what they got.
      lines: changeLines(w, null, record(d.after), allowanceWords(w)),
    };
  },

  'absence.requested': (w, e, t, d) =>
    w.t('absence.requested', { absence: absence(w, e, t), status: text(d.status) ?? '' }),
  'absence.approved': (w, e, t) => w.t('absence.approved', { absence: absence(w, e, t) }),
  'absence.rejected': (w, e, t) => w.t('absence.rejected', { absence: absence(w, e, t) }),
  'absence.cancelled': (w, e, t) => w.t('absence.cancelled', { absence: absence(w, e, t) }),

  'absence_type.created': (w, _e, t, d) => ({
    sentence: w.t('absence_type.created', absenceType(w, t, d)),
    lines: changeLines(w, null, record(d.after), typeWords(w)),
  }),
  'absence_type.updated': (w, _e, t, d) => ({
    sentence: w.t('absence_type.updated', absenceType(w, t, d)),
    lines: changeLines(w, record(d.before), record(d.after), typeWords(w)),
  }),
  'absence_type.retired': (w, _e, t, d) => w.t('absence_type.retired', absenceType(w, t, d)),
  'absence_type.restored': (w, _e, t, d) => w.t('absence_type.restored', absenceType(w, t, d)),

  'feed_token.created': (w, e, t, d) =>
    w.t('feed_token.created', { link: link(w, e, t, d), privacy: privacy(w, d) }),
  'feed_token.revoked': (w, e, t, d) =>
    w.t('feed_token.revoked', { link: link(w, e, t, d), ...reasonOf(d) }),
  'feed_token.rotated': (w, e, t, d) =>
    w.t('feed_token.rotated', {
      link: link(w, e, t, d),
      hasNew: has(e.mentions?.replacedByPrefix),
      newPrefix: e.mentions?.replacedByPrefix ?? '',
    }),
  'feed_token.settings_updated': (w, e, t, d) =>
    w.t('feed_token.settings_updated', { link: link(w, e, t, d), privacy: privacy(w, d) }),
  'feed_token.first_used': (w, e, t, d) => w.t('feed_token.first_used', { link: link(w, e, t, d) }),
  'feed_token.exported': (w, e, _t, d) => ({
    sentence: w.t('feed_token.exported'),
    lines: exportLines(w, e, d),
  }),
  'public_link.created': (w, e, t, d) =>
    w.t('public_link.created', {
      link: link(w, e, { ...t, linkKind: 'public', name: t.name ?? text(d.label) }, d),
      privacy: privacy(w, d),
    }),
  'public_link.revoked': (w, e, t, d) =>
    w.t('public_link.revoked', { link: link(w, e, { ...t, linkKind: 'public' }, d) }),
  'guest_share.created': (w, e, t, d) => {
    const email = t.email ?? text(d.email);
    return w.t('guest_share.created', {
      calendar: calendar(w, e, t, d),
      hasEmail: has(email),
      email: email ?? '',
      privacy: privacy(w, d),
    });
  },
  'guest_share.revoked': (w, e, t, d) =>
    w.t('guest_share.revoked', { link: link(w, e, { ...t, linkKind: 'guest' }, d) }),
  'guest_share.setup_reissued': (w, e, t, d) =>
    w.t('guest_share.setup_reissued', {
      hasEmail: has(t.email),
      email: t.email ?? '',
      calendar: calendar(w, e, t, d),
    }),
  'guest_share.setup_completed': (w, e, t, d) => {
    const email = t.email ?? text(d.email);
    return w.t('guest_share.setup_completed', {
      hasEmail: has(email),
      email: email ?? '',
      calendar: calendar(w, e, t, d),
    });
  },

  'team_event.created': (w, e, t, d) => w.t('team_event.created', { event: teamEvent(w, e, t, d) }),
  'team_event.updated': (w, e, t, d) => ({
    sentence: w.t('team_event.updated', { event: teamEvent(w, e, t, d) }),
    lines: changedFields(w, d),
  }),
  'team_event.cancelled': (w, e, t, d) =>
    w.t('team_event.cancelled', { event: teamEvent(w, e, t, d) }),
  // An appointment's title, place and times are its person's alone.
  'appointment.created': (w) => w.t('appointment.created'),
  'appointment.updated': (w, _e, _t, d) => ({
    sentence: w.t('appointment.updated'),
    lines: changedFields(w, d),
  }),
  'appointment.cancelled': (w) => w.t('appointment.cancelled'),

  'booking.created': (w, _e, t, d) => ({
    sentence: w.t('booking.created', {
      resource: t.resourceName ?? text(d.resource) ?? w.t('part.aResource'),
      title: t.name ?? text(d.title) ?? w.t('part.aBooking'),
      status: text(d.status) ?? '',
    }),
    lines: bookingLines(w, t),
  }),
  'booking.cancelled': (w, _e, t, d) => ({
    sentence: w.t('booking.cancelled', { booking: booking(w, t, d) }),
    lines: bookingLines(w, t),
  }),
  'booking.confirmed': (w, e, t, d) => ({
    sentence: w.t('booking.confirmed', bookingDecision(w, e, t, d)),
    lines: bookingLines(w, t),
  }),
  'booking.declined': (w, e, t, d) => ({
    sentence: w.t('booking.declined', bookingDecision(w, e, t, d)),
    lines: bookingLines(w, t),
  }),

  'resource.created': (w, _e, t, d) => ({
    sentence: w.t('resource.created', {
      ...resource(w, t, d),
      hasKind: has(text(d.kind)),
      kind: text(d.kind) ?? '',
    }),
    lines: managerLines(w, d),
  }),
  'resource.updated': (w, _e, t, d) => ({
    sentence: w.t('resource.updated', resource(w, t, d)),
    lines: managerLines(w, d),
  }),
  'resource.disabled': (w, _e, t, d) => w.t('resource.disabled', resource(w, t, d)),
  'resource.enabled': (w, _e, t, d) => w.t('resource.enabled', resource(w, t, d)),

  'policy.updated': (w, _e, _t, d) => ({
    sentence: w.t('policy.updated'),
    lines: changeLines(w, record(d.before), record(d.after), policyWords(w)),
  }),
};

/** The actions that have a sentence of their own. */
export const DESCRIBED_ACTIONS: ReadonlySet<string> = new Set(Object.keys(DESCRIBE));

/**
 * An action without a sentence: in English, its name as words (`feed_token.first_used` → "Feed
 * token: first used"); in other languages a generic sentence naming it, not English words.
 */
function genericSentence(w: Wording, action: string): string {
  if (w.language !== 'en') return w.t('unknownAction', { action });
  const [noun = action, ...verb] = action.split('.');
  return verb.length > 0
    ? `${storedName(w, noun)}: ${storedName(w, verb.join(' ')).toLowerCase()}`
    : storedName(w, noun);
}

/** The event in words, in the reader's locale ('en-GB', 'fr-FR'…: its language and date style). */
export function describeAuditEvent(event: AuditFacts, locale: string): AuditText {
  const w = wordingFor(locale);
  const details = event.details ?? {};
  const describe = DESCRIBE[event.action];
  const described = describe
    ? describe(w, event, event.target ?? {}, details)
    : { sentence: genericSentence(w, event.action), lines: genericLines(w, details) };
  const { sentence, lines } =
    typeof described === 'string' ? { sentence: described, lines: [] } : described;
  return {
    sentence: finish(sentence, w),
    lines: lines.map((line) => ({ label: finish(line.label, w), value: finish(line.value, w) })),
  };
}
