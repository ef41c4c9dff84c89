import crypto from 'node:crypto';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { absences, bookings, calendarEvents, resources, type NewCalendarEvent } from '@/db/schema';
import type { Actor } from '@/lib/dal/actor';
import { findCalendarForActor, type ActorCalendar } from '@/lib/dal/calendars';
import type { FeedOptions } from '@/lib/dal/feed-tokens';
import { setOwnAbsencesShown } from '@/lib/dal/profile';
import { feedCalendarStream, feedWindow } from '@/lib/feed-calendar';
import { PRIVACY_LEVELS } from '@/lib/privacy';
import { setupTestDatabase } from '@/test/helpers/database';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';
import { parseFeed, type ParsedFeed } from '@/test/helpers/feeds';
import { eventByUid, readWithBothParsers } from '@/test/helpers/ics';

// A person's calendar (appointments, and their own approved absences if they choose) and a
// resource's (its bookings), built from the database and read back by both parsers, next to the
// team calendar the person belongs to: each feed holds its own kind of event and no other's.

const db = setupTestDatabase();
// Every date below lies inside the window of this pinned "now", whatever today is.
const now = new Date('2026-06-15T09:00:00Z');
const window = feedWindow(now);

const HOME = '221B Baker St, Apt. 2; London NW1 6XE, UK';
const CLIENT = 'Acme, Inc.; 5th Ave 500, New York, NY 10036';
const ROOM_PLACE = 'Building B, 4th floor; east wing';
const NOTE = 'Projector cable is in the drawer; ask Tom, facilities.\nKey at reception.';

async function org() {
  const paris = await createTeam(db(), { timeZone: 'Europe/Paris', name: 'Field team' });
  const hugo = await createUser(db(), { name: 'Hugo Durand', timeZone: 'America/New_York' });
  const lea = await createUser(db(), { name: 'Léa Martin' });
  await addMember(db(), paris.id, hugo.id);
  await addMember(db(), paris.id, lea.id, 'manager');
  const vacation = await createAbsenceType(db(), { label: 'Vacation' });
  const person = await findCalendarForActor(hugo, { kind: 'person' });
  const team = await findCalendarForActor(lea, { kind: 'team', slug: paris.slug });

  const event = (values: Partial<NewCalendarEvent>): NewCalendarEvent => ({
    calendarId: person.id,
    title: 'Appointment',
    allDay: false,
    startDate: '2026-11-01',
    endDate: '2026-11-01',
    timeZone: 'America/New_York',
    createdById: hugo.id,
    ...values,
  });
  const [client, moving, dentist, old, offsite] = await db()
    .insert(calendarEvents)
    .values([
      // New York left summer time that night: 14:00 UTC is 09:00 there.
      event({
        title: 'Client meeting: Acme, Inc.',
        location: CLIENT,
        description: 'Bring the contract.\nAsk for Dana; she signs.',
        startsAt: new Date('2026-11-01T14:00:00Z'),
        endsAt: new Date('2026-11-01T15:30:00Z'),
      }),
      event({
        title: 'Moving day',
        location: HOME,
        allDay: true,
        startDate: '2026-11-03',
        endDate: '2026-11-04',
      }),
      event({
        title: 'Dentist',
        location: 'Main St 1, Springfield',
        status: 'cancelled',
        sequence: 1,
        startDate: '2026-11-05',
        endDate: '2026-11-05',
        startsAt: new Date('2026-11-05T20:00:00Z'),
        endsAt: new Date('2026-11-05T21:00:00Z'),
      }),
      // Before the window: never published.
      event({
        title: 'Old appointment',
        startDate: '2025-03-10',
        endDate: '2025-03-10',
        startsAt: new Date('2025-03-10T15:00:00Z'),
        endsAt: new Date('2025-03-10T16:00:00Z'),
      }),
      event({ calendarId: team.id, title: 'Team offsite', allDay: true, createdById: lea.id }),
    ])
    .returning();
  const off = (startDate: string, endDate: string, status: 'approved' | 'pending') =>
    ({ userId: hugo.id, typeId: vacation.id, startDate, endDate, status }) as const;
  const [approved, pending] = await db()
    .insert(absences)
    .values([
      off('2026-12-21', '2026-12-24', 'approved'),
      off('2027-01-04', '2027-01-05', 'pending'),
    ])
    .returning();

  const slug = `salle-lovelace-${crypto.randomBytes(3).toString('hex')}`;
  const [room] = await db()
    .insert(resources)
    .values({
      slug,
      name: 'Salle Lovelace',
      kind: 'room',
      location: ROOM_PLACE,
      timeZone: 'Europe/Berlin',
    })
    .returning();
  type Status = 'requested' | 'confirmed' | 'declined' | 'cancelled';
  const booking = (title: string, status: Status, from: string, to: string, note?: string) => ({
    resourceId: room!.id,
    bookedById: lea.id,
    title,
    status,
    note,
    startsAt: new Date(from),
    endsAt: new Date(to),
  });
  const [confirmed, requested, cancelled, declined, plain, early] = await db()
    .insert(bookings)
    .values([
      // Berlin left summer time on 25 October 2026: 09:00 there is 08:00 UTC the day after.
      booking(
        'Quarterly review',
        'confirmed',
        '2026-10-26T08:00:00Z',
        '2026-10-26T10:00:00Z',
        NOTE,
      ),
      booking('Interviews', 'requested', '2026-10-27T12:00:00Z', '2026-10-27T13:00:00Z'),
      // Released bookings may overlap live ones: only requested and confirmed ones exclude others.
      booking('Workshop', 'cancelled', '2026-10-26T09:00:00Z', '2026-10-26T11:00:00Z'),
      booking('Party', 'declined', '2026-10-27T12:00:00Z', '2026-10-27T15:00:00Z'),
      booking('Stand-up', 'confirmed', '2026-10-28T07:30:00Z', '2026-10-28T07:45:00Z'),
      // Before the window: never published.
      booking('Long ago', 'confirmed', '2025-05-01T08:00:00Z', '2025-05-01T09:00:00Z'),
    ])
    .returning();
  const resource = await findCalendarForActor(hugo, { kind: 'resource', slug });
  return {
    hugo,
    lea,
    team,
    person,
    resource,
    events: { client: client!, moving: moving!, dentist: dentist!, old: old!, offsite: offsite! },
    absences: { approved: approved!, pending: pending! },
    bookings: {
      confirmed: confirmed!,
      requested: requested!,
      cancelled: cancelled!,
      declined: declined!,
      plain: plain!,
      early: early!,
    },
  };
}

