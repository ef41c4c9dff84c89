import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// The whole domain of PRODUCT.md. Constraints live here so that no code path can store what the
// product forbids, whichever process or instance writes.

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const userRole = pgEnum('user_role', ['admin', 'member']);
export const membershipRole = pgEnum('membership_role', ['manager', 'member']);
export const overAllowance = pgEnum('over_allowance', ['refuse', 'warn']);
export const absenceStatus = pgEnum('absence_status', [
  'pending',
  'approved',
  'rejected',
  'cancelled',
]);
export const eventStatus = pgEnum('event_status', ['confirmed', 'cancelled']);
export const tokenKind = pgEnum('token_kind', ['personal', 'public', 'guest']);
export const privacyLevel = pgEnum('privacy_level', ['full', 'standard', 'busy']);
export const calendarKind = pgEnum('calendar_kind', ['team', 'person', 'resource']);
export const resourceKind = pgEnum('resource_kind', ['room', 'equipment', 'vehicle', 'other']);
export const bookingPolicy = pgEnum('booking_policy', ['instant', 'approval']);
export const bookingStatus = pgEnum('booking_status', [
  'requested',
  'confirmed',
  'declined',
  'cancelled',
]);

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull().default('member'),
    // Null until an invited user chooses a password through their setup link.
    passwordHash: text('password_hash'),
    passwordSetupHash: text('password_setup_hash'),
    passwordSetupExpiresAt: timestamp('password_setup_expires_at', { withTimezone: true }),
    timeZone: text('time_zone').notNull().default('Europe/Paris'),
    // 'en' or 'fr'; null follows the browser's Accept-Language (and English in mails and feeds).
    locale: text('locale'),
    // Requests, decisions and link reminders by mail; invitations, password and security mails
    // always go.
    notifyByMail: boolean('notify_by_mail').notNull().default(true),
    // The person's account at the organisation's OpenID provider, bound at their first sign-in.
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_password_setup_hash_key').on(t.passwordSetupHash),
    uniqueIndex('users_oidc_account_key').on(t.oidcIssuer, t.oidcSubject),
    check('users_oidc_pair', sql`(${t.oidcIssuer} is null) = (${t.oidcSubject} is null)`),
    check(
      'users_email_normalised',
      sql`${t.email} = lower(${t.email}) and ${t.email} like '%_@_%'`,
    ),
    check('users_locale_known', sql`${t.locale} in ('en', 'fr')`),
    check('users_name_length', sql`char_length(${t.name}) between 1 and 100`),
  ],
);

