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
  .string({ error: message('admin.validation.personEmail') })
  .trim()
  .min(1, message('admin.validation.personEmail'))
  .pipe(emailSchema);

const personNameSchema = z
  .string({ error: message('admin.validation.personName') })
  .trim()
  .min(1, message('admin.validation.personName'))
  .max(100, message('admin.validation.name100'));

export const userRoleSchema = z.enum(['admin', 'member'], {
  error: message('admin.validation.adminOrMember'),
});
export const membershipRoleSchema = z.enum(['manager', 'member'], {
  error: message('admin.validation.managerOrMember'),
});

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);
const searchTextSchema = z.string().trim().max(100).optional().catch(undefined);
const optionalUuid = z.uuid().optional().catch(undefined);

// Users

/** A person's language: 'auto' (or none given) follows their browser, stored as null. */
const personLanguageSchema = z
  .enum(['auto', ...languages], { error: message('admin.validation.language') })
  .optional();

export const createUserSchema = z.object({
  email: personEmailSchema,
  name: personNameSchema,
  role: userRoleSchema.default('member'),
  language: personLanguageSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const userIdSchema = z.object({ userId: z.uuid(message('admin.validation.unknownPerson')) });
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
      .min(
        PASSWORD_MIN_LENGTH,
        message('auth.errors.passwordTooShort', { min: PASSWORD_MIN_LENGTH }),
      )
      .max(
        PASSWORD_MAX_LENGTH,
        message('auth.errors.passwordTooLongMax', { max: PASSWORD_MAX_LENGTH }),
      ),
    confirmation: z
      .string({ error: message('auth.errors.typeAgain') })
      .min(1, message('auth.errors.typeAgain'))
      .max(
        PASSWORD_MAX_LENGTH,
        message('auth.errors.passwordTooLongMax', { max: PASSWORD_MAX_LENGTH }),
      ),
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
  .string({ error: message('admin.validation.timeZone') })
  .trim()
  .min(1, message('admin.validation.timeZone'))
  .refine((zone) => knownTimeZones.has(zone), message('admin.validation.timeZoneList'));

const teamNameSchema = z
  .string({ error: message('admin.validation.teamName') })
  .trim()
  .min(1, message('admin.validation.teamName'))
  .max(100, message('admin.validation.name100'));

/** A select's value: empty means none. */
const optionalCode = z
  .string()
  .trim()
  .max(10, message('admin.validation.fromList'))
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
        message: message('admin.validation.countryFirst'),
      });
    return;
  }
  if (!isKnownHolidayPlace(country, null))
    context.addIssue({
      code: 'custom',
      path: ['holidayCountry'],
      message: message('admin.validation.countryList'),
    });
  else if (region && !isKnownHolidayPlace(country, region))
    context.addIssue({
      code: 'custom',
      path: ['holidayRegion'],
      message:
        holidayRegions(country).length > 0
          ? message('admin.validation.regionList')
          : message('admin.validation.noRegions'),
    });
}

export const createTeamSchema = z
  .object({
    name: teamNameSchema,
    slug: z
      .string({ error: message('admin.validation.teamAddress') })
      .trim()
      .toLowerCase()
      .min(1, message('admin.validation.teamAddress'))
      .max(60, message('admin.validation.address60'))
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, message('admin.validation.teamSlug')),
    timeZone: timeZoneSchema,
    ...holidayPlaceFields,
  })
  .superRefine(checkHolidayPlace);
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

export const teamIdSchema = z.object({ teamId: z.uuid(message('admin.validation.unknownTeam')) });

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

export const membershipSchema = teamIdSchema.extend({
  userId: z.uuid(message('admin.validation.unknownPerson')),
});
export type MembershipInput = z.infer<typeof membershipSchema>;

export const setMembershipRoleSchema = membershipSchema.extend({ role: membershipRoleSchema });
export type SetMembershipRoleInput = z.infer<typeof setMembershipRoleSchema>;

// Resources

export const RESOURCE_KINDS = ['room', 'equipment', 'vehicle', 'other'] as const;

const resourceFields = {
  name: z
    .string({ error: message('admin.validation.resourceName') })
    .trim()
    .min(1, message('admin.validation.resourceName'))
    .max(100, message('admin.validation.name100')),
  kind: z.enum(RESOURCE_KINDS, { error: message('admin.validation.resourceKind') }),
  location: optionalText(500, 'location'),
  capacity: z
    .string()
    .trim()
    .optional()
    .transform((text) => (text ? Number(text) : null))
    .pipe(
      z
        .number({ error: message('admin.validation.capacityNumber') })
        .int(message('admin.validation.capacityWhole'))
        .min(1, message('admin.validation.capacityMin'))
        .max(10_000, message('admin.validation.capacityMax'))
        .nullable(),
    ),
  description: optionalText(2000, 'description'),
  timeZone: timeZoneSchema,
  bookingPolicy: z.enum(['instant', 'approval'], {
    error: message('admin.validation.bookingPolicy'),
  }),
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
        .array(z.email(message('admin.validation.managerEmails')))
        .max(50, message('admin.validation.managersMax')),
    ),
};

