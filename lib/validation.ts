import { z } from 'zod';
import { message } from '@/lib/i18n/translate';
import { PASSWORD_MAX_LENGTH } from '@/lib/passwords';
import type { CalendarRef } from '@/lib/dal/calendars';

/** A calendar named by kind, as in a path; never by id. */
export type CalendarPath = Exclude<CalendarRef, { id: string } | { resourceId: string }>;
import { isCalendarDate } from '@/lib/workdays';

// The zod schemas of every boundary, with messages written for the person filling the form.

export const emailSchema = z
  .string({ error: message('auth.errors.emailMissing') })
  .trim()
  .toLowerCase()
  .min(1, message('auth.errors.emailMissing'))
  .max(254, message('auth.errors.emailTooLong'))
  .pipe(z.email(message('auth.errors.emailInvalid')));

export const passwordResetRequestSchema = z.object({ email: emailSchema });

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: message('auth.errors.passwordMissing') })
    .min(1, message('auth.errors.passwordMissing'))
    .max(PASSWORD_MAX_LENGTH, message('auth.errors.passwordTooLong')),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const teamSlugSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/**
 * Which calendar an action or a download is about, as it appears in paths: `team/<slug>`,
 * `resource/<slug>`, or `person/me` (the signed-in person's own; nobody names another's).
 */
export const calendarPathSchema = z
  .string()
  .max(120)
  .regex(/^(?:(?:team|resource)\/[a-z0-9]+(?:-[a-z0-9]+)*|person\/me)$/, 'Unknown calendar.')
  .transform((path): CalendarPath => {
    const [kind, slug] = path.split('/') as ['team' | 'resource' | 'person', string];
    return kind === 'person' ? { kind } : { kind, slug };
  });

/** A path inside TeamCal to return to after sign-in; anything else (other sites, `//host`) is dropped. */
export const callbackPathSchema = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/)
  .catch('/teams');

/** An absence's first or last day; `day` names its messages (absences.errors.firstDay…). */
const isoDateSchema = (day: 'firstDay' | 'lastDay') =>
  z
    .string({ error: message(`absences.errors.${day}Missing`) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message(`absences.errors.${day}Format`))
    .refine(isCalendarDate, message(`absences.errors.${day}Invalid`));

/** Form checkboxes arrive as "on" or not at all. */
export const checkboxSchema = z.preprocess(
  (value) => value === true || value === 'on' || value === 'true',
  z.boolean(),
);

export const ABSENCE_NOTE_MAX_LENGTH = 500;

export const absenceRequestSchema = z
  .object({
    typeId: z.uuid(message('absences.errors.chooseType')),
    startDate: isoDateSchema('firstDay'),
    endDate: isoDateSchema('lastDay'),
    halfDayStart: checkboxSchema,
    halfDayEnd: checkboxSchema,
    note: z
      .string()
      .trim()
      .max(ABSENCE_NOTE_MAX_LENGTH, message('absences.errors.noteTooLong'))
      .optional()
      .transform((note) => note || null),
  })
  .refine((a) => a.endDate >= a.startDate, {
    path: ['endDate'],
    message: message('absences.errors.lastBeforeFirst'),
  })
  .refine((a) => !(a.startDate === a.endDate && a.halfDayStart && a.halfDayEnd), {
    path: ['halfDayEnd'],
    message: message('absences.errors.bothHalves'),
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
  error: message('calendar.errors.privacy'),
});

/** What a feed link shows: its privacy level and filters. */
const feedOptionsShape = {
  privacy: privacyLevelSchema.default('standard'),
  includePending: checkboxSchema,
  includeTeamEvents: checkboxSchema,
  includeHolidays: checkboxSchema,
  // None ticked: team events only, e.g. a resource calendar for a mileage or booking app.
  absenceTypeIds: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.uuid(message('calendar.errors.unknownType'))).max(50),
  ),
};
const showsSomething: [
  (o: {
    absenceTypeIds: string[];
    includeTeamEvents: boolean;
    includeHolidays: boolean;
  }) => boolean,
  { path: string[]; message: string },
] = [
  (o) => o.absenceTypeIds.length > 0 || o.includeTeamEvents || o.includeHolidays,
  {
    path: ['absenceTypeIds'],
    message: message('calendar.errors.showsNothing'),
  },
];

