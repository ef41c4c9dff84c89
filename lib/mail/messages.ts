import { formatDays } from '@/lib/i18n/format';
import { translatorFor } from '@/lib/i18n/translate';
import type { PrivacyLevel } from '@/lib/privacy';
import { configuredPublicUrl } from '@/lib/public-url';
import { composeMail, type Block, type ComposedMail } from './compose';

// Every message TeamCal sends, each a function of plain values, written in its recipient's
// language: `locale` is a full tag ('en-GB', 'fr-FR'), from storedLocale(users.locale) — the
// recipient's own choice, or for a guest (who has no profile) the choice of the person who shared.
// Links are absolute, from TEAMCAL_PUBLIC_URL, since a mail is read far from the request that
// caused it.

export function appUrl(path: string): string {
  return `${configuredPublicUrl()}${path}`;
}

const translator = (locale: string) => translatorFor(locale, 'mail');
type MailTranslator = ReturnType<typeof translator>;

/**
 * "Wednesday 9 December 2026 at 17:42 (Europe/Paris)", "mercredi 9 décembre 2026 à 17:42
 * (Europe/Paris)": unambiguous wherever it is read.
 */
export function formatMailDateTime(at: Date, timeZone: string, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(at);
  return translator(locale)('dateTimeWithZone', { dateTime: text, timeZone });
}

/** "Mon 7 Dec 2026", or "Mon 7 – Fri 11 Dec 2026" for a span of calendar dates (en-GB). */
export function formatDateSpan(start: string, end: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const startDate = new Date(`${start}T00:00:00Z`);
  if (start === end) return format.format(startDate);
  return format.formatRange(startDate, new Date(`${end}T00:00:00Z`));
}

/** A mail's frame in its language: the greeting ("Hello Ada,") and the footer. */
function greeting(t: MailTranslator, name?: string): string {
  return name === undefined ? t('hello') : t('helloName', { name });
}

export function guestInvitationMail(input: {
  locale: string;
  sharedBy: string;
  calendarName: string;
  privacy: PrivacyLevel;
  setupUrl: string;
  expiresAt: Date;
  timeZone: string;
  reissued: boolean;
}): ComposedMail {
  const t = translator(input.locale);
  const names = { sharedBy: input.sharedBy, calendar: input.calendarName };
  return composeMail({
    locale: input.locale,
    subject: t('guestInvitation.subject', names),
    greeting: greeting(t),
    blocks: [
      {
        kind: 'paragraph',
        text: input.reissued
          ? t('guestInvitation.reissued', names)
          : t('guestInvitation.shared', names),
      },
      {
        kind: 'facts',
        rows: [
          [t('facts.calendar'), input.calendarName],
          [t('facts.sharedBy'), input.sharedBy],
          [t('facts.role'), t('guestInvitation.viewer')],
          [
            t('facts.canDo'),
            t('guestInvitation.canDo', { sees: t(`guestInvitation.sees.${input.privacy}`) }),
          ],
          [t('facts.cannotDo'), t('guestInvitation.cannotDo')],
        ],
      },
      { kind: 'paragraph', text: t('guestInvitation.choosePassword') },
      { kind: 'button', label: t('guestInvitation.button'), url: input.setupUrl },
      {
        kind: 'paragraph',
        text: t('guestInvitation.expiry', {
          expiresAt: formatMailDateTime(input.expiresAt, input.timeZone, input.locale),
          sharedBy: input.sharedBy,
        }),
      },
    ],
    footer: t('guestInvitation.footer', { sharedBy: input.sharedBy }),
  });
}

export function personInvitationMail(input: {
  locale: string;
  name: string;
  invitedBy: string;
  setupUrl: string;
  expiresAt: Date;
  timeZone: string;
  reissued: boolean;
}): ComposedMail {
  const t = translator(input.locale);
  const invitedBy = { invitedBy: input.invitedBy };
  return composeMail({
    locale: input.locale,
    subject: input.reissued
      ? t('personInvitation.subjectReissued')
      : t('personInvitation.subject', invitedBy),
    greeting: greeting(t, input.name),
    blocks: [
      {
        kind: 'paragraph',
        text: input.reissued
          ? t('personInvitation.reissued', invitedBy)
          : t('personInvitation.added', invitedBy),
      },
      { kind: 'button', label: t('personInvitation.button'), url: input.setupUrl },
      {
        kind: 'paragraph',
        text: t('personInvitation.expiry', {
          expiresAt: formatMailDateTime(input.expiresAt, input.timeZone, input.locale),
        }),
      },
    ],
    footer: t('securityFooter'),
  });
}

