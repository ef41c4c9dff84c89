import { AWAY_LABEL, NEUTRAL_COLOR } from '@/lib/privacy';

/**
 * An absence type's label as the reader says it: a type hidden from the viewer comes from the
 * data-access layer as "Away" in the neutral colour, and is written in the reader's language.
 */
export function typeLabelOf(absence: { typeLabel: string; color: string }, away: string): string {
  return absence.typeLabel === AWAY_LABEL && absence.color === NEUTRAL_COLOR
    ? away
    : absence.typeLabel;
}
