import { and, desc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, bookings, calendarEvents, calendars } from '@/db/schema';
import {
  createResourceSchema,
  setResourceEnabledSchema,
  updateResourceSchema,
} from '@/lib/admin-validation';
import type { Actor } from '@/lib/dal/actor';
import {
  cancelBooking,
  createBooking,
  decideBooking,
  listBookings,
  listBookingsToDecide,
} from '@/lib/dal/bookings';
import {
  cancelCalendarEvent,
  createCalendarEvent,
  updateCalendarEvent,
} from '@/lib/dal/calendar-events';
import { openFeed } from '@/lib/dal/feed-access';
import { createPersonalSubscription } from '@/lib/dal/feed-tokens';
import {
  createResource,
  getResourceBySlug,
  getResourceForAdmin,
  listResources,
  listResourcesForAdmin,
  setResourceEnabled,
  updateResource,
} from '@/lib/dal/resources';
import { createPublicLink } from '@/lib/dal/shares';
import {
  bookingDecisionSchema,
  bookingSchema,
  calendarEventSchema,
  calendarEventUpdateSchema,
  feedOptionsSchema,
  publicLinkSchema,
} from '@/lib/validation';
import { wednesdayAfter } from '@/test/helpers/dates';
import { setupTestDatabase } from '@/test/helpers/database';
import { addMember, createTeam, createUser, teamCalendarId } from '@/test/helpers/factories';

const db = setupTestDatabase();
const request = { ip: '203.0.113.80', userAgent: 'Firefox/140' };
const ZONE = 'Europe/Paris';

const DAY_MS = 86_400_000;
/** A Wednesday about a month ahead, whatever today is: no clock change near its working hours. */
const DAY = wednesdayAfter(30);
/** How the resource page names DAY: "Wed, 6 Jan 2027". */
const DAY_LABEL = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
}).format(new Date(`${DAY}T12:00:00Z`));
/** An instant's local time in the resource's zone, 'HH:MM'. */
const localTime = (instant: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: ZONE,
  }).format(instant);

const unique = () => crypto.randomUUID().slice(0, 8);

function resourceForm(overrides: Record<string, unknown> = {}) {
  const id = unique();
  return {
    slug: `room-${id}`,
    name: `Room ${id}`,
    kind: 'room',
    location: '3rd floor',
    capacity: '12',
    description: 'Projector and whiteboard.',
    timeZone: ZONE,
    bookingPolicy: 'instant',
    managerEmails: '',
    ...overrides,
  };
}

/** A room managed by the keeper, three members who book, and an admin. */
async function organisation(bookingPolicy: 'instant' | 'approval' = 'instant') {
  const admin = await createUser(db(), { role: 'admin' });
  const keeper = await createUser(db(), { name: 'Kim Keeper' });
  const alice = await createUser(db(), { name: 'Alice Booker' });
  const bob = await createUser(db(), { name: 'Bob Booker' });
  const carol = await createUser(db(), { name: 'Carol Booker' });
  const form = resourceForm({ bookingPolicy, managerEmails: keeper.email });
  const created = await createResource(admin, createResourceSchema.parse(form), request);
  const room = { ...created, name: form.name };
  return { admin, keeper, alice, bob, carol, room };
}

function booking(resourceId: string, start: string, end: string, title = 'Workshop') {
  return bookingSchema.parse({
    resourceId,
    title,
    note: 'Twelve people.',
    startDate: DAY,
    startTime: start,
    endDate: DAY,
    endTime: end,
    submissionKey: crypto.randomUUID(),
  });
}

async function version(resourceId: string): Promise<number> {
  const [row] = await db().select().from(calendars).where(eq(calendars.resourceId, resourceId));
  return Number(row!.version);
}

const liveBookings = (resourceId: string) =>
  db()
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.resourceId, resourceId),
        inArray(bookings.status, ['requested', 'confirmed']),
      ),
    );

async function lastAudit() {
  const [audit] = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return audit!;
}

const wholeDay = {
  from: new Date(`${DAY}T00:00:00Z`),
  to: new Date(Date.parse(`${DAY}T00:00:00Z`) + DAY_MS),
};

