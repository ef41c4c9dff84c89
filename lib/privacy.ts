// What a viewer may see of an absence or a team event. Pure rules, shared by the ICS feeds and the
// web pages (month grid), so that a feed never shows more than the page would.
//
// Two independent rules combine:
// - the privacy level of a feed link: `full` (names, types, notes), `standard` (names and types,
//   no notes; the default), `busy` (no names: "Away"/"Busy" blocks only);
// - the viewer rule for private types (health data such as sick leave): the real label is shown
//   only to the person themself, the managers of their team and admins. Everyone else sees
//   "Away" in a neutral colour and no note, even through a `full` link.

export const PRIVACY_LEVELS = ['full', 'standard', 'busy'] as const;
export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number];
export const DEFAULT_PRIVACY: PrivacyLevel = 'standard';

/** What a hidden absence type is called. */
export const AWAY_LABEL = 'Away';
/** What a team event or an appointment is called when its details are hidden. */
export const BUSY_LABEL = 'Busy';
/** What a booking is called when its details are hidden. */
export const BOOKED_LABEL = 'Booked';
/**
 * The words a presentation writes for what it hides, in the reader's language: feeds pass their
 * owner's (lib/ics/texts.ts); English by default.
 */
export interface HiddenWords {
  away: string;
  busy: string;
  booked: string;
  bookedBy: (name: string) => string;
}

export const ENGLISH_HIDDEN_WORDS: HiddenWords = {
  away: AWAY_LABEL,
  busy: BUSY_LABEL,
  booked: BOOKED_LABEL,
  bookedBy: (name) => `Booked by ${name}`,
};

/** Colour of a hidden absence type (Tailwind slate-400): says nothing about the type. */
export const NEUTRAL_COLOR = '#94a3b8';

/** Who is looking: a signed-in user, or nobody in particular (public link, guest share). */
export interface Viewer {
  /** The viewing user's id; null for public links and guest shares. */
  userId: string | null;
  /** True for admins and for the managers of the team whose calendar is shown. */
  seesAllPrivateTypes: boolean;
}

/** A viewer with no rights beyond the link itself: outsiders through public or guest links. */
export const ANONYMOUS_VIEWER: Viewer = { userId: null, seesAllPrivateTypes: false };

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
  /** The person's note: only under `full`, and never when the type is hidden. */
  note: string | null;
}

export function presentAbsence(
  facts: AbsenceFacts,
  words: HiddenWords = ENGLISH_HIDDEN_WORDS,
): AbsencePresentation {
  const typeHidden =
    facts.privacy === 'busy' || (facts.typePrivate && !facts.viewerMaySeePrivateType);
  const label = typeHidden ? words.away : facts.typeLabel;
  const personName = facts.privacy === 'busy' ? null : facts.personName;
  // A note on a hidden private type ("flu, back Monday") says what the label hides.
  const note = facts.privacy === 'full' && !typeHidden && facts.note ? facts.note : null;
  return {
    title: personName === null ? label : `${personName} — ${label}`,
    personName,
    label,
    color: typeHidden ? NEUTRAL_COLOR : facts.typeColor,
    typeHidden,
    note,
  };
}

export interface TeamEventFacts {
  title: string;
  description: string | null;
  location: string | null;
  privacy: PrivacyLevel;
}

export interface TeamEventPresentation {
  title: string;
  description: string | null;
  location: string | null;
}

/**
 * Team events carry no personal data, so `full` and `standard` show them whole (apps that compute
 * mileage read their location); `busy` reduces them to a "Busy" block like absences.
 */
export function presentTeamEvent(
  facts: TeamEventFacts,
  words: HiddenWords = ENGLISH_HIDDEN_WORDS,
): TeamEventPresentation {
  if (facts.privacy === 'busy') return { title: words.busy, description: null, location: null };
  return { title: facts.title, description: facts.description, location: facts.location };
}

/**
 * A person's appointments are personal: `full` shows everything, `standard` the title and the
 * location (what a mileage app reads) but not the description, `busy` a "Busy" block only.
 */
export function presentAppointment(
  facts: TeamEventFacts,
  words: HiddenWords = ENGLISH_HIDDEN_WORDS,
): TeamEventPresentation {
  if (facts.privacy === 'busy') return { title: words.busy, description: null, location: null };
  return {
    title: facts.title,
    description: facts.privacy === 'full' ? facts.description : null,
    location: facts.location,
  };
}

export interface BookingFacts {
  title: string;
  note: string | null;
  bookedByName: string;
  privacy: PrivacyLevel;
}

/**
 * A booking always sits at its resource's location; `full` adds who booked it and the note,
 * `standard` shows the title, `busy` only "Booked".
 */
export function presentBooking(
  facts: BookingFacts,
  words: HiddenWords = ENGLISH_HIDDEN_WORDS,
): { title: string; description: string | null } {
  if (facts.privacy === 'busy') return { title: words.booked, description: null };
  if (facts.privacy === 'standard') return { title: facts.title, description: null };
  const bookedBy = words.bookedBy(facts.bookedByName);
  return {
    title: facts.title,
    description: facts.note ? `${bookedBy}\n\n${facts.note}` : bookedBy,
  };
}
