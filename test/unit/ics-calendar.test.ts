import { foldLines as generatorFoldLines } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { foldLines, isExpiringSoon, renderCalendar, type FeedItem } from '@/lib/ics';
import {
  absence,
  calendarInfo,
  eventByUid,
  readWithBothParsers,
  readWithIcalJs,
  readWithNodeIcal,
  teamEvent,
} from '@/test/helpers/ics';

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('a feed calendar', () => {
  it('puts every calendar property before the first component, and ends every line with CRLF (RFC 5545 §3.1, §3.6)', () => {
    const text = renderCalendar(calendarInfo(), [absence()]);
    const lines = text.split('\r\n');
    expect(lines.at(-1), 'a CRLF after END:VCALENDAR').toBe('');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    const firstComponent = lines.findIndex((line, i) => i > 0 && line.startsWith('BEGIN:'));
    const lastComponentEnd = lines.findLastIndex((line) => /^END:V(?!CALENDAR)/.test(line));
    for (const name of [
      'VERSION',
      'PRODID',
      'NAME',
      'X-WR-CALNAME',
      'X-WR-TIMEZONE',
      'X-PUBLISHED-TTL',
      'REFRESH-INTERVAL',
    ])
      expect(
        lines.findIndex((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`)),
        name,
      ).toBeLessThan(firstComponent);
    expect(lastComponentEnd).toBe(lines.length - 3);
  });

  it('announces itself with its name, zone and refresh interval', () => {
    const text = renderCalendar(
      calendarInfo({ name: 'Sales, EMEA; "North"', refreshIntervalSeconds: 15 * 60 }),
      [],
    );
    const icalJs = readWithIcalJs(text).properties;
    expect(icalJs).toMatchObject({
      VERSION: '2.0',
      PRODID: '-//TeamCal//Team calendar//EN',
      // ical.js has no value type for these two, so it shows them as written: TEXT-escaped.
      NAME: 'Sales\\, EMEA\\; "North"',
      'X-WR-CALNAME': 'Sales\\, EMEA\\; "North"',
      'X-WR-TIMEZONE': 'Europe/Paris',
      'REFRESH-INTERVAL': 'PT15M',
      'X-PUBLISHED-TTL': 'PT15M',
    });
    expect(readWithNodeIcal(text).properties).toMatchObject({
      name: 'Sales, EMEA; "North"',
      'WR-CALNAME': 'Sales, EMEA; "North"',
      'WR-TIMEZONE': 'Europe/Paris',
      'PUBLISHED-TTL': 'PT15M',
    });
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n');
    // Not an iTIP message: METHOD:PUBLISH would require an ORGANIZER on every event.
    expect(text).not.toMatch(/^METHOD:/m);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });

  it('cannot be broken by a team name with a newline', () => {
    const text = renderCalendar(calendarInfo({ name: 'Ops\r\nMETHOD:REQUEST' }), [absence()]);
    expect(text).not.toContain('\r\nMETHOD:REQUEST');
    for (const [parser, calendar] of readWithBothParsers(text)) {
      expect(calendar.events, parser).toHaveLength(1);
    }
    expect(readWithNodeIcal(text).properties.name).toBe('Ops\nMETHOD:REQUEST');
  });

  it('keeps commas, semicolons, newlines, long accented names and emoji through both parsers', () => {
    const personName = 'Maximilian Ångström-Łukasiewicz de la Fontaine-Ÿvelines 🎉🏖️ 山田太郎';
    const note = 'Flight AF 123, seat 4A; back Monday.\nCall: +33 1 23 45 67 89 📞\\ ok';
    const location = 'Hôtel Brücke, Zürich; Salle «Léman», 2ᵉ étage 🏔️'.repeat(3);
    const text = renderCalendar(calendarInfo({ privacy: 'full' }), [
      absence({ id: 'trip', personName, note }),
      teamEvent({ id: 'meet', title: `${personName}, ${personName}`, location }),
    ]);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    for (const [parser, calendar] of readWithBothParsers(text)) {
      const trip = eventByUid(calendar, 'absence-trip@teamcal');
      expect(trip.summary, parser).toBe(`${personName} — Vacation`);
      const meet = eventByUid(calendar, 'event-meet@teamcal');
      expect([meet.summary, meet.location], parser).toEqual([
        `${personName}, ${personName}`,
        location,
      ]);
    }
    // node-ical reads an escaped backslash followed by "n" as a newline; ical.js gets it right.
    expect(eventByUid(readWithIcalJs(text), 'absence-trip@teamcal').description).toBe(note);
  });

  it('folds lines exactly as ical-generator does, whatever the characters', () => {
    const alphabet = ['a', 'Z', ' ', ',', ';', 'é', '€', '😀', '🏳️‍🌈', '\ud83d', '\ude00', '\r\n'];
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let sample = 0; sample < 300; sample++) {
      const length = Math.floor(random() * 400);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(foldLines(text)).toBe(generatorFoldLines(text));
    }
  });
});

describe('the link expiry notice', () => {
  const notice = (expiresAt: string): FeedItem => ({
    kind: 'expiryNotice',
    notice: {
      tokenId: 'tok-1',
      tokenCreatedAt: new Date('2026-01-05T09:00:00Z'),
      expiresAt: new Date(expiresAt),
      renewal: { renewUrl: 'https://teamcal.example.com/teams/engineering' },
    },
  });

  it('is one all-day event on the expiry date, in the team zone, that says where to renew', () => {
    // 23:30 UTC on 4 July is already 5 July in Paris.
    const text = renderCalendar(calendarInfo(), [notice('2026-07-04T23:30:00Z'), absence()]);
    for (const [parser, calendar] of readWithBothParsers(text)) {
      expect(calendar.events, parser).toHaveLength(2);
      const event = eventByUid(calendar, 'link-expiry-tok-1@teamcal');
      expect([event.allDay, event.startDate, event.endDate], parser).toEqual([
        true,
        '2026-07-05',
        '2026-07-06',
      ]);
      expect(event.summary, parser).toBe(
        'TeamCal link expires on 2026-07-05 — renew at https://teamcal.example.com/teams/engineering',
      );
    }
  });

  it('is due within the 14 days before a link expires, and never for links that do not expire', () => {
    const now = new Date('2026-06-20T12:00:00Z');
    expect(isExpiringSoon(new Date('2026-07-04T12:00:00Z'), now)).toBe(true);
    expect(isExpiringSoon(new Date('2026-07-04T12:00:01Z'), now)).toBe(false);
    expect(isExpiringSoon(new Date('2026-06-20T11:59:59Z'), now)).toBe(false);
    expect(isExpiringSoon(null, now)).toBe(false);
  });
});
