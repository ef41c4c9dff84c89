import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { absences, bookings, feedTokens } from '@/db/schema';
import { createResourceSchema } from '@/lib/admin-validation';
import type { Actor } from '@/lib/dal/actor';
import { requestAbsence } from '@/lib/dal/absences';
import { createResource } from '@/lib/dal/resources';
import { createPersonalSubscription } from '@/lib/dal/feed-tokens';
import { flushFeedUsage } from '@/lib/dal/feed-usage';
import { respondWithFeed } from '@/lib/feed-server';
import { linkWindow } from '@/lib/feed-window';
import { publicHolidaysBetween } from '@/lib/holidays';
import { absenceRequestSchema, feedOptionsSchema } from '@/lib/validation';
import { countStatements, setupTestDatabase } from '@/test/helpers/database';
import { wednesdayAfter } from '@/test/helpers/dates';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';
import { parseFeed } from '@/test/helpers/feeds';

// Midnight no longer changes every feed's ETag: a link's window steps every four weeks on a night
// of its own, and even then its body keeps its ETag unless a row left or entered. Each test pins
// the feed's clock (the database's "now" that openFeed reads) and polls as a calendar client does.

const clock = vi.hoisted(() => ({ now: null as Date | null }));
vi.mock('@/lib/dal/feed-access', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/dal/feed-access')>();
  return {
    ...real,
    openFeed: async (...args: Parameters<typeof real.openFeed>) => {
      const access = await real.openFeed(...args);
      return clock.now ? { ...access, now: clock.now } : access;
    },
  };
});

const db = setupTestDatabase();
const DAY_MS = 86_400_000;
const dateOf = (at: Date) => at.toISOString().slice(0, 10);
const plusDays = (date: string, days: number) =>
  dateOf(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));
const at = (date: string, time: string) => new Date(`${date}T${time}Z`);

// Later than any clock the rows are stamped with, so that Last-Modified behaves as in production
// (where "now" is never before a row's change); far enough that a year back is still ahead.
const start = at(plusDays(dateOf(new Date()), 400), '10:00:00');

beforeEach(() => {
  clock.now = null;
});

/** One poll at `when`, with the validators the client holds. */
async function poll(
  token: string,
  when: Date,
  held: { etag?: string; lastModified?: string | null } = {},
) {
  clock.now = when;
  const headers = new Headers();
  if (held.etag) headers.set('If-None-Match', held.etag);
  if (held.lastModified) headers.set('If-Modified-Since', held.lastModified);
  const response = await respondWithFeed(
    new Request(`https://teamcal.example.com/api/ics/${token}`, { headers }),
    token,
    'GET',
  );
  const etag = response.headers.get('etag')!;
  const lastModified = response.headers.get('last-modified');
  if (response.status === 304) return { status: 304, etag, lastModified, uids: null };
  expect(response.status).toBe(200);
  const uids = parseFeed(await response.text()).events.map((event) => event.uid);
  return { status: 200, etag, lastModified, uids };
}

/** The first `count` days, after `from`, on which the link's window steps. */
function stepDays(tokenId: string, from: Date, count: number): string[] {
  const days: string[] = [];
  for (let day = dateOf(from); days.length < count;) {
    const next = plusDays(day, 1);
    if (linkWindow(tokenId, at(next, '00:00:00')).step === next) days.push(next);
    day = next;
  }
  return days;
}

/** A team with one member and a subscription of theirs (pending and holidays shown). */
async function subscribedTeam(holidays = false) {
  const team = await createTeam(db(), {
    timeZone: 'Europe/Berlin',
    ...(holidays ? { holidayCountry: 'DE', holidayRegion: 'BY' } : {}),
  });
  const member = await createUser(db(), { timeZone: 'Europe/Berlin' });
  await addMember(db(), team.id, member.id);
  const vacation = await createAbsenceType(db(), { label: 'Vacation' });
  const { token, subscription } = await createPersonalSubscription(
    member,
    { kind: 'team', slug: team.slug },
    feedOptionsSchema.parse({
      privacy: 'standard',
      includePending: 'on',
      absenceTypeIds: [vacation.id],
      ...(holidays ? { includeHolidays: 'on' } : {}),
    }),
  );
  // Valid through every pinned day below, whatever today is.
  await db()
    .update(feedTokens)
    .set({ expiresAt: sql`now() + interval '3000 days'` })
    .where(eq(feedTokens.id, subscription.id));
  return { team, member, vacation, token, tokenId: subscription.id };
}

async function absence(member: Actor, typeId: string, startDate: string, endDate: string) {
  const [row] = await db()
    .insert(absences)
    .values({ userId: member.id, typeId, startDate, endDate, status: 'approved' })
    .returning();
  return `absence-${row!.id}.`;
}

const holds = (uids: string[] | null, prefix: string) =>
  uids!.some((uid) => uid.startsWith(prefix));

