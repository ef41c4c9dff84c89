import 'server-only';
import { and, asc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import { getDb, isExclusionViolation, type Transaction } from '@/db';
import { bookings, resources, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { DatedText } from '@/lib/i18n/dated-text';
import { formatTime } from '@/lib/i18n/format';
import { TranslatableText } from '@/lib/i18n/translate';
import type { RequestInfo } from '@/lib/request-info';
import type { BookingDecisionInput, BookingInput } from '@/lib/validation';
import { localInstant } from '@/lib/zoned-time';
import type { Actor } from './actor';
import { recordAuditEvent } from './audit';
import { bumpResourceCalendarVersion } from './calendar-version';
import { findCalendarForActor } from './calendars';

// Bookings of a resource. Two live bookings (requested or confirmed) of one resource never
// overlap: the database's exclusion constraint decides, so two members booking the same slot at
// once get one booking and one conflict, whichever instance serves them. Cancelled and declined
// bookings stay, so that subscribed calendars remove them.

export type BookingStatus = 'requested' | 'confirmed' | 'declined' | 'cancelled';
const LIVE: BookingStatus[] = ['requested', 'confirmed'];

export interface BookingDto {
  id: string;
  resourceId: string;
  title: string;
  note: string | null;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  bookedById: string;
  bookedByName: string;
  /** Set when a team event holds the resource. */
  eventId: string | null;
}

const bookingColumns = {
  id: bookings.id,
  resourceId: bookings.resourceId,
  title: bookings.title,
  note: bookings.note,
  startsAt: bookings.startsAt,
  endsAt: bookings.endsAt,
  status: bookings.status,
  bookedById: bookings.bookedById,
  bookedByName: users.name,
  eventId: bookings.eventId,
};

/** The resource's calendar, if the actor may book it (any member, while it is enabled). */
async function bookableResource(db: Transaction, actor: Actor, resourceId: string) {
  const [resource] = await db
    .select({
      id: resources.id,
      name: resources.name,
      location: resources.location,
      timeZone: resources.timeZone,
      bookingPolicy: resources.bookingPolicy,
    })
    .from(resources)
    .where(eq(resources.id, resourceId));
  if (!resource)
    throw new AppError('not_found', new TranslatableText('resources.errors.resourceNotFound'));
  return { ...resource, calendar: await findResourceCalendar(actor, resourceId, db) };
}

const findResourceCalendar = (actor: Actor, resourceId: string, db?: Transaction) =>
  findCalendarForActor(actor, { resourceId }, db);

/** How a time reads in a refusal: "Tue 8 Dec 2026, 10:00" (en-GB), in the reader's locale. */
function describeInstant(instant: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(instant);
}

/**
 * The earliest start at or after `from` where a span of `durationMs` fits between the resource's
 * live bookings.
 */
async function nextFreeStart(
  tx: Transaction,
  resourceId: string,
  from: Date,
  durationMs: number,
  exceptBookingId?: string,
): Promise<Date> {
  const busy = await tx
    .select({ startsAt: bookings.startsAt, endsAt: bookings.endsAt })
    .from(bookings)
    .where(
      and(
        eq(bookings.resourceId, resourceId),
        inArray(bookings.status, LIVE),
        gt(bookings.endsAt, from),
        exceptBookingId ? ne(bookings.id, exceptBookingId) : undefined,
      ),
    )
    .orderBy(asc(bookings.startsAt))
    .limit(500);
  let candidate = from.getTime();
  for (const span of busy) {
    if (span.startsAt.getTime() >= candidate + durationMs) break;
    candidate = Math.max(candidate, span.endsAt.getTime());
  }
  return new Date(candidate);
}

/**
 * The refusal of an overlapping booking: which booking is in the way, and the next free slot.
 * A booking being moved (`exceptBookingId`) is in nobody's way.
 */
async function overlapError(
  tx: Transaction,
  resource: { id: string; name: string; timeZone: string },
  startsAt: Date,
  endsAt: Date,
  exceptBookingId?: string,
): Promise<AppError> {
  const [clash] = await tx
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.bookedById))
    .where(
      and(
        eq(bookings.resourceId, resource.id),
        inArray(bookings.status, LIVE),
        lt(bookings.startsAt, endsAt),
        gt(bookings.endsAt, startsAt),
        exceptBookingId ? ne(bookings.id, exceptBookingId) : undefined,
      ),
    )
    .orderBy(asc(bookings.startsAt))
    .limit(1);
  const zone = resource.timeZone;
  const free = await nextFreeStart(
    tx,
    resource.id,
    startsAt,
    endsAt.getTime() - startsAt.getTime(),
    exceptBookingId,
  );
  const freeEnd = new Date(free.getTime() + endsAt.getTime() - startsAt.getTime());
  const written = (locale: string) => ({
    free: describeInstant(free, zone, locale),
    freeEnd: formatTime(freeEnd, locale, zone),
    ...(clash && {
      start: describeInstant(clash.startsAt, zone, locale),
      end: formatTime(clash.endsAt, locale, zone),
    }),
  });
  const message = clash
    ? new DatedText(
        'resources.errors.clash',
        { resource: resource.name, person: clash.bookedByName, title: clash.title },
        written,
      )
    : new DatedText('resources.errors.justBooked', { resource: resource.name }, written);
  return new AppError('conflict', message);
}