export const teams = pgTable(
  'teams',
  {
    id: id(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Paris'),
    // Where the team's public holidays come from (date-holidays): an ISO 3166-1 country and,
    // where holidays differ inside it, a region (e.g. DE + BY). Null: no public holidays.
    holidayCountry: text('holiday_country'),
    holidayRegion: text('holiday_region'),
    // The fewest people of the team who must be present on a working day; null: no rule.
    minimumPresent: smallint('minimum_present'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('teams_slug_key').on(t.slug),
    check('teams_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('teams_holiday_country_format', sql`${t.holidayCountry} ~ '^[A-Z]{2}$'`),
    check('teams_holiday_region_format', sql`${t.holidayRegion} ~ '^[A-Za-z0-9]{1,10}$'`),
    check(
      'teams_holiday_region_needs_country',
      sql`${t.holidayRegion} is null or ${t.holidayCountry} is not null`,
    ),
    check('teams_minimum_present_range', sql`${t.minimumPresent} between 1 and 10000`),
    check('teams_name_length', sql`char_length(${t.name}) between 1 and 100`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: membershipRole('role').notNull().default('member'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
  ],
);

export const absenceTypes = pgTable(
  'absence_types',
  {
    id: id(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    color: text('color').notNull(),
    // Health data such as sick leave: only the person, their managers and admins see the type.
    isPrivate: boolean('is_private').notNull().default(false),
    countsAgainstAllowance: boolean('counts_against_allowance').notNull().default(false),
    requiresApproval: boolean('requires_approval').notNull().default(true),
    // For types that count against the allowance: a request beyond the days left (pending ones
    // counted) is refused, or accepted with a warning shown to the person and the approver.
    overAllowance: overAllowance('over_allowance').notNull().default('refuse'),
    // False once retired: no new requests; past absences keep it.
    active: boolean('active').notNull().default(true),
    sortOrder: smallint('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('absence_types_key_key').on(t.key),
    check('absence_types_key_format', sql`${t.key} ~ '^[a-z][a-z0-9_]{0,39}$'`),
    check('absence_types_color_format', sql`${t.color} ~ '^#[0-9a-fA-F]{6}$'`),
    check('absence_types_label_length', sql`char_length(${t.label}) between 1 and 60`),
  ],
);

export const absences = pgTable(
  'absences',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    typeId: uuid('type_id')
      .notNull()
      .references(() => absenceTypes.id),
    // Inclusive dates. A half day at the start means the first day's afternoon only; at the end,
    // the last day's morning only.
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    halfDayStart: boolean('half_day_start').notNull().default(false),
    halfDayEnd: boolean('half_day_end').notNull().default(false),
    status: absenceStatus('status').notNull().default('pending'),
    note: text('note'),
    decidedById: uuid('decided_by_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    // RFC 5545 SEQUENCE: bumped on every change so calendar clients replace their copy.
    sequence: integer('sequence').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('absences_user_dates_idx').on(t.userId, t.startDate, t.endDate),
    index('absences_dates_idx').on(t.startDate, t.endDate),
    // Feeds read absences in (start_date, id) pages: one range scan per page.
    index('absences_start_id_idx').on(t.startDate, t.id),
    check('absences_end_after_start', sql`${t.endDate} >= ${t.startDate}`),
    check(
      'absences_single_day_one_half',
      sql`not (${t.startDate} = ${t.endDate} and ${t.halfDayStart} and ${t.halfDayEnd})`,
    ),
    check('absences_note_length', sql`char_length(${t.note}) <= 500`),
    check('absences_decision_reason_length', sql`char_length(${t.decisionReason}) <= 500`),
    check('absences_sequence_positive', sql`${t.sequence} >= 0`),
  ],
);

export const allowances = pgTable(
  'allowances',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    year: smallint('year').notNull(),
    days: numeric('days', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    // At most this many unused days of the previous year carry into this one, and those not
    // taken by `carryOverExpiresOn` lapse (e.g. 31 March). 0: nothing carries over.
    carryOverMax: numeric('carry_over_max', { precision: 5, scale: 1, mode: 'number' })
      .notNull()
      .default(0),
    carryOverExpiresOn: date('carry_over_expires_on', { mode: 'string' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.year] }),
    check('allowances_year_range', sql`${t.year} between 2000 and 2100`),
    check('allowances_days_range', sql`${t.days} between 0 and 366`),
    check('allowances_carry_over_range', sql`${t.carryOverMax} between 0 and 366`),
    check(
      'allowances_carry_over_expiry_in_year',
      sql`${t.carryOverExpiresOn} is null or extract(year from ${t.carryOverExpiresOn}) = ${t.year}`,
    ),
  ],
);

// Rooms, equipment, vehicles: booked by members, managed by the people an admin names.
export const resources = pgTable(
  'resources',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: resourceKind('kind').notNull(),
    location: text('location'),
    capacity: integer('capacity'),
    description: text('description'),
    // Bookings are entered and shown in this zone.
    timeZone: text('time_zone').notNull().default('Europe/Paris'),
    bookingPolicy: bookingPolicy('booking_policy').notNull().default('instant'),
    // A disabled resource takes no new bookings and its links stop; its history stays.
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('resources_slug_key').on(t.slug),
    check('resources_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('resources_name_length', sql`char_length(${t.name}) between 1 and 100`),
    check('resources_location_length', sql`char_length(${t.location}) <= 500`),
    check('resources_description_length', sql`char_length(${t.description}) <= 2000`),
    check('resources_capacity_range', sql`${t.capacity} between 1 and 10000`),
  ],
);

export const resourceManagers = pgTable(
  'resource_managers',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.userId] }),
    index('resource_managers_user_idx').on(t.userId),
  ],
);

// What gets shared: a team's, a person's or a resource's calendar. Every link points at one, and
// each keeps the version that its feeds derive their ETag from. A trigger (migration 0005) creates
// the calendar of every new team, person and resource.
export const calendars = pgTable(
  'calendars',
  {
    id: id(),
    kind: calendarKind('kind').notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => users.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'cascade' }),
    // A person's calendar also shows their approved absences when they choose so.
    includesOwnAbsences: boolean('includes_own_absences').notNull().default(false),
    // Moves on every change that alters a feed of this calendar.
    version: bigint('version', { mode: 'number' }).notNull().default(1),
    updatedAt: updatedAt(),
    // Moves when events may read differently without their rows changing (a new time zone, a
    // change of who sees what): added to each event's SEQUENCE, and its time to LAST-MODIFIED,
    // so that clients replace their copies.
    presentationVersion: integer('presentation_version').notNull().default(0),
    presentationChangedAt: timestamp('presentation_changed_at', { withTimezone: true })
      .notNull()
      .default(sql`'epoch'`),
  },
  (t) => [
    uniqueIndex('calendars_team_key').on(t.teamId),
    uniqueIndex('calendars_person_key').on(t.personId),
    uniqueIndex('calendars_resource_key').on(t.resourceId),
    check(
      'calendars_one_subject',
      sql`(${t.kind} = 'team') = (${t.teamId} is not null)
        and (${t.kind} = 'person') = (${t.personId} is not null)
        and (${t.kind} = 'resource') = (${t.resourceId} is not null)`,
    ),
  ],
);

