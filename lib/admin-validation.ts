import { z } from 'zod';
import { languages } from '@/lib/i18n/locales';
import { message } from '@/lib/i18n/translate';
import { CALENDAR_KINDS } from '@/lib/dal/calendars/source';
import { holidayRegions, isKnownHolidayPlace } from '@/lib/holidays';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/passwords';
import { isWellFormedSetupSecret } from '@/lib/password-setup';
import { isCalendarDate } from '@/lib/workdays';
import { checkboxSchema, emailSchema, optionalText } from '@/lib/validation';

// The zod schemas of the admin settings and of the password-setup page, with messages for the
// person at the form. Query strings fall back to defaults rather than failing: a hand-edited
// address still shows a page.

const personEmailSchema = z
  .string({ error: 'Enter the person’s email address.' })
  .trim()
  .min(1, 'Enter the person’s email address.')
  .pipe(emailSchema);

const personNameSchema = z
  .string({ error: 'Enter the person’s name.' })
  .trim()
  .min(1, 'Enter the person’s name.')
  .max(100, 'Keep the name under 100 characters.');

export const userRoleSchema = z.enum(['admin', 'member'], { error: 'Choose admin or member.' });
export const membershipRoleSchema = z.enum(['manager', 'member'], {
  error: 'Choose manager or member.',
});

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);
const searchTextSchema = z.string().trim().max(100).optional().catch(undefined);
const optionalUuid = z.uuid().optional().catch(undefined);

// Users