interface HoldInput {
  resourceId: string;
  title: string;
  note: string | null;
  startsAt: Date;
  endsAt: Date;
  submissionKey: string | null;
  eventId: string | null;
}

/**
 * Inserts a booking in a savepoint, so that an overlap refused by the constraint leaves the
 * caller's transaction usable to explain it. Confirmed at once under an "instant" policy or when
 * a manager books; held as requested otherwise.
 */
async function holdResource(
  tx: Transaction,
  actor: Actor,
  input: HoldInput,
  request?: RequestInfo,
): Promise<{ booking: BookingDto; alreadyAdded: boolean }> {
  const resource = await bookableResource(tx, actor, input.resourceId);
  const status: BookingStatus =
    resource.bookingPolicy === 'instant' || resource.calendar.rights.canShare
      ? 'confirmed'
      : 'requested';
  const inserted = await tx
    .transaction((savepoint) =>
      savepoint
        .insert(bookings)
        .values({ ...input, bookedById: actor.id, status })
        .onConflictDoNothing({ target: [bookings.resourceId, bookings.submissionKey] })
        .returning({ id: bookings.id }),
    )
    .catch(async (error: unknown) => {
      if (!isExclusionViolation(error, 'bookings_no_overlap')) throw error;
      // The same form sent twice at once: the constraint waited for the twin, which committed the
      // slot; answer with its booking rather than with a conflict against oneself.
      const [twin] = input.submissionKey
        ? await tx
            .select({ id: bookings.id })
            .from(bookings)
            .where(
              and(
                eq(bookings.resourceId, input.resourceId),
                eq(bookings.submissionKey, input.submissionKey),
              ),
            )
        : [];
      if (twin) return [];
      throw await overlapError(tx, resource, input.startsAt, input.endsAt);
    });
  const alreadyAdded = inserted.length === 0;
  const [booking] = await tx
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.bookedById))
    .where(
      alreadyAdded
        ? and(
            eq(bookings.resourceId, input.resourceId),
            eq(bookings.submissionKey, input.submissionKey!),
          )
        : eq(bookings.id, inserted[0]!.id),
    );
  if (!alreadyAdded) {
    await bumpResourceCalendarVersion(tx, resource.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'booking.created',
      targetType: 'booking',
      targetId: booking!.id,
      details: { resource: resource.name, title: input.title, status },
      request,
    });
  }
  return { booking: booking!, alreadyAdded };
}