describe('administering resources', () => {
  it('an admin creates a room with its managers; anyone else is refused', async () => {
    const { admin, keeper, alice, room } = await organisation();
    expect(await lastAudit()).toMatchObject({
      action: 'resource.created',
      actorId: admin.id,
      targetId: room.id,
    });
    expect(await getResourceForAdmin(admin, room.slug)).toMatchObject({
      name: room.name,
      kind: 'room',
      capacity: 12,
      location: '3rd floor',
      timeZone: ZONE,
      bookingPolicy: 'instant',
      disabled: false,
      managers: [{ id: keeper.id, name: 'Kim Keeper', email: keeper.email }],
    });
    for (const refused of [keeper, alice]) {
      await expect(
        createResource(refused, createResourceSchema.parse(resourceForm())),
      ).rejects.toMatchObject({ code: 'not_found' });
      await expect(listResourcesForAdmin(refused)).rejects.toMatchObject({ code: 'not_found' });
    }
  });

  it('refuses a taken address and an unknown manager next to their fields, creating nothing', async () => {
    const { admin, room } = await organisation();
    await expect(
      createResource(admin, createResourceSchema.parse(resourceForm({ slug: room.slug }))),
    ).rejects.toMatchObject({ code: 'conflict', field: 'slug' });
    const form = resourceForm({ managerEmails: 'nobody@example.org' });
    await expect(createResource(admin, createResourceSchema.parse(form))).rejects.toMatchObject({
      code: 'bad_request',
      field: 'managerEmails',
      message: expect.stringContaining('nobody@example.org'),
    });
    const slugs = (await listResourcesForAdmin(admin)).map((r) => r.slug);
    expect(slugs).toContain(room.slug);
    expect(slugs).not.toContain(form.slug);
  });

  it('keeps a capacity for rooms only', async () => {
    const { admin } = await organisation();
    const kit = await createResource(
      admin,
      createResourceSchema.parse(resourceForm({ kind: 'equipment', capacity: '5' })),
    );
    expect((await getResourceForAdmin(admin, kit.slug)).capacity).toBeNull();
    const room = await createResource(admin, createResourceSchema.parse(resourceForm()));
    expect((await getResourceForAdmin(admin, room.slug)).capacity).toBe(12);
    await updateResource(
      admin,
      updateResourceSchema.parse({ ...resourceForm({ kind: 'vehicle' }), resourceId: room.id }),
    );
    expect((await getResourceForAdmin(admin, room.slug)).capacity).toBeNull();
  });

  it('an admin updates a resource and its managers, moving its calendar’s version; a manager cannot', async () => {
    const { admin, keeper, alice, room } = await organisation();
    const before = await version(room.id);
    const update = (extra: Record<string, unknown>) =>
      updateResourceSchema.parse({
        ...resourceForm({ name: 'Blue room', managerEmails: `${alice.email}\n${keeper.email}` }),
        resourceId: room.id,
        ...extra,
      });
    await expect(updateResource(keeper, update({}))).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      updateResource(admin, update({ managerEmails: 'ghost@example.org' })),
    ).rejects.toMatchObject({ code: 'bad_request', field: 'managerEmails' });
    expect(await version(room.id)).toBe(before);
    await updateResource(admin, update({}), request);
    expect(await version(room.id)).toBe(before + 1);
    const updated = await getResourceForAdmin(admin, room.slug);
    expect(updated.name).toBe('Blue room');
    expect(updated.managers.map((m) => m.id).sort()).toEqual([alice.id, keeper.id].sort());
    expect(await lastAudit()).toMatchObject({ action: 'resource.updated', targetId: room.id });
  });

  it('members list only enabled resources; a disabled one’s page is not found and its links are gone', async () => {
    const { admin, keeper, alice, room } = await organisation();
    const other = await createResource(admin, createResourceSchema.parse(resourceForm()));
    const { token: subscription } = await createPersonalSubscription(
      alice,
      { kind: 'resource', slug: room.slug },
      feedOptionsSchema.parse({ includeTeamEvents: 'on' }),
    );
    const publicLink = await createPublicLink(
      keeper,
      { kind: 'resource', slug: room.slug },
      publicLinkSchema.parse({ label: 'Lobby screen', includeTeamEvents: 'on', expiresInDays: 30 }),
    );
    await expect(openFeed(subscription, request)).resolves.toMatchObject({ kind: 'personal' });
    await expect(openFeed(publicLink.token, request)).resolves.toMatchObject({ kind: 'public' });
    expect(await getResourceBySlug(alice, room.slug)).toMatchObject({ id: room.id });

    const before = await version(room.id);
    const disabling = setResourceEnabledSchema.parse({ resourceId: room.id, enabled: 'false' });
    await expect(setResourceEnabled(keeper, disabling)).rejects.toMatchObject({
      code: 'not_found',
    });
    await setResourceEnabled(admin, disabling, request);
    expect(await version(room.id)).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({ action: 'resource.disabled', targetId: room.id });

    const listed = (await listResources(alice)).map((r) => r.slug);
    expect(listed).toContain(other.slug);
    expect(listed).not.toContain(room.slug);
    const forAdmin = await listResourcesForAdmin(admin);
    expect(forAdmin.find((r) => r.id === room.id)).toMatchObject({ disabled: true });
    for (const who of [alice, keeper, admin])
      await expect(getResourceBySlug(who, room.slug)).rejects.toMatchObject({ code: 'not_found' });
    await expect(createBooking(alice, booking(room.id, '10:00', '11:00'))).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(openFeed(subscription, request)).rejects.toMatchObject({ code: 'gone' });
    await expect(openFeed(publicLink.token, request)).rejects.toMatchObject({ code: 'gone' });
  });
});