async function feedOf(calendar: ActorCalendar, owner: Actor, options: Partial<FeedOptions> = {}) {
  const feedOptions: FeedOptions = {
    privacy: 'standard',
    includePending: false,
    absenceTypeIds: null,
    includeTeamEvents: true,
    ...options,
  };
  const stream = feedCalendarStream({
    calendar,
    uidScope: SCOPE,
    ownerId: owner.id,
    options: feedOptions,
    privateTypes: 'own',
    expiryNotice: null,
    rows: calendar.source.readRows(calendar, { options: feedOptions, ...window }),
  });
  return parseFeed(await new Response(stream).text());
}

const uids = (feed: ParsedFeed) => feed.events.map((e) => e.uid).sort();
/** Stands for the link's id, which makes UIDs the feed's own. */
const SCOPE = 'link-1';
const event = (id: string) => `event-${id}.${SCOPE}@teamcal`;
const absence = (id: string) => `absence-${id}.${SCOPE}@teamcal`;
const booking = (id: string) => `booking-${id}.${SCOPE}@teamcal`;

/** The same event as each parser reads it. */
const readings = (feed: ParsedFeed, uid: string) =>
  readWithBothParsers(feed.text).map(
    ([parser, calendar]) => [parser, eventByUid(calendar, uid)] as const,
  );

/** A property the shared reading does not keep (TRANSP), straight from ical.js. */
function rawProperty(feed: ParsedFeed, uid: string, name: string): string | null {
  const vevent = new ICAL.Component(ICAL.parse(feed.text))
    .getAllSubcomponents('vevent')
    .find((component) => component.getFirstPropertyValue('uid') === uid);
  const value = vevent?.getFirstPropertyValue(name);
  return value === null || value === undefined ? null : String(value);
}

const unfolded = (feed: ParsedFeed) => feed.text.replace(/\r\n[ \t]/g, '');