export const feedOptionsSchema = z.object(feedOptionsShape).refine(...showsSomething);
export type FeedOptionsInput = z.infer<typeof feedOptionsSchema>;

const exportDate = (key: 'fromMissing' | 'toMissing') =>
  z
    .string({ error: message(`calendar.export.errors.${key}`) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message(`calendar.export.errors.${key}`))
    .refine(isCalendarDate, message(`calendar.export.errors.${key}`));

/** Export ICS's choices, from its query string: what a link would show, and a span of dates. */
export const calendarExportSchema = z
  .object({ ...feedOptionsShape, from: exportDate('fromMissing'), to: exportDate('toMissing') })
  .refine(...showsSomething)
  .refine((o) => o.to >= o.from, { path: ['to'], message: message('calendar.export.errors.order') })
  .refine((o) => Date.parse(o.to) - Date.parse(o.from) <= 3660 * 86_400_000, {
    path: ['to'],
    message: message('calendar.export.errors.tooLong'),
  });
export type CalendarExportInput = z.infer<typeof calendarExportSchema>;

/** A public link's settings; `expiresInDays` is a number of days or "never". */
export const publicLinkSchema = z
  .object({
    ...feedOptionsShape,
    label: z
      .string({ error: message('share.errors.publicLabelMissing') })
      .trim()
      .min(1, message('share.errors.publicLabelMissing'))
      .max(100, message('share.errors.labelTooLong')),
    privacy: privacyLevelSchema.default('busy'),
    expiresInDays: z.union([
      z.literal('never'),
      z.coerce
        .number({ error: message('share.errors.expiryMissing') })
        .int(message('share.errors.expiryWhole'))
        .min(1, message('share.errors.expiryMin'))
        .max(3660, message('share.errors.expiryMax')),
    ]),
  })
  .refine(...showsSomething);
export type PublicLinkInput = z.infer<typeof publicLinkSchema>;

/** The guest's address, with messages about the guest rather than the person typing it. */
export const guestEmailSchema = z
  .string({ error: message('share.errors.guestEmailMissing') })
  .trim()
  .toLowerCase()
  .min(1, message('share.errors.guestEmailMissing'))
  .max(254, message('share.errors.guestEmailTooLong'))
  .pipe(z.email(message('share.errors.guestEmailInvalid')));

export const guestShareSchema = z.object({
  email: guestEmailSchema,
  label: z
    .string({ error: message('share.errors.guestLabelMissing') })
    .trim()
    .min(1, message('share.errors.guestLabelMissing'))
    .max(100, message('share.errors.labelTooLong')),
  privacy: privacyLevelSchema.default('busy'),
  includeHolidays: checkboxSchema,
});
export type GuestShareInput = z.infer<typeof guestShareSchema>;

export const minimumPresentSchema = z.object({
  teamId: z.uuid(message('teams.errors.unknownTeam')),
  minimumPresent: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : Number(value)))
    .pipe(
      z
        .number({ error: message('teams.errors.wholeNumber') })
        .int(message('teams.errors.wholeNumber'))
        .min(1, message('teams.errors.atLeastOne'))
        .max(10_000, message('teams.errors.atMost'))
        .nullable(),
    ),
});

export const absenceDecisionSchema = z.object({
  absenceId: z.uuid(message('teams.errors.unknownAbsence')),
  decision: z.enum(['approve', 'reject']),
  reason: z
    .string()
    .trim()
    .max(500, message('teams.errors.reasonTooLong'))
    .optional()
    .transform((reason) => reason || null),
});
export type AbsenceDecisionInput = z.infer<typeof absenceDecisionSchema>;

// Calendar events (team events, appointments). Dates and times are entered in the calendar's time
// zone; the data-access layer turns times into instants, since only it knows the zone.