// Events of a team's calendar (team events) or of a person's (their appointments).
export const calendarEvents = pgTable(
  'calendar_events',
  {
    id: id(),
    calendarId: uuid('calendar_id')
      .notNull()
      .references(() => calendars.id),
    title: text('title').notNull(),
    description: text('description'),
    location: text('location'),
    allDay: boolean('all_day').notNull(),
    // Local dates in the event's time zone, set for every event so that one index serves the
    // feed's date-range query; timed events also carry their instants.
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    timeZone: text('time_zone').notNull(),
    status: eventStatus('status').notNull().default('confirmed'),
    sequence: integer('sequence').notNull().default(0),
    // A random key the "Add event" form carries each time it is shown: a submission that arrives
    // twice (double click, retried request) finds the event it already created.
    submissionKey: uuid('submission_key'),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('calendar_events_submission_key').on(t.calendarId, t.submissionKey),
    index('calendar_events_calendar_dates_idx').on(t.calendarId, t.startDate, t.endDate),
    index('calendar_events_calendar_start_id_idx').on(t.calendarId, t.startDate, t.id),
    check('calendar_events_end_after_start', sql`${t.endDate} >= ${t.startDate}`),
    check(
      'calendar_events_timing',
      sql`(${t.allDay} and ${t.startsAt} is null and ${t.endsAt} is null)
        or (not ${t.allDay} and ${t.startsAt} is not null and ${t.endsAt} > ${t.startsAt})`,
    ),
    check('calendar_events_title_length', sql`char_length(${t.title}) between 1 and 200`),
    check('calendar_events_description_length', sql`char_length(${t.description}) <= 4000`),
    check('calendar_events_location_length', sql`char_length(${t.location}) <= 500`),
    check('calendar_events_sequence_positive', sql`${t.sequence} >= 0`),
  ],
);

