import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { absences, feedTokens } from '@/db/schema';
import type { Actor } from '@/lib/dal/actor';
import { findCalendarForActor, type ActorCalendar } from '@/lib/dal/calendars';
import { openCalendarExport, openFeed } from '@/lib/dal/feed-access';
import { createPersonalSubscription, type FeedOptions } from '@/lib/dal/feed-tokens';
import { createGuestShare, createPublicLink } from '@/lib/dal/shares';
import { feedCalendarStream, feedWindow } from '@/lib/feed-calendar';
import { publicHolidaysBetween } from '@/lib/holidays';
import { feedOptionsSchema, guestShareSchema, publicLinkSchema } from '@/lib/validation';
import { setupTestDatabase } from '@/test/helpers/database';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';
import { parseFeed } from '@/test/helpers/feeds';
import { eventByUid, readWithBothParsers } from '@/test/helpers/ics';

// A team's public holidays in its feeds, per link: all-day, free events named after the
// holiday, with a UID made of the place and the date, inside the feed's window — and none
// unless the link asks for them.

const db = setupTestDatabase();
// The window of this pinned "now" runs from 15 June 2025 to 15 June 2028, whatever today is.
const now = new Date('2026-06-15T09:00:00Z');
const window = feedWindow(now);
const bavaria = { country: 'DE', region: 'BY' };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
});
afterEach(() => vi.useRealTimers());

async function bavarianTeam() {
  const team = await createTeam(db(), {
    name: 'Munich',
    timeZone: 'Europe/Berlin',
    holidayCountry: 'DE',
    holidayRegion: 'BY',
  });
  const manager = await createUser(db(), { name: 'Mia Manager' });
  const member = await createUser(db(), { name: 'Max Member' });
  await addMember(db(), team.id, manager.id, 'manager');
  await addMember(db(), team.id, member.id);
  const vacation = await createAbsenceType(db(), { label: 'Vacation' });
  // Across Epiphany: the holiday is an event of its own, the absence stays one event.
  const [absence] = await db()
    .insert(absences)
    .values({
      userId: member.id,
      typeId: vacation.id,
      startDate: '2027-01-04',
      endDate: '2027-01-08',
      status: 'approved',
    })
    .returning();
  const calendar = await findCalendarForActor(manager, { kind: 'team', slug: team.slug });
  return { team, manager, member, absence: absence!, calendar };
}

function feedText(calendar: ActorCalendar, owner: Actor, options: Partial<FeedOptions>) {
  const feedOptions: FeedOptions = {
    privacy: 'busy',
    includePending: false,
    absenceTypeIds: null,
    includeTeamEvents: true,
    ...options,
  };
  const stream = feedCalendarStream({
    calendar,
    uidScope: 'link-1',
    ownerId: owner.id,
    options: feedOptions,
    privateTypes: 'none',
    expiryNotice: null,
    rows: calendar.source.readRows(calendar, { options: feedOptions, ...window }),
  });
  return new Response(stream).text();
}

const holidayUids = (uids: string[]) => uids.filter((uid) => uid.startsWith('holiday-'));

