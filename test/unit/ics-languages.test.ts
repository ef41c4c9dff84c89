import { describe, expect, it } from 'vitest';
import { renderCalendar, type BookingRow, type FeedItem } from '@/lib/ics';
import { formatDate } from '@/lib/i18n/format';
import {
  absence,
  calendarInfo,
  eventByUid,
  readWithBothParsers,
  teamEvent,
} from '@/test/helpers/ics';

// The words a feed writes around its data, in the language of its owner (CalendarInfo.locale),
// read back by ical.js and node-ical; English when no locale is given, as feeds always were.

function booking(overrides: Partial<BookingRow> = {}): FeedItem {
  return {
    kind: 'booking',
    booking: {
      id: 'booking-1',
      title: 'Client visit',
      note: null,
      bookedByName: 'Léa Martin',
      resourceName: 'Room 2',
      location: null,
      timeZone: 'Europe/Paris',
      startsAt: new Date('2026-07-07T08:00:00Z'),
      endsAt: new Date('2026-07-07T10:00:00Z'),
      status: 'requested',
      sequence: 0,
      createdAt: new Date('2026-06-01T08:00:00Z'),
      updatedAt: new Date('2026-06-01T08:00:00Z'),
      ...overrides,
    },
  };
}

const items = (): FeedItem[] => [
  absence({ id: 'a-half', halfDayStart: true, halfDayEnd: true }),
  absence({ id: 'a-wait', status: 'pending', typePrivate: true }),
  teamEvent({ id: 'e-offsite' }),
  booking(),
  {
    kind: 'publicHoliday',
    holiday: {
      date: '2026-07-14',
      name: 'Fête nationale',
      country: 'FR',
      region: null,
      sequence: 0,
      updatedAt: new Date('2026-01-01T00:00:00Z'),
    },
  },
  {
    kind: 'expiryNotice',
    notice: {
      tokenId: 'tok-1',
      tokenCreatedAt: new Date('2026-01-05T09:00:00Z'),
      expiresAt: new Date('2026-07-04T23:30:00Z'),
      renewal: { askWhom: 'Mona Martin (mona@example.com)' },
    },
  },
];

describe('a feed in its owner’s language', () => {
  it('writes French words around the data for a French owner', () => {
    const text = renderCalendar(calendarInfo({ privacy: 'standard', locale: 'fr-FR' }), items());
    for (const [parser, calendar] of readWithBothParsers(text)) {
      const half = eventByUid(calendar, 'absence-a-half@teamcal');
      expect(half.description, parser).toBe(
        `Seulement l’après-midi le ${formatDate('2026-07-06', 'fr-FR')} (premier jour).\n\n` +
          `Seulement le matin le ${formatDate('2026-07-10', 'fr-FR')} (dernier jour).`,
      );
      // A private type hidden from an outsider, pending.
      expect(eventByUid(calendar, 'absence-a-wait@teamcal').summary, parser).toBe(
        'Ada Lovelace — Absent (en attente)',
      );
      expect(eventByUid(calendar, 'booking-booking-1@teamcal').summary, parser).toBe(
        'Client visit (à confirmer)',
      );
      const holiday = eventByUid(calendar, 'holiday-FR-2026-07-14@teamcal');
      expect(holiday.categories, parser).toEqual(['Jour férié']);
      const reminder = eventByUid(calendar, 'link-expiry-tok-1@teamcal');
      expect(reminder.summary, parser).toBe(
        `Le lien TeamCal expire le ${formatDate('2026-07-05', 'fr-FR')} — demandez-en un nouveau à Mona Martin (mona@example.com)`,
      );
      expect(reminder.description, parser).toBe(
        `Ce lien d’agenda cessera de fonctionner le ${formatDate('2026-07-05', 'fr-FR')}. Demandez un nouveau lien à Mona Martin (mona@example.com), qui vous l’a partagé.`,
      );
    }
    expect(text).not.toMatch(/Away|pending|requested|Public holiday|expires on|Afternoon only/);
  });

  it('hides names and details in French under busy: Absent, Occupé, Réservé', () => {
    const text = renderCalendar(calendarInfo({ privacy: 'busy', locale: 'fr-FR' }), [
      absence({ id: 'a-1' }),
      teamEvent({ id: 'e-1' }),
      booking({ status: 'confirmed' }),
    ]);
    for (const [parser, calendar] of readWithBothParsers(text))
      expect(calendar.events.map((event) => event.summary).sort(), parser).toEqual([
        'Absent',
        'Occupé',
        'Réservé',
      ]);
  });

  it('names who booked in French under full', () => {
    const text = renderCalendar(calendarInfo({ privacy: 'full', locale: 'fr-FR' }), [
      booking({ status: 'confirmed', note: 'Projecteur' }),
    ]);
    for (const [parser, calendar] of readWithBothParsers(text))
      expect(calendar.events[0]!.description, parser).toBe('Réservé par Léa Martin\n\nProjecteur');
  });

  it('is English, byte for byte, without a locale or with an English one', () => {
    const english = renderCalendar(calendarInfo({ privacy: 'standard' }), items());
    expect(renderCalendar(calendarInfo({ privacy: 'standard', locale: 'en-US' }), items())).toBe(
      english,
    );
    for (const [parser, calendar] of readWithBothParsers(english)) {
      expect(eventByUid(calendar, 'absence-a-half@teamcal').description, parser).toBe(
        'Afternoon only on 2026-07-06 (first day).\n\nMorning only on 2026-07-10 (last day).',
      );
      expect(eventByUid(calendar, 'absence-a-wait@teamcal').summary, parser).toBe(
        'Ada Lovelace — Away (pending)',
      );
      expect(eventByUid(calendar, 'booking-booking-1@teamcal').summary, parser).toBe(
        'Client visit (requested)',
      );
      expect(eventByUid(calendar, 'holiday-FR-2026-07-14@teamcal').categories, parser).toEqual([
        'Public holiday',
      ]);
      expect(eventByUid(calendar, 'link-expiry-tok-1@teamcal').summary, parser).toBe(
        'TeamCal link expires on 2026-07-05 — ask Mona Martin (mona@example.com) for a new one',
      );
    }
  });
});