describe('a person’s calendar feed', () => {
  it('is named after the person and written in their zone', async () => {
    const { hugo, person } = await org();
    const feed = await feedOf(person, hugo);
    expect(feed.property('x-wr-calname')).toBe('Hugo Durand – TeamCal');
    expect(feed.property('x-wr-timezone')).toBe('America/New_York');
    expect(feed.timeZones).toEqual(['America/New_York']);
  });

  it('publishes appointments at their exact instants, all-day ones over their dates, inside the window', async () => {
    const { hugo, person, events } = await org();
    const feed = await feedOf(person, hugo);
    expect(uids(feed)).toEqual(
      [events.client.id, events.moving.id, events.dentist.id].map(event).sort(),
    );
    for (const [parser, client] of readings(feed, event(events.client.id))) {
      expect(client.allDay, parser).toBe(false);
      expect(client.timeZone, parser).toBe('America/New_York');
      expect(client.start.getTime(), parser).toBe(events.client.startsAt!.getTime());
      expect(client.end.getTime(), parser).toBe(events.client.endsAt!.getTime());
      expect(client.status, parser).toBe('CONFIRMED');
    }
    expect(feed.text).toContain('DTSTART;TZID=America/New_York:20261101T090000\r\n');
    // The person's own commitments: busy, unlike a team's events.
    expect(rawProperty(feed, event(events.client.id), 'transp')).toBe('OPAQUE');
    for (const [parser, moving] of readings(feed, event(events.moving.id))) {
      expect([moving.allDay, moving.startDate, moving.endDate], parser).toEqual([
        true,
        '2026-11-03',
        '2026-11-05',
      ]);
    }
    for (const [parser, dentist] of readings(feed, event(events.dentist.id))) {
      expect([dentist.status, dentist.sequence], parser).toEqual(['CANCELLED', 1]);
      expect(dentist.start.getTime(), parser).toBe(events.dentist.startsAt!.getTime());
    }
  });

  it('shows location and description under full, the location without description under standard', async () => {
    const { hugo, person, events } = await org();
    const full = await feedOf(person, hugo, { privacy: 'full' });
    for (const [parser, client] of readings(full, event(events.client.id))) {
      expect([client.summary, client.location, client.description], parser).toEqual([
        'Client meeting: Acme, Inc.',
        CLIENT,
        'Bring the contract.\nAsk for Dana; she signs.',
      ]);
    }
    for (const [parser, moving] of readings(full, event(events.moving.id)))
      expect(moving.location, parser).toBe(HOME);
    expect(unfolded(full)).toContain('LOCATION:221B Baker St\\, Apt. 2\\; London NW1 6XE\\, UK');

    const standard = await feedOf(person, hugo, { privacy: 'standard' });
    for (const [parser, client] of readings(standard, event(events.client.id))) {
      expect([client.summary, client.location, client.description], parser).toEqual([
        'Client meeting: Acme, Inc.',
        CLIENT,
        null,
      ]);
    }
    for (const [parser, moving] of readings(standard, event(events.moving.id)))
      expect(moving.location, parser).toBe(HOME);
    expect(unfolded(standard)).not.toContain('Bring the contract');
  });

  it('shows only "Busy" blocks at the same times under busy', async () => {
    const { hugo, person, events } = await org();
    const feed = await feedOf(person, hugo, { privacy: 'busy' });
    for (const appointment of [events.client, events.moving, events.dentist]) {
      for (const [parser, read] of readings(feed, event(appointment.id))) {
        expect([read.summary, read.location, read.description], parser).toEqual([
          'Busy',
          null,
          null,
        ]);
      }
    }
    const client = feed.events.find((e) => e.uid === event(events.client.id))!;
    expect(client.start.getTime()).toBe(events.client.startsAt!.getTime());
    for (const secret of ['Client meeting', 'Acme', 'Baker', 'Moving', 'Dentist', 'Dana'])
      expect(unfolded(feed)).not.toContain(secret);
  });

  it('adds only the person’s approved absences, and only once they choose so', async () => {
    const { hugo, person, absences: own } = await org();
    const before = await feedOf(person, hugo, { includePending: true });
    expect(before.events.some((e) => e.uid.startsWith('absence-'))).toBe(false);

    await setOwnAbsencesShown(hugo, true);
    const shown = await findCalendarForActor(hugo, { kind: 'person' });
    for (const includePending of [false, true]) {
      const feed = await feedOf(shown, hugo, { includePending });
      const listed = feed.events.filter((e) => e.uid.startsWith('absence-')).map((e) => e.uid);
      expect(listed, `includePending: ${includePending}`).toEqual([absence(own.approved.id)]);
    }
    const feed = await feedOf(shown, hugo);
    for (const [parser, read] of readings(feed, absence(own.approved.id))) {
      expect([read.summary, read.startDate, read.endDate, read.status], parser).toEqual([
        'Hugo Durand — Vacation',
        '2026-12-21',
        '2026-12-25',
        'CONFIRMED',
      ]);
    }
  });
});

