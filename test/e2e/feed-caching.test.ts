import fs from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { installDatabase, openDatabase, type DatabaseHandle } from '@/db';
import { absenceTypes, feedTokens, resources, teams } from '@/db/schema';
import {
  addMemberSchema,
  changeUserRoleSchema,
  membershipSchema,
  setMembershipRoleSchema,
  updateTeamSchema,
} from '@/lib/admin-validation';
import { cancelAbsence, decideAbsence, requestAbsence } from '@/lib/dal/absences';
import {
  addTeamMember,
  removeTeamMember,
  setMembershipRole,
  updateTeam,
} from '@/lib/dal/admin-teams';
import { changeUserRole } from '@/lib/dal/admin-users';
import {
  cancelCalendarEvent,
  createCalendarEvent,
  updateCalendarEvent,
} from '@/lib/dal/calendar-events';
import type { Actor } from '@/lib/dal/actor';
import { cancelBooking, createBooking } from '@/lib/dal/bookings';
import { findCalendarForActor, type CalendarRef } from '@/lib/dal/calendars';
import {
  createPersonalSubscription,
  getPersonalSubscription,
  invalidatePersonalSubscription,
} from '@/lib/dal/feed-tokens';
import { setOwnAbsencesShown } from '@/lib/dal/profile';
import {
  absenceDecisionSchema,
  absenceRequestSchema,
  bookingSchema,
  calendarEventSchema,
  calendarEventUpdateSchema,
  feedOptionsSchema,
} from '@/lib/validation';
import { wednesdayAfter } from '@/test/helpers/dates';
import { actorByEmail as actorByEmailIn, subscribe as subscribeIn } from '@/test/helpers/demo-org';
import { listWithKhal } from '@/test/helpers/khal';
import { syncWithVdirsyncer } from '@/test/helpers/vdirsyncer';

// The caching contract over real HTTP: the same validator means the same bytes. After every
// write that alters a feed, a client holding the old ETag or the old Last-Modified gets the new
// body; and what a request's Host says never reaches a body cached under an ETag.

const baseUrl = inject('postgresBaseUrl');
let handle: DatabaseHandle;
const db = () => handle.db;
beforeAll(async () => {
  handle = openDatabase({ url: inject('postgresDatabaseUrl') });
  installDatabase(handle);
});
afterAll(async () => {
  installDatabase(undefined);
  await handle.close();
});

const actor = (email: string) => actorByEmailIn(db(), email);

function fetchFeed(path: string, extra: Record<string, string | undefined> = {}) {
  const headers = new Headers({
    'x-forwarded-for': '192.0.2.150',
    'user-agent': 'Thunderbird/140.0',
  });
  for (const [name, value] of Object.entries(extra)) if (value) headers.set(name, value);
  return fetch(`${baseUrl}${path}`, { headers });
}

interface Copy {
  etag: string;
  lastModified: string;
  body: string;
}

/** What a client holds after a fetch, once the latest change is old enough to be dated. */
async function copyOf(path: string): Promise<Copy> {
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const response = await fetchFeed(path);
  expect(response.status).toBe(200);
  return {
    etag: response.headers.get('etag')!,
    lastModified: response.headers.get('last-modified')!,
    body: await response.text(),
  };
}

/** The old copy's validators, each alone, must now get a 200 with different bytes. */
async function expectNewBody(path: string, old: Copy, write: string) {
  for (const headers of [
    { 'if-none-match': old.etag },
    { 'if-modified-since': old.lastModified },
  ]) {
    const response = await fetchFeed(path, headers);
    expect(response.status, `${write}: ${Object.keys(headers)[0]}`).toBe(200);
    expect(await response.text(), `${write}: a different body`).not.toBe(old.body);
  }
}

/** A Wednesday about `weeks` weeks ahead, 'YYYY-MM-DD'. */
const aWednesdayAhead = (weeks: number) => wednesdayAfter(weeks * 7);

