import type { PrivacyLevel } from '@/lib/privacy';
import { configuredPublicUrl } from '@/lib/public-url';
import { describeWorkingDays } from '@/lib/workdays';
import { composeMail, type Block, type ComposedMail } from './compose';

// Every message TeamCal sends, each a function of plain values. Links are absolute, from
// TEAMCAL_PUBLIC_URL, since a mail is read far from the request that caused it.

export function appUrl(path: string): string {
  return `${configuredPublicUrl()}${path}`;
}

/** "Wednesday 9 December 2026 at 17:42 (Europe/Paris)": unambiguous wherever it is read. */
export function formatMailDateTime(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(at);
  return `${text} (${timeZone})`;
}

/** "Mon 7 Dec 2026", or "Mon 7 – Fri 11 Dec 2026" for a span of calendar dates. */
export function formatDateSpan(start: string, end: string): string {
  const format = new Intl.DateTimeFormat('en-GB', {
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

const NOTIFICATION_FOOTER =
  'You receive this because of your TeamCal notification settings. You can turn these mails off in your profile.';
const SECURITY_FOOTER =
  'TeamCal always sends this kind of message, whatever your notification settings, because it concerns access to your account or your calendars.';

const GUEST_SEES: Record<PrivacyLevel, string> = {
  full: 'who is away or busy, what kind of absence or event it is, and its notes',
  standard: 'who is away or busy and what kind of absence or event it is, without notes',
  busy: 'only when people are away or busy — no names and no details',
};

export function guestInvitationMail(input: {
  sharedBy: string;
  calendarName: string;
  privacy: PrivacyLevel;
  setupUrl: string;
  expiresAt: Date;
  timeZone: string;
  reissued: boolean;
}): ComposedMail {
  return composeMail({
    subject: `${input.sharedBy} shared the calendar “${input.calendarName}” with you`,
    greeting: 'Hello,',
    blocks: [
      {
        kind: 'paragraph',
        text: input.reissued
          ? `${input.sharedBy} sent you a new link to set up your access to the calendar “${input.calendarName}”. Any earlier link no longer works.`
          : `${input.sharedBy} shared the calendar “${input.calendarName}” with you in TeamCal.`,
      },
      {
        kind: 'facts',
        rows: [
          ['Calendar', input.calendarName],
          ['Shared by', input.sharedBy],
          ['Your role', 'Viewer'],
          ['You can', `view it in your calendar app: ${GUEST_SEES[input.privacy]}`],
          ['You cannot', 'change anything or see anything else'],
        ],
      },
      {
        kind: 'paragraph',
        text: 'Choose a password with the link below. You will then get the calendar’s address to add to your calendar app, which asks for this email address and the password.',
      },
      { kind: 'button', label: 'Choose your password', url: input.setupUrl },
      {
        kind: 'paragraph',
        text: `The link works once, until ${formatMailDateTime(input.expiresAt, input.timeZone)}. If it has expired, ask ${input.sharedBy} for a new one.`,
      },
    ],
    footer: `You receive this because ${input.sharedBy} entered your address in TeamCal. If you did not expect it, ignore this message: nothing happens until the link is used.`,
  });
}

export function personInvitationMail(input: {
  name: string;
  invitedBy: string;
  setupUrl: string;
  expiresAt: Date;
  timeZone: string;
  reissued: boolean;
}): ComposedMail {
  return composeMail({
    subject: input.reissued
      ? 'Your new TeamCal password link'
      : `${input.invitedBy} added you to TeamCal`,
    greeting: `Hello ${input.name},`,
    blocks: [
      {
        kind: 'paragraph',
        text: input.reissued
          ? `${input.invitedBy} sent you a new link to choose your TeamCal password. Any earlier link no longer works.`
          : `${input.invitedBy} added you to TeamCal, where your organisation keeps its absences and calendars.`,
      },
      { kind: 'button', label: 'Choose your password', url: input.setupUrl },
      {
        kind: 'paragraph',
        text: `The link works once, until ${formatMailDateTime(input.expiresAt, input.timeZone)}.`,
      },
    ],
    footer: SECURITY_FOOTER,
  });
}

export function passwordResetMail(input: {
  name: string;
  resetUrl: string;
  expiresAt: Date;
  timeZone: string;
}): ComposedMail {
  return composeMail({
    subject: 'Reset your TeamCal password',
    greeting: `Hello ${input.name},`,
    blocks: [
      {
        kind: 'paragraph',
        text: 'Someone — probably you — asked to reset the password of your TeamCal account.',
      },
      { kind: 'button', label: 'Choose a new password', url: input.resetUrl },
      {
        kind: 'paragraph',
        text: `The link works once, until ${formatMailDateTime(input.expiresAt, input.timeZone)}. Choosing a new password signs you out of TeamCal everywhere.`,
      },
      {
        kind: 'paragraph',
        text: 'If you did not ask for this, ignore this message: your password stays as it is.',
      },
    ],
    footer: SECURITY_FOOTER,
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

export function absenceRequestedMail(input: {
  managerName: string;
  teamName: string;
  absence: AbsenceSummary;
  /** Days left in the year after this request, when the type counts against the allowance. */
  daysLeftAfter: number | null;
  othersAway: string[];
  /** The fewest people present on one of its days if approved, against the team's minimum. */
  presence: string | null;
  teamUrl: string;
}): ComposedMail {
  const { absence } = input;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${absence.person} asks for ${absence.type} and is waiting for a decision.`,
    },
    {
      kind: 'facts',
      rows: [
        ['Who', absence.person],
        ['What', absence.type],
        ['When', formatDateSpan(absence.startDate, absence.endDate)],
        ['Counts', describeWorkingDays(absence.workingDays)],
        ...(input.daysLeftAfter === null
          ? []
          : ([['Days left if approved', String(input.daysLeftAfter)]] as Array<[string, string]>)),
      ],
    },
  ];
  if (absence.note) blocks.push({ kind: 'quote', text: absence.note });
  blocks.push(
    input.othersAway.length > 0
      ? { kind: 'paragraph', text: `Also away in ${input.teamName} during these days:` }
      : { kind: 'paragraph', text: `Nobody else in ${input.teamName} is away during these days.` },
  );
  if (input.othersAway.length > 0) blocks.push({ kind: 'list', items: input.othersAway });
  if (input.presence)
    blocks.push({ kind: 'paragraph', text: `Lowest presence: ${input.presence}.` });
  blocks.push({ kind: 'button', label: 'Approve or reject', url: input.teamUrl });
  return composeMail({
    subject: `${absence.person} requests ${absence.type}, ${formatDateSpan(absence.startDate, absence.endDate)}`,
    greeting: `Hello ${input.managerName},`,
    blocks,
    footer: NOTIFICATION_FOOTER,
  });
}

export function absenceDecidedMail(input: {
  name: string;
  decidedBy: string;
  decision: 'approved' | 'rejected';
  absence: AbsenceSummary;
  reason: string | null;
  absencesUrl: string;
}): ComposedMail {
  const { absence } = input;
  const span = formatDateSpan(absence.startDate, absence.endDate);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${input.decidedBy} ${input.decision} your request for ${absence.type}, ${span}.`,
    },
  ];
  if (input.reason) {
    blocks.push(
      { kind: 'paragraph', text: 'Reason given:' },
      { kind: 'quote', text: input.reason },
    );
  }
  blocks.push({ kind: 'button', label: 'See my absences', url: input.absencesUrl });
  return composeMail({
    subject: `Your ${absence.type} request (${span}) was ${input.decision}`,
    greeting: `Hello ${input.name},`,
    blocks,
    footer: NOTIFICATION_FOOTER,
  });
}

export interface LinkSummary {
  /** "Your subscription to …" or "The public link …": what the owner recognises. */
  description: string;
  calendarName: string;
  displayPrefix: string;
  /** Where the owner manages the link. */
  manageUrl: string;
}

export function linkExpiringMail(input: {
  name: string;
  link: LinkSummary;
  expiresAt: Date;
  timeZone: string;
}): ComposedMail {
  return composeMail({
    subject: `A calendar link of yours expires soon: ${input.link.calendarName}`,
    greeting: `Hello ${input.name},`,
    blocks: [
      {
        kind: 'paragraph',
        text: `${input.link.description} stops working on ${formatMailDateTime(input.expiresAt, input.timeZone)}.`,
      },
      {
        kind: 'facts',
        rows: [
          ['Calendar', input.link.calendarName],
          ['Link', `${input.link.displayPrefix}…`],
        ],
      },
      {
        kind: 'paragraph',
        text: 'To keep it, open the calendar in TeamCal and generate a new link (Calendar → Subscribe or Share externally), then give the new address to the calendar app or the people who use it.',
      },
      { kind: 'button', label: 'Renew the link', url: input.link.manageUrl },
    ],
    footer: NOTIFICATION_FOOTER,
  });
}

export function linkRevokedMail(input: {
  name: string;
  link: LinkSummary;
  revokedBy: string;
  reason: string | null;
}): ComposedMail {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${input.revokedBy}, an admin of TeamCal, revoked ${input.link.description.charAt(0).toLowerCase()}${input.link.description.slice(1)}. Calendar apps using it no longer receive updates.`,
    },
    {
      kind: 'facts',
      rows: [
        ['Calendar', input.link.calendarName],
        ['Link', `${input.link.displayPrefix}…`],
      ],
    },
  ];
  if (input.reason)
    blocks.push(
      { kind: 'paragraph', text: 'Reason given:' },
      { kind: 'quote', text: input.reason },
    );
  blocks.push({
    kind: 'paragraph',
    text: 'If you still need it, you can create a new link in TeamCal, within the organisation’s rules.',
  });
  blocks.push({ kind: 'button', label: 'Open the calendar', url: input.link.manageUrl });
  return composeMail({
    subject: `A calendar link of yours was revoked: ${input.link.calendarName}`,
    greeting: `Hello ${input.name},`,
    blocks,
    footer: SECURITY_FOOTER,
  });
}