describe('booking a resource', () => {
  it('a member books an instant resource: confirmed at once, audited, and its calendar’s version moves', async () => {
    const { alice, bob, room } = await organisation();
    const before = await version(room.id);
    const booked = await createBooking(alice, booking(room.id, '10:00', '11:30'), request);
    expect(booked).toMatchObject({
      resourceId: room.id,
      title: 'Workshop',
      note: 'Twelve people.',
      status: 'confirmed',
      bookedById: alice.id,
      bookedByName: 'Alice Booker',
      eventId: null,
      alreadyAdded: false,
    });
    expect(localTime(booked.startsAt)).toBe('10:00');
    expect(localTime(booked.endsAt)).toBe('11:30');
    expect(await version(room.id)).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({ action: 'booking.created', targetId: booked.id });
    const listed = await listBookings(bob, room.id, wholeDay);
    expect(listed.map((b) => b.id)).toEqual([booked.id]);
  });

  it('under an approval policy, a member’s booking is requested and a manager’s or admin’s is confirmed', async () => {
    const { admin, keeper, alice, room } = await organisation('approval');
    const asked = await createBooking(alice, booking(room.id, '09:00', '10:00'));
    const managed = await createBooking(keeper, booking(room.id, '10:00', '11:00'));
    const byAdmin = await createBooking(admin, booking(room.id, '11:00', '12:00'));
    expect([asked.status, managed.status, byAdmin.status]).toEqual([
      'requested',
      'confirmed',
      'confirmed',
    ]);
    expect((await listBookingsToDecide(keeper, room.id)).map((b) => b.id)).toEqual([asked.id]);
    expect(await listBookingsToDecide(alice, room.id)).toEqual([]);
  });

  it('refuses an overlapping booking, naming the booking in the way and its booker, and suggests a slot that is really free', async () => {
    const { alice, bob, carol, room } = await organisation();
    await createBooking(alice, booking(room.id, '10:00', '11:00', 'Sprint review'));
    await createBooking(carol, booking(room.id, '11:30', '12:00', 'Interview'));
    const before = await version(room.id);
    // An hour from 10:30: the half hour between the two bookings is too short for it.
    const refusal = createBooking(bob, booking(room.id, '10:30', '11:30'));
    await expect(refusal).rejects.toMatchObject({ code: 'conflict' });
    const { message } = (await refusal.catch((error: Error) => error)) as Error;
    expect(message).toBe(
      `${room.name} is already booked from ${DAY_LABEL}, 10:00 to 11:00 by Alice Booker ` +
        `(“Sprint review”). The next free slot of that length starts ${DAY_LABEL}, 12:00 ` +
        `(until 13:00).`,
    );
    expect(await version(room.id)).toBe(before);
    const [, start, end] = /starts .*, (\d\d:\d\d) \(until (\d\d:\d\d)\)/.exec(message)!;
    const suggested = await createBooking(bob, booking(room.id, start!, end!));
    expect(suggested.status).toBe('confirmed');
    expect(await liveBookings(room.id)).toHaveLength(3);
  });

  it('allows back-to-back bookings, one starting when the other ends', async () => {
    const { alice, bob, room } = await organisation();
    await createBooking(alice, booking(room.id, '10:00', '11:00'));
    await createBooking(bob, booking(room.id, '11:00', '12:00'));
    await createBooking(bob, booking(room.id, '09:00', '10:00'));
    expect(await liveBookings(room.id)).toHaveLength(3);
  });

  it('a cancelled or a declined booking frees its slot', async () => {
    const instant = await organisation();
    const first = await createBooking(instant.alice, booking(instant.room.id, '10:00', '11:00'));
    await cancelBooking(instant.alice, first.id);
    const again = await createBooking(instant.bob, booking(instant.room.id, '10:00', '11:00'));
    expect(again.status).toBe('confirmed');

    const approval = await organisation('approval');
    const asked = await createBooking(approval.alice, booking(approval.room.id, '10:00', '11:00'));
    await decideBooking(
      approval.keeper,
      bookingDecisionSchema.parse({ bookingId: asked.id, decision: 'decline' }),
    );
    const next = await createBooking(approval.bob, booking(approval.room.id, '10:00', '11:00'));
    expect(next.status).toBe('requested');
  });

  it('the same form submitted twice gives one booking', async () => {
    const { alice, room } = await organisation();
    const input = booking(room.id, '10:00', '11:00');
    const first = await createBooking(alice, input);
    const before = await version(room.id);
    const second = await createBooking(alice, input);
    expect(second).toMatchObject({ id: first.id, alreadyAdded: true, status: 'confirmed' });
    expect(await version(room.id)).toBe(before);
    expect(await liveBookings(room.id)).toHaveLength(1);
  });
});

