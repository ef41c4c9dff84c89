import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, calendarEvents, calendars, feedTokens, users } from '@/db/schema';
import { createResourceSchema, profileSchema, tokenFilterSchema } from '@/lib/admin-validation';
import type { Actor } from '@/lib/dal/actor';
import { listTokens } from '@/lib/dal/admin-tokens';
import {
  cancelCalendarEvent,
  createCalendarEvent,
  listCalendarEvents,
  updateCalendarEvent,
} from '@/lib/dal/calendar-events';
import { findCalendarForActor, findShareableCalendar } from '@/lib/dal/calendars';
import { openFeed } from '@/lib/dal/feed-access';
import { createPersonalSubscription } from '@/lib/dal/feed-tokens';
import { setOwnAbsencesShown, updateProfile } from '@/lib/dal/profile';
import { createResource } from '@/lib/dal/resources';
import {
  completeGuestSetup,
  createGuestShare,
  createPublicLink,
  listSharedLinks,
  revokeSharedLink,
} from '@/lib/dal/shares';
import {
  calendarEventSchema,
  calendarEventUpdateSchema,
  feedOptionsSchema,
  guestShareSchema,
  publicLinkSchema,
} from '@/lib/validation';
import { wednesdayAfter } from '@/test/helpers/dates';
import { setupTestDatabase } from '@/test/helpers/database';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';

const db = setupTestDatabase();
const request = { ip: '203.0.113.70', userAgent: 'Thunderbird/140' };
const basic = (email: string, password: string) =>
  `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

const DAY_MS = 86_400_000;
/** A Wednesday about a month ahead, whatever today is. */
const DAY = wednesdayAfter(30);
const NEXT_DAY = new Date(Date.parse(`${DAY}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const everything = { from: DAY, to: NEXT_DAY };

async function personCalendar(personId: string) {
  const [row] = await db().select().from(calendars).where(eq(calendars.personId, personId));
  return row!;
}

/** A person in Tokyo (no summer time) in a Paris team, a colleague, their manager and an admin. */
async function organisation() {
  const team = await createTeam(db(), { timeZone: 'Europe/Paris' });
  const person = await createUser(db(), { name: 'Pia Person', timeZone: 'Asia/Tokyo' });
  const colleague = await createUser(db());
  const manager = await createUser(db());
  const admin = await createUser(db(), { role: 'admin' });
  await addMember(db(), team.id, person.id);
  await addMember(db(), team.id, colleague.id);
  await addMember(db(), team.id, manager.id, 'manager');
  const cal = (await personCalendar(person.id)).id;
  const colleagueCal = (await personCalendar(colleague.id)).id;
  return { team, person, colleague, manager, admin, cal, colleagueCal };
}

/** The "Add appointment" form as submitted. */
function appointmentForm(calendarId: string, overrides: Record<string, unknown> = {}) {
  return {
    calendarId,
    title: 'Dentist',
    startDate: DAY,
    startTime: '09:00',
    endDate: DAY,
    endTime: '10:30',
    location: '1-1 Marunouchi, Chiyoda-ku, Tokyo',
    description: 'Bring the insurance card.',
    submissionKey: crypto.randomUUID(),
    ...overrides,
  };
}

const appointment = (calendarId: string, overrides: Record<string, unknown> = {}) =>
  calendarEventSchema.parse(appointmentForm(calendarId, overrides));

function change(calendarId: string, eventId: string, overrides: Record<string, unknown> = {}) {
  return calendarEventUpdateSchema.parse({
    calendarId,
    eventId,
    title: 'Dentist (check-up)',
    startDate: NEXT_DAY,
    startTime: '14:00',
    endDate: NEXT_DAY,
    endTime: '15:00',
    location: 'Shinjuku clinic',
    ...overrides,
  });
}

const version = async (calendarId: string) =>
  Number((await db().select().from(calendars).where(eq(calendars.id, calendarId)))[0]!.version);

async function lastAudit() {
  const [audit] = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return audit!;
}

const disable = (user: Actor) =>
  db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));

