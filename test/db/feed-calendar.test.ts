import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { absences, calendarEvents, type NewAbsence } from '@/db/schema';
import { updateTeamSchema } from '@/lib/admin-validation';
import { cancelAbsence } from '@/lib/dal/absences';
import { updateTeam } from '@/lib/dal/admin-teams';
import { findCalendarForActor } from '@/lib/dal/calendars';
import type { FeedOptions } from '@/lib/dal/feed-tokens';
import { feedCalendarStream, type FeedCalendarInput } from '@/lib/feed-calendar';
import { setupTestDatabase } from '@/test/helpers/database';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';
import { parseFeed, type ParsedEvent } from '@/test/helpers/feeds';

const db = setupTestDatabase();
/** Stands for the link's id, which makes UIDs the feed's own. */
const SCOPE = 'link-1';
const window = { from: '2025-11-23', to: '2028-11-23' };

/** Ada and Bob in a Paris team, with a week off, a half day on the DST Monday, a sick leave. */
async function team() {
  const paris = await createTeam(db(), { timeZone: 'Europe/Paris', name: 'Paris office' });
  const ada = await createUser(db(), { name: 'Ada Lovelace' });
  const bob = await createUser(db(), { name: 'Bob Brown' });
  const manager = await createUser(db(), { name: 'Mia Manager' });
  await addMember(db(), paris.id, ada.id);
  await addMember(db(), paris.id, bob.id);
  await addMember(db(), paris.id, manager.id, 'manager');
  const vacation = await createAbsenceType(db(), { label: 'Vacation', color: '#2563eb' });
  const sick = await createAbsenceType(db(), {
    label: 'Sick leave',
    isPrivate: true,
    color: '#dc2626',
  });
  const row = (values: Omit<NewAbsence, 'status'> & Partial<NewAbsence>): NewAbsence => ({
    status: 'approved',
    ...values,
  });
  const [week, half, ill, asked] = await db()
    .insert(absences)
    .values([
      row({
        userId: ada.id,
        typeId: vacation.id,
        startDate: '2026-03-23',
        endDate: '2026-03-27',
        note: 'Lisbon, then Porto; back Monday',
      }),
      row({
        userId: ada.id,
        typeId: vacation.id,
        startDate: '2026-03-30',
        endDate: '2026-03-30',
        halfDayStart: true,
      }),
      row({
        userId: bob.id,
        typeId: sick.id,
        startDate: '2026-04-07',
        endDate: '2026-04-08',
        note: 'flu',
      }),
      row({
        userId: bob.id,
        typeId: vacation.id,
        startDate: '2026-05-04',
        endDate: '2026-05-05',
        status: 'pending',
      }),
    ])
    .returning();
  const calendar = await findCalendarForActor(manager, { kind: 'team', slug: paris.slug });
  const [visit] = await db()
    .insert(calendarEvents)
    .values({
      calendarId: calendar.id,
      title: 'Client visit: ACME',
      location: '12, rue de Rivoli; 75001 Paris, France',
      description: 'Parking on level -2.\nBring the demo laptop.',
      allDay: false,
      startDate: '2026-10-26',
      endDate: '2026-10-26',
      startsAt: new Date('2026-10-26T08:30:00Z'),
      endsAt: new Date('2026-10-26T10:00:00Z'),
      timeZone: 'Europe/Paris',
      createdById: manager.id,
    })
    .returning();
  return {
    paris,
    calendar,
    ada,
    bob,
    manager,
    vacation,
    sick,
    week: week!,
    half: half!,
    ill: ill!,
    asked: asked!,
    visit: visit!,
  };
}

type Org = Awaited<ReturnType<typeof team>>;

async function feedOf(
  org: Org,
  viewer: { ownerId: string; privateTypes: FeedCalendarInput['privateTypes'] },
  options: Partial<FeedOptions> = {},
  expiresAt: Date | null = null,
) {
  const feedOptions: FeedOptions = {
    privacy: 'standard',
    includePending: false,
    absenceTypeIds: null,
    includeTeamEvents: true,
    ...options,
  };
  const stream = feedCalendarStream({
    calendar: org.calendar,
    uidScope: SCOPE,
    ...viewer,
    options: feedOptions,
    expiryNotice: expiresAt && {
      tokenId: '5f0c6c1e-4d7b-4f43-9a55-6f0f6a1f0c01',
      tokenCreatedAt: new Date('2026-06-01T00:00:00Z'),
      expiresAt,
      renewal: { renewUrl: 'https://teamcal.example.com/teams/paris' },
    },
    rows: org.calendar.source.readRows(org.calendar, { options: feedOptions, ...window }),
  });
  return parseFeed(await new Response(stream).text());
}

/** The UID of a row's event in the feed of the link `SCOPE`. */
const uid = (prefix: string, id: string) => `${prefix}-${id}.${SCOPE}@teamcal`;