export const EVENT_TITLE_MAX_LENGTH = 200;
export const EVENT_LOCATION_MAX_LENGTH = 500;
export const EVENT_DESCRIPTION_MAX_LENGTH = 4000;

const eventDateSchema = (field: 'startDate' | 'endDate') =>
  z
    .string({ error: message(`calendar.events.errors.${field}Missing`) })
    .trim()
    .min(1, { error: message(`calendar.events.errors.${field}Missing`), abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, {
      error: message(`calendar.events.errors.${field}Format`),
      abort: true,
    })
    .refine(isCalendarDate, message(`calendar.events.errors.${field}Invalid`));

/** 'HH:MM' (a browser may add seconds), or nothing: an all-day event has no times. */
const eventTimeSchema = (field: 'startTime' | 'endTime') =>
  z
    .string()
    .trim()
    .regex(
      /^(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?$/,
      message(`calendar.events.errors.${field}Format`),
    )
    .optional()
    .transform((time) => (time ? time.slice(0, 5) : null));

/** Optional free text up to `max` characters; empty means none (null). */
export const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${what} under ${max} characters.`)
    .optional()
    .transform((text) => text || null);

const eventFields = z.object({
  calendarId: z.uuid(message('calendar.errors.unknownCalendar')),
  title: z
    .string({ error: message('calendar.events.errors.titleMissing') })
    .trim()
    .min(1, message('calendar.events.errors.titleMissing'))
    .max(EVENT_TITLE_MAX_LENGTH, message('calendar.events.errors.titleTooLong')),
  allDay: checkboxSchema,
  startDate: eventDateSchema('startDate'),
  startTime: eventTimeSchema('startTime'),
  endDate: eventDateSchema('endDate'),
  endTime: eventTimeSchema('endTime'),
  location: optionalText(EVENT_LOCATION_MAX_LENGTH, 'location'),
  description: optionalText(EVENT_DESCRIPTION_MAX_LENGTH, 'description'),
});

interface EventTiming {
  allDay: boolean;
  startDate: string;
  startTime: string | null;
  endDate: string;
  endTime: string | null;
}
const hasIssueOn =
  (...fields: string[]) =>
  (payload: { issues: Array<{ path?: PropertyKey[] }> }) =>
    payload.issues.some((i) => fields.includes(String(i.path?.[0])));
const issueOn =
  (ctx: z.RefinementCtx<EventTiming>) => (field: keyof EventTiming, message: string) =>
    ctx.addIssue({ code: 'custom', path: [field], message });

// Each rule runs as soon as the fields it reads are valid, so that its message appears together
// with those of the other fields rather than after the person has fixed them.
const eventTimesRequired = z.superRefine<EventTiming>(
  (event, ctx) => {
    if (event.allDay) return;
    if (!event.startTime)
      issueOn(ctx)('startTime', message('calendar.events.errors.startTimeMissing'));
    if (!event.endTime) issueOn(ctx)('endTime', message('calendar.events.errors.endTimeMissing'));
  },
  { when: (payload) => !hasIssueOn('allDay', 'startTime', 'endTime')(payload) },
);
const eventEndsAfterStart = z.superRefine<EventTiming>(
  (event, ctx) => {
    if (event.endDate < event.startDate)
      issueOn(ctx)('endDate', message('calendar.events.errors.endBeforeStart'));
    else if (
      !event.allDay &&
      event.startTime &&
      event.endTime &&
      event.endDate === event.startDate &&
      event.endTime <= event.startTime
    )
      issueOn(ctx)('endTime', message('calendar.events.errors.endsBeforeStarts'));
  },
  {
    when: (payload) =>
      !hasIssueOn('allDay', 'startDate', 'startTime', 'endDate', 'endTime')(payload),
  },
);

const dropTimesOfAllDay = <T extends EventTiming>(event: T): T =>
  event.allDay ? { ...event, startTime: null, endTime: null } : event;

export const calendarEventSchema = eventFields
  .extend({
    // Made by the form each time it is shown: the same key twice is the same submission.
    submissionKey: z.uuid(message('calendar.events.errors.formExpired')),
    // A room (or other resource) the event books; its location becomes the event's.
    resourceId: z
      .union([z.literal(''), z.uuid(message('calendar.events.errors.unknownRoom'))])
      .optional()
      .transform((id) => id || null),
  })
  .check(eventTimesRequired, eventEndsAfterStart)
  .transform(dropTimesOfAllDay);
export type CalendarEventInput = z.infer<typeof calendarEventSchema>;

export const calendarEventUpdateSchema = eventFields
  .extend({ eventId: z.uuid(message('calendar.events.errors.unknownEvent')) })
  .check(eventTimesRequired, eventEndsAfterStart)
  .transform(dropTimesOfAllDay);
export type CalendarEventUpdateInput = z.infer<typeof calendarEventUpdateSchema>;

export const calendarEventCancelSchema = z.object({
  calendarId: z.uuid(message('calendar.errors.unknownCalendar')),
  eventId: z.uuid(message('calendar.events.errors.unknownEvent')),
});
export type CalendarEventCancelInput = z.infer<typeof calendarEventCancelSchema>;

// Bookings of a resource: dates and times in the resource's time zone.

export const BOOKING_NOTE_MAX_LENGTH = 1000;

/** A booking's date; `field` names its messages (resources.errors.startDate…). */
const bookingDateSchema = (field: 'startDate' | 'endDate') =>
  z
    .string({ error: message(`resources.errors.${field}Missing`) })
    .trim()
    .min(1, { error: message(`resources.errors.${field}Missing`), abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, {
      error: message(`resources.errors.${field}Format`),
      abort: true,
    })
    .refine(isCalendarDate, message(`resources.errors.${field}Invalid`));

/** A booking's 'HH:MM' (a browser may add seconds); required. */
const bookingTimeSchema = (field: 'startTime' | 'endTime') =>
  z
    .string({ error: message(`resources.errors.${field}Missing`) })
    .trim()
    .min(1, { error: message(`resources.errors.${field}Missing`), abort: true })
    .regex(/^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/, message(`resources.errors.${field}Format`))
    .transform((time) => time.slice(0, 5));

export const bookingSchema = z
  .object({
    resourceId: z.uuid(message('resources.errors.unknownResource')),
    title: z
      .string({ error: message('resources.errors.titleMissing') })
      .trim()
      .min(1, message('resources.errors.titleMissing'))
      .max(EVENT_TITLE_MAX_LENGTH, message('resources.errors.titleTooLong')),
    note: z
      .string()
      .trim()
      .max(BOOKING_NOTE_MAX_LENGTH, message('resources.errors.noteTooLong'))
      .optional()
      .transform((text) => text || null),
    startDate: bookingDateSchema('startDate'),
    startTime: bookingTimeSchema('startTime'),
    endDate: bookingDateSchema('endDate'),
    endTime: bookingTimeSchema('endTime'),
    submissionKey: z.uuid(message('resources.errors.expired')),
  })
  .refine(
    (booking) =>
      `${booking.endDate}T${booking.endTime}` > `${booking.startDate}T${booking.startTime}`,
    { path: ['endTime'], message: message('resources.errors.endsBeforeStart') },
  );
export type BookingInput = z.infer<typeof bookingSchema>;

export const bookingIdSchema = z.object({
  bookingId: z.uuid(message('resources.errors.unknownBooking')),
});

export const bookingDecisionSchema = bookingIdSchema.extend({
  decision: z.enum(['confirm', 'decline'], { error: message('resources.errors.chooseDecision') }),
});
export type BookingDecisionInput = z.infer<typeof bookingDecisionSchema>;

/** Which week a page shows: any day in it, 'YYYY-MM-DD'; a bad value shows the current week. */
export const weekParamSchema = (today: string) =>
  z.object({
    week: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .refine(isCalendarDate)
      .catch(today)
      .default(today),
  });
