import { TZDate } from '@date-fns/tz';
import { addDays, formatISO, getISODay, parseISO } from 'date-fns';
import { eq, inArray } from 'drizzle-orm';
import { holidayDatesBetween } from '../lib/holidays';
import { hashPassword } from '../lib/passwords';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_ADMIN_NAME,
  DEMO_PASSWORD,
  DEMO_PEOPLE as PEOPLE,
  demoEmailOf as emailOf,
} from './demo-people.mjs';
import type { Database } from './index';
import {
  absenceTypes,
  absences,
  allowances,
  bookings,
  calendarEvents,
  calendars,
  memberships,
  resourceManagers,
  resources,
  teams,
  users,
  type NewAbsence,
  type NewCalendarEvent,
} from './schema';

// The demo organisation: realistic enough to click through every screen, and the same on every
// machine (a seeded random generator, dates relative to today).

export { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from './demo-people.mjs';

export interface DemoLogin {
  email: string;
  role: string;
}

type PersonSpec = (typeof PEOPLE)[number];

// Each team keeps the public holidays of where it works; Support's are England's (a region of
// the United Kingdom: Scotland's differ).
const TEAM_SPECS = [
  {
    key: 'engineering',
    name: 'Engineering',
    timeZone: 'Europe/Paris',
    holidayCountry: 'FR',
    holidayRegion: null,
  },
  {
    key: 'sales',
    name: 'Sales',
    timeZone: 'America/New_York',
    holidayCountry: 'US',
    holidayRegion: null,
  },
  {
    key: 'support',
    name: 'Customer Support',
    timeZone: 'Europe/London',
    holidayCountry: 'GB',
    holidayRegion: 'ENG',
  },
] as const;

const TYPE_SPECS = [
  {
    key: 'vacation',
    label: 'Vacation',
    color: '#2563eb',
    isPrivate: false,
    countsAgainstAllowance: true,
    requiresApproval: true,
    sortOrder: 1,
  },
  {
    key: 'sick',
    label: 'Sick leave',
    color: '#dc2626',
    isPrivate: true,
    countsAgainstAllowance: false,
    requiresApproval: false,
    sortOrder: 2,
  },
  {
    key: 'remote',
    label: 'Remote work',
    color: '#059669',
    isPrivate: false,
    countsAgainstAllowance: false,
    requiresApproval: false,
    sortOrder: 3,
  },
  {
    key: 'training',
    label: 'Training',
    color: '#d97706',
    isPrivate: false,
    countsAgainstAllowance: false,
    requiresApproval: true,
    sortOrder: 4,
  },
  {
    key: 'parental',
    label: 'Parental leave',
    color: '#7c3aed',
    isPrivate: false,
    countsAgainstAllowance: false,
    requiresApproval: true,
    sortOrder: 5,
  },
] as const;

/** mulberry32: a tiny deterministic generator, so every machine gets the same demo. */
function randomGenerator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
  };
}

const isoDate = (d: Date) => formatISO(d, { representation: 'date' });
/** The first working day from `d` on: no weekend, none of the person's public holidays. */
const nextWorkday = (d: Date, holidays: ReadonlySet<string> = new Set()) => {
  let day = d;
  while (getISODay(day) > 5 || holidays.has(isoDate(day))) day = addDays(day, 1);
  return day;
};

