import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { describe, expect, it } from 'vitest';
import {
  createFeedCalendar,
  createFeedContext,
  createFeedEvent,
  renderCalendar,
  streamCalendar,
  type FeedItem,
} from '@/lib/ics';
import { item } from '@/test/helpers/generated-feed';
import { absence, calendarInfo, teamEvent } from '@/test/helpers/ics';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

const info = calendarInfo({
  name: 'Support, Lyon; "night shift"',
  timeZone: 'Europe/Paris',
  eventTimeZones: ['America/New_York'],
  privacy: 'full',
  viewer: { userId: 'ada', seesAllPrivateTypes: false },
});

// Every kind of item, with timed events in the header's zones in the header's order, as
// ical-generator lists the zones its events use.
const items: FeedItem[] = [
  absence({ id: 'half', startDate: '2026-03-29', endDate: '2026-03-29', halfDayStart: true }),
  teamEvent({
    id: 'nyc',
    allDay: false,
    startsAt: new Date('2026-11-01T14:00:00Z'),
    endsAt: new Date('2026-11-01T15:00:00Z'),
    timeZone: 'America/New_York',
    location: 'Pier 17, 89 South St, New York; NY 10038',
    description: 'Bring: badges, laptops;\nand the demo',
  }),
  absence({ id: 'sick', personId: 'ada', typePrivate: true, typeLabel: 'Sick leave', note: 'Flu' }),
  absence({ id: 'other', personId: 'bob', personName: 'Bob 🚀 Ørsted', typePrivate: true }),
  absence({ id: 'asked', status: 'pending', halfDayStart: true, halfDayEnd: true }),
  teamEvent({ id: 'offsite', status: 'cancelled', title: 'Offsite — Annecy '.repeat(8) }),
  {
    kind: 'expiryNotice',
    notice: {
      tokenId: 'tok',
      tokenCreatedAt: new Date('2026-01-01T00:00:00Z'),
      expiresAt: new Date('2026-07-01T00:00:00Z'),
      renewal: { renewUrl: 'https://teamcal.example.com/teams/support' },
    },
  },
];

describe('the streaming feed writer', () => {
  it("writes ical-generator's own calendar.toString(), its calendar properties moved before the components", async () => {
    const context = createFeedContext(info);
    const calendar = createFeedCalendar(info);
    for (const feedItem of items) calendar.createEvent(createFeedEvent(context, feedItem));
    const expected = calendar.toString();

    const batches = [items.slice(0, 2), [], items.slice(2, 3), items.slice(3)];
    const streamed = (await readAll(streamCalendar(info, batches))).toString('utf8');
    expect(renderCalendar(info, items)).toBe(streamed);
    // The events, byte for byte; the same lines in all, only in RFC 5545's order.
    const events = (text: string) =>
      text.slice(text.indexOf('BEGIN:VEVENT'), text.lastIndexOf('END:VEVENT'));
    expect(events(streamed)).toBe(events(expected));
    const sortedLines = (text: string) => text.split('\r\n').filter(Boolean).sort();
    expect(sortedLines(streamed)).toEqual(sortedLines(expected));
  });

  it('streams 50,000 events into one calendar that both parsers read whole', async () => {
    async function* pages() {
      for (let start = 0; start < 50_000; start += 1_000) {
        yield Array.from({ length: 1_000 }, (_, offset) => item(start + offset));
      }
    }
    const text = (await readAll(streamCalendar(info, pages()))).toString('utf8');
    const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(50_000);
    expect(new Set(vevents.map((vevent) => vevent.getFirstPropertyValue('uid'))).size).toBe(50_000);
    const parsed = Object.values(nodeIcal.sync.parseICS(text));
    expect(parsed.filter((component) => component?.type === 'VEVENT')).toHaveLength(50_000);
  }, 120_000);

  it('reads the next batch from the database only when the client asks for more', async () => {
    let batchesRead = 0;
    async function* pages() {
      for (let page = 0; page < 3; page++) {
        batchesRead++;
        yield [absence({ id: `page-${page}` })];
      }
    }
    const reader = streamCalendar(info, pages()).getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(batchesRead).toBe(0);
    expect(decoder.decode((await reader.read()).value)).toContain('UID:absence-page-0@teamcal');
    expect(batchesRead).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(batchesRead).toBe(1);
    expect(decoder.decode((await reader.read()).value)).toContain('UID:absence-page-1@teamcal');
    expect(batchesRead).toBe(2);
  });

  it('closes the source (and so its cursor) when the client goes away', async () => {
    let closed = false;
    async function* pages() {
      try {
        for (let page = 0; ; page++) yield [absence({ id: `page-${page}` })];
      } finally {
        closed = true;
      }
    }
    const reader = streamCalendar(info, pages()).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel('client disconnected');
    expect(closed).toBe(true);
  });

  it('fails the stream when the source fails, rather than ending a truncated calendar', async () => {
    async function* pages() {
      yield [absence({ id: 'first' })];
      throw new Error('connection lost');
    }
    await expect(readAll(streamCalendar(info, pages()))).rejects.toThrow('connection lost');
  });

  it('refuses a team time zone it cannot describe before writing anything', () => {
    expect(() => streamCalendar(calendarInfo({ timeZone: 'Nowhere/Atlantis' }), [])).toThrow(
      RangeError,
    );
  });
});
