import { describe, expect, it } from 'vitest';
import { createEventTexts } from '@/lib/ics/event-texts';
import { createFeedContext, createFeedEvent, foldLines, type FeedItem } from '@/lib/ics';
import { item } from '@/test/helpers/generated-feed';
import {
  absenceRow,
  calendarInfo,
  eventByUid,
  readWithBothParsers,
  teamEventRow,
} from '@/test/helpers/ics';

// Feeds share the text of an event they write alike (lib/ics/event-texts.ts). What a cached text
// must never do: carry another feed's UID, or show one reader what only another may see.

const written = (context: ReturnType<typeof createFeedContext>, feedItem: FeedItem) =>
  foldLines(createFeedEvent(context, feedItem).toString());

const items: FeedItem[] = [
  ...Array.from({ length: 40 }, (_, index) => item(index)),
  {
    kind: 'booking',
    booking: {
      id: 'booking-1',
      title: 'Board meeting',
      note: 'Quarterly',
      bookedByName: 'Ada Lovelace',
      resourceName: 'Room Curie',
      location: '2nd floor',
      timeZone: 'Europe/Paris',
      startsAt: new Date('2026-10-25T00:30:00Z'),
      endsAt: new Date('2026-10-25T02:30:00Z'),
      status: 'requested',
      sequence: 2,
      createdAt: new Date('2026-06-01T08:00:00Z'),
      updatedAt: new Date('2026-06-02T08:00:00Z'),
    },
  },
  {
    kind: 'publicHoliday',
    holiday: {
      date: '2026-07-14',
      name: 'Fête nationale',
      country: 'FR',
      region: null,
      sequence: 0,
      updatedAt: new Date(0),
    },
  },
  {
    kind: 'appointment',
    event: teamEventRow({ title: 'Dentist', description: 'Bring the forms' }),
  },
];

describe('the event texts feeds share', () => {
  it('writes every event byte for byte as ical-generator does, whether its text was kept or not', () => {
    const texts = createEventTexts();
    const first = createFeedContext(calendarInfo({ uidScope: 'link-one' }));
    const second = createFeedContext(calendarInfo({ uidScope: 'link-two-with-a-much-longer-id' }));
    for (const feedItem of items)
      expect(texts.render(first, feedItem)).toBe(written(first, feedItem));
    const kept = texts.entries;
    expect(kept).toBe(items.length);
    // The second link's events come from the kept texts, each under its own UID.
    for (const feedItem of items) {
      const text = texts.render(second, feedItem);
      expect(text).toBe(written(second, feedItem));
      expect(text).not.toContain('link-one');
    }
    expect(texts.entries).toBe(kept);
  });

  it('keeps apart what feeds write differently: privacy, language, zone, and who may see a type', () => {
    const texts = createEventTexts();
    const sick = absenceRow({
      personId: 'ada',
      typePrivate: true,
      typeLabel: 'Sick leave',
      note: 'Flu',
    });
    const feedItem: FeedItem = { kind: 'absence', absence: sick };
    const ada = { userId: 'ada', seesAllPrivateTypes: false };
    const bob = { userId: 'bob', seesAllPrivateTypes: false };
    const feeds = [
      calendarInfo({ uidScope: 'a', privacy: 'full', viewer: ada }),
      calendarInfo({ uidScope: 'b', privacy: 'full', viewer: bob }),
      calendarInfo({ uidScope: 'c', privacy: 'busy', viewer: ada }),
      calendarInfo({ uidScope: 'd', privacy: 'full', viewer: bob, locale: 'fr-FR' }),
    ];
    const summaries = feeds.map((info) => {
      const text = texts.render(createFeedContext(info), feedItem);
      expect(text).toBe(written(createFeedContext(info), feedItem));
      const calendar = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n${text}END:VCALENDAR\r\n`;
      return readWithBothParsers(calendar).map(
        ([, read]) => eventByUid(read, `absence-${sick.id}.${info.uidScope}@teamcal`).summary,
      )[0];
    });
    expect(summaries[0]).toBe('Ada Lovelace — Sick leave');
    // Bob reads Ada's sick leave as "Away", though Ada's own feed wrote it first.
    expect(summaries[1]).toBe('Ada Lovelace — Away');
    expect(summaries[2]).toBe('Away');
    // In French, the hidden type reads in French.
    expect(summaries[3]).toMatch(/^Ada Lovelace — /);
    expect(summaries[3]).not.toBe(summaries[1]);
    expect(texts.entries).toBe(4);

    // A half day is timed in the calendar's zone: another zone writes another text.
    const half: FeedItem = {
      kind: 'absence',
      absence: absenceRow({ startDate: '2026-07-06', endDate: '2026-07-06', halfDayStart: true }),
    };
    const paris = createFeedContext(calendarInfo({ uidScope: 'p' }));
    const newYork = createFeedContext(
      calendarInfo({ uidScope: 'n', timeZone: 'America/New_York' }),
    );
    expect(texts.render(paris, half)).toContain('TZID=Europe/Paris');
    expect(texts.render(newYork, half)).toContain('TZID=America/New_York');
  });

  it('writes a row anew once it changes', () => {
    const texts = createEventTexts();
    const context = createFeedContext(calendarInfo({ uidScope: 'a' }));
    const row = absenceRow({ note: null });
    texts.render(context, { kind: 'absence', absence: row });
    const renamed = { ...row, personName: 'Ada King', sequence: 1 };
    expect(texts.render(context, { kind: 'absence', absence: renamed })).toContain('Ada King');
    expect(texts.entries).toBe(2);
  });

  it('never holds more than its bound, however many events pass', () => {
    const bound = 64 * 1024;
    const texts = createEventTexts(bound);
    const context = createFeedContext(calendarInfo({ uidScope: 'a' }));
    for (let index = 0; index < 2_000; index++) {
      texts.render(context, item(index));
      expect(texts.bytes).toBeLessThanOrEqual(bound);
    }
    expect(texts.entries).toBeGreaterThan(10);
    expect(texts.entries).toBeLessThan(2_000);
  });
});