function demoAbsences(
  userId: string,
  typeIds: Record<(typeof TYPE_SPECS)[number]['key'], string>,
  today: Date,
  random: ReturnType<typeof randomGenerator>,
  managerId: string,
  holidays: ReadonlySet<string>,
): NewAbsence[] {
  const rows: NewAbsence[] = [];
  // Walk from ~9 months ago to ~6 months ahead, leaving gaps, so no two absences overlap.
  let cursor = addDays(today, -270 + random.int(0, 20));
  const end = addDays(today, 180);
  while (cursor < end) {
    const start = nextWorkday(cursor, holidays);
    const roll = random.next();
    const type =
      roll < 0.35
        ? 'vacation'
        : roll < 0.55
          ? 'remote'
          : roll < 0.72
            ? 'sick'
            : roll < 0.85
              ? 'training'
              : 'remote';
    const length =
      type === 'vacation'
        ? random.int(1, 8)
        : type === 'remote'
          ? 1
          : type === 'sick'
            ? random.int(1, 3)
            : random.int(1, 2);
    const last = nextWorkday(addDays(start, length - 1), holidays);
    const inFuture = start > today;
    const needsApproval = TYPE_SPECS.find((t) => t.key === type)!.requiresApproval;
    let status: NewAbsence['status'] = 'approved';
    if (needsApproval && inFuture && random.chance(0.35)) status = 'pending';
    else if (needsApproval && random.chance(0.08)) status = 'rejected';
    else if (random.chance(0.05)) status = 'cancelled';
    const singleDay = isoDate(start) === isoDate(last);
    const halfDayStart = random.chance(0.12);
    const halfDayEnd = !(singleDay && halfDayStart) && random.chance(0.12);
    const decided = status === 'approved' || status === 'rejected';
    rows.push({
      userId,
      typeId: typeIds[type],
      startDate: isoDate(start),
      endDate: isoDate(last),
      halfDayStart,
      halfDayEnd,
      status,
      note:
        type === 'vacation' && random.chance(0.3)
          ? 'Reachable by phone for emergencies'
          : type === 'sick' && random.chance(0.5)
            ? 'Doctor’s appointment and rest'
            : null,
      decidedById: decided && needsApproval ? managerId : null,
      decidedAt: decided && needsApproval ? addDays(start, -7) : null,
      decisionReason: status === 'rejected' ? 'Release week: please pick other dates' : null,
      sequence: status === 'approved' || status === 'pending' ? 0 : 1,
    });
    cursor = addDays(last, random.int(8, 35));
  }
  return rows;
}

function demoTeamEvents(
  calendarId: string,
  timeZone: string,
  createdById: string,
  today: Date,
): NewCalendarEvent[] {
  const at = (daysFromToday: number) => isoDate(nextWorkday(addDays(today, daysFromToday)));
  // Timed events store their local dates and their instants, from a local hour in the team's zone.
  const timed = (days: number, fromLocalHour: number, hours: number) => {
    const span = workdaySpan(today, days, fromLocalHour, hours, timeZone);
    return {
      startDate: span.date,
      endDate: span.date,
      startsAt: span.startsAt,
      endsAt: span.endsAt,
    };
  };
  const base = { calendarId, timeZone, createdById };
  const quarterlyOffsite = at(-60);
  return [
    {
      ...base,
      title: 'Quarterly offsite',
      allDay: true,
      startDate: quarterlyOffsite,
      endDate: isoDate(addDays(parseISO(quarterlyOffsite), 1)),
      location: 'Station F, 5 Parvis Alan Turing, 75013 Paris, France',
      description: 'Two days of planning, demos and a team dinner.',
    },
    {
      ...base,
      title: 'Client visit — Airbus',
      allDay: false,
      ...timed(-20, 9, 3),
      location: '1 Rond-point Maurice Bellonte, 31700 Blagnac, France',
      description:
        'Integration workshop with the client’s IT team. Car pool from the office at 8:00.',
    },
    {
      ...base,
      title: 'Sprint review',
      allDay: false,
      ...timed(3, 15, 1),
      location: 'Meeting room “Ada”, 3rd floor',
      description: 'Demo of the sprint’s work; everyone welcome.',
    },
    {
      ...base,
      title: 'Client visit — Schneider Electric',
      allDay: false,
      ...timed(12, 10, 4),
      location: '35 Rue Joseph Monier, 92500 Rueil-Malmaison, France',
      description: 'Quarterly business review.',
    },
    {
      ...base,
      title: 'Team offsite',
      allDay: true,
      startDate: at(45),
      endDate: at(45),
      location: 'Le Perchoir, 14 Rue Crespin du Gast, 75011 Paris, France',
      description: null,
    },
    {
      ...base,
      title: 'Projector booked',
      allDay: false,
      ...timed(5, 14, 2),
      location: 'Equipment room B, ground floor',
      description: 'Epson projector for the training session.',
    },
  ];
}

/** A timed span on a workday `daysFromToday` away, from a local hour in `timeZone`. */
function workdaySpan(
  today: Date,
  daysFromToday: number,
  fromHour: number,
  hours: number,
  timeZone: string,
) {
  const date = isoDate(nextWorkday(addDays(today, daysFromToday)));
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const startsAt = new Date(new TZDate(y, m - 1, d, fromHour, 0, timeZone).getTime());
  return { date, startsAt, endsAt: new Date(startsAt.getTime() + hours * 3_600_000) };
}