// (Disabling a member is no such write: their absences stay in the team's feeds, and their own
// links answer 410 — see feed-http.test.ts.)
describe('the caching contract over HTTP', () => {
  it('after every write that alters a feed, the old ETag and the old Last-Modified each get the new body', async () => {
    const { path } = await subscribeIn(db(), 'manon@example.com', { includePending: 'on' });
    const admin = await actor('admin@example.com');
    const camille = await actor('camille@example.com');
    // The subscriber's own requests: other test files change who else is in the team.
    const manon = await actor('manon@example.com');
    const [engineering] = await db().select().from(teams).where(eq(teams.slug, 'engineering'));
    const calendar = await findCalendarForActor(camille, { kind: 'team', slug: 'engineering' });
    const [vacation] = await db()
      .select()
      .from(absenceTypes)
      .where(eq(absenceTypes.key, 'vacation'));
    // Far from the seeded weeks and from the dates other test files request.
    const day = aWednesdayAhead(90);
    let absenceId = '';
    let eventId = '';

    const writes: Array<[string, () => Promise<unknown>]> = [
      [
        'absence requested',
        async () => {
          const absence = await requestAbsence(
            manon,
            absenceRequestSchema.parse({ typeId: vacation!.id, startDate: day, endDate: day }),
          );
          absenceId = absence.id;
        },
      ],
      [
        'absence decided',
        () =>
          decideAbsence(camille, absenceDecisionSchema.parse({ absenceId, decision: 'approve' })),
      ],
      ['absence cancelled', () => cancelAbsence(manon, absenceId)],
      [
        'team event created',
        async () => {
          const event = await createCalendarEvent(
            camille,
            calendarEventSchema.parse({
              calendarId: calendar.id,
              title: 'Caching review',
              startDate: day,
              startTime: '10:00',
              endDate: day,
              endTime: '11:00',
              submissionKey: crypto.randomUUID(),
            }),
          );
          eventId = event.id;
        },
      ],
      [
        'team event edited',
        () =>
          updateCalendarEvent(
            camille,
            calendarEventUpdateSchema.parse({
              calendarId: calendar.id,
              eventId,
              title: 'Caching review (moved)',
              startDate: day,
              startTime: '14:00',
              endDate: day,
              endTime: '15:00',
            }),
          ),
      ],
      [
        'team event cancelled',
        () => cancelCalendarEvent(camille, { calendarId: calendar.id, eventId }),
      ],
      [
        'team renamed',
        () =>
          updateTeam(
            admin,
            updateTeamSchema.parse({
              teamId: engineering!.id,
              name: 'Engineering & Co',
              timeZone: engineering!.timeZone,
            }),
          ),
      ],
      [
        'team moved to another zone',
        () =>
          updateTeam(
            admin,
            updateTeamSchema.parse({
              teamId: engineering!.id,
              name: 'Engineering & Co',
              timeZone: 'America/Toronto',
            }),
          ),
      ],
      [
        'member added',
        () =>
          addTeamMember(
            admin,
            addMemberSchema.parse({ teamId: engineering!.id, email: 'oscar@example.com' }),
          ),
      ],
      [
        'member made manager',
        async () =>
          setMembershipRole(
            admin,
            setMembershipRoleSchema.parse({
              teamId: engineering!.id,
              userId: (await actor('oscar@example.com')).id,
              role: 'manager',
            }),
          ),
      ],
      [
        'member removed',
        async () =>
          removeTeamMember(
            admin,
            membershipSchema.parse({
              teamId: engineering!.id,
              userId: (await actor('oscar@example.com')).id,
            }),
          ),
      ],
      [
        'subscriber made admin',
        async () =>
          changeUserRole(
            admin,
            changeUserRoleSchema.parse({
              userId: (await actor('manon@example.com')).id,
              role: 'admin',
            }),
          ),
      ],
    ];
    try {
      for (const [name, write] of writes) {
        const old = await copyOf(path);
        await write();
        await expectNewBody(path, old, name);
      }
    } finally {
      // The demo organisation as the other tests know it.
      await changeUserRole(
        admin,
        changeUserRoleSchema.parse({
          userId: (await actor('manon@example.com')).id,
          role: 'member',
        }),
      );
      await updateTeam(
        admin,
        updateTeamSchema.parse({
          teamId: engineering!.id,
          name: engineering!.name,
          timeZone: engineering!.timeZone,
        }),
      );
    }
  });

  it('the same holds for a person’s and a room’s calendar: appointments, own absences, bookings', async () => {
    const hugo = await actor('hugo@example.com');
    const own = await subscribeTo(hugo, { kind: 'person' });
    const calendar = await findCalendarForActor(hugo, { kind: 'person' });
    const day = aWednesdayAhead(88);
    let old = await copyOf(own);
    const appointment = await createCalendarEvent(
      hugo,
      calendarEventSchema.parse({
        calendarId: calendar.id,
        title: 'Client visit',
        location: '1 Rond-point Maurice Bellonte, 31700 Blagnac',
        startDate: day,
        startTime: '09:00',
        endDate: day,
        endTime: '10:00',
        submissionKey: crypto.randomUUID(),
      }),
    );
    await expectNewBody(own, old, 'appointment added');
    old = await copyOf(own);
    await cancelCalendarEvent(hugo, { calendarId: calendar.id, eventId: appointment.id });
    await expectNewBody(own, old, 'appointment cancelled');
    old = await copyOf(own);
    await setOwnAbsencesShown(hugo, true);
    await expectNewBody(own, old, 'own absences shown');
    await setOwnAbsencesShown(hugo, false);

    const room = await subscribeTo(hugo, { kind: 'resource', slug: 'salle-lovelace' });
    const [salle] = await db().select().from(resources).where(eq(resources.slug, 'salle-lovelace'));
    old = await copyOf(room);
    const booked = await createBooking(
      hugo,
      bookingSchema.parse({
        resourceId: salle!.id,
        title: 'Caching review',
        startDate: day,
        startTime: '16:00',
        endDate: day,
        endTime: '17:00',
        submissionKey: crypto.randomUUID(),
      }),
    );
    await expectNewBody(room, old, 'room booked');
    old = await copyOf(room);
    await cancelBooking(hugo, booked.id);
    await expectNewBody(room, old, 'booking cancelled');
  });

  it('bytes under one ETag never depend on the Host a request names', async () => {
    const { path, subscription } = await subscribeIn(db(), 'chloe@example.com');
    // Near its expiry the feed carries a reminder with a link to renew it.
    await db()
      .update(feedTokens)
      .set({ expiresAt: sql`now() + interval '10 days'` })
      .where(eq(feedTokens.id, subscription.id));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const answers = await Promise.all(
      [
        {},
        { host: 'calendar.attacker.example' },
        { 'x-forwarded-host': 'phish.example', 'x-forwarded-proto': 'https' },
      ].map(async (headers) => {
        const response = await fetchFeed(path, headers);
        return { etag: response.headers.get('etag'), body: await response.text() };
      }),
    );
    const [first] = answers;
    expect(first!.body).toContain('TeamCal link expires on');
    for (const answer of answers) {
      expect(answer.etag).toBe(first!.etag);
      expect(answer.body).toBe(first!.body);
      expect(answer.body).not.toMatch(/attacker|phish/);
    }
  });
});

