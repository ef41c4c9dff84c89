import type { AuditFacts, AuditTarget } from '@/lib/audit-text';

// One audit event of each action, as the code writes it, and how it reads in English: the
// English and French tests of lib/audit-text.ts read the same events.

export const ADMIN = 'admin-id';
const jules = { personId: 'jules-id', personName: 'Jules Petit' };
const engineering = { calendarKind: 'team' as const, calendarName: 'Engineering' };
export const julesUser: AuditTarget = { name: 'Jules Petit', email: 'jules@example.com' };

export function facts(
  action: string,
  target: AuditTarget | null,
  details: Record<string, unknown> | null = null,
  more: Partial<AuditFacts> = {},
): AuditFacts {
  return {
    action,
    details,
    actorId: ADMIN,
    targetType: null,
    target,
    teamName: null,
    ...more,
  };
}

/** One event of each action, as the code writes it, and how it reads. */
export const EXAMPLES: Record<string, { event: AuditFacts; reads: string; lines?: string[] }> = {
  'auth.signed_in': {
    event: facts('auth.signed_in', julesUser, { method: 'oidc' }, { actorId: 'jules-id' }),
    reads: 'Signed in with OpenID Connect',
  },
  'auth.sign_in_failed': {
    event: facts('auth.sign_in_failed', julesUser, {
      method: 'password',
      reason: 'wrong_password',
    }),
    reads: 'Sign-in with a password refused for Jules Petit: wrong password',
  },
  'auth.signed_out': {
    event: facts('auth.signed_out', julesUser, null, { actorId: 'jules-id' }),
    reads: 'Signed out',
  },
  'user.created': {
    event: facts(
      'user.created',
      { name: 'Nina Novak', email: 'nina@example.com' },
      {
        email: 'nina@example.com',
        role: 'member',
      },
    ),
    reads: 'Added Nina Novak (nina@example.com) as a member',
  },
  'user.password_setup_issued': {
    event: facts('user.password_setup_issued', julesUser),
    reads: 'Issued a new password-setup link for Jules Petit',
  },
  'user.role_changed': {
    event: facts('user.role_changed', julesUser, { before: 'member', after: 'admin' }),
    reads: 'Changed Jules Petit’s role from member to admin',
  },
  'user.disabled': {
    event: facts('user.disabled', julesUser),
    reads: 'Disabled Jules Petit’s account',
  },
  'user.enabled': {
    event: facts('user.enabled', julesUser),
    reads: 'Enabled Jules Petit’s account again',
  },
  'user.signed_out_everywhere': {
    event: facts('user.signed_out_everywhere', julesUser, { sessions: 3 }),
    reads: 'Signed Jules Petit out everywhere (3 sessions ended)',
  },
  'user.oidc_account_bound': {
    event: facts('user.oidc_account_bound', julesUser, {
      issuer: 'https://id.example.com',
      subject: 'a1b2',
    }),
    reads: 'Linked the account to its identity at the OpenID Connect provider',
    lines: ['Issuer: https://id.example.com', 'Subject: a1b2'],
  },
  'user.password_reset_requested': {
    event: facts('user.password_reset_requested', julesUser),
    reads: 'Asked for a password reset link',
  },
  'user.password_reset': {
    event: facts('user.password_reset', julesUser, { sessionsEnded: 2 }),
    reads: 'Chose a new password with a reset link (2 other sessions ended)',
  },
  'user.password_set': {
    event: facts('user.password_set', julesUser),
    reads: 'Chose a password with a setup link',
  },
  'user.profile_updated': {
    event: facts('user.profile_updated', julesUser, { timeZone: 'Asia/Tokyo', locale: 'fr' }),
    reads: 'Changed their time zone to Asia/Tokyo, language French',
  },
  'calendar.settings_updated': {
    event: facts(
      'calendar.settings_updated',
      { calendarKind: 'person', calendarName: 'Jules Petit', calendarPersonId: 'jules-id' },
      { includesOwnAbsences: true },
      { actorId: 'jules-id' },
    ),
    reads: 'Showed their approved absences in their own calendar',
  },
  'team.created': {
    event: facts(
      'team.created',
      { name: 'Engineering', slug: 'engineering' },
      { name: 'Engineering', slug: 'engineering', timeZone: 'Europe/Paris' },
    ),
    reads: 'Created the team “Engineering” (Europe/Paris)',
  },
  'team.updated': {
    event: facts(
      'team.updated',
      { name: 'Platform' },
      {
        before: { name: 'Engineering', timeZone: 'Europe/Paris' },
        after: { name: 'Platform', timeZone: 'Europe/Paris' },
      },
    ),
    reads: 'Changed the team “Platform”',
    lines: ['Name: Engineering → Platform'],
  },
  'membership.added': {
    event: facts('membership.added', julesUser, { role: 'manager' }, { teamName: 'Engineering' }),
    reads: 'Added Jules Petit to Engineering as a manager',
  },
  'membership.removed': {
    event: facts('membership.removed', julesUser, { role: 'member' }, { teamName: 'Engineering' }),
    reads: 'Removed Jules Petit from Engineering (was a member)',
  },
  'membership.role_changed': {
    event: facts(
      'membership.role_changed',
      julesUser,
      { before: 'member', after: 'manager' },
      { teamName: 'Engineering' },
    ),
    reads: 'Made Jules Petit a manager of Engineering (was a member)',
  },
  'team.minimum_present_set': {
    event: facts('team.minimum_present_set', { name: 'Engineering' }, { before: null, after: 3 }),
    reads: 'Set the minimum presence of “Engineering” to 3 people (was no minimum)',
  },
  'allowance.set': {
    event: facts('allowance.set', julesUser, {
      year: 2026,
      before: { days: 25, carryOverMax: 0, carryOverExpiresOn: null },
      after: { days: 27.5, carryOverMax: 5, carryOverExpiresOn: '2026-03-31' },
    }),
    reads: 'Set Jules Petit’s allowance for 2026',
    lines: [
      'Days a year: 25 days → 27.5 days',
      'Days that may carry over: 0 days → 5 days',
      'Carried days lapse on: never → 31 Mar 2026',
    ],
  },
  'allowance.team_set': {
    event: facts(
      'allowance.team_set',
      { name: 'Engineering', slug: 'engineering' },
      {
        year: 2027,
        count: 12,
        before: { 'jules-id': { days: 25, carryOverMax: 0, carryOverExpiresOn: null } },
        after: { days: 25, carryOverMax: 5, carryOverExpiresOn: null },
      },
    ),
    reads: 'Set the allowance for 2027 of every member of “Engineering” (12 people)',
    lines: [
      'Days a year: 25 days',
      'Days that may carry over: 5 days',
      'Carried days lapse on: never',
    ],
  },
  'absence.requested': {
    event: facts(
      'absence.requested',
      { ...jules, typeLabel: 'Vacation', startDate: '2026-06-29', endDate: '2026-07-03' },
      { status: 'pending' },
      { actorId: 'jules-id' },
    ),
    reads: 'Requested their Vacation, 29 Jun – 3 Jul 2026, awaiting a decision',
  },
  'absence.approved': {
    event: facts('absence.approved', {
      ...jules,
      typeLabel: 'Vacation',
      startDate: '2026-06-17',
      endDate: '2026-06-19',
      halfDayEnd: true,
    }),
    reads: 'Approved Jules Petit’s Vacation, 17–19 Jun 2026 (to the morning)',
  },
  'absence.rejected': {
    event: facts('absence.rejected', {
      ...jules,
      typeLabel: 'Training',
      startDate: '2026-12-30',
      endDate: '2027-01-02',
    }),
    reads: 'Rejected Jules Petit’s Training, 30 Dec 2026 – 2 Jan 2027',
  },
  'absence.cancelled': {
    event: facts(
      'absence.cancelled',
      { ...jules, typeLabel: 'Remote work', startDate: '2026-06-17', endDate: '2026-06-17' },
      null,
      { actorId: 'jules-id' },
    ),
    reads: 'Cancelled their Remote work, 17 Jun 2026',
  },
  'absence_type.created': {
    event: facts(
      'absence_type.created',
      { name: 'Jury duty', key: 'jury_duty' },
      {
        after: {
          key: 'jury_duty',
          label: 'Jury duty',
          color: '#7c3aed',
          isPrivate: false,
          requiresApproval: true,
          countsAgainstAllowance: false,
          overAllowance: 'refuse',
          sortOrder: 6,
        },
      },
    ),
    reads: 'Created the absence type “Jury duty”',
    lines: [
      'Key: jury_duty',
      'Name: Jury duty',
      'Colour: #7c3aed',
      'Private (health data): no',
      'Needs approval: yes',
      'Counts against the allowance: no',
      'Beyond the days left: refused',
      'Position: 6',
    ],
  },
  'absence_type.updated': {
    event: facts(
      'absence_type.updated',
      { name: 'Sick leave', key: 'sick' },
      {
        key: 'sick',
        before: { label: 'Illness', isPrivate: false },
        after: { label: 'Sick leave', isPrivate: true },
      },
    ),
    reads: 'Changed the absence type “Sick leave”',
    lines: ['Name: Illness → Sick leave', 'Private (health data): no → yes'],
  },
  'absence_type.retired': {
    event: facts(
      'absence_type.retired',
      { name: 'Jury duty', key: 'jury_duty' },
      {
        key: 'jury_duty',
        label: 'Jury duty',
      },
    ),
    reads: 'Retired the absence type “Jury duty”: it can no longer be requested',
  },
  'absence_type.restored': {
    event: facts('absence_type.restored', { name: 'Jury duty', key: 'jury_duty' }),
    reads: 'Restored the absence type “Jury duty”: it can be requested again',
  },
  'feed_token.created': {
    event: facts(
      'feed_token.created',
      { ...jules, ...engineering, linkKind: 'personal', prefix: 'tcal_ab12cd' },
      { kind: 'personal', calendar: 'team', privacy: 'standard', prefix: 'tcal_ab12cd' },
      { actorId: 'jules-id' },
    ),
    reads: 'Created their subscription to “Engineering” (tcal_ab12cd…), standard privacy',
  },
  'feed_token.revoked': {
    event: facts(
      'feed_token.revoked',
      { ...jules, ...engineering, linkKind: 'personal', prefix: 'tcal_ab12cd' },
      { kind: 'personal', prefix: 'tcal_ab12cd', owner: 'jules-id', reason: 'Laptop stolen' },
    ),
    reads: 'Revoked Jules Petit’s subscription to “Engineering” (tcal_ab12cd…): Laptop stolen',
  },
  'feed_token.rotated': {
    event: facts(
      'feed_token.rotated',
      {
        ...jules,
        calendarKind: 'person',
        calendarName: 'Jules Petit',
        calendarPersonId: 'jules-id',
        linkKind: 'personal',
        prefix: 'tcal_old123',
      },
      { kind: 'personal', calendar: 'person', prefix: 'tcal_old123', replacedBy: 'new-id' },
      { actorId: 'jules-id', mentions: { replacedByPrefix: 'tcal_new456' } },
    ),
    reads:
      'Regenerated their subscription to their own calendar (tcal_old123…): replaced by tcal_new456…',
  },
  'feed_token.settings_updated': {
    event: facts(
      'feed_token.settings_updated',
      { ...jules, ...engineering, linkKind: 'personal', prefix: 'tcal_ab12cd' },
      { kind: 'personal', calendar: 'team', privacy: 'busy', prefix: 'tcal_ab12cd' },
      { actorId: 'jules-id' },
    ),
    reads:
      'Changed what their subscription to “Engineering” (tcal_ab12cd…) shows, keeping its address, busy blocks only',
  },
  'feed_token.first_used': {
    event: facts(
      'feed_token.first_used',
      { ...jules, ...engineering, linkKind: 'personal', prefix: 'tcal_ab12cd' },
      null,
      { actorId: null },
    ),
    reads: 'First fetch of Jules Petit’s subscription to “Engineering” (tcal_ab12cd…)',
  },
  'feed_token.exported': {
    event: facts(
      'feed_token.exported',
      null,
      {
        filter: {
          team: 'team-id',
          kind: 'guest',
          status: 'active',
          sort: 'last_used',
          dir: 'desc',
        },
      },
      { mentions: { filterTeam: 'Engineering', filterOwner: null } },
    ),
    reads: 'Exported the list of links as CSV',
    lines: [
      'Team: Engineering',
      'Kind: guest',
      'Status: active',
      'Sorted by: last used',
      'Order: desc',
    ],
  },
  'public_link.created': {
    event: facts(
      'public_link.created',
      {
        calendarKind: 'resource',
        calendarName: 'Room 2',
        linkKind: 'public',
        prefix: 'tcal_pub789',
      },
      { label: 'Lobby screen', privacy: 'busy', prefix: 'tcal_pub789', calendar: 'resource' },
    ),
    reads: 'Created the public link “Lobby screen” to “Room 2” (tcal_pub789…), busy blocks only',
  },
  'public_link.revoked': {
    event: facts(
      'public_link.revoked',
      { ...engineering, linkKind: 'public', name: 'Website', prefix: 'tcal_pub789' },
      { calendar: 'team' },
    ),
    reads: 'Revoked the public link “Website” to “Engineering” (tcal_pub789…)',
  },
  'guest_share.created': {
    event: facts(
      'guest_share.created',
      { ...engineering, email: 'auditor@example.org' },
      { email: 'auditor@example.org', privacy: 'full', calendar: 'team' },
    ),
    reads: 'Shared “Engineering” with the guest auditor@example.org, full details',
  },
  'guest_share.revoked': {
    event: facts(
      'guest_share.revoked',
      { ...engineering, linkKind: 'guest', email: 'auditor@example.org', prefix: 'tcal_gst321' },
      { calendar: 'team' },
    ),
    reads: 'Revoked auditor@example.org’s guest share of “Engineering” (tcal_gst321…)',
  },
  'guest_share.setup_reissued': {
    event: facts('guest_share.setup_reissued', { ...engineering, email: 'auditor@example.org' }),
    reads: 'Sent auditor@example.org a new setup link for “Engineering”',
  },
  'guest_share.setup_completed': {
    event: facts(
      'guest_share.setup_completed',
      { ...engineering, email: 'auditor@example.org' },
      { email: 'auditor@example.org' },
      { actorId: null },
    ),
    reads: 'The guest auditor@example.org chose a password for “Engineering”',
  },
  'team_event.created': {
    event: facts('team_event.created', { ...engineering, name: 'Offsite' }, { title: 'Offsite' }),
    reads: 'Added the team event “Offsite” of “Engineering”',
  },
  'team_event.updated': {
    event: facts(
      'team_event.updated',
      { ...engineering, name: 'Offsite' },
      {
        changed: ['title', 'startDate'],
      },
    ),
    reads: 'Changed the team event “Offsite” of “Engineering”',
    lines: ['Changed: title, start date'],
  },
  'team_event.cancelled': {
    event: facts('team_event.cancelled', { ...engineering, name: 'Offsite' }, { title: 'Offsite' }),
    reads: 'Cancelled the team event “Offsite” of “Engineering”',
  },
  'appointment.created': {
    event: facts('appointment.created', null, { title: 'Dentist' }, { actorId: 'jules-id' }),
    reads: 'Added an appointment to their calendar',
  },
  'appointment.updated': {
    event: facts('appointment.updated', null, { changed: ['location'] }, { actorId: 'jules-id' }),
    reads: 'Changed an appointment in their calendar',
    lines: ['Changed: location'],
  },
  'appointment.cancelled': {
    event: facts('appointment.cancelled', null, { title: 'Dentist' }, { actorId: 'jules-id' }),
    reads: 'Cancelled an appointment in their calendar',
  },
  'booking.created': {
    event: facts(
      'booking.created',
      {
        ...jules,
        name: 'Sprint review',
        resourceName: 'Room 2',
        startsAt: '2026-06-17T07:00:00+00:00',
        endsAt: '2026-06-17T08:30:00+00:00',
        timeZone: 'Europe/Paris',
      },
      { resource: 'Room 2', title: 'Sprint review', status: 'requested' },
      { actorId: 'jules-id' },
    ),
    reads: 'Booked “Room 2” for “Sprint review”, awaiting a manager’s confirmation',
    lines: ['When: 17 Jun 2026, 09:00–10:30 (Europe/Paris)'],
  },
  'booking.cancelled': {
    event: facts(
      'booking.cancelled',
      { ...jules, name: 'Sprint review', resourceName: 'Room 2' },
      { title: 'Sprint review' },
      { actorId: 'jules-id' },
    ),
    reads: 'Cancelled the booking “Sprint review” of “Room 2”',
  },
  'booking.confirmed': {
    event: facts('booking.confirmed', { ...jules, name: 'Sprint review', resourceName: 'Room 2' }),
    reads: 'Confirmed Jules Petit’s booking “Sprint review” of “Room 2”',
  },
  'booking.declined': {
    event: facts('booking.declined', { ...jules, name: 'Sprint review', resourceName: 'Room 2' }),
    reads: 'Declined Jules Petit’s booking “Sprint review” of “Room 2”',
  },
  'resource.created': {
    event: facts(
      'resource.created',
      { name: 'Room 2', slug: 'room-2' },
      {
        name: 'Room 2',
        kind: 'room',
        managers: ['lea@example.com', 'sam@example.com'],
      },
    ),
    reads: 'Created the resource “Room 2” (room)',
    lines: ['Managers: lea@example.com, sam@example.com'],
  },
  'resource.updated': {
    event: facts('resource.updated', { name: 'Room 2' }, { name: 'Room 2', managers: [] }),
    reads: 'Changed the resource “Room 2”',
    lines: ['Managers: none'],
  },
  'resource.disabled': {
    event: facts('resource.disabled', { name: 'Room 2' }),
    reads: 'Disabled the resource “Room 2”: no new bookings, its links stop',
  },
  'resource.enabled': {
    event: facts('resource.enabled', { name: 'Room 2' }),
    reads: 'Enabled the resource “Room 2” again',
  },
  'policy.updated': {
    event: facts('policy.updated', null, {
      before: { maxTokenLifetimeDays: 183, guestSharesAllowed: true, passwordSignInAllowed: true },
      after: { maxTokenLifetimeDays: 90, guestSharesAllowed: true, passwordSignInAllowed: false },
      changed: ['maxTokenLifetimeDays', 'passwordSignInAllowed'],
    }),
    reads: 'Changed the policy',
    lines: [
      'Maximum link lifetime: 183 days → 90 days',
      'Password sign-in for members: allowed → not allowed',
    ],
  },
};