describe('a feed across midnight', () => {
  it('keeps its ETag and answers 304 every night no row enters or leaves, its step night too', async () => {
    const org = await subscribedTeam();
    const inside = await absence(org.member, org.vacation.id, dateOf(start), dateOf(start));
    const first = await poll(org.token, start);
    expect(holds(first.uids, inside)).toBe(true);
    const [step] = stepDays(org.tokenId, start, 1);
    // Every midnight up to and past the link's step: the window moved, the rows did not.
    for (let day = plusDays(dateOf(start), 1); day <= plusDays(step!, 1); day = plusDays(day, 1)) {
      const byTag = await poll(org.token, at(day, '00:00:30'), { etag: first.etag });
      expect(byTag, day).toMatchObject({ status: 304, etag: first.etag });
      const byDate = await poll(org.token, at(day, '00:00:30'), {
        lastModified: first.lastModified,
      });
      expect(byDate.status, day).toBe(304);
    }
    expect(linkWindow(org.tokenId, at(step!, '00:00:30')).from).not.toBe(
      linkWindow(org.tokenId, start).from,
    );
    // A new client gets the same bytes under the same validators.
    const fresh = await poll(org.token, at(step!, '08:00:00'));
    expect(fresh).toMatchObject({ etag: first.etag, lastModified: first.lastModified });
    expect(fresh.uids).toEqual(first.uids);
  });

  it('changes the ETag on the first poll after a row leaves at the past edge', async () => {
    const org = await subscribedTeam();
    const [step] = stepDays(org.tokenId, start, 1);
    // Its last day is the day before the step's past edge: inside until that night.
    const lastDay = plusDays(linkWindow(org.tokenId, at(step!, '00:00:00')).from, -1);
    const leaving = await absence(org.member, org.vacation.id, plusDays(lastDay, -2), lastDay);
    const before = await poll(org.token, start);
    expect(holds(before.uids, leaving)).toBe(true);
    const eve = await poll(org.token, at(plusDays(step!, -1), '23:59:30'), before);
    expect(eve).toMatchObject({ status: 304, etag: before.etag });

    const after = await poll(org.token, at(step!, '00:00:30'), { etag: before.etag });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    expect(holds(after.uids, leaving)).toBe(false);
    // A client validating by date alone gets the new body too.
    const byDate = await poll(org.token, at(step!, '00:01:00'), {
      lastModified: before.lastModified,
    });
    expect(byDate.status).toBe(200);
    expect(Date.parse(after.lastModified!)).toBeGreaterThan(Date.parse(before.lastModified!));
    // And the new ETag holds from then on.
    const next = await poll(org.token, at(plusDays(step!, 1), '00:00:30'), after);
    expect(next).toMatchObject({ status: 304, etag: after.etag });
  });

  it('changes the ETag on the first poll after a row enters at the future edge', async () => {
    const org = await subscribedTeam();
    const [step] = stepDays(org.tokenId, start, 1);
    const firstDay = linkWindow(org.tokenId, at(step!, '00:00:00')).to;
    const entering = await absence(org.member, org.vacation.id, firstDay, plusDays(firstDay, 3));
    const before = await poll(org.token, start);
    expect(holds(before.uids, entering)).toBe(false);
    const eve = await poll(org.token, at(plusDays(step!, -1), '23:59:30'), before);
    expect(eve).toMatchObject({ status: 304, etag: before.etag });

    const after = await poll(org.token, at(step!, '00:00:30'), { etag: before.etag });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    expect(holds(after.uids, entering)).toBe(true);
  });

  it('changes the ETag when a public holiday enters the window', async () => {
    const org = await subscribedTeam(true);
    const place = { country: 'DE', region: 'BY' };
    // The first step of the link at which a holiday comes into view and none leaves it.
    const step = stepDays(org.tokenId, start, 26).find((day) => {
      const eve = linkWindow(org.tokenId, at(plusDays(day, -1), '12:00:00'));
      const now = linkWindow(org.tokenId, at(day, '00:00:00'));
      return (
        publicHolidaysBetween(place, plusDays(eve.to, 1), now.to).length > 0 &&
        publicHolidaysBetween(place, eve.from, plusDays(now.from, -1)).length === 0
      );
    })!;
    const eveWindow = linkWindow(org.tokenId, at(plusDays(step, -1), '12:00:00'));
    const [holiday] = publicHolidaysBetween(place, plusDays(eveWindow.to, 1), plusDays(step, 800));
    const uid = `holiday-DE-BY-${holiday!.date}@teamcal`;

    const before = await poll(org.token, at(plusDays(step, -1), '12:00:00'));
    expect(before.uids).not.toContain(uid);
    const after = await poll(org.token, at(step, '00:00:30'), { etag: before.etag });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    expect(after.uids).toContain(uid);
  });

  it('changes the ETag at once when the calendar changes, as before', async () => {
    const org = await subscribedTeam();
    await absence(org.member, org.vacation.id, dateOf(start), dateOf(start));
    const before = await poll(org.token, start);
    // Inside the window of the pinned days, and within the two years a request may reach.
    const day = wednesdayAfter(150);
    await requestAbsence(
      org.member,
      absenceRequestSchema.parse({ typeId: org.vacation.id, startDate: day, endDate: day }),
    );
    const after = await poll(org.token, at(dateOf(start), '10:05:00'), { etag: before.etag });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    expect(after.uids!.length).toBe(before.uids!.length + 1);
    // It then keeps that ETag across the next midnight.
    const next = await poll(org.token, at(plusDays(dateOf(start), 1), '00:00:30'), after);
    expect(next).toMatchObject({ status: 304, etag: after.etag });
  });

  it('moves a resource’s feed when a booking ends before the past edge or starts before the future edge ends', async () => {
    const admin = await createUser(db(), { role: 'admin' });
    const booker = await createUser(db());
    const room = async () => {
      const slug = `room-${crypto.randomUUID().slice(0, 8)}`;
      const resource = await createResource(
        admin,
        createResourceSchema.parse({
          slug,
          name: slug,
          kind: 'room',
          location: '',
          capacity: '4',
          description: '',
          timeZone: 'Europe/Berlin',
          bookingPolicy: 'instant',
          managerEmails: '',
        }),
      );
      const { token, subscription } = await createPersonalSubscription(
        booker,
        { kind: 'resource', slug },
        feedOptionsSchema.parse({ includeTeamEvents: 'on' }),
      );
      await db()
        .update(feedTokens)
        .set({ expiresAt: sql`now() + interval '3000 days'` })
        .where(eq(feedTokens.id, subscription.id));
      return { id: resource.id, token, tokenId: subscription.id };
    };
    const book = async (resourceId: string, startsAt: Date, endsAt: Date) => {
      const [row] = await db()
        .insert(bookings)
        .values({
          resourceId,
          bookedById: booker.id,
          title: 'Meeting',
          startsAt,
          endsAt,
          status: 'confirmed',
        })
        .returning();
      return `booking-${row!.id}.`;
    };

    // Ends one minute into the first day of the next step's window: still inside then, gone at
    // the step after.
    const early = await room();
    const [step1, step2] = stepDays(early.tokenId, start, 2);
    const firstDay = linkWindow(early.tokenId, at(step1!, '00:00:00')).from;
    const ending = await book(
      early.id,
      at(plusDays(firstDay, -1), '23:00:00'),
      at(firstDay, '00:01:00'),
    );
    const before = await poll(early.token, start);
    expect(holds(before.uids, ending)).toBe(true);
    expect(await poll(early.token, at(step1!, '00:00:30'), before)).toMatchObject({ status: 304 });
    const gone = await poll(early.token, at(step2!, '00:00:30'), before);
    expect(gone.status).toBe(200);
    expect(holds(gone.uids, ending)).toBe(false);

    // Starts late on the last day of the next step's window: it enters at that step.
    const late = await room();
    const [step] = stepDays(late.tokenId, start, 1);
    const lastDay = linkWindow(late.tokenId, at(step!, '00:00:00')).to;
    const starting = await book(
      late.id,
      at(lastDay, '23:30:00'),
      at(plusDays(lastDay, 1), '00:30:00'),
    );
    const earlier = await poll(late.token, start);
    expect(holds(earlier.uids, starting)).toBe(false);
    const entered = await poll(late.token, at(step!, '00:00:30'), earlier);
    expect(entered.status).toBe(200);
    expect(holds(entered.uids, starting)).toBe(true);
  });

  it('answers a poll after midnight with a 304 from one query, as before', async () => {
    const org = await subscribedTeam();
    await absence(org.member, org.vacation.id, dateOf(start), dateOf(start));
    const first = await poll(org.token, start);
    // The first use is written off the response path: out of the way before counting.
    await flushFeedUsage();
    const [step] = stepDays(org.tokenId, start, 1);
    let answer: Awaited<ReturnType<typeof poll>> | undefined;
    const statements = await countStatements(db(), async () => {
      answer = await poll(org.token, at(step!, '00:00:30'), first);
    });
    expect(answer!.status).toBe(304);
    expect(statements).toBe(1);
  });

  it('keeps the window in the link’s row when a body is built, and a 304 writes nothing', async () => {
    const org = await subscribedTeam();
    const lastDay = plusDays(dateOf(start), 5);
    await absence(org.member, org.vacation.id, dateOf(start), lastDay);
    const kept = async () =>
      (
        await db()
          .select({
            step: feedTokens.windowStep,
            lastEnd: feedTokens.windowLastEnd,
            nextStart: feedTokens.windowNextStart,
          })
          .from(feedTokens)
          .where(eq(feedTokens.id, org.tokenId))
      )[0];
    expect(await kept()).toEqual({ step: null, lastEnd: null, nextStart: null });
    const first = await poll(org.token, start);
    const row = await kept();
    expect(row).toEqual({
      step: linkWindow(org.tokenId, start).step,
      lastEnd: lastDay,
      nextStart: null,
    });
    const [step] = stepDays(org.tokenId, start, 1);
    await poll(org.token, at(step!, '00:00:30'), first);
    expect(await kept()).toEqual(row);
  });
});