describe('public holidays in a team’s feed', () => {
  it('come as all-day, free events named after the holiday, inside the window, when the link asks', async () => {
    const org = await bavarianTeam();
    const text = await feedText(org.calendar, org.manager, { includeHolidays: true });
    const feed = parseFeed(text);
    const expected = publicHolidaysBetween(bavaria, window.from, window.to);
    expect(expected.length).toBeGreaterThan(30);
    expect(holidayUids(feed.events.map((e) => e.uid))).toEqual(
      expected.map((holiday) => `holiday-DE-BY-${holiday.date}@teamcal`),
    );
    for (const [parser, calendar] of readWithBothParsers(text)) {
      const epiphany = eventByUid(calendar, 'holiday-DE-BY-2027-01-06@teamcal');
      expect(epiphany, parser).toMatchObject({
        summary: 'Epiphany',
        allDay: true,
        startDate: '2027-01-06',
        endDate: '2027-01-07',
      });
      expect(epiphany.categories, parser).toEqual(['Public holiday']);
    }
    // VALUE=DATE, and TRANSPARENT: a holiday never makes the subscriber look busy.
    const block = text.slice(text.indexOf('UID:holiday-DE-BY-2027-01-06@teamcal'));
    const epiphanyText = block.slice(0, block.indexOf('END:VEVENT'));
    expect(text).toContain('DTSTART;VALUE=DATE:20270106\r\n');
    expect(epiphanyText).toContain('TRANSP:TRANSPARENT');
    // The absence is still one event, first: absences, then events, then holidays.
    expect(feed.events[0]!.uid).toBe(`absence-${org.absence.id}.link-1@teamcal`);
    expect(feed.events.at(-1)!.uid).toBe(`holiday-DE-BY-${expected.at(-1)!.date}@teamcal`);
    // Every fetch writes the same bytes, so one ETag keeps meaning one body.
    expect(await feedText(org.calendar, org.manager, { includeHolidays: true })).toBe(text);
    expect(
      await org.calendar.source.countRows(org.calendar, {
        options: {
          privacy: 'busy',
          includePending: false,
          absenceTypeIds: null,
          includeTeamEvents: true,
          includeHolidays: true,
        },
        ...window,
      }),
    ).toBe(feed.events.length);
  });

  it('are left out unless the link asks, and a team without a country has none', async () => {
    const org = await bavarianTeam();
    const without = parseFeed(await feedText(org.calendar, org.manager, {}));
    expect(holidayUids(without.events.map((e) => e.uid))).toEqual([]);
    expect(without.events).toHaveLength(1);

    const nowhere = await createTeam(db());
    await addMember(db(), nowhere.id, org.manager.id, 'manager');
    const calendar = await findCalendarForActor(org.manager, { kind: 'team', slug: nowhere.slug });
    const feed = parseFeed(await feedText(calendar, org.manager, { includeHolidays: true }));
    expect(feed.events).toEqual([]);
  });

  it('is a link’s own choice: subscriptions, public links and guest shares of a team keep it, other calendars never', async () => {
    const org = await bavarianTeam();
    const request = { ip: '203.0.113.9', userAgent: 'Thunderbird/128' };
    const team = { kind: 'team', slug: org.team.slug } as const;
    const { token } = await createPersonalSubscription(
      org.member,
      team,
      feedOptionsSchema.parse({
        includeTeamEvents: 'on',
        includeHolidays: 'on',
        absenceTypeIds: [],
      }),
      request,
    );
    const access = await openFeed(token, request);
    expect(access.options.includeHolidays).toBe(true);
    expect(access.calendar.holidayPlace).toEqual(bavaria);
    const served = parseFeed(
      await new Response(
        feedCalendarStream({
          calendar: access.calendar,
          uidScope: access.tokenId,
          ownerId: access.ownerId,
          options: access.options,
          privateTypes: access.privateTypes,
          expiryNotice: null,
          rows: access.source.readRows(access.calendar, { options: access.options, ...window }),
        }),
      ).text(),
    );
    expect(served.events.map((e) => e.uid)).toContain('holiday-DE-BY-2027-01-06@teamcal');

    const publicLink = await createPublicLink(
      org.manager,
      team,
      publicLinkSchema.parse({ label: 'Office screen', includeHolidays: 'on', expiresInDays: 30 }),
    );
    await createGuestShare(
      org.manager,
      team,
      guestShareSchema.parse({
        email: 'guest@example.org',
        label: 'Partner',
        includeHolidays: 'on',
      }),
    );
    const ownCalendar = await findCalendarForActor(org.member, { kind: 'person' });
    const { subscription: own } = await createPersonalSubscription(
      org.member,
      { kind: 'person' },
      feedOptionsSchema.parse({ includeTeamEvents: 'on', includeHolidays: 'on' }),
    );
    const stored = await db()
      .select({
        id: feedTokens.id,
        kind: feedTokens.kind,
        calendarId: feedTokens.calendarId,
        includeHolidays: feedTokens.includeHolidays,
      })
      .from(feedTokens)
      .where(eq(feedTokens.ownerId, org.manager.id));
    expect(stored.map((row) => [row.kind, row.includeHolidays]).sort()).toEqual([
      ['guest', true],
      ['public', true],
    ]);
    expect(stored.find((row) => row.id === publicLink.id)).toBeDefined();
    // A person's calendar has no holidays to offer: the choice is not kept.
    expect(ownCalendar.source.offers.holidays).toBe(false);
    expect(own.includeHolidays).toBe(false);
    // A download of the team's calendar shows what its page shows: the holidays too.
    expect((await openCalendarExport(org.member, team)).options.includeHolidays).toBe(true);
  });
});