export const createResourceSchema = z.object({
  ...resourceFields,
  slug: z
    .string({ error: message('admin.validation.resourceAddress') })
    .trim()
    .toLowerCase()
    .min(1, message('admin.validation.resourceAddress'))
    .max(60, message('admin.validation.address60'))
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, message('admin.validation.resourceSlug')),
});
export type CreateResourceInput = z.infer<typeof createResourceSchema>;

export const resourceIdSchema = z.object({
  resourceId: z.uuid(message('admin.validation.unknownResource')),
});

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
    .string({ error: message('admin.validation.typeName') })
    .trim()
    .min(1, message('admin.validation.typeName'))
    .max(60, message('admin.validation.name60')),
  color: z
    .string({ error: message('admin.validation.colour') })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, message('admin.validation.colourHex'))
    .transform((color) => color.toLowerCase()),
  isPrivate: checkboxSchema,
  requiresApproval: checkboxSchema,
  countsAgainstAllowance: checkboxSchema,
  // Sent only when the type counts against the allowance; left out, the type keeps its rule.
  overAllowance: z
    .enum(['refuse', 'warn'], { error: message('admin.validation.overAllowance') })
    .optional(),
  // Empty: at the end of the lists (a new type) or where it is (a change).
  sortOrder: z
    .string()
    .trim()
    .optional()
    .transform((text) => (text ? Number(text) : null))
    .pipe(
      z
        .number({ error: message('admin.validation.positionNumber') })
        .int(message('admin.validation.wholeNumber'))
        .min(0, message('admin.validation.positionRange'))
        .max(999, message('admin.validation.positionRange'))
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
      .pipe(z.string().regex(ABSENCE_TYPE_KEY, message('admin.validation.typeKey')).optional()),
  })
  .transform((input, context) => {
    const key = input.key ?? absenceTypeKeyFrom(input.label);
    if (!key) {
      context.addIssue({
        code: 'custom',
        path: ['key'],
        message: message('admin.validation.keyNeeded'),
      });
      return z.NEVER;
    }
    return { ...input, key };
  });
export type CreateAbsenceTypeInput = z.infer<typeof createAbsenceTypeSchema>;

export const absenceTypeIdSchema = z.object({
  typeId: z.uuid(message('admin.validation.unknownType')),
});
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
        .number({ error: message('admin.validation.daysNumber') })
        .min(0, message('admin.validation.daysMin'))
        .max(366, message('admin.validation.daysMax'))
        .multipleOf(0.5, message('admin.validation.daysHalf')),
    );

const allowanceFields = {
  year: z.coerce
    .number({ error: message('admin.validation.year') })
    .int(message('admin.validation.year'))
    .min(2000, message('admin.validation.yearRange'))
    .max(2100, message('admin.validation.yearRange')),
  days: dayCountSchema(message('admin.validation.yearDays')),
  carryOverMax: dayCountSchema(message('admin.validation.carryDays'), 0),
  carryOverExpiresOn: z
    .string()
    .trim()
    .optional()
    .transform((text) => text || null)
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, message('admin.validation.date'))
        .refine(isCalendarDate, message('admin.validation.date'))
        .nullable(),
    ),
};

/** The expiry of carried days falls inside the allowance's own year. */
const expiresInYear = (
  input: { year: number; carryOverExpiresOn: string | null },
  context: z.RefinementCtx,
) => {
  // Outside 2000–2100 the year field says so already; this also keeps message()'s table small.
  if (input.year < 2000 || input.year > 2100) return;
  if (input.carryOverExpiresOn && !input.carryOverExpiresOn.startsWith(`${input.year}-`))
    context.addIssue({
      code: 'custom',
      path: ['carryOverExpiresOn'],
      // A string: ICU writes a number with a thousands separator.
      message: message('admin.validation.dateInYear', { year: String(input.year) }),
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
    .number({ error: message('admin.validation.numberOfDays') })
    .int(message('admin.validation.wholeDays'))
    .min(1, message('admin.validation.atLeastOneDay'))
    .max(3660, message('admin.validation.atMost3660')),
  personalLinkLifetimeDays: z.coerce
    .number({ error: message('admin.validation.numberOfDays') })
    .int(message('admin.validation.wholeDays'))
    .min(1, message('admin.validation.atLeastOneDay'))
    .max(3660, message('admin.validation.atMost3660')),
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
  .string({ error: message('admin.validation.reason') })
  .trim()
  .min(1, message('admin.validation.reason'))
  .max(500, message('admin.validation.reason500'));

export const revokeTokenSchema = z.object({
  tokenId: z.uuid(message('admin.validation.unknownLink')),
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

export const outboxMessageIdSchema = z.object({
  messageId: z.uuid(message('admin.validation.unknownMessage')),
});

// A person's own settings

export const profileSchema = z.object({
  timeZone: timeZoneSchema,
  // 'auto' follows the browser (Accept-Language); mails and feeds are then written in English.
  language: z.enum(['auto', ...languages]).catch('auto'),
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const ownAbsencesSchema = z.object({ includesOwnAbsences: checkboxSchema });
export const notificationMailsSchema = z.object({ notifyByMail: checkboxSchema });
