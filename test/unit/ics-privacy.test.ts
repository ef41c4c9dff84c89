import { describe, expect, it } from 'vitest';
import { renderCalendar, type CalendarInfo } from '@/lib/ics';
import { ANONYMOUS_VIEWER, type PrivacyLevel } from '@/lib/privacy';
import {
  absence,
  calendarInfo,
  eventByUid,
  readWithBothParsers,
  teamEvent,
} from '@/test/helpers/ics';

// A team with one private absence (sick leave with a telling note), one ordinary absence with a
// note, and a team event; rendered at each privacy level for various viewers.
const items = [
  absence({
    id: 'sick',
    personId: 'ada',
    personName: 'Ada Lovelace',
    typeLabel: 'Sick leave',
    typeColor: '#ef4444',
    typePrivate: true,
    note: 'Influenza until Friday',
  }),
  absence({
    id: 'trip',
    personId: 'grace',
    personName: 'Grace Hopper',
    typeLabel: 'Vacation',
    note: 'Hiking in Corsica',
  }),
  teamEvent({ id: 'visit', title: 'Client visit', location: 'Acme HQ, Lyon', description: 'Demo' }),
];

function feed(privacy: PrivacyLevel, viewer: CalendarInfo['viewer'] = ANONYMOUS_VIEWER) {
  const text = renderCalendar(calendarInfo({ privacy, viewer }), items);
  // Unfolded, so that a word split across a folded line is still found.
  return { text, unfolded: text.replace(/\r\n /g, '') };
}

describe('privacy levels of a feed', () => {
  it('on a standard link show names and types, but no private type and no note anywhere', () => {
    const { text, unfolded } = feed('standard');
    for (const secret of ['Sick leave', 'Influenza', 'Hiking', 'Corsica']) {
      expect(unfolded).not.toContain(secret);
    }
    for (const [parser, calendar] of readWithBothParsers(text)) {
      const sick = eventByUid(calendar, 'absence-sick@teamcal');
      expect([sick.summary, sick.categories, sick.description], parser).toEqual([
        'Ada Lovelace — Away',
        ['Away'],
        null,
      ]);
      expect(eventByUid(calendar, 'absence-trip@teamcal').summary, parser).toBe(
        'Grace Hopper — Vacation',
      );
    }
    expect(unfolded).toContain('COLOR:darkgray\r\n');
  });

  it('on a busy link show no names, types, notes or event details: only Away and Busy blocks', () => {
    const { text, unfolded } = feed('busy', { userId: 'ada', seesAllPrivateTypes: true });
    for (const secret of ['Ada', 'Lovelace', 'Grace', 'Hopper', 'Sick', 'Vacation']) {
      expect(unfolded).not.toContain(secret);
    }
    for (const secret of ['Influenza', 'Hiking', 'Client visit', 'Acme', 'Demo']) {
      expect(unfolded).not.toContain(secret);
    }
    for (const [parser, calendar] of readWithBothParsers(text)) {
      expect(calendar.events.map((event) => event.summary).sort(), parser).toEqual([
        'Away',
        'Away',
        'Busy',
      ]);
      expect(eventByUid(calendar, 'event-visit@teamcal').location, parser).toBeNull();
    }
  });

  it('on a full link show notes, but keep a private type and its note from outsiders', () => {
    const { text, unfolded } = feed('full');
    expect(unfolded).not.toContain('Sick leave');
    expect(unfolded).not.toContain('Influenza');
    for (const [parser, calendar] of readWithBothParsers(text)) {
      expect(eventByUid(calendar, 'absence-trip@teamcal').description, parser).toBe(
        'Hiking in Corsica',
      );
      expect(eventByUid(calendar, 'absence-sick@teamcal').summary, parser).toBe(
        'Ada Lovelace — Away',
      );
    }
  });

  it('on a full link show the person their own private absence with its note', () => {
    const { text } = feed('full', { userId: 'ada', seesAllPrivateTypes: false });
    for (const [parser, calendar] of readWithBothParsers(text)) {
      const sick = eventByUid(calendar, 'absence-sick@teamcal');
      expect([sick.summary, sick.categories, sick.description], parser).toEqual([
        'Ada Lovelace — Sick leave',
        ['Sick leave'],
        'Influenza until Friday',
      ]);
    }
  });

  it("on a manager's standard link show private types but still no notes", () => {
    const { text, unfolded } = feed('standard', { userId: 'boss', seesAllPrivateTypes: true });
    expect(unfolded).not.toContain('Influenza');
    for (const [parser, calendar] of readWithBothParsers(text)) {
      expect(eventByUid(calendar, 'absence-sick@teamcal').summary, parser).toBe(
        'Ada Lovelace — Sick leave',
      );
    }
  });
});