/** The next day Europe/Paris moves its clocks back (the last Sunday of October), weeks ahead. */
function nextParisFallBack(): string {
  for (let year = new Date().getUTCFullYear(); ; year++) {
    const day = new Date(Date.UTC(year, 10, 0));
    day.setUTCDate(day.getUTCDate() - day.getUTCDay());
    if (day.getTime() > Date.now() + 14 * 86_400_000) return day.toISOString().slice(0, 10);
  }
}

describe('a feed as real clients fetch it', () => {
  it('vdirsyncer fetches every event over HTTP and khal shows each at its instant, in the repeated hour too', async () => {
    const camille = await actor('camille@example.com');
    const calendar = await findCalendarForActor(camille, { kind: 'team', slug: 'engineering' });
    expect(calendar.timeZone).toBe('Europe/Paris');
    const day = nextParisFallBack();
    const event = (title: string, startTime: string, endTime: string) =>
      createCalendarEvent(
        camille,
        calendarEventSchema.parse({
          calendarId: calendar.id,
          title,
          startDate: day,
          startTime,
          endDate: day,
          endTime,
          submissionKey: crypto.randomUUID(),
        }),
      );
    // 02:30 happens twice that night: the first (CEST, 00:30 UTC) is meant; then an ordinary hour.
    const [repeated, ordinary] = [
      await event('In the repeated hour', '02:30', '02:45'),
      await event('After the change', '09:00', '10:00'),
    ];
    const path = await subscribeTo(camille, { kind: 'team', slug: 'engineering' });
    const feedText = await (await fetchFeed(path)).text();
    const { root, calendar: vdir } = syncWithVdirsyncer(`${baseUrl}${path}`);
    try {
      // vdirsyncer keeps every event of the feed, one file each.
      expect(fs.readdirSync(vdir)).toHaveLength(feedText.split('BEGIN:VEVENT').length - 1);
      const shown = listWithKhal(vdir, day, 1);
      for (const expected of [repeated, ordinary])
        expect(shown, expected.title).toContainEqual({
          title: expected.title,
          start: expected.startsAt,
          end: expected.endsAt,
        });
      expect(repeated.startsAt!.toISOString()).toBe(`${day}T00:30:00.000Z`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

/**
 * A fresh personal subscription of `person` to a calendar, as a feed path. Another test file on
 * this database may have left them a link to it (feed-http's `subscribe`): that one goes first.
 */
async function subscribeTo(person: Actor, ref: CalendarRef) {
  const current = await getPersonalSubscription(person, ref);
  if (current) await invalidatePersonalSubscription(person, ref, current.id);
  const issued = await createPersonalSubscription(
    person,
    ref,
    feedOptionsSchema.parse({ privacy: 'full', includeTeamEvents: 'on' }),
  );
  return `/api/ics/${issued.token}`;
}
