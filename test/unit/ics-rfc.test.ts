import { describe, expect, it } from 'vitest';
import { renderCalendar, type FeedItem } from '@/lib/ics';
import { PRIVACY_LEVELS } from '@/lib/privacy';
import { absence, absenceRow, calendarInfo, teamEvent, teamEventRow } from '@/test/helpers/ics';
import { readWithLibical } from '@/test/helpers/libical';

// RFC 5545 to the letter, as libical — Evolution's parser — judges it: every kind of item, at
// every privacy level, in every kind of calendar, passes its parse and its restriction check.

const timed = {
  allDay: false,
  startDate: '2026-11-01',
  endDate: '2026-11-01',
  startsAt: new Date('2026-11-01T14:00:00Z'),
  endsAt: new Date('2026-11-01T15:30:00Z'),
  timeZone: 'America/New_York',
  location: '12, rue de Rivoli; 75001 Paris',
  description: 'Line one\nLine two',
};

const booking = (status: 'requested' | 'confirmed' | 'declined' | 'cancelled'): FeedItem => ({
  kind: 'booking',
  booking: {
    id: `00000000-0000-4000-a000-00000000000${status.length}`,
    title: 'Interview',
    note: 'Projector, please',
    bookedByName: 'Léa Dubois',
    resourceName: 'Salle Lovelace',
    location: '3rd floor, 12 rue de la Paix',
    timeZone: 'Europe/Paris',
    startsAt: new Date('2026-10-25T08:00:00Z'),
    endsAt: new Date('2026-10-25T09:00:00Z'),
    status,
    sequence: 1,
    createdAt: new Date('2026-10-01T08:00:00Z'),
    updatedAt: new Date('2026-10-02T08:00:00Z'),
  },
});

const expiring = (renewal: { renewUrl: string } | { askWhom: string }): FeedItem => ({
  kind: 'expiryNotice',
  notice: {
    tokenId: '0b0f5b0e-1c1a-4b9e-9a37-1f6f1f1f1f1f',
    tokenCreatedAt: new Date('2026-06-01T00:00:00Z'),
    expiresAt: new Date('2026-12-10T00:00:00Z'),
    renewal,
  },
});

const FEEDS: Record<string, FeedItem[]> = {
  team: [
    absence(),
    absence({ status: 'pending', note: 'Back Monday' }),
    absence({ startDate: '2026-07-13', endDate: '2026-07-13', halfDayStart: true }),
    absence({ typePrivate: true, typeLabel: 'Sick leave' }),
    teamEvent(),
    teamEvent({ ...timed, status: 'cancelled', sequence: 2 }),
    expiring({ renewUrl: 'https://teamcal.example.com/teams/engineering' }),
  ],
  person: [
    { kind: 'appointment', event: teamEventRow(timed) },
    { kind: 'appointment', event: teamEventRow({ status: 'cancelled' }) },
    { kind: 'absence', absence: absenceRow() },
    expiring({ askWhom: 'Hugo Bernard (hugo@example.com)' }),
  ],
  resource: [booking('confirmed'), booking('requested'), booking('declined'), booking('cancelled')],
  empty: [],
};

describe('every feed, as libical reads it', () => {
  for (const [kind, items] of Object.entries(FEEDS))
    for (const privacy of PRIVACY_LEVELS)
      it(`a ${kind} feed at ${privacy} parses and meets libical's restrictions with no error`, () => {
        const text = renderCalendar(calendarInfo({ privacy, timeZone: 'Europe/Paris' }), items);
        expect(readWithLibical(text)).toMatchObject({
          parsed: true,
          restrictionsMet: true,
          errors: [],
        });
        // Every calendar property before the first component; CRLF after the last line.
        const lines = text.split('\r\n');
        let depth = 0;
        let componentSeen = false;
        for (const line of lines) {
          if (line.startsWith('BEGIN:')) depth++;
          if (depth === 2) componentSeen = true;
          const calendarProperty = depth === 1 && !/^(BEGIN|END):/.test(line) && !/^\s/.test(line);
          if (calendarProperty) expect(componentSeen, line).toBe(false);
          if (line.startsWith('END:')) depth--;
        }
        expect(lines.slice(-2)).toEqual(['END:VCALENDAR', '']);
      });

  it('tells the check apart: the same feed with METHOD:PUBLISH fails it', () => {
    const text = renderCalendar(calendarInfo(), FEEDS.team!).replace(
      '\r\nVERSION:2.0\r\n',
      '\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\n',
    );
    const reading = readWithLibical(text);
    expect(reading.restrictionsMet).toBe(false);
    expect(reading.errors.join('\n')).toContain('ORGANIZER');
  });
});