describe('cancelling and deciding bookings', () => {
  it('the booker and a manager may cancel a booking; another member gets not_found', async () => {
    const { keeper, alice, bob, room } = await organisation();
    const mine = await createBooking(alice, booking(room.id, '09:00', '10:00'));
    const managed = await createBooking(alice, booking(room.id, '10:00', '11:00'));
    await expect(cancelBooking(bob, mine.id)).rejects.toMatchObject({ code: 'not_found' });
    const before = await version(room.id);
    await cancelBooking(alice, mine.id, request);
    expect(await lastAudit()).toMatchObject({
      action: 'booking.cancelled',
      actorId: alice.id,
      targetId: mine.id,
    });
    await cancelBooking(keeper, managed.id);
    expect(await version(room.id)).toBe(before + 2);
    await expect(cancelBooking(alice, mine.id)).rejects.toMatchObject({ code: 'conflict' });
    const rows = await db().select().from(bookings).where(eq(bookings.resourceId, room.id));
    expect(rows.map((b) => [b.id, b.status, b.sequence]).sort()).toEqual(
      [
        [mine.id, 'cancelled', 1],
        [managed.id, 'cancelled', 1],
      ].sort(),
    );
  });

  it('only the resource’s managers and admins confirm or decline a request', async () => {
    const { admin, keeper, alice, room } = await organisation('approval');
    const first = await createBooking(alice, booking(room.id, '09:00', '10:00'));
    const second = await createBooking(alice, booking(room.id, '10:00', '11:00'));
    const decide = (actor: Actor, bookingId: string, decision: string) =>
      decideBooking(actor, bookingDecisionSchema.parse({ bookingId, decision }), request);
    await expect(decide(alice, first.id, 'confirm')).rejects.toMatchObject({ code: 'not_found' });
    const before = await version(room.id);
    expect(await decide(keeper, first.id, 'confirm')).toEqual({
      title: 'Workshop',
      status: 'confirmed',
    });
    expect(await decide(admin, second.id, 'decline')).toMatchObject({ status: 'declined' });
    expect(await version(room.id)).toBe(before + 2);
    await expect(decide(keeper, first.id, 'decline')).rejects.toMatchObject({ code: 'conflict' });
    const rows = await db().select().from(bookings).where(eq(bookings.resourceId, room.id));
    expect(rows.find((b) => b.id === first.id)).toMatchObject({
      status: 'confirmed',
      decidedById: keeper.id,
    });
    expect(rows.find((b) => b.id === second.id)).toMatchObject({
      status: 'declined',
      decidedById: admin.id,
    });
  });
});