export const createUserSchema = z.object({
  email: personEmailSchema,
  name: personNameSchema,
  role: userRoleSchema.default('member'),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const userIdSchema = z.object({ userId: z.uuid('Unknown person.') });
export type UserIdInput = z.infer<typeof userIdSchema>;

export const changeUserRoleSchema = userIdSchema.extend({ role: userRoleSchema });
export type ChangeUserRoleInput = z.infer<typeof changeUserRoleSchema>;

export const setUserDisabledSchema = userIdSchema.extend({
  disabled: z.enum(['true', 'false']).transform((value) => value === 'true'),
});
export type SetUserDisabledInput = z.infer<typeof setUserDisabledSchema>;

export const userSearchSchema = z.object({ q: searchTextSchema, page: pageSchema });
export type UserSearchInput = z.infer<typeof userSearchSchema>;

// Password setup (public page)

export const setupSecretSchema = z.string().refine(isWellFormedSetupSecret);

export const choosePasswordSchema = z
  .object({
    password: z
      .string({ error: message('auth.errors.choosePassword') })
      .min(1, message('auth.errors.choosePassword'))
      // The messages say 10 and 200: PASSWORD_MIN_LENGTH and PASSWORD_MAX_LENGTH.
      .min(PASSWORD_MIN_LENGTH, message('auth.errors.passwordTooShort'))
      .max(PASSWORD_MAX_LENGTH, message('auth.errors.passwordTooLongMax')),
    confirmation: z
      .string({ error: message('auth.errors.typeAgain') })
      .min(1, message('auth.errors.typeAgain'))
      .max(PASSWORD_MAX_LENGTH, message('auth.errors.passwordTooLongMax')),
  })
  .refine((input) => input.password === input.confirmation, {
    path: ['confirmation'],
    message: message('auth.errors.passwordsDiffer'),
    when: (payload) => payload.issues.length === 0,
  });
export type ChoosePasswordInput = z.infer<typeof choosePasswordSchema>;

// Teams and memberships

/** IANA zone names that this runtime knows, plus UTC, which Intl lists only as an alias. */
export const TIME_ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone')];
const knownTimeZones = new Set(TIME_ZONES);

const timeZoneSchema = z
  .string({ error: 'Choose a time zone.' })
  .trim()
  .min(1, 'Choose a time zone.')
  .refine(
    (zone) => knownTimeZones.has(zone),
    'Choose a time zone from the list, like Europe/Paris.',
  );

const teamNameSchema = z
  .string({ error: 'Enter the team’s name.' })
  .trim()
  .min(1, 'Enter the team’s name.')
  .max(100, 'Keep the name under 100 characters.');

/** A select's value: empty means none. */
const optionalCode = z
  .string()
  .trim()
  .max(10, 'Choose from the list.')
  .optional()
  .transform((code) => code || null);

/** Where a team's public holidays come from (lib/holidays.ts): a country, and a region in it. */
const holidayPlaceFields = {
  holidayCountry: optionalCode.transform((code) => code?.toUpperCase() ?? null),
  holidayRegion: optionalCode,
};

function checkHolidayPlace(
  place: { holidayCountry: string | null; holidayRegion: string | null },
  context: z.RefinementCtx,
) {
  const { holidayCountry: country, holidayRegion: region } = place;
  if (!country) {
    if (region)
      context.addIssue({
        code: 'custom',
        path: ['holidayRegion'],
        message: 'Choose the country first, then its region.',
      });
    return;
  }
  if (!isKnownHolidayPlace(country, null))
    context.addIssue({
      code: 'custom',
      path: ['holidayCountry'],
      message: 'Choose a country from the list, or none.',
    });
  else if (region && !isKnownHolidayPlace(country, region))
    context.addIssue({
      code: 'custom',
      path: ['holidayRegion'],
      message:
        holidayRegions(country).length > 0
          ? 'Choose a region of this country from the list, or the whole country.'
          : 'This country has no regions with holidays of their own: leave the region empty.',
    });
}

export const createTeamSchema = z
  .object({
    name: teamNameSchema,
    slug: z
      .string({ error: 'Enter the team’s address.' })
      .trim()
      .toLowerCase()
      .min(1, 'Enter the team’s address.')
      .max(60, 'Keep the address under 60 characters.')
      .regex(
        /^[a-z0-9]+(-[a-z0-9]+)*$/,
        'Use lowercase letters, digits and single hyphens, like customer-support.',
      ),
    timeZone: timeZoneSchema,
    ...holidayPlaceFields,
  })
  .superRefine(checkHolidayPlace);
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

export const teamIdSchema = z.object({ teamId: z.uuid('Unknown team.') });

export const updateTeamSchema = teamIdSchema
  .extend({
    name: teamNameSchema,
    timeZone: timeZoneSchema,
    ...holidayPlaceFields,
  })
  .superRefine(checkHolidayPlace);
export type UpdateTeamInput = z.infer<typeof updateTeamSchema>;

export const addMemberSchema = teamIdSchema.extend({
  email: personEmailSchema,
  role: membershipRoleSchema.default('member'),
});
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const membershipSchema = teamIdSchema.extend({ userId: z.uuid('Unknown person.') });
export type MembershipInput = z.infer<typeof membershipSchema>;

export const setMembershipRoleSchema = membershipSchema.extend({ role: membershipRoleSchema });
export type SetMembershipRoleInput = z.infer<typeof setMembershipRoleSchema>;

// Resources

export const RESOURCE_KINDS = ['room', 'equipment', 'vehicle', 'other'] as const;

const resourceFields = {
  name: z
    .string({ error: 'Enter the resource’s name.' })
    .trim()
    .min(1, 'Enter the resource’s name.')
    .max(100, 'Keep the name under 100 characters.'),
  kind: z.enum(RESOURCE_KINDS, { error: 'Choose what kind of resource it is.' }),
  location: optionalText(500, 'location'),
  capacity: z
    .string()
    .trim()
    .optional()
    .transform((text) => (text ? Number(text) : null))
    .pipe(
      z
        .number({ error: 'Enter the capacity as a number of people.' })
        .int('Enter a whole number of people.')
        .min(1, 'A room holds at least one person.')
        .max(10_000, 'Enter at most 10,000 people.')
        .nullable(),
    ),
  description: optionalText(2000, 'description'),
  timeZone: timeZoneSchema,
  bookingPolicy: z.enum(['instant', 'approval'], { error: 'Choose how bookings are made.' }),
  // Emails of the people who manage it, one per line or separated by commas.
  managerEmails: z
    .string()
    .optional()
    .transform((text) => [
      ...new Set(
        (text ?? '')
          .split(/[\s,;]+/)
          .map((email) => email.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.email('Enter the managers’ email addresses, one per line.'))
        .max(50, 'Name at most 50 managers.'),
    ),
};

export const createResourceSchema = z.object({
  ...resourceFields,
  slug: z
    .string({ error: 'Enter the resource’s address.' })
    .trim()
    .toLowerCase()
    .min(1, 'Enter the resource’s address.')
    .max(60, 'Keep the address under 60 characters.')
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      'Use lowercase letters, digits and single hyphens, like meeting-room-2.',
    ),
});
export type CreateResourceInput = z.infer<typeof createResourceSchema>;

export const resourceIdSchema = z.object({ resourceId: z.uuid('Unknown resource.') });

export const updateResourceSchema = resourceIdSchema.extend(resourceFields);
export type UpdateResourceInput = z.infer<typeof updateResourceSchema>;

export const setResourceEnabledSchema = resourceIdSchema.extend({
  enabled: z.enum(['true', 'false']).transform((value) => value === 'true'),
});
export type SetResourceEnabledInput = z.infer<typeof setResourceEnabledSchema>;

// Absence types (the database checks the same key, colour and label rules)

const ABSENCE_TYPE_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** A type's key in an address, `/admin/absence-types/<key>`. */
export const absenceTypeKeySchema = z.string().regex(ABSENCE_TYPE_KEY);

/** A type's key made from its label, `Jury duty (paid)` → `jury_duty_paid`; empty without letters. */
export function absenceTypeKeyFrom(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
}

const absenceTypeFields = {
  label: z
    .string({ error: 'Enter the type’s name.' })
    .trim()
    .min(1, 'Enter the type’s name.')
    .max(60, 'Keep the name under 60 characters.'),
  color: z
    .string({ error: 'Choose a colour.' })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Choose a colour as #rrggbb, like #2563eb.')
    .transform((color) => color.toLowerCase()),
  isPrivate: checkboxSchema,
  requiresApproval: checkboxSchema,
  countsAgainstAllowance: checkboxSchema,
  // Sent only when the type counts against the allowance; left out, the type keeps its rule.
  overAllowance: z
    .enum(['refuse', 'warn'], { error: 'Choose what happens beyond the days left.' })
    .optional(),
  // Empty: at the end of the lists (a new type) or where it is (a change).
  sortOrder: z
    .string()
    .trim()
    .optional()
    .transform((text) => (text ? Number(text) : null))
    .pipe(
      z
        .number({ error: 'Enter the position as a number.' })
        .int('Enter a whole number.')
        .min(0, 'Enter a position from 0 to 999.')
        .max(999, 'Enter a position from 0 to 999.')
        .nullable(),
    ),
};

export const createAbsenceTypeSchema = z
  .object({
    ...absenceTypeFields,
    key: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((key) => key || undefined)
      .pipe(
        z
          .string()
          .regex(
            ABSENCE_TYPE_KEY,
            'Use up to 40 lowercase letters, digits and underscores, starting with a letter, like jury_duty.',
          )
          .optional(),
      ),
  })
  .transform((input, context) => {
    const key = input.key ?? absenceTypeKeyFrom(input.label);
    if (!key) {
      context.addIssue({
        code: 'custom',
        path: ['key'],
        message: 'Choose a key: the name has no letters to make one from.',
      });
      return z.NEVER;
    }
    return { ...input, key };
  });
export type CreateAbsenceTypeInput = z.infer<typeof createAbsenceTypeSchema>;

export const absenceTypeIdSchema = z.object({ typeId: z.uuid('Unknown absence type.') });
export type AbsenceTypeIdInput = z.infer<typeof absenceTypeIdSchema>;

export const updateAbsenceTypeSchema = absenceTypeIdSchema.extend(absenceTypeFields);
export type UpdateAbsenceTypeInput = z.infer<typeof updateAbsenceTypeSchema>;

export const setAbsenceTypeActiveSchema = absenceTypeIdSchema.extend({
  active: z.enum(['true', 'false']).transform((value) => value === 'true'),
});

// Allowances (the database checks the same ranges)

/** Days typed in a form: whole or half, '27.5' or '27,5'; `empty` stands for a blank field. */
const dayCountSchema = (required: string, empty?: number) =>
  z
    .string({ error: required })
    .trim()
    .refine((text) => text !== '' || empty !== undefined, required)
    .transform((text) => (text === '' ? empty! : Number(text.replace(',', '.'))))
    .pipe(
      z
        .number({ error: 'Enter a number of days, like 25 or 27.5.' })
        .min(0, 'Enter 0 days or more.')
        .max(366, 'Enter at most 366 days.')
        .multipleOf(0.5, 'Enter whole or half days, like 27.5.'),
    );

const allowanceFields = {
  year: z.coerce
    .number({ error: 'Enter a year, like 2027.' })
    .int('Enter a year, like 2027.')
    .min(2000, 'Enter a year from 2000 to 2100.')
    .max(2100, 'Enter a year from 2000 to 2100.'),
  days: dayCountSchema('Enter the year’s days, like 25.'),
  carryOverMax: dayCountSchema('Enter how many days may carry over, or 0.', 0),
  carryOverExpiresOn: z
    .string()
    .trim()
    .optional()
    .transform((text) => text || null)
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose a date, like 31 March.')
        .refine(isCalendarDate, 'Choose a date, like 31 March.')
        .nullable(),
    ),
};

/** The expiry of carried days falls inside the allowance's own year. */
const expiresInYear = (
  input: { year: number; carryOverExpiresOn: string | null },
  context: z.RefinementCtx,
) => {
  if (input.carryOverExpiresOn && !input.carryOverExpiresOn.startsWith(`${input.year}-`))
    context.addIssue({
      code: 'custom',
      path: ['carryOverExpiresOn'],
      message: `Choose a date in ${input.year}, like 31 March ${input.year}.`,
    });
};

export const setAllowanceSchema = userIdSchema.extend(allowanceFields).superRefine(expiresInYear);
export type SetAllowanceInput = z.infer<typeof setAllowanceSchema>;

export const setTeamAllowancesSchema = teamIdSchema
  .extend(allowanceFields)
  .superRefine(expiresInYear);
export type SetTeamAllowancesInput = z.infer<typeof setTeamAllowancesSchema>;

// Policy

export const policySchema = z.object({
  maxTokenLifetimeDays: z.coerce
    .number({ error: 'Enter a number of days.' })
    .int('Enter a whole number of days.')
    .min(1, 'Enter at least 1 day.')
    .max(3660, 'Enter at most 3660 days (about ten years).'),
  personalLinkLifetimeDays: z.coerce
    .number({ error: 'Enter a number of days.' })
    .int('Enter a whole number of days.')
    .min(1, 'Enter at least 1 day.')
    .max(3660, 'Enter at most 3660 days (about ten years).'),
  publicLinksAllowed: checkboxSchema,
  neverExpiringLinksAllowed: checkboxSchema,
  guestSharesAllowed: checkboxSchema,
  oidcProvisioningAllowed: checkboxSchema,
  passwordSignInAllowed: checkboxSchema,
});
export type PolicyInput = z.infer<typeof policySchema>;

// Token audit

export const TOKEN_KINDS = ['personal', 'public', 'guest'] as const;
export const TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;

export const tokenFilterSchema = z.object({
  team: optionalUuid,
  calendar: z.enum(CALENDAR_KINDS).optional().catch(undefined),
  owner: optionalUuid,
  /** Part of an owner's name or email, or of a guest's email. */
  who: searchTextSchema,
  kind: z.enum(TOKEN_KINDS).optional().catch(undefined),
  status: z.enum(TOKEN_STATUSES).optional().catch(undefined),
  sort: z.enum(['created', 'last_used']).catch('created'),
  dir: z.enum(['desc', 'asc']).catch('desc'),
  page: pageSchema,
});
export type TokenFilter = z.infer<typeof tokenFilterSchema>;

const revokeReasonSchema = z
  .string({ error: 'Say why: the audit log keeps the reason.' })
  .trim()
  .min(1, 'Say why: the audit log keeps the reason.')
  .max(500, 'Keep the reason under 500 characters.');

export const revokeTokenSchema = z.object({
  tokenId: z.uuid('Unknown link.'),
  reason: revokeReasonSchema,
});
export type RevokeTokenInput = z.infer<typeof revokeTokenSchema>;

export const revokeUserTokensSchema = userIdSchema.extend({ reason: revokeReasonSchema });
export type RevokeUserTokensInput = z.infer<typeof revokeUserTokensSchema>;

// Audit log

const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDate)
  .optional()
  .catch(undefined);

export const auditFilterSchema = z.object({
  /** The start of an action name: `feed_token` or `feed_token.revoked`. */
  action: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z_.]{1,60}$/)
    .optional()
    .catch(undefined),
  /** Part of the actor's name or email. */
  actor: searchTextSchema,
  /** UTC dates, inclusive. */
  from: optionalDate,
  to: optionalDate,
  page: pageSchema,
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const outboxFilterSchema = z.object({
  state: z.enum(['queued', 'sent', 'failed', 'held']).optional().catch(undefined),
  page: pageSchema,
});
export type OutboxFilter = z.infer<typeof outboxFilterSchema>;

export const outboxMessageIdSchema = z.object({ messageId: z.uuid('Unknown message.') });

// A person's own settings

export const profileSchema = z.object({
  timeZone: timeZoneSchema,
  // 'auto' follows the browser (Accept-Language); mails and feeds are then written in English.
  language: z.enum(['auto', ...languages]).catch('auto'),
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const ownAbsencesSchema = z.object({ includesOwnAbsences: checkboxSchema });
export const notificationMailsSchema = z.object({ notifyByMail: checkboxSchema });