/** A member books a resource; refused, naming the booking in the way, if the span overlaps one. */
export async function createBooking(
  actor: Actor,
  input: BookingInput,
  request?: RequestInfo,
): Promise<BookingDto & { alreadyAdded: boolean }> {
  return getDb().transaction(async (tx) => {
    const [resource] = await tx
      .select({ timeZone: resources.timeZone })
      .from(resources)
      .where(eq(resources.id, input.resourceId));
    if (!resource)
      throw new AppError('not_found', new TranslatableText('resources.errors.resourceNotFound'));
    const startsAt = localInstant(
      input.startDate,
      input.startTime!,
      resource.timeZone,
      'startTime',
    );
    const endsAt = localInstant(input.endDate, input.endTime!, resource.timeZone, 'endTime');
    if (endsAt <= startsAt)
      throw new AppError('bad_request', new TranslatableText('resources.errors.endsBeforeStart'), {
        field: 'endTime',
      });
    const { booking, alreadyAdded } = await holdResource(
      tx,
      actor,
      {
        resourceId: input.resourceId,
        title: input.title,
        note: input.note,
        startsAt,
        endsAt,
        submissionKey: input.submissionKey,
        eventId: null,
      },
      request,
    );
    return { ...booking, alreadyAdded };
  });
}

/** The resource's bookings (every status) that overlap `from`–`to`, for any member. */
export async function listBookings(
  actor: Actor,
  resourceId: string,
  range: { from: Date; to: Date },
): Promise<BookingDto[]> {
  await findResourceCalendar(actor, resourceId);
  return getDb()
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.bookedById))
    .where(
      and(
        eq(bookings.resourceId, resourceId),
        lt(bookings.startsAt, range.to),
        gt(bookings.endsAt, range.from),
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.id));
}

/** The resource's requests awaiting a manager, for its managers and admins. */
export async function listBookingsToDecide(
  actor: Actor,
  resourceId: string,
): Promise<BookingDto[]> {
  const calendar = await findResourceCalendar(actor, resourceId);
  if (!calendar.rights.canShare) return [];
  return getDb()
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.bookedById))
    .where(
      and(
        eq(bookings.resourceId, resourceId),
        eq(bookings.status, 'requested'),
        gt(bookings.endsAt, sql`now()`),
      ),
    )
    .orderBy(asc(bookings.startsAt));
}

/** A live booking, locked, with the resource's calendar as the actor may use it. */
async function findLiveBooking(tx: Transaction, actor: Actor, bookingId: string) {
  const [booking] = await tx
    .select({
      id: bookings.id,
      resourceId: bookings.resourceId,
      title: bookings.title,
      status: bookings.status,
      bookedById: bookings.bookedById,
      eventId: bookings.eventId,
    })
    .from(bookings)
    .where(eq(bookings.id, bookingId))
    .for('update');
  if (!booking)
    throw new AppError('not_found', new TranslatableText('resources.errors.bookingNotFound'));
  const calendar = await findResourceCalendar(actor, booking.resourceId, tx);
  return { booking, calendar };
}

