import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS_VIEWER,
  AWAY_LABEL,
  maySeePrivateType,
  NEUTRAL_COLOR,
  presentAbsence,
  presentTeamEvent,
  type AbsenceFacts,
} from '@/lib/privacy';

const sickLeave = (overrides: Partial<AbsenceFacts> = {}): AbsenceFacts => ({
  personName: 'Ada Lovelace',
  typeLabel: 'Sick leave',
  typeColor: '#ef4444',
  typePrivate: true,
  note: 'Flu, back on Monday',
  viewerMaySeePrivateType: false,
  privacy: 'full',
  ...overrides,
});

describe('what a viewer sees of an absence', () => {
  it('shows a private type as "Away" in a neutral colour, without its note, even on a full link', () => {
    expect(presentAbsence(sickLeave())).toEqual({
      title: 'Ada Lovelace — Away',
      personName: 'Ada Lovelace',
      label: AWAY_LABEL,
      color: NEUTRAL_COLOR,
      typeHidden: true,
      note: null,
    });
  });

  it('shows a private type and its note to the person, their managers and admins on a full link', () => {
    expect(presentAbsence(sickLeave({ viewerMaySeePrivateType: true }))).toEqual({
      title: 'Ada Lovelace — Sick leave',
      personName: 'Ada Lovelace',
      label: 'Sick leave',
      color: '#ef4444',
      typeHidden: false,
      note: 'Flu, back on Monday',
    });
  });

  it('shows names and types but never notes on a standard link', () => {
    const vacation = presentAbsence(
      sickLeave({ typeLabel: 'Vacation', typePrivate: false, privacy: 'standard' }),
    );
    expect([vacation.title, vacation.note]).toEqual(['Ada Lovelace — Vacation', null]);
    const ownSickLeave = presentAbsence(
      sickLeave({ privacy: 'standard', viewerMaySeePrivateType: true }),
    );
    expect([ownSickLeave.title, ownSickLeave.note]).toEqual(['Ada Lovelace — Sick leave', null]);
  });

  it('shows only an "Away" block on a busy link, whoever looks', () => {
    const shown = presentAbsence(
      sickLeave({ typePrivate: false, viewerMaySeePrivateType: true, privacy: 'busy' }),
    );
    expect(shown).toEqual({
      title: AWAY_LABEL,
      personName: null,
      label: AWAY_LABEL,
      color: NEUTRAL_COLOR,
      typeHidden: true,
      note: null,
    });
  });

  it('lets the person themself and managers or admins see private types, and nobody else', () => {
    expect(maySeePrivateType({ userId: 'ada', seesAllPrivateTypes: false }, 'ada')).toBe(true);
    expect(maySeePrivateType({ userId: 'bob', seesAllPrivateTypes: true }, 'ada')).toBe(true);
    expect(maySeePrivateType({ userId: 'bob', seesAllPrivateTypes: false }, 'ada')).toBe(false);
    expect(maySeePrivateType(ANONYMOUS_VIEWER, 'ada')).toBe(false);
  });
});

describe('what a viewer sees of a team event', () => {
  const offsite = {
    title: 'Offsite',
    description: 'Agenda attached',
    location: 'Lyon, France',
  };

  it('shows everything on full and standard links', () => {
    for (const privacy of ['full', 'standard'] as const) {
      expect(presentTeamEvent({ ...offsite, privacy })).toEqual(offsite);
    }
  });

  it('shows a "Busy" block without details on a busy link', () => {
    expect(presentTeamEvent({ ...offsite, privacy: 'busy' })).toEqual({
      title: 'Busy',
      description: null,
      location: null,
    });
  });
});