describe('a team event that books a room', () => {
  async function withTeam() {
    const org = await organisation();
    const team = await createTeam(db(), { timeZone: ZONE });
    const lead = await createUser(db(), { name: 'Lea Lead' });
    await addMember(db(), team.id, lead.id, 'manager');
    return { ...org, team, lead, cal: await teamCalendarId(db(), team.id) };
  }
  const eventForm = (calendarId: string, resourceId: string, start: string, end: string) =>
    calendarEventSchema.parse({
      calendarId,
      resourceId,
      title: 'Quarterly review',
      startDate: DAY,
      startTime: start,
      endDate: DAY,
      endTime: end,
      location: 'Somewhere else',
      submissionKey: crypto.randomUUID(),
    });
  const moveForm = (calendarId: string, eventId: string, start: string, end: string) =>
    calendarEventUpdateSchema.parse({
      calendarId,
      eventId,
      title: 'Quarterly review (moved)',
      startDate: DAY,
      startTime: start,
      endDate: DAY,
      endTime: end,
      location: 'Somewhere else',
    });
  const bookingOf = async (eventId: string) =>
    (await db().select().from(bookings).where(eq(bookings.eventId, eventId)))[0]!;

  it('books the room with the event, takes the room’s location, and moves the booking with the event', async () => {
    const { keeper, lead, room, cal } = await withTeam();
    const before = await version(room.id);
    const event = await createCalendarEvent(lead, eventForm(cal, room.id, '14:00', '15:00'));
    expect(event.location).toBe(`${room.name}, 3rd floor`);
    const held = await bookingOf(event.id);
    expect(held).toMatchObject({ status: 'confirmed', bookedById: lead.id, sequence: 0 });
    expect(held.startsAt).toEqual(event.startsAt);
    expect(held.endsAt).toEqual(event.endsAt);
    expect(await version(room.id)).toBe(before + 1);
    await expect(cancelBooking(keeper, held.id)).rejects.toMatchObject({ code: 'conflict' });

    const moved = await updateCalendarEvent(lead, moveForm(cal, event.id, '16:00', '17:00'));
    expect(moved.location).toBe(`${room.name}, 3rd floor`);
    const movedBooking = await bookingOf(event.id);
    expect(movedBooking).toMatchObject({ title: 'Quarterly review (moved)', sequence: 1 });
    expect([localTime(movedBooking.startsAt), localTime(movedBooking.endsAt)]).toEqual([
      '16:00',
      '17:00',
    ]);
    expect(await version(room.id)).toBe(before + 2);
  });

  it('refuses an event, new or moved, that overlaps another booking, with the same explanation', async () => {
    const { alice, lead, room, cal } = await withTeam();
    await createBooking(alice, booking(room.id, '12:00', '13:00', 'Lunch talk'));
    const expected = (start: string, end: string) =>
      `${room.name} is already booked from ${DAY_LABEL}, 12:00 to 13:00 by Alice Booker ` +
      `(“Lunch talk”). The next free slot of that length starts ${DAY_LABEL}, ${start} ` +
      `(until ${end}).`;
    const before = await version(room.id);
    await expect(
      createCalendarEvent(lead, eventForm(cal, room.id, '12:30', '13:30')),
    ).rejects.toMatchObject({ code: 'conflict', message: expected('13:00', '14:00') });
    const events = await db()
      .select()
      .from(calendarEvents)
      .where(eq(calendarEvents.calendarId, cal));
    expect(events).toEqual([]);
    expect(await version(room.id)).toBe(before);

    const event = await createCalendarEvent(lead, eventForm(cal, room.id, '10:00', '11:00'));
    await expect(
      updateCalendarEvent(lead, moveForm(cal, event.id, '11:30', '12:30')),
    ).rejects.toMatchObject({ code: 'conflict', message: expected('13:00', '14:00') });
    const [kept] = await db().select().from(calendarEvents).where(eq(calendarEvents.id, event.id));
    expect(kept).toMatchObject({ sequence: 0, title: 'Quarterly review' });
    const held = await bookingOf(event.id);
    expect([held.sequence, localTime(held.startsAt)]).toEqual([0, '10:00']);
  });

  it('moving the event over its own booking blames only others, and saving it unchanged leaves the booking alone', async () => {
    const { alice, lead, room, cal } = await withTeam();
    const event = await createCalendarEvent(lead, eventForm(cal, room.id, '10:00', '11:00'));
    await createBooking(alice, booking(room.id, '11:30', '12:00', 'Stand-up'));
    // The event's own 10:00–11:00 is not in its way; Alice's stand-up is, and 12:00 is free.
    await expect(
      updateCalendarEvent(lead, moveForm(cal, event.id, '10:30', '11:45')),
    ).rejects.toMatchObject({
      code: 'conflict',
      message:
        `${room.name} is already booked from ${DAY_LABEL}, 11:30 to 12:00 by Alice Booker ` +
        `(“Stand-up”). The next free slot of that length starts ${DAY_LABEL}, 12:00 ` +
        `(until 13:15).`,
    });
    const moved = await updateCalendarEvent(lead, moveForm(cal, event.id, '09:00', '10:30'));
    const before = await version(room.id);
    const held = await bookingOf(event.id);
    await updateCalendarEvent(lead, moveForm(cal, moved.id, '09:00', '10:30'));
    expect((await bookingOf(event.id)).sequence).toBe(held.sequence);
    expect(await version(room.id)).toBe(before);
  });

  it('cancelling the event cancels its booking and frees the room', async () => {
    const { bob, lead, room, cal } = await withTeam();
    const event = await createCalendarEvent(lead, eventForm(cal, room.id, '14:00', '15:00'));
    const before = await version(room.id);
    await cancelCalendarEvent(lead, { calendarId: cal, eventId: event.id });
    expect(await bookingOf(event.id)).toMatchObject({ status: 'cancelled', sequence: 1 });
    expect(await version(room.id)).toBe(before + 1);
    const freed = await createBooking(bob, booking(room.id, '14:00', '15:00'));
    expect(freed.status).toBe('confirmed');
  });
});