/** Hugo's own appointments (seed 002: a mileage app reads their addresses). */
function demoAppointments(
  calendarId: string,
  createdById: string,
  today: Date,
): NewCalendarEvent[] {
  const timeZone = 'Europe/Paris';
  const visit = (days: number, hour: number, hours: number, title: string, location: string) => {
    const span = workdaySpan(today, days, hour, hours, timeZone);
    return {
      calendarId,
      createdById,
      timeZone,
      title,
      location,
      allDay: false,
      startDate: span.date,
      endDate: span.date,
      startsAt: span.startsAt,
      endsAt: span.endsAt,
      description: 'Bring the signed quote.',
    };
  };
  return [
    visit(-6, 9, 2, 'Client visit — Decathlon', '4 Boulevard de Mons, 59650 Villeneuve-d’Ascq'),
    visit(
      1,
      14,
      2,
      'Client visit — Michelin',
      '23 Place des Carmes-Déchaux, 63000 Clermont-Ferrand',
    ),
    visit(4, 10, 1, 'Site survey — Lyon office', '20 Rue de la République, 69002 Lyon'),
  ];
}

const RESOURCE_SPECS = [
  {
    slug: 'salle-lovelace',
    name: 'Salle Lovelace',
    kind: 'room',
    location: '3rd floor, 12 rue de la Paix, 75002 Paris',
    capacity: 10,
    bookingPolicy: 'instant',
    description: 'Screen, whiteboard and a video-conference camera.',
  },
  {
    slug: 'photo-kit',
    name: 'Photo kit',
    kind: 'equipment',
    location: 'Front desk, 12 rue de la Paix, 75002 Paris',
    capacity: null,
    bookingPolicy: 'approval',
    description: 'Camera body, two lenses and a tripod, for property listings.',
  },
  {
    slug: 'company-van',
    name: 'Company van',
    kind: 'vehicle',
    location: 'Car park level -2, 12 rue de la Paix, 75002 Paris',
    capacity: null,
    bookingPolicy: 'instant',
    description: null,
  },
] as const;

export function demoLogins(): DemoLogin[] {
  return [
    { email: DEMO_ADMIN_EMAIL, role: 'admin' },
    ...PEOPLE.map((p) => ({
      email: emailOf(p.key),
      role: p.teams
        .map(([team, role]) => `${role} of ${TEAM_SPECS.find((t) => t.key === team)!.name}`)
        .join(', '),
    })),
  ];
}

export async function hasDemoOrganisation(db: Database): Promise<boolean> {
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO_ADMIN_EMAIL));
  return admin !== undefined;
}

/**
 * Creates the demo organisation unless it exists. Returns the logins and whether it created them.
 */