// A resource held for a span of time. Two live bookings of one resource never overlap: an
// exclusion constraint over tstzrange (btree_gist, migration 0005) refuses it, whichever instance
// or transaction writes.
export const bookings = pgTable(
  'bookings',
  {
    id: id(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    bookedById: uuid('booked_by_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    note: text('note'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: bookingStatus('status').notNull(),
    // The team event this booking holds the room for, if any.
    eventId: uuid('event_id').references(() => calendarEvents.id),
    decidedById: uuid('decided_by_id').references(() => users.id),
    sequence: integer('sequence').notNull().default(0),
    submissionKey: uuid('submission_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('bookings_submission_key').on(t.resourceId, t.submissionKey),
    index('bookings_resource_start_id_idx').on(t.resourceId, t.startsAt, t.id),
    index('bookings_booked_by_idx').on(t.bookedById, t.startsAt),
    index('bookings_event_idx').on(t.eventId),
    check('bookings_end_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('bookings_title_length', sql`char_length(${t.title}) between 1 and 200`),
    check('bookings_note_length', sql`char_length(${t.note}) <= 1000`),
    check('bookings_sequence_positive', sql`${t.sequence} >= 0`),
  ],
);

export const guestShares = pgTable(
  'guest_shares',
  {
    id: id(),
    calendarId: uuid('calendar_id')
      .notNull()
      .references(() => calendars.id),
    email: text('email').notNull(),
    label: text('label').notNull(),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    passwordHash: text('password_hash'),
    // One-time setup link: SHA-256 of the secret, cleared once the guest has chosen a password.
    setupHash: text('setup_hash'),
    setupExpiresAt: timestamp('setup_expires_at', { withTimezone: true }),
    setupCompletedAt: timestamp('setup_completed_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedById: uuid('revoked_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('guest_shares_setup_hash_key').on(t.setupHash),
    // One live share per outside address and calendar, whoever creates it and however fast.
    uniqueIndex('guest_shares_one_active_per_email')
      .on(t.calendarId, sql`lower(${t.email})`)
      .where(sql`${t.revokedAt} is null`),
    index('guest_shares_calendar_idx').on(t.calendarId),
    check(
      'guest_shares_email_normalised',
      sql`${t.email} = lower(${t.email}) and ${t.email} like '%_@_%'`,
    ),
    check('guest_shares_label_length', sql`char_length(${t.label}) between 1 and 100`),
    check('guest_shares_setup_pair', sql`(${t.setupHash} is null) = (${t.setupExpiresAt} is null)`),
  ],
);

export const feedTokens = pgTable(
  'feed_tokens',
  {
    id: id(),
    kind: tokenKind('kind').notNull(),
    // SHA-256 of the plaintext token, hex. The plaintext is shown once and never stored.
    tokenHash: text('token_hash').notNull(),
    // The first characters of the token, enough for a person to recognise it in a list.
    displayPrefix: text('display_prefix').notNull(),
    // The subscriber for a personal token; the manager who created a public or guest link.
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    calendarId: uuid('calendar_id')
      .notNull()
      .references(() => calendars.id),
    guestShareId: uuid('guest_share_id').references(() => guestShares.id),
    privacy: privacyLevel('privacy').notNull().default('standard'),
    includePending: boolean('include_pending').notNull().default(false),
    // Null means every absence type.
    absenceTypeIds: uuid('absence_type_ids').array(),
    includeTeamEvents: boolean('include_team_events').notNull().default(true),
    // The team's public holidays as all-day events (team calendars only).
    includeHolidays: boolean('include_holidays').notNull().default(false),
    label: text('label'),
    createdAt: createdAt(),
    // Null means never, which only the policy can allow, and only for public links.
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedById: uuid('revoked_by_id').references(() => users.id),
    revokeReason: text('revoke_reason'),
    // When the owner was told by mail that the link expires soon: at most once per link.
    expiryNoticeSentAt: timestamp('expiry_notice_sent_at', { withTimezone: true }),
    // Rotation keeps the lineage so the audit can show which link replaced which.
    replacedById: uuid('replaced_by_id'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    lastUsedIp: text('last_used_ip'),
    lastUsedUserAgent: text('last_used_user_agent'),
    useCount: bigint('use_count', { mode: 'number' }).notNull().default(0),
    // The window the link's last body was built for (lib/feed-window.ts): its step, the data it
    // was built from, and the dates at which a row would leave or enter it. Written when a body
    // is built, read by the 304 path with the rest of the link.
    windowBasis: text('window_basis'),
    windowStep: date('window_step', { mode: 'string' }),
    windowLastEnd: date('window_last_end', { mode: 'string' }),
    windowNextStart: date('window_next_start', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('feed_tokens_token_hash_key').on(t.tokenHash),
    uniqueIndex('feed_tokens_one_active_personal')
      .on(t.ownerId, t.calendarId)
      .where(sql`${t.kind} = 'personal' and ${t.revokedAt} is null`),
    index('feed_tokens_calendar_idx').on(t.calendarId),
    index('feed_tokens_owner_idx').on(t.ownerId),
    // The token audit's two orders, each with the id that breaks ties (lib/dal/admin-tokens.ts).
    index('feed_tokens_created_order_idx').on(t.createdAt, t.id),
    index('feed_tokens_last_used_order_idx').on(
      sql`coalesce(${t.lastUsedAt}, '-infinity'::timestamptz)`,
      t.id,
    ),
    check('feed_tokens_hash_format', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
    check('feed_tokens_guest_share', sql`(${t.kind} = 'guest') = (${t.guestShareId} is not null)`),
    check('feed_tokens_expiry', sql`${t.expiresAt} is null or ${t.expiresAt} > ${t.createdAt}`),
    check(
      'feed_tokens_only_public_never_expires',
      sql`${t.expiresAt} is not null or ${t.kind} = 'public'`,
    ),
    check('feed_tokens_label_length', sql`char_length(${t.label}) <= 100`),
    check('feed_tokens_revoke_reason_length', sql`char_length(${t.revokeReason}) <= 500`),
    check('feed_tokens_use_count_positive', sql`${t.useCount} >= 0`),
    check(
      'feed_tokens_window_kept_whole',
      sql`(${t.windowBasis} is null) = (${t.windowStep} is null)`,
    ),
  ],
);

export const policy = pgTable(
  'policy',
  {
    // A single row: the organisation's settings.
    id: smallint('id').primaryKey().default(1),
    maxTokenLifetimeDays: integer('max_token_lifetime_days').notNull().default(183),
    // A new personal subscription's lifetime, capped by the maximum (which a raised maximum
    // must not hand to every new subscription).
    personalLinkLifetimeDays: integer('personal_link_lifetime_days').notNull().default(183),
    publicLinksAllowed: boolean('public_links_allowed').notNull().default(true),
    neverExpiringLinksAllowed: boolean('never_expiring_links_allowed').notNull().default(false),
    guestSharesAllowed: boolean('guest_shares_allowed').notNull().default(true),
    // Whether someone unknown to TeamCal who signs in through the OpenID provider becomes a member.
    oidcProvisioningAllowed: boolean('oidc_provisioning_allowed').notNull().default(false),
    // Off: only admins may sign in with a password (everyone else through the OpenID provider).
    passwordSignInAllowed: boolean('password_sign_in_allowed').notNull().default(true),
    updatedAt: updatedAt(),
    updatedById: uuid('updated_by_id').references(() => users.id),
  },
  (t) => [
    check('policy_single_row', sql`${t.id} = 1`),
    check('policy_lifetime_range', sql`${t.maxTokenLifetimeDays} between 1 and 3660`),
    check('policy_personal_lifetime_range', sql`${t.personalLinkLifetimeDays} between 1 and 3660`),
  ],
);

// Append-only: a trigger in the migrations refuses UPDATE and DELETE.
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    teamId: uuid('team_id').references(() => teams.id),
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_actor_idx').on(t.actorId, t.at),
    index('audit_events_action_idx').on(t.action, t.at),
    check('audit_events_action_format', sql`${t.action} ~ '^[a-z_]+(\\.[a-z_]+)+$'`),
  ],
);

// Counters that every app instance must agree on (failed sign-ins, unknown feed tokens), kept in
// the database rather than in one process's memory.
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limits_window_idx').on(t.windowEndsAt)],
);

// Server-side sessions: the JWT cookie names one row (`sid`), and every request checks that the row
// is still open, so signing out, a new password, disabling or "sign out everywhere" end it at once.
export const sessionEndReason = pgEnum('session_end_reason', [
  'signed_out',
  'password_changed',
  'disabled',
  'signed_out_everywhere',
]);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: sessionEndReason('end_reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    // Ending all of a person's sessions looks up only the open ones.
    index('sessions_open_user_idx')
      .on(t.userId)
      .where(sql`${t.endedAt} is null`),
    index('sessions_expires_idx').on(t.expiresAt),
    check('sessions_ended_with_reason', sql`(${t.endedAt} is null) = (${t.endReason} is null)`),
    check('sessions_expiry_after_start', sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

// The builds that have served feeds, each with when it first did, on the database's clock: a new
// build may write new bytes for the same data, so feeds' Last-Modified is never before it.
export const feedBuilds = pgTable('feed_builds', {
  identity: text('identity').primaryKey(),
  firstServedAt: timestamp('first_served_at', { withTimezone: true }).notNull().defaultNow(),
});

// "Forgot password" links: short-lived, single use, only the SHA-256 of the secret stored.
export const passwordResets = pgTable(
  'password_resets',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    secretHash: text('secret_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('password_resets_secret_hash_key').on(t.secretHash),
    index('password_resets_user_idx').on(t.userId),
    check('password_resets_hash_format', sql`${t.secretHash} ~ '^[0-9a-f]{64}$'`),
    check('password_resets_expiry', sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

// Mail leaves through this table: written in the transaction of the action that causes it, sent
// later by a worker (lib/mail/worker.ts) that claims rows with SKIP LOCKED, so a stopped process
// loses nothing and two instances never send the same row. Without a mail server the messages
// are `held` here for admins to read at /admin/outbox.
export const mailState = pgEnum('mail_state', ['queued', 'sent', 'failed', 'held']);

export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: id(),
    // What the message is about, e.g. `guest_share.invitation`: for the admin's list and tests.
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    // The recipient's account when they have one; null for guests.
    recipientUserId: uuid('recipient_user_id').references(() => users.id),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    state: mailState('state').notNull(),
    attempts: smallint('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    // A worker's lease on the row while it talks to the mail server; past it, another may retry.
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    claimId: uuid('claim_id'),
    // The mail server's last answer: its acceptance, or why it refused or could not be reached.
    lastResponse: text('last_response'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_messages_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.state} = 'queued'`),
    index('outbox_messages_created_idx').on(t.createdAt),
    check('outbox_messages_subject_length', sql`char_length(${t.subject}) between 1 and 300`),
    check('outbox_messages_attempts_positive', sql`${t.attempts} >= 0`),
    check('outbox_messages_sent_at', sql`(${t.state} = 'sent') = (${t.sentAt} is not null)`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Team = typeof teams.$inferSelect;
export type NewTeam = typeof teams.$inferInsert;
export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
export type AbsenceType = typeof absenceTypes.$inferSelect;
export type NewAbsenceType = typeof absenceTypes.$inferInsert;
export type Absence = typeof absences.$inferSelect;
export type NewAbsence = typeof absences.$inferInsert;
export type Allowance = typeof allowances.$inferSelect;
export type NewAllowance = typeof allowances.$inferInsert;
export type Resource = typeof resources.$inferSelect;
export type NewResource = typeof resources.$inferInsert;
export type Calendar = typeof calendars.$inferSelect;
export type CalendarEvent = typeof calendarEvents.$inferSelect;
export type NewCalendarEvent = typeof calendarEvents.$inferInsert;
export type Booking = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;
export type GuestShare = typeof guestShares.$inferSelect;
export type NewGuestShare = typeof guestShares.$inferInsert;
export type FeedToken = typeof feedTokens.$inferSelect;
export type NewFeedToken = typeof feedTokens.$inferInsert;
export type Policy = typeof policy.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type NewOutboxMessage = typeof outboxMessages.$inferInsert;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
