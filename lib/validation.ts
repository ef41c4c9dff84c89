import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '@/lib/passwords';
import { isCalendarDate } from '@/lib/workdays';

// The zod schemas of every boundary, with messages written for the person filling the form.

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'This email address is too long.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'));

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX_LENGTH, 'This password is too long.'),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const teamSlugSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** A path inside TeamCal to return to after sign-in; anything else (other sites, `//host`) is dropped. */
export const callbackPathSchema = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/)
  .catch('/teams');

const isoDateSchema = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as a date.`)
    .refine(isCalendarDate, `The ${label} is not a real date.`);

/** Form checkboxes arrive as "on" or not at all. */
const checkboxSchema = z.preprocess(
  (value) => value === true || value === 'on' || value === 'true',
  z.boolean(),
);

export const ABSENCE_NOTE_MAX_LENGTH = 500;

export const absenceRequestSchema = z
  .object({
    typeId: z.uuid('Choose a type of absence.'),
    startDate: isoDateSchema('first day'),
    endDate: isoDateSchema('last day'),
    halfDayStart: checkboxSchema,
    halfDayEnd: checkboxSchema,
    note: z
      .string()
      .trim()
      .max(ABSENCE_NOTE_MAX_LENGTH, `Keep the note under ${ABSENCE_NOTE_MAX_LENGTH} characters.`)
      .optional()
      .transform((note) => note || null),
  })
  .refine((a) => a.endDate >= a.startDate, {
    path: ['endDate'],
    message: 'The last day cannot be before the first day.',
  })
  .refine((a) => !(a.startDate === a.endDate && a.halfDayStart && a.halfDayEnd), {
    path: ['halfDayEnd'],
    message: 'A single day cannot have both halves off: leave both unticked for the whole day.',
  });
export type AbsenceRequestInput = z.infer<typeof absenceRequestSchema>;

const yearSchema = z.coerce.number().int().min(2000).max(2100);

/**
 * The team page's period from its query string: a year, a month for the grid and the coverage
 * chart's range. Anything missing or malformed falls back to today's year and month.
 */
export function statisticsPeriodSchema(today: string) {
  const thisYear = Number(today.slice(0, 4));
  return z
    .object({
      year: yearSchema.optional().catch(undefined),
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
        .refine((month) => yearSchema.safeParse(month.slice(0, 4)).success)
        .optional()
        .catch(undefined),
      coverage: z.enum(['month', 'year']).catch('month'),
    })
    .transform(({ year, month, coverage }) => {
      const shownYear = year ?? (month ? Number(month.slice(0, 4)) : thisYear);
      const defaultMonth = shownYear === thisYear ? today.slice(0, 7) : `${shownYear}-01`;
      return { year: shownYear, month: month ?? defaultMonth, coverage };
    });
}

/** Form values as one object; a name that appears several times (checkboxes) gives an array. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key);
    object[key] = values.length > 1 ? values : values[0];
  }
  return object;
}

export const privacyLevelSchema = z.enum(['full', 'standard', 'busy'], {
  error: 'Choose what the calendar shows.',
});

/** What a feed link shows: its privacy level and filters. */
export const feedOptionsSchema = z.object({
  privacy: privacyLevelSchema.default('standard'),
  includePending: checkboxSchema,
  includeTeamEvents: checkboxSchema,
  absenceTypeIds: z
    .preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.uuid('Unknown absence type.')).max(50),
    )
    .refine((ids) => ids.length > 0, 'Choose at least one type of absence.'),
});
export type FeedOptionsInput = z.infer<typeof feedOptionsSchema>;

export const absenceDecisionSchema = z.object({
  absenceId: z.uuid('Unknown absence.'),
  decision: z.enum(['approve', 'reject']),
  reason: z
    .string()
    .trim()
    .max(500, 'Keep the reason under 500 characters.')
    .optional()
    .transform((reason) => reason || null),
});
export type AbsenceDecisionInput = z.infer<typeof absenceDecisionSchema>;