export async function seedDemoOrganisation(
  db: Database,
  today: Date = new Date(),
): Promise<{ created: boolean; logins: DemoLogin[] }> {
  const logins = demoLogins();
  if (await hasDemoOrganisation(db)) return { created: false, logins };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const random = randomGenerator(20261123);
  const utcToday = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()),
  );

  await db.transaction(async (tx) => {
    await tx
      .insert(users)
      .values({ email: DEMO_ADMIN_EMAIL, name: DEMO_ADMIN_NAME, role: 'admin', passwordHash });
    const people = await tx
      .insert(users)
      .values(PEOPLE.map((p) => ({ email: emailOf(p.key), name: p.name, passwordHash })))
      .returning({ id: users.id, email: users.email });
    const userIdOf = (key: string) => people.find((p) => p.email === emailOf(key))!.id;

    const teamRows = await tx
      .insert(teams)
      .values(
        TEAM_SPECS.map((t) => ({
          name: t.name,
          slug: t.key,
          timeZone: t.timeZone,
          holidayCountry: t.holidayCountry,
          holidayRegion: t.holidayRegion,
        })),
      )
      .returning({ id: teams.id, slug: teams.slug, timeZone: teams.timeZone });
    const teamOf = (key: string) => teamRows.find((t) => t.slug === key)!;

    // Joined in the order listed: the first team is the person's home, whose public holidays
    // they keep (lib/dal/holiday-places.ts).
    const joinedAt = Date.now();
    await tx.insert(memberships).values(
      PEOPLE.flatMap((p) =>
        p.teams.map(([team, role], index) => ({
          teamId: teamOf(team).id,
          userId: userIdOf(p.key),
          role,
          createdAt: new Date(joinedAt + index * 1000),
        })),
      ),
    );

    const typeRows = await tx
      .insert(absenceTypes)
      .values([...TYPE_SPECS])
      .returning({ id: absenceTypes.id, key: absenceTypes.key });
    const typeIds = Object.fromEntries(typeRows.map((t) => [t.key, t.id])) as Record<
      (typeof TYPE_SPECS)[number]['key'],
      string
    >;

    // Up to 5 unused days of a year carry into the next, and lapse after 31 March.
    const year = utcToday.getUTCFullYear();
    await tx.insert(allowances).values(
      PEOPLE.flatMap((p) =>
        [year - 1, year, year + 1].map((y) => ({
          userId: userIdOf(p.key),
          year: y,
          days: p.key === 'ines' ? 27.5 : 25,
          carryOverMax: 5,
          carryOverExpiresOn: `${y}-03-31`,
        })),
      ),
    );

    const managerOf = (p: PersonSpec) => {
      const [team] = p.teams[0]!;
      const manager = PEOPLE.find(
        (q) => q.key !== p.key && q.teams.some(([t, r]) => t === team && r === 'manager'),
      );
      return userIdOf((manager ?? PEOPLE[0]!).key);
    };
    const holidaysOf = (p: PersonSpec) => {
      const home = TEAM_SPECS.find((t) => t.key === p.teams[0]![0])!;
      return holidayDatesBetween(
        { country: home.holidayCountry, region: home.holidayRegion },
        isoDate(addDays(utcToday, -400)),
        isoDate(addDays(utcToday, 400)),
      );
    };
    const absenceRows = PEOPLE.flatMap((p) =>
      demoAbsences(userIdOf(p.key), typeIds, utcToday, random, managerOf(p), holidaysOf(p)),
    );
    await tx.insert(absences).values(absenceRows);

    // Each team's calendar was created with the team (a trigger of migration 0005).
    const teamCalendars = await tx
      .select({ id: calendars.id, teamId: calendars.teamId })
      .from(calendars)
      .where(
        inArray(
          calendars.teamId,
          teamRows.map((team) => team.id),
        ),
      );
    const calendarOf = (teamId: string) => teamCalendars.find((c) => c.teamId === teamId)!.id;
    const events = TEAM_SPECS.flatMap((t) => {
      const team = teamOf(t.key);
      const manager = PEOPLE.find((p) => p.teams.some(([k, r]) => k === t.key && r === 'manager'))!;
      const all = demoTeamEvents(
        calendarOf(team.id),
        team.timeZone,
        userIdOf(manager.key),
        utcToday,
      );
      return t.key === 'engineering' ? all : all.slice(0, 3);
    });
    await tx.insert(calendarEvents).values(events);

    // Hugo's own calendar was created with him (the same trigger).
    const [hugoCalendar] = await tx
      .select({ id: calendars.id })
      .from(calendars)
      .where(eq(calendars.personId, userIdOf('hugo')));
    await tx
      .insert(calendarEvents)
      .values(demoAppointments(hugoCalendar!.id, userIdOf('hugo'), utcToday));

    const resourceRows = await tx
      .insert(resources)
      .values(RESOURCE_SPECS.map((spec) => ({ ...spec, timeZone: 'Europe/Paris' })))
      .returning({ id: resources.id, slug: resources.slug });
    const resourceOf = (slug: string) => resourceRows.find((r) => r.slug === slug)!.id;
    await tx.insert(resourceManagers).values([
      { resourceId: resourceOf('salle-lovelace'), userId: userIdOf('camille') },
      { resourceId: resourceOf('photo-kit'), userId: userIdOf('camille') },
      { resourceId: resourceOf('company-van'), userId: userIdOf('maya') },
    ]);
    const booking = (
      slug: string,
      who: string,
      title: string,
      span: { startsAt: Date; endsAt: Date },
      status: 'confirmed' | 'requested' = 'confirmed',
    ) => ({
      resourceId: resourceOf(slug),
      bookedById: userIdOf(who),
      title,
      startsAt: span.startsAt,
      endsAt: span.endsAt,
      status,
    });
    const paris = (days: number, hour: number, hours: number) =>
      workdaySpan(utcToday, days, hour, hours, 'Europe/Paris');
    await tx
      .insert(bookings)
      .values([
        booking('salle-lovelace', 'camille', 'Engineering weekly', paris(1, 10, 1)),
        booking('salle-lovelace', 'lea', 'Interview', paris(1, 14, 1)),
        booking('salle-lovelace', 'maya', 'Sales pipeline review', paris(2, 9, 2)),
        booking('photo-kit', 'hugo', 'Listing photos, rue Oberkampf', paris(3, 9, 4), 'requested'),
        booking('company-van', 'ethan', 'Trade fair, Lyon', paris(5, 7, 11)),
      ]);
  });
  return { created: true, logins };
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((l) => l.email.length));
  return [
    `Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...logins.map((l) => `  ${l.email.padEnd(width)}  ${l.role}`),
  ].join('\n');
}