describe('a person’s appointments', () => {
  it('a person adds one in their own time zone, with a location of up to 500 characters and a description', async () => {
    const { person, team, cal } = await organisation();
    const before = await version(cal);
    const location = '1-1 Marunouchi, Chiyoda-ku, Tokyo '.padEnd(500, '.');
    const added = await createCalendarEvent(person, appointment(cal, { location }), request);
    // 09:00 in Tokyo (UTC+9 all year) is midnight UTC, whatever the team's zone.
    expect(added).toMatchObject({
      calendarId: cal,
      title: 'Dentist',
      location,
      description: 'Bring the insurance card.',
      timeZone: 'Asia/Tokyo',
      startTime: '09:00',
      endTime: '10:30',
      status: 'confirmed',
      alreadyAdded: false,
    });
    expect(added.startsAt!.toISOString()).toBe(`${DAY}T00:00:00.000Z`);
    expect(added.endsAt!.toISOString()).toBe(`${DAY}T01:30:00.000Z`);
    expect(await version(cal)).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({
      action: 'appointment.created',
      targetType: 'appointment',
      targetId: added.id,
      actorId: person.id,
      teamId: null,
    });
    expect(team.timeZone).toBe('Europe/Paris');
    const tooLong = calendarEventSchema.safeParse(
      appointmentForm(cal, { location: 'x'.repeat(501) }),
    );
    expect(tooLong.error?.issues.map((issue) => issue.path[0])).toEqual(['location']);
  });

  it('edits it, then cancels it: the row stays as cancelled, and every change moves the calendar’s version', async () => {
    const { person, cal } = await organisation();
    const added = await createCalendarEvent(person, appointment(cal));
    const before = await version(cal);
    const edited = await updateCalendarEvent(person, change(cal, added.id));
    expect(edited).toMatchObject({
      title: 'Dentist (check-up)',
      location: 'Shinjuku clinic',
      description: null,
      startDate: NEXT_DAY,
      startTime: '14:00',
      endTime: '15:00',
      sequence: 1,
    });
    expect(edited.startsAt!.toISOString()).toBe(`${NEXT_DAY}T05:00:00.000Z`);
    expect(await version(cal)).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({ action: 'appointment.updated', targetId: added.id });

    const cancelled = await cancelCalendarEvent(person, { calendarId: cal, eventId: added.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2 });
    expect(await version(cal)).toBe(before + 2);
    const listed = await listCalendarEvents(person, cal, everything);
    expect(listed.map((e) => [e.id, e.status])).toEqual([[added.id, 'cancelled']]);
    await expect(
      cancelCalendarEvent(person, { calendarId: cal, eventId: added.id }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('after a change of time zone, new appointments are entered in the new zone and older ones keep theirs', async () => {
    const { person, colleague, cal, colleagueCal } = await organisation();
    const tokyo = await createCalendarEvent(person, appointment(cal));
    const before = await version(cal);
    const colleagueBefore = await version(colleagueCal);
    await updateProfile(person, profileSchema.parse({ timeZone: 'Pacific/Honolulu' }), request);
    expect(await version(cal)).toBe(before + 1);
    expect(await version(colleagueCal)).toBe(colleagueBefore);
    expect(await lastAudit()).toMatchObject({ action: 'user.profile_updated', actorId: person.id });
    // 09:00 in Honolulu (UTC−10 all year) is 19:00 UTC the same day.
    const honolulu = await createCalendarEvent(person, appointment(cal));
    expect(honolulu).toMatchObject({ timeZone: 'Pacific/Honolulu', startTime: '09:00' });
    expect(honolulu.startsAt!.toISOString()).toBe(`${DAY}T19:00:00.000Z`);
    const [older] = await db().select().from(calendarEvents).where(eq(calendarEvents.id, tokyo.id));
    expect(older).toMatchObject({ timeZone: 'Asia/Tokyo', sequence: 0 });
    expect(older!.startsAt!.toISOString()).toBe(`${DAY}T00:00:00.000Z`);
    // Editing it reads the form in its own zone, the one its times are shown in: it stays put.
    const renamed = await updateCalendarEvent(
      person,
      calendarEventUpdateSchema.parse({
        calendarId: cal,
        eventId: tokyo.id,
        title: 'Renamed',
        startDate: tokyo.startDate,
        startTime: tokyo.startTime,
        endDate: tokyo.endDate,
        endTime: tokyo.endTime,
        location: tokyo.location,
        description: tokyo.description,
      }),
    );
    expect(renamed).toMatchObject({ title: 'Renamed', timeZone: 'Asia/Tokyo', startTime: '09:00' });
    expect(renamed.startsAt!.toISOString()).toBe(`${DAY}T00:00:00.000Z`);

    expect(profileSchema.safeParse({ timeZone: 'Mars/Olympus_Mons' }).success).toBe(false);
    await disable(colleague);
    await expect(
      updateProfile(colleague, profileSchema.parse({ timeZone: 'Asia/Tokyo' })),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await version(colleagueCal)).toBe(colleagueBefore);
  });

  it('an appointment cannot book a room: only team events do', async () => {
    const { person, admin, cal } = await organisation();
    const room = await createResource(
      admin,
      createResourceSchema.parse({
        slug: `room-${crypto.randomUUID().slice(0, 8)}`,
        name: 'Room',
        kind: 'room',
        timeZone: 'Europe/Paris',
        bookingPolicy: 'instant',
      }),
    );
    await expect(
      createCalendarEvent(person, appointment(cal, { resourceId: room.id })),
    ).rejects.toMatchObject({ code: 'bad_request', field: 'resourceId' });
    expect(await listCalendarEvents(person, cal, everything)).toEqual([]);
  });
});

describe('who may see and change a person’s calendar', () => {
  it('the manager of the person’s team, an admin and a colleague get not_found on reading, editing and sharing it', async () => {
    const org = await organisation();
    const existing = await createCalendarEvent(org.person, appointment(org.cal));
    const before = await version(org.cal);
    const ref = { id: org.cal };
    const type = await createAbsenceType(db());
    const options = feedOptionsSchema.parse({ absenceTypeIds: [type.id] });
    const link = publicLinkSchema.parse({
      label: 'Spy',
      includeTeamEvents: 'on',
      expiresInDays: 30,
    });
    const guest = guestShareSchema.parse({ email: 'spy@example.org', label: 'Spy' });
    for (const outsider of [org.manager, org.admin, org.colleague]) {
      const attempts = [
        () => findCalendarForActor(outsider, ref),
        () => findShareableCalendar(outsider, ref),
        () => listCalendarEvents(outsider, org.cal, everything),
        () => createCalendarEvent(outsider, appointment(org.cal)),
        () => updateCalendarEvent(outsider, change(org.cal, existing.id)),
        () => cancelCalendarEvent(outsider, { calendarId: org.cal, eventId: existing.id }),
        () => createPersonalSubscription(outsider, ref, options),
        () => createPublicLink(outsider, ref, link),
        () => createGuestShare(outsider, ref, guest),
        () => listSharedLinks(outsider, ref),
      ];
      for (const attempt of attempts)
        await expect(attempt()).rejects.toMatchObject({ code: 'not_found' });
    }
    const rows = await db()
      .select()
      .from(calendarEvents)
      .where(eq(calendarEvents.calendarId, org.cal));
    expect(rows.map((r) => [r.id, r.status, r.sequence])).toEqual([[existing.id, 'confirmed', 0]]);
    expect(await db().select().from(feedTokens).where(eq(feedTokens.calendarId, org.cal))).toEqual(
      [],
    );
    expect(await version(org.cal)).toBe(before);
    // The person themself may do all of it.
    const own = await findCalendarForActor(org.person, { kind: 'person' });
    expect(own).toMatchObject({ id: org.cal, kind: 'person', name: 'Pia Person' });
    expect(own.rights).toEqual({
      canView: true,
      canShare: true,
      canEditEvents: true,
      privateTypes: 'own',
    });
  });

  it('a person cannot touch another’s appointment by its id, through either calendar', async () => {
    const { person, colleague, cal, colleagueCal } = await organisation();
    const theirs = await createCalendarEvent(person, appointment(cal));
    const attempts = [
      () => updateCalendarEvent(colleague, change(colleagueCal, theirs.id)),
      () => cancelCalendarEvent(colleague, { calendarId: colleagueCal, eventId: theirs.id }),
      () => updateCalendarEvent(colleague, change(cal, theirs.id)),
      () => cancelCalendarEvent(colleague, { calendarId: cal, eventId: theirs.id }),
    ];
    for (const attempt of attempts)
      await expect(attempt()).rejects.toMatchObject({ code: 'not_found' });
    const [row] = await db().select().from(calendarEvents).where(eq(calendarEvents.id, theirs.id));
    expect(row).toMatchObject({ status: 'confirmed', sequence: 0, title: 'Dentist' });
  });
});

describe('subscribing to and publishing one’s own calendar', () => {
  it('a person subscribes and publishes it; each link keeps only what a person’s calendar has, and stops when the person is disabled', async () => {
    const { person, cal } = await organisation();
    const type = await createAbsenceType(db());
    const own = { kind: 'person' } as const;
    const { token: personal, subscription } = await createPersonalSubscription(
      person,
      own,
      feedOptionsSchema.parse({ privacy: 'full', includePending: 'on', absenceTypeIds: [type.id] }),
      request,
    );
    expect(subscription).toMatchObject({
      privacy: 'full',
      absenceTypeIds: null,
      includeTeamEvents: true,
      includePending: false,
    });
    const publicLink = await createPublicLink(
      person,
      own,
      publicLinkSchema.parse({ label: 'Partner', absenceTypeIds: [type.id], expiresInDays: 30 }),
      request,
    );
    const { setupSecret } = await createGuestShare(
      person,
      own,
      guestShareSchema.parse({ email: 'assistant@example.org', label: 'Assistant' }),
    );
    const { token: guest } = await completeGuestSetup(setupSecret, 'a long guest password');
    const guestAuth = basic('assistant@example.org', 'a long guest password');

    const stored = await db().select().from(feedTokens).where(eq(feedTokens.calendarId, cal));
    expect(stored).toHaveLength(3);
    for (const row of stored)
      expect(row).toMatchObject({
        absenceTypeIds: null,
        includeTeamEvents: true,
        includePending: false,
      });
    const shared = await listSharedLinks(person, own);
    expect(shared.map((link) => link.kind).sort()).toEqual(['guest', 'public']);

    const calendar = { id: cal, kind: 'person', personId: person.id, name: 'Pia Person' };
    expect(await openFeed(personal, request)).toMatchObject({
      kind: 'personal',
      ownerId: person.id,
      calendar: { ...calendar, timeZone: 'Asia/Tokyo' },
      privateTypes: 'own',
    });
    expect(await openFeed(publicLink.token, request)).toMatchObject({
      kind: 'public',
      calendar,
      privateTypes: 'none',
      options: { privacy: 'busy', absenceTypeIds: null, includeTeamEvents: true },
    });
    expect(await openFeed(guest, request, guestAuth)).toMatchObject({ kind: 'guest', calendar });

    await disable(person);
    for (const [token, auth] of [
      [personal, null],
      [publicLink.token, null],
      [guest, guestAuth],
    ] as const)
      await expect(openFeed(token, request, auth)).rejects.toMatchObject({ code: 'gone' });
  });

  it('the person revokes their public link, which then answers gone', async () => {
    const { person } = await organisation();
    const own = { kind: 'person' } as const;
    const link = await createPublicLink(
      person,
      own,
      publicLinkSchema.parse({ label: 'Family', includeTeamEvents: 'on', expiresInDays: 30 }),
    );
    await revokeSharedLink(person, own, link.id, request);
    await expect(openFeed(link.token, request)).rejects.toMatchObject({ code: 'gone' });
    const [row] = await db().select().from(feedTokens).where(eq(feedTokens.id, link.id));
    expect(row).toMatchObject({ revokedById: person.id, revokeReason: 'Revoked by its owner' });
  });
});

describe('showing one’s own absences', () => {
  it('each choice moves the calendar’s version and shows in its feed; a disabled person is refused', async () => {
    const { person, colleague, cal, colleagueCal } = await organisation();
    const { token } = await createPersonalSubscription(
      person,
      { kind: 'person' },
      feedOptionsSchema.parse({ includeTeamEvents: 'on' }),
    );
    const before = await version(cal);
    await setOwnAbsencesShown(person, true, request);
    expect(await version(cal)).toBe(before + 1);
    expect((await openFeed(token, request)).calendar.includesOwnAbsences).toBe(true);
    expect(await lastAudit()).toMatchObject({
      action: 'calendar.settings_updated',
      targetId: cal,
      details: { includesOwnAbsences: true },
    });
    await setOwnAbsencesShown(person, false);
    expect(await version(cal)).toBe(before + 2);
    expect((await personCalendar(person.id)).includesOwnAbsences).toBe(false);

    const colleagueBefore = await version(colleagueCal);
    await disable(colleague);
    await expect(setOwnAbsencesShown(colleague, true)).rejects.toMatchObject({ code: 'not_found' });
    expect(await personCalendar(colleague.id)).toMatchObject({
      includesOwnAbsences: false,
      version: colleagueBefore,
    });
  });
});

describe('the admin token audit', () => {
  it('lists a person’s links as links to a personal calendar, and filters by the calendar’s kind', async () => {
    const { person, admin, team } = await organisation();
    const own = { kind: 'person' } as const;
    const { subscription } = await createPersonalSubscription(
      person,
      own,
      feedOptionsSchema.parse({ includeTeamEvents: 'on' }),
    );
    const publicLink = await createPublicLink(
      person,
      own,
      publicLinkSchema.parse({ label: 'Partner', includeTeamEvents: 'on', expiresInDays: 30 }),
    );
    const teamLink = await createPersonalSubscription(
      person,
      { kind: 'team', slug: team.slug },
      feedOptionsSchema.parse({ includeTeamEvents: 'on' }),
    );
    const listed = async (query: Record<string, unknown>) =>
      (await listTokens(admin, tokenFilterSchema.parse({ owner: person.id, ...query }))).rows.map(
        (row) => [row.id, row.calendarKind, row.calendarName],
      );
    const personal = [subscription.id, 'person', 'Pia Person'];
    const published = [publicLink.id, 'person', 'Pia Person'];
    const ofTeam = [teamLink.subscription.id, 'team', team.name];
    expect(await listed({})).toEqual(expect.arrayContaining([personal, published, ofTeam]));
    expect((await listed({ calendar: 'person' })).sort()).toEqual([personal, published].sort());
    expect(await listed({ calendar: 'team' })).toEqual([ofTeam]);
    expect(await listed({ calendar: 'resource' })).toEqual([]);
    await expect(listTokens(person, tokenFilterSchema.parse({}))).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