async function setStatus(
  tx: Transaction,
  actor: Actor,
  booking: { id: string; resourceId: string; title: string },
  status: BookingStatus,
  request?: RequestInfo,
) {
  await tx
    .update(bookings)
    .set({
      status,
      decidedById: status === 'cancelled' ? undefined : actor.id,
      sequence: sql`${bookings.sequence} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(bookings.id, booking.id));
  await bumpResourceCalendarVersion(tx, booking.resourceId);
  const action = { cancelled: 'cancelled', confirmed: 'confirmed', declined: 'declined' }[
    status as 'cancelled' | 'confirmed' | 'declined'
  ];
  await recordAuditEvent(tx, {
    actorId: actor.id,
    action: `booking.${action}`,
    targetType: 'booking',
    targetId: booking.id,
    details: { title: booking.title },
    request,
  });
}

/** The person who booked, a manager of the resource or an admin cancels a booking; the row stays. */
export async function cancelBooking(
  actor: Actor,
  bookingId: string,
  request?: RequestInfo,
): Promise<{ title: string }> {
  return getDb().transaction(async (tx) => {
    const { booking, calendar } = await findLiveBooking(tx, actor, bookingId);
    if (booking.bookedById !== actor.id && !calendar.rights.canShare)
      throw new AppError('not_found', new TranslatableText('resources.errors.bookingNotFound'));
    if (booking.eventId)
      throw new AppError('conflict', new TranslatableText('resources.errors.heldByEvent'));
    if (!LIVE.includes(booking.status))
      throw new AppError(
        'conflict',
        new TranslatableText('resources.errors.alreadyStatus', { status: booking.status }),
      );
    await setStatus(tx, actor, booking, 'cancelled', request);
    return { title: booking.title };
  });
}

/** A manager of the resource or an admin confirms or declines a requested booking. */
export async function decideBooking(
  actor: Actor,
  input: BookingDecisionInput,
  request?: RequestInfo,
): Promise<{ title: string; status: BookingStatus }> {
  return getDb().transaction(async (tx) => {
    const { booking, calendar } = await findLiveBooking(tx, actor, input.bookingId);
    if (!calendar.rights.canShare)
      throw new AppError('not_found', new TranslatableText('resources.errors.bookingNotFound'));
    if (booking.status !== 'requested')
      throw new AppError(
        'conflict',
        new TranslatableText('resources.errors.alreadyStatus', { status: booking.status }),
      );
    const status = input.decision === 'confirm' ? 'confirmed' : 'declined';
    await setStatus(tx, actor, booking, status, request);
    return { title: booking.title, status };
  });
}

// Team events that book a room.

/** The resource's name and location, for the event's LOCATION. */
export async function resourcePlace(tx: Transaction, resourceId: string): Promise<string> {
  const [resource] = await tx
    .select({ name: resources.name, location: resources.location })
    .from(resources)
    .where(eq(resources.id, resourceId));
  if (!resource)
    throw new AppError('not_found', new TranslatableText('resources.errors.resourceNotFound'), {
      field: 'resourceId',
    });
  return resource.location ? `${resource.name}, ${resource.location}` : resource.name;
}

/** Books a resource for a team event, in the event's transaction. */
export async function bookForEvent(
  tx: Transaction,
  actor: Actor,
  input: { resourceId: string; eventId: string; title: string; startsAt: Date; endsAt: Date },
): Promise<void> {
  await holdResource(tx, actor, { ...input, note: null, submissionKey: null });
}

/**
 * Moves or releases the booking a team event holds, when the event changes or is cancelled; says
 * whether the event holds one.
 */
export async function updateEventBooking(
  tx: Transaction,
  actor: Actor,
  eventId: string,
  change: { title: string; startsAt: Date; endsAt: Date } | 'cancelled',
): Promise<boolean> {
  const [booking] = await tx
    .select({
      id: bookings.id,
      resourceId: bookings.resourceId,
      title: bookings.title,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
    })
    .from(bookings)
    .where(and(eq(bookings.eventId, eventId), inArray(bookings.status, LIVE)))
    .for('update');
  if (!booking) return false;
  if (change === 'cancelled') {
    await setStatus(tx, actor, booking, 'cancelled');
    return true;
  }
  // Saving the event unchanged (or changing only what the room's feed does not show) leaves the
  // booking alone, so its SEQUENCE and the room's ETag do not move for nothing.
  const same = (a: Date, b: Date) => a.getTime() === b.getTime();
  if (
    booking.title === change.title &&
    same(booking.startsAt, change.startsAt) &&
    same(booking.endsAt, change.endsAt)
  )
    return true;
  const [resource] = await tx
    .select({ id: resources.id, name: resources.name, timeZone: resources.timeZone })
    .from(resources)
    .where(eq(resources.id, booking.resourceId));
  await tx
    .transaction((savepoint) =>
      savepoint
        .update(bookings)
        .set({
          title: change.title,
          startsAt: change.startsAt,
          endsAt: change.endsAt,
          sequence: sql`${bookings.sequence} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(bookings.id, booking.id)),
    )
    .catch(async (error: unknown) => {
      if (isExclusionViolation(error, 'bookings_no_overlap'))
        throw await overlapError(tx, resource!, change.startsAt, change.endsAt, booking.id);
      throw error;
    });
  await bumpResourceCalendarVersion(tx, booking.resourceId);
  return true;
}
