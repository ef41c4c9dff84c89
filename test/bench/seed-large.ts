import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import {
  absences,
  absenceTypes,
  memberships,
  bookings,
  calendarEvents,
  calendars,
  resources,
  teams,
  users,
  type NewAbsence,
  type NewBooking,
  type NewCalendarEvent,
} from '@/db/schema';
import { seedDemoOrganisation } from '@/db/seed';
import type { Actor } from '@/lib/dal/actor';
import { createPersonalSubscription } from '@/lib/dal/feed-tokens';
import { hashPassword } from '@/lib/passwords';
import { feedOptionsSchema } from '@/lib/validation';

// The benchmark's organisation: the demo, plus a large team (200 people, ~50,000 absences and
// events across the feed window) and a small one (~500), a person's calendar of 500 appointments
// and a room's calendar of 500 bookings, each with a subscription.

const DAY_MS = 86_400_000;
const INSERT_CHUNK = 2_000;

const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

async function insertInChunks<Row>(rows: Row[], insert: (chunk: Row[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insert(rows.slice(i, i + INSERT_CHUNK));
}

async function createTeamWithAbsences(
  db: Database,
  spec: { slug: string; name: string; people: number; absencesEach: number; events: number },
  passwordHash: string,
  typeIds: string[],
) {
  const [team] = await db
    .insert(teams)
    .values({ name: spec.name, slug: spec.slug, timeZone: 'Europe/Paris' })
    .returning({ id: teams.id });
  const people = await db
    .insert(users)
    .values(
      Array.from({ length: spec.people }, (_, i) => ({
        email: `${spec.slug}-${i}@bench.example.com`,
        name: `Person ${i} of ${spec.name}`,
        passwordHash,
      })),
    )
    .returning({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      timeZone: users.timeZone,
    });
  await db.insert(memberships).values(
    people.map((p, i) => ({
      teamId: team!.id,
      userId: p.id,
      role: i === 0 ? ('manager' as const) : ('member' as const),
    })),
  );

  // Spread over the window (a year back to two years ahead), one absence every few days a person.
  const start = Date.now() - 360 * DAY_MS;
  const step = Math.floor((1_080 * DAY_MS) / spec.absencesEach);
  const rows: NewAbsence[] = people.flatMap((person, p) =>
    Array.from({ length: spec.absencesEach }, (_, i) => {
      const first = start + i * step + (p % 3) * DAY_MS;
      const length = (i + p) % 3 === 0 ? 2 : 1;
      return {
        userId: person.id,
        typeId: typeIds[(i + p) % typeIds.length]!,
        startDate: isoDate(first),
        endDate: isoDate(first + (length - 1) * DAY_MS),
        halfDayStart: length === 1 && i % 7 === 0,
        status: 'approved' as const,
        note: i % 5 === 0 ? 'Back on Monday; urgent matters to the team lead, please' : null,
      };
    }),
  );
  await insertInChunks(rows, (chunk) => db.insert(absences).values(chunk));

  const [calendar] = await db
    .select({ id: calendars.id })
    .from(calendars)
    .where(eq(calendars.teamId, team!.id));
  const events: NewCalendarEvent[] = Array.from({ length: spec.events }, (_, i) => {
    const day = start + Math.floor((i * 1_080 * DAY_MS) / spec.events);
    const startsAt = new Date(day + 8 * 3_600_000);
    return {
      calendarId: calendar!.id,
      title: `Client visit ${i}`,
      location: `${10 + (i % 90)} rue de Rivoli, 75001 Paris, France`,
      description: 'Bring the demo laptop; parking on level -2.',
      allDay: false,
      startDate: isoDate(day),
      endDate: isoDate(day),
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      timeZone: 'Europe/Paris',
      createdById: people[0]!.id,
    };
  });
  await insertInChunks(events, (chunk) => db.insert(calendarEvents).values(chunk));
  return { manager: people[0]! as Actor, eventCount: rows.length + events.length };
}

export interface BenchOrganisation {
  smallToken: string;
  largeToken: string;
  smallEvents: number;
  largeEvents: number;
  /** A person's own calendar of appointments, and a room's calendar of bookings. */
  personToken: string;
  resourceToken: string;
  personEvents: number;
  resourceEvents: number;
}

const SPREAD_DAYS = 1_080;

/** `count` one-hour spans at 08:00 UTC, spread over the feed window. */
function hourlySpans(count: number) {
  const start = Date.now() - 360 * DAY_MS;
  return Array.from({ length: count }, (_, i) => {
    const day = start + Math.floor((i * SPREAD_DAYS * DAY_MS) / count);
    const startsAt = new Date(day - (day % DAY_MS) + 8 * 3_600_000);
    return { day: isoDate(day), startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) };
  });
}

/** A person's appointments with addresses (what a mileage app reads), in their calendar. */
async function addAppointments(db: Database, person: Actor, count: number) {
  const [calendar] = await db
    .select({ id: calendars.id })
    .from(calendars)
    .where(eq(calendars.personId, person.id));
  const rows: NewCalendarEvent[] = hourlySpans(count).map((span, i) => ({
    calendarId: calendar!.id,
    title: `Client visit ${i}`,
    location: `${10 + (i % 90)} rue de Rivoli, 75001 Paris, France`,
    description: 'Bring the signed quote.',
    allDay: false,
    startDate: span.day,
    endDate: span.day,
    startsAt: span.startsAt,
    endsAt: span.endsAt,
    timeZone: 'Europe/Paris',
    createdById: person.id,
  }));
  await insertInChunks(rows, (chunk) => db.insert(calendarEvents).values(chunk));
}

/** A meeting room with a booking an hour long every couple of days. */
async function addRoomWithBookings(db: Database, bookedBy: Actor, count: number) {
  const [room] = await db
    .insert(resources)
    .values({
      slug: 'bench-room',
      name: 'Bench room',
      kind: 'room',
      location: '12 rue de la Paix, 75002 Paris',
      capacity: 8,
    })
    .returning({ id: resources.id });
  const rows: NewBooking[] = hourlySpans(count).map((span, i) => ({
    resourceId: room!.id,
    bookedById: bookedBy.id,
    title: `Meeting ${i}`,
    note: i % 4 === 0 ? 'Projector needed' : null,
    startsAt: span.startsAt,
    endsAt: span.endsAt,
    status: 'confirmed' as const,
  }));
  await insertInChunks(rows, (chunk) => db.insert(bookings).values(chunk));
}

export async function seedBenchOrganisation(db: Database): Promise<BenchOrganisation> {
  await seedDemoOrganisation(db);
  const passwordHash = await hashPassword('bench-password');
  const typeIds = (
    await db.select({ id: absenceTypes.id }).from(absenceTypes).where(eq(absenceTypes.active, true))
  ).map((t) => t.id);
  const small = await createTeamWithAbsences(
    db,
    { slug: 'bench-small', name: 'Bench small', people: 20, absencesEach: 24, events: 20 },
    passwordHash,
    typeIds,
  );
  const large = await createTeamWithAbsences(
    db,
    { slug: 'bench-large', name: 'Bench large', people: 200, absencesEach: 245, events: 1_000 },
    passwordHash,
    typeIds,
  );
  const options = feedOptionsSchema.parse({
    privacy: 'standard',
    includeTeamEvents: 'on',
    absenceTypeIds: typeIds,
  });
  const smallLink = await createPersonalSubscription(
    small.manager,
    { kind: 'team', slug: 'bench-small' },
    options,
  );
  const largeLink = await createPersonalSubscription(
    large.manager,
    { kind: 'team', slug: 'bench-large' },
    options,
  );
  const [personEvents, resourceEvents] = [500, 500];
  await addAppointments(db, small.manager, personEvents);
  await addRoomWithBookings(db, small.manager, resourceEvents);
  const personLink = await createPersonalSubscription(small.manager, { kind: 'person' }, options);
  const resourceLink = await createPersonalSubscription(
    small.manager,
    { kind: 'resource', slug: 'bench-room' },
    options,
  );
  return {
    smallToken: smallLink.token,
    largeToken: largeLink.token,
    smallEvents: small.eventCount,
    largeEvents: large.eventCount,
    personToken: personLink.token,
    resourceToken: resourceLink.token,
    personEvents,
    resourceEvents,
  };
}