export function passwordResetMail(input: {
  locale: string;
  name: string;
  resetUrl: string;
  expiresAt: Date;
  timeZone: string;
}): ComposedMail {
  const t = translator(input.locale);
  return composeMail({
    locale: input.locale,
    subject: t('passwordReset.subject'),
    greeting: greeting(t, input.name),
    blocks: [
      { kind: 'paragraph', text: t('passwordReset.intro') },
      { kind: 'button', label: t('passwordReset.button'), url: input.resetUrl },
      {
        kind: 'paragraph',
        text: t('passwordReset.expiry', {
          expiresAt: formatMailDateTime(input.expiresAt, input.timeZone, input.locale),
        }),
      },
      { kind: 'paragraph', text: t('passwordReset.ignore') },
    ],
    footer: t('securityFooter'),
  });
}

export interface AbsenceSummary {
  person: string;
  type: string;
  startDate: string;
  endDate: string;
  workingDays: number;
  note: string | null;
}

/** Someone else away during a requested absence, for the deciders' mail. */
export interface OtherAway {
  name: string;
  typeLabel: string;
  startDate: string;
  endDate: string;
  status: 'pending' | 'approved';
}

/** The fewest people present on one day of a request if it is approved. */
export interface LowestPresence {
  present: number;
  members: number;
  date: string;
  /** The team's minimum when this falls below it, else null. */
  belowMinimum: number | null;
}

export function absenceRequestedMail(input: {
  locale: string;
  managerName: string;
  /** The team the decider manages; null for an admin deciding for the whole organisation. */
  teamName: string | null;
  absence: AbsenceSummary;
  /** Days left in the year after this request, when the type counts against the allowance. */
  daysLeftAfter: number | null;
  othersAway: OtherAway[];
  /** The fewest people present on one of its days if approved, against the team's minimum. */
  presence: LowestPresence | null;
  teamUrl: string;
}): ComposedMail {
  const { absence, locale } = input;
  const t = translator(locale);
  const span = formatDateSpan(absence.startDate, absence.endDate, locale);
  const team = input.teamName ?? t('absenceRequested.theOrganisation');
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t('absenceRequested.intro', { person: absence.person, type: absence.type }),
    },
    {
      kind: 'facts',
      rows: [
        [t('facts.who'), absence.person],
        [t('facts.what'), absence.type],
        [t('facts.when'), span],
        [t('facts.counts'), t('workingDays', { count: roundedToHalf(absence.workingDays) })],
        ...(input.daysLeftAfter === null
          ? []
          : ([[t('facts.daysLeftIfApproved'), formatDays(input.daysLeftAfter, locale)]] as Array<
              [string, string]
            >)),
      ],
    },
  ];
  if (absence.note) blocks.push({ kind: 'quote', text: absence.note });
  blocks.push(
    input.othersAway.length > 0
      ? { kind: 'paragraph', text: t('absenceRequested.othersAway', { team }) }
      : { kind: 'paragraph', text: t('absenceRequested.nobodyElse', { team }) },
  );
  if (input.othersAway.length > 0)
    blocks.push({
      kind: 'list',
      items: input.othersAway.map((other) => {
        const otherSpan = formatDateSpan(other.startDate, other.endDate, locale);
        return other.status === 'pending'
          ? t('absenceRequested.otherAwayPending', {
              name: other.name,
              type: other.typeLabel,
              span: otherSpan,
            })
          : `${other.name} — ${other.typeLabel}, ${otherSpan}`;
      }),
    });
  if (input.presence) {
    const { present, members, date, belowMinimum } = input.presence;
    const values = { present, members, date: formatDateSpan(date, date, locale) };
    const presence =
      belowMinimum === null
        ? t('absenceRequested.presence', values)
        : t('absenceRequested.presenceBelowMinimum', { ...values, minimum: belowMinimum });
    blocks.push({ kind: 'paragraph', text: t('absenceRequested.lowestPresence', { presence }) });
  }
  blocks.push({ kind: 'button', label: t('absenceRequested.button'), url: input.teamUrl });
  return composeMail({
    locale,
    subject: t('absenceRequested.subject', { person: absence.person, type: absence.type, span }),
    greeting: greeting(t, input.managerName),
    blocks,
    footer: t('notificationFooter'),
  });
}

/** Working days as requests count them: whole and half days. */
const roundedToHalf = (days: number) => Math.round(days * 2) / 2;