/** The feed of another link (`scope`), read by nobody in particular, under busy. */
async function feedOfScope(org: Org, scope: string) {
  const options: FeedOptions = {
    privacy: 'busy',
    includePending: false,
    absenceTypeIds: null,
    includeTeamEvents: true,
  };
  const stream = feedCalendarStream({
    calendar: org.calendar,
    uidScope: scope,
    ownerId: org.manager.id,
    privateTypes: 'none',
    options,
    expiryNotice: null,
    rows: org.calendar.source.readRows(org.calendar, { options, ...window }),
  });
  return parseFeed(await new Response(stream).text());
}

const asMember = (org: Org) => ({ ownerId: org.ada.id, privateTypes: 'own' as const });
const byUid = (feed: { events: ParsedEvent[] }, uid: string) =>
  feed.events.find((e) => e.uid === uid)!;

describe('the team calendar feed', () => {
  it('publishes the calendar with its name, zone and refresh interval', async () => {
    const org = await team();
    const feed = await feedOf(org, asMember(org));
    // A subscription, not an iTIP message: no METHOD (see lib/ics/calendar.ts).
    expect(feed.property('method')).toBeNull();
    expect(feed.property('x-wr-calname')).toBe('Paris office – TeamCal');
    expect(feed.property('name')).toBe('Paris office – TeamCal');
    expect(feed.property('x-wr-timezone')).toBe('Europe/Paris');
    expect(feed.property('refresh-interval')).toBe('PT1H');
    expect(feed.timeZones).toEqual(['Europe/Paris']);
    expect(feed.text).toContain('\r\n');
    expect(
      feed.text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75),
    ).toBe(true);
  });

  it('writes absences as all-day events with an exclusive end, transparent, with type and colour', async () => {
    const org = await team();
    const feed = await feedOf(org, asMember(org));
    const week = byUid(feed, uid('absence', org.week.id));
    expect(week.allDay).toBe(true);
    expect(week.startDate).toBe('2026-03-23');
    expect(week.endDate).toBe('2026-03-28');
    expect(week.summary).toBe('Ada Lovelace — Vacation');
    expect(week.status).toBe('CONFIRMED');
    expect(week.categories).toEqual(['Vacation']);
    expect(feed.text).toMatch(/TRANSP:TRANSPARENT/);
    expect(feed.text).toMatch(/COLOR:royalblue/);
  });

  it('writes a single half day as a timed event in the team’s zone, right across the DST change', async () => {
    const org = await team();
    const feed = await feedOf(org, asMember(org));
    const half = byUid(feed, uid('absence', org.half.id));
    expect(half.allDay).toBe(false);
    expect(half.timeZone).toBe('Europe/Paris');
    // Summer time began on Sunday 29 March: 13:00 in Paris is 11:00 UTC on Monday.
    expect(half.start.toISOString()).toBe('2026-03-30T11:00:00.000Z');
    expect(half.end.toISOString()).toBe('2026-03-30T16:00:00.000Z');
  });

  it('moving the team to another zone moves every event’s SEQUENCE and LAST-MODIFIED with the half day', async () => {
    const org = await team();
    // Written well before the move, as they would be.
    await db()
      .update(absences)
      .set({ updatedAt: new Date('2026-01-05T09:00:00Z') })
      .where(inArray(absences.id, [org.half.id, org.week.id]));
    const before = await feedOf(org, asMember(org));
    const admin = await createUser(db(), { role: 'admin' });
    await updateTeam(
      admin,
      updateTeamSchema.parse({
        teamId: org.paris.id,
        name: org.paris.name,
        timeZone: 'Asia/Tokyo',
      }),
    );
    const calendar = await findCalendarForActor(org.manager, {
      kind: 'team',
      slug: org.paris.slug,
    });
    const after = await feedOf({ ...org, calendar }, asMember(org));
    const lastModified = (feed: typeof before, id: string) =>
      /LAST-MODIFIED:(\d{8}T\d{6}Z)/.exec(
        feed.text.slice(feed.text.indexOf(`UID:${uid('absence', id)}`)),
      )![1]!;
    for (const id of [org.half.id, org.week.id]) {
      const [old, moved] = [byUid(before, uid('absence', id)), byUid(after, uid('absence', id))];
      expect(moved.sequence, 'SEQUENCE').toBeGreaterThan(old.sequence);
      expect(lastModified(after, id) > lastModified(before, id), 'LAST-MODIFIED').toBe(true);
    }
    // 13:00 in Tokyo, no longer in Paris: the half day's instant moved with the zone.
    expect(byUid(after, uid('absence', org.half.id)).start.toISOString()).toBe(
      '2026-03-30T04:00:00.000Z',
    );
    // A rename alone moves no event: their text does not hold the team's name.
    await updateTeam(
      admin,
      updateTeamSchema.parse({
        teamId: org.paris.id,
        name: 'Tokyo office',
        timeZone: 'Asia/Tokyo',
      }),
    );
    const renamed = await findCalendarForActor(org.manager, { kind: 'team', slug: org.paris.slug });
    expect(renamed.presentation).toEqual(calendar.presentation);
  });

  it('gives each link its own UIDs: one absence, shown differently by two links, is two events', async () => {
    const org = await team();
    const member = await feedOf(org, asMember(org));
    const outsider = await feedOfScope(org, 'link-2');
    const outsiderUids = new Set(outsider.events.map((event) => event.uid));
    expect(member.events.filter((event) => outsiderUids.has(event.uid))).toEqual([]);
    expect(byUid(outsider, `absence-${org.ill.id}.link-2@teamcal`).summary).toBe('Away');
  });

  it('keeps the location, description and time of team events intact', async () => {
    const org = await team();
    const feed = await feedOf(org, asMember(org));
    const visit = byUid(feed, uid('event', org.visit.id));
    expect(visit.location).toBe('12, rue de Rivoli; 75001 Paris, France');
    expect(visit.description).toBe('Parking on level -2.\nBring the demo laptop.');
    // Winter time is back on 25 October: 09:30 in Paris is 08:30 UTC.
    expect(visit.start.toISOString()).toBe('2026-10-26T08:30:00.000Z');
    expect(visit.timeZone).toBe('Europe/Paris');
  });

  it('shows a colleague’s sick leave as "Away" under standard, without the note', async () => {
    const org = await team();
    const feed = await feedOf(org, asMember(org));
    const ill = byUid(feed, uid('absence', org.ill.id));
    expect(ill.summary).toBe('Bob Brown — Away');
    expect(feed.text).not.toContain('Sick leave');
    expect(feed.text).not.toContain('flu');
    expect(feed.text).not.toContain('Lisbon');
  });

  it('shows notes and every type under full to a manager, and private types to their owner only', async () => {
    const org = await team();
    const manager = await feedOf(
      org,
      { ownerId: org.manager.id, privateTypes: 'all' },
      { privacy: 'full' },
    );
    expect(byUid(manager, uid('absence', org.ill.id)).summary).toBe('Bob Brown — Sick leave');
    expect(byUid(manager, uid('absence', org.week.id)).description).toBe(
      'Lisbon, then Porto; back Monday',
    );
    const bob = await feedOf(
      org,
      { ownerId: org.bob.id, privateTypes: 'own' },
      { privacy: 'full' },
    );
    expect(byUid(bob, uid('absence', org.ill.id)).summary).toBe('Bob Brown — Sick leave');
    const ada = await feedOf(org, asMember(org), { privacy: 'full' });
    expect(byUid(ada, uid('absence', org.ill.id)).summary).toBe('Bob Brown — Away');
    const outsider = await feedOf(
      org,
      { ownerId: org.manager.id, privateTypes: 'none' },
      { privacy: 'full' },
    );
    expect(outsider.text).not.toContain('Sick leave');
  });

  it('shows no names under busy', async () => {
    const org = await team();
    const feed = await feedOf(
      org,
      { ownerId: org.manager.id, privateTypes: 'all' },
      { privacy: 'busy' },
    );
    for (const name of ['Ada', 'Bob', 'Lovelace', 'Sick leave', 'Vacation', 'flu', 'Lisbon'])
      expect(feed.text).not.toContain(name);
    expect(byUid(feed, uid('absence', org.week.id)).summary).toBe('Away');
  });

  it('includes pending requests as tentative only when asked, and filters types and events', async () => {
    const org = await team();
    const without = await feedOf(org, asMember(org));
    expect(without.events.some((e) => e.uid.includes(org.asked.id))).toBe(false);
    const withPending = await feedOf(org, asMember(org), { includePending: true });
    const asked = byUid(withPending, uid('absence', org.asked.id));
    expect(asked.status).toBe('TENTATIVE');
    expect(asked.summary).toBe('Bob Brown — Vacation (pending)');
    const onlySick = await feedOf(org, asMember(org), {
      absenceTypeIds: [org.sick.id],
      includeTeamEvents: false,
    });
    expect(onlySick.events.map((e) => e.uid)).toEqual([uid('absence', org.ill.id)]);
  });

  it('adds one reminder when the link is about to expire', async () => {
    const org = await team();
    const feed = await feedOf(org, asMember(org), {}, new Date('2026-12-01T10:00:00Z'));
    const reminders = feed.events.filter((e) => e.summary.startsWith('TeamCal link expires'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.summary).toBe(
      'TeamCal link expires on 2026-12-01 — renew at https://teamcal.example.com/teams/paris',
    );
    expect(reminders[0]!.startDate).toBe('2026-12-01');
  });

  it('keeps UIDs across edits and raises the SEQUENCE', async () => {
    const org = await team();
    const before = byUid(
      await feedOf(org, asMember(org), { includePending: true }),
      uid('absence', org.asked.id),
    );
    await cancelAbsence(org.bob, org.asked.id);
    await db().update(absences).set({ status: 'pending' }).where(eq(absences.id, org.asked.id));
    const after = byUid(
      await feedOf(org, asMember(org), { includePending: true }),
      uid('absence', org.asked.id),
    );
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBe(before.sequence + 1);
  });
});