// On PostgreSQL these run truly at the same time, on separate connections; PGlite serves one
// connection and runs them one after another, where the answers must be the same.
describe('booking at the same moment', () => {
  it('the same form sent five times at once gives one booking, never a conflict with oneself', async () => {
    const { room, alice } = await organisation();
    const form = booking(room.id, '15:00', '16:00', 'Double click');
    const results = await Promise.all(Array.from({ length: 5 }, () => createBooking(alice, form)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.alreadyAdded)).toHaveLength(1);
    expect(await liveBookings(room.id)).toHaveLength(1);
  });

  it('six members booking overlapping slots of one room at once get one booking and five conflicts', async () => {
    const { room } = await organisation();
    const members = await Promise.all(Array.from({ length: 6 }, () => createUser(db())));
    // Starts from 10:00 to 10:25, each an hour long: every two of them overlap.
    const results = await Promise.allSettled(
      members.map((member, i) => {
        const start = `10:${String(i * 5).padStart(2, '0')}`;
        const end = `11:${String(i * 5).padStart(2, '0')}`;
        return createBooking(member, booking(room.id, start, end));
      }),
    );
    // Every outcome at once, so that a failure shows what each caller got.
    const outcomes = results.map((r) =>
      r.status === 'fulfilled'
        ? 'booked'
        : String((r.reason as { code?: string }).code ?? r.reason),
    );
    expect(outcomes.sort()).toEqual(['booked', ...Array(5).fill('conflict')]);
    const booked = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    const live = await liveBookings(room.id);
    expect(live.map((b) => b.id)).toEqual([booked[0]!.value.id]);
    // Each refusal names the booking that won.
    for (const error of refused as Error[])
      expect(error.message).toContain(`by ${booked[0]!.value.bookedByName} (“Workshop”)`);
  });
});
