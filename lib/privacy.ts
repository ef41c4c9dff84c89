// What a viewer may see of an absence. Pure rules, shared by the ICS feeds and the team page, so
// that a feed never shows more than the page would. Team events carry no personal data and show
// whole everywhere (apps that read public links need their location).
//
// Two independent rules combine:
// - the privacy level of a feed link: `full` (names, types, notes), `standard` (names and types,
//   no notes; the default), `busy` (no names: "Away" blocks only);
// - the viewer rule for private types (health data such as sick leave): the real label is shown
//   only to the person themself, the managers of their team and admins. Everyone else sees
//   "Away" in a neutral colour, even through a `full` link.

export type PrivacyLevel = 'full' | 'standard' | 'busy';

/** What a hidden absence type is called. */
export const AWAY_LABEL = 'Away';
/** Colour of a hidden absence type (Tailwind slate-400): says nothing about the type. */
export const NEUTRAL_COLOR = '#94a3b8';

/** Who is looking: a signed-in user, or nobody in particular (public link, guest share). */
export interface Viewer {
  /** The viewing user's id; null for public links and guest shares. */
  userId: string | null;
  /** True for admins and for the managers of the team whose calendar is shown. */
  seesAllPrivateTypes: boolean;
}

/** Whether `viewer` may see the real label of a private type on `personId`'s absence. */
export function maySeePrivateType(viewer: Viewer, personId: string): boolean {
  return viewer.seesAllPrivateTypes || (viewer.userId !== null && viewer.userId === personId);
}

export interface AbsenceFacts {
  personName: string;
  typeLabel: string;
  typeColor: string;
  typePrivate: boolean;
  note: string | null;
  /** From {@link maySeePrivateType}: the person themself, a manager of their team, an admin. */
  viewerMaySeePrivateType: boolean;
  privacy: PrivacyLevel;
}

export interface AbsencePresentation {
  /** One line for a calendar cell or an event summary: "Ada Lovelace — Vacation", or "Away". */
  title: string;
  /** Null when names are hidden (`busy`). */
  personName: string | null;
  /** The type's label, or {@link AWAY_LABEL} when the type is hidden. */
  label: string;
  /** The type's colour, or {@link NEUTRAL_COLOR} when the type is hidden. */
  color: string;
  /** Whether the real type is hidden from this viewer. */
  typeHidden: boolean;
  /** The person's note, only under `full`. */
  note: string | null;
}

export function presentAbsence(facts: AbsenceFacts): AbsencePresentation {
  const typeHidden =
    facts.privacy === 'busy' || (facts.typePrivate && !facts.viewerMaySeePrivateType);
  const label = typeHidden ? AWAY_LABEL : facts.typeLabel;
  const personName = facts.privacy === 'busy' ? null : facts.personName;
  const note = facts.privacy === 'full' && facts.note ? facts.note : null;
  return {
    title: personName === null ? label : `${personName} — ${label}`,
    personName,
    label,
    color: typeHidden ? NEUTRAL_COLOR : facts.typeColor,
    typeHidden,
    note,
  };
}