describe('a resource’s calendar feed', () => {
  it('is named after the resource and written in its zone', async () => {
    const { hugo, resource } = await org();
    const feed = await feedOf(resource, hugo);
    expect(feed.property('x-wr-calname')).toBe('Salle Lovelace – TeamCal');
    expect(feed.property('x-wr-timezone')).toBe('Europe/Berlin');
  });

  it('places every booking at the resource, whatever the privacy level', async () => {
    const { hugo, resource, bookings: booked } = await org();
    for (const privacy of PRIVACY_LEVELS) {
      const feed = await feedOf(resource, hugo, { privacy, includePending: true });
      for (const row of [booked.confirmed, booked.requested, booked.cancelled, booked.declined]) {
        for (const [parser, read] of readings(feed, booking(row.id)))
          expect(read.location, `${privacy} ${parser}`).toBe(`Salle Lovelace, ${ROOM_PLACE}`);
      }
    }
  });

  it('shows who booked and the note under full, the title under standard, "Booked" under busy', async () => {
    const { hugo, resource, bookings: booked } = await org();
    const full = await feedOf(resource, hugo, { privacy: 'full' });
    for (const [parser, read] of readings(full, booking(booked.confirmed.id))) {
      expect(read.summary, parser).toBe('Quarterly review');
      expect(read.description, parser).toContain('Booked by Léa Martin');
      expect(read.description, parser).toContain(NOTE);
    }
    for (const [parser, read] of readings(full, booking(booked.plain.id)))
      expect(read.description, parser).toBe('Booked by Léa Martin');

    const standard = await feedOf(resource, hugo, { privacy: 'standard' });
    for (const [parser, read] of readings(standard, booking(booked.confirmed.id)))
      expect([read.summary, read.description], parser).toEqual(['Quarterly review', null]);
    expect(unfolded(standard)).not.toContain('Léa');
    expect(unfolded(standard)).not.toContain('Projector');

    const busy = await feedOf(resource, hugo, { privacy: 'busy' });
    for (const [parser, read] of readings(busy, booking(booked.confirmed.id)))
      expect([read.summary, read.description], parser).toEqual(['Booked', null]);
    for (const secret of ['Quarterly', 'Stand-up', 'Léa', 'Projector'])
      expect(unfolded(busy)).not.toContain(secret);
  });

  it('writes bookings at their exact instants, busy, with released ones cancelled', async () => {
    const { hugo, resource, bookings: booked } = await org();
    const feed = await feedOf(resource, hugo);
    expect(uids(feed)).toEqual(
      [booked.confirmed, booked.cancelled, booked.declined, booked.plain]
        .map((b) => booking(b.id))
        .sort(),
    );
    for (const [row, status] of [
      [booked.confirmed, 'CONFIRMED'],
      [booked.cancelled, 'CANCELLED'],
      [booked.declined, 'CANCELLED'],
    ] as const) {
      for (const [parser, read] of readings(feed, booking(row.id))) {
        expect(read.status, parser).toBe(status);
        expect(read.timeZone, parser).toBe('Europe/Berlin');
        expect(read.start.getTime(), parser).toBe(row.startsAt.getTime());
        expect(read.end.getTime(), parser).toBe(row.endsAt.getTime());
      }
      expect(rawProperty(feed, booking(row.id), 'transp')).toBe('OPAQUE');
    }
    expect(feed.text).toContain('DTSTART;TZID=Europe/Berlin:20261026T090000\r\n');
    expect(unfolded(feed)).toContain('X-MICROSOFT-CDO-BUSYSTATUS:BUSY');
  });

  it('includes requested bookings as tentative only when asked', async () => {
    const { hugo, resource, bookings: booked } = await org();
    const without = await feedOf(resource, hugo);
    expect(uids(without)).not.toContain(booking(booked.requested.id));
    const withPending = await feedOf(resource, hugo, { includePending: true });
    for (const [parser, read] of readings(withPending, booking(booked.requested.id))) {
      expect([read.summary, read.status], parser).toEqual(['Interviews (requested)', 'TENTATIVE']);
      expect(read.start.getTime(), parser).toBe(booked.requested.startsAt.getTime());
    }
  });
});

describe('feeds of different kinds', () => {
  it('keep to their own events: no appointment or booking in the team feed, and the reverse', async () => {
    const { hugo, lea, team, resource, events, bookings: booked } = await org();
    await setOwnAbsencesShown(hugo, true);
    const teamFeed = uids(await feedOf(team, lea, { includePending: true }));
    const personFeed = uids(
      await feedOf(await findCalendarForActor(hugo, { kind: 'person' }), hugo),
    );
    const roomFeed = uids(await feedOf(resource, hugo, { includePending: true }));

    const appointments = [events.client, events.moving, events.dentist].map((e) => event(e.id));
    const roomBookings = Object.values(booked).map((b) => booking(b.id));
    expect(teamFeed).toContain(event(events.offsite.id));
    for (const uid of [...appointments, ...roomBookings]) expect(teamFeed).not.toContain(uid);
    expect(personFeed).toEqual(expect.arrayContaining(appointments));
    for (const uid of [event(events.offsite.id), ...roomBookings])
      expect(personFeed).not.toContain(uid);
    expect(roomFeed.every((uid) => uid.startsWith('booking-'))).toBe(true);
    for (const uid of [...appointments, event(events.offsite.id)])
      expect(roomFeed).not.toContain(uid);
  });
});