export function absenceDecidedMail(input: {
  locale: string;
  name: string;
  decidedBy: string;
  decision: 'approved' | 'rejected';
  absence: AbsenceSummary;
  reason: string | null;
  absencesUrl: string;
}): ComposedMail {
  const { absence, locale } = input;
  const t = translator(locale);
  const span = formatDateSpan(absence.startDate, absence.endDate, locale);
  const approved = input.decision === 'approved';
  const values = { decidedBy: input.decidedBy, type: absence.type, span };
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: approved ? t('absenceDecided.approved', values) : t('absenceDecided.rejected', values),
    },
  ];
  if (input.reason) {
    blocks.push(
      { kind: 'paragraph', text: t('reasonGiven') },
      { kind: 'quote', text: input.reason },
    );
  }
  blocks.push({ kind: 'button', label: t('absenceDecided.button'), url: input.absencesUrl });
  return composeMail({
    locale,
    subject: approved
      ? t('absenceDecided.subjectApproved', { type: absence.type, span })
      : t('absenceDecided.subjectRejected', { type: absence.type, span }),
    greeting: greeting(t, input.name),
    blocks,
    footer: t('notificationFooter'),
  });
}

export interface LinkSummary {
  kind: 'personal' | 'public' | 'guest';
  /** A public link's label, if it has one. */
  label: string | null;
  /** A guest share's address. */
  guestEmail: string | null;
  calendarName: string;
  displayPrefix: string;
  /** Where the owner manages the link. */
  manageUrl: string;
}

/** "Your subscription to …" or "The public link …": what the owner recognises. */
function describeLink(t: MailTranslator, link: LinkSummary): string {
  const calendar = link.calendarName;
  switch (link.kind) {
    case 'personal':
      return t('link.personal', { calendar });
    case 'public':
      return link.label
        ? t('link.publicLabelled', { calendar, label: link.label })
        : t('link.public', { calendar });
    case 'guest':
      return t('link.guest', { calendar, guest: link.guestEmail ?? t('link.aGuest') });
  }
}

function linkFacts(t: MailTranslator, link: LinkSummary): Block {
  return {
    kind: 'facts',
    rows: [
      [t('facts.calendar'), link.calendarName],
      [t('facts.link'), `${link.displayPrefix}…`],
    ],
  };
}

export function linkExpiringMail(input: {
  locale: string;
  name: string;
  link: LinkSummary;
  expiresAt: Date;
  timeZone: string;
}): ComposedMail {
  const t = translator(input.locale);
  return composeMail({
    locale: input.locale,
    subject: t('linkExpiring.subject', { calendar: input.link.calendarName }),
    greeting: greeting(t, input.name),
    blocks: [
      {
        kind: 'paragraph',
        text: t('linkExpiring.stops', {
          link: describeLink(t, input.link),
          expiresAt: formatMailDateTime(input.expiresAt, input.timeZone, input.locale),
        }),
      },
      linkFacts(t, input.link),
      { kind: 'paragraph', text: t('linkExpiring.howToKeep') },
      { kind: 'button', label: t('linkExpiring.button'), url: input.link.manageUrl },
    ],
    footer: t('notificationFooter'),
  });
}

/**
 * An admin revoked links of the recipient: one link is told as before; several (a person's links
 * revoked at once) come in one mail that lists them, rather than one mail a link.
 */
export function linkRevokedMail(input: {
  locale: string;
  name: string;
  links: [LinkSummary, ...LinkSummary[]];
  revokedBy: string;
  reason: string | null;
}): ComposedMail {
  const t = translator(input.locale);
  const [first] = input.links;
  const several = input.links.length > 1;
  // Inside the sentence: "revoked your subscription to …", "a révoqué votre abonnement à …".
  const inSentence = (text: string) =>
    `${text.charAt(0).toLocaleLowerCase(input.locale)}${text.slice(1)}`;
  const blocks: Block[] = several
    ? [
        {
          kind: 'paragraph',
          text: t('linkRevoked.revokedMany', {
            revokedBy: input.revokedBy,
            count: input.links.length,
          }),
        },
        {
          kind: 'list',
          items: input.links.map((link) => `${describeLink(t, link)} (${link.displayPrefix}…)`),
        },
      ]
    : [
        {
          kind: 'paragraph',
          text: t('linkRevoked.revoked', {
            revokedBy: input.revokedBy,
            link: inSentence(describeLink(t, first)),
          }),
        },
        linkFacts(t, first),
      ];
  if (input.reason)
    blocks.push(
      { kind: 'paragraph', text: t('reasonGiven') },
      { kind: 'quote', text: input.reason },
    );
  blocks.push({
    kind: 'paragraph',
    text: t(several ? 'linkRevoked.createNewMany' : 'linkRevoked.createNew'),
  });
  // The calendar's page, where its links are managed, when they all belong to one.
  if (input.links.every((link) => link.manageUrl === first.manageUrl))
    blocks.push({ kind: 'button', label: t('linkRevoked.button'), url: first.manageUrl });
  return composeMail({
    locale: input.locale,
    subject: several
      ? t('linkRevoked.subjectMany', { count: input.links.length })
      : t('linkRevoked.subject', { calendar: first.calendarName }),
    greeting: greeting(t, input.name),
    blocks,
    footer: t('securityFooter'),
  });
}
