'use client';

import { FieldError } from '@/app/_components/form-field';
import type { CalendarKind, CalendarOffers } from '@/lib/dal/calendars/source';

// What a link to a calendar can show, as the Subscribe dialog and the share panel ask it: the
// privacy level in words that fit the kind of calendar, and the parts that calendar has.

export interface TypeChoice {
  id: string;
  label: string;
}

/** What the browser needs to offer a calendar's choices. */
export interface CalendarChoices {
  kind: CalendarKind;
  offers: CalendarOffers;
  /** Absence types to choose from; empty when the calendar has no such choice. */
  types: TypeChoice[];
}

type Privacy = 'full' | 'standard' | 'busy';

const PRIVACY_HINTS: Record<CalendarKind, Record<Privacy, string>> = {
  team: {
    full: 'Names, types and notes.',
    standard: 'Names and types; private types such as sick leave show as “Away”; no notes.',
    busy: 'No names: “Away” blocks only.',
  },
  person: {
    full: 'Titles, locations and descriptions.',
    standard: 'Titles and locations, no descriptions — what a mileage app needs.',
    busy: '“Busy” blocks only: no titles, no locations.',
  },
  resource: {
    full: 'Titles, who booked and their notes.',
    standard: 'Titles of the bookings.',
    busy: '“Booked” blocks only.',
  },
};

const PRIVACY_LABELS: Record<Privacy, string> = {
  full: 'Full',
  standard: 'Standard',
  busy: 'Busy only',
};

export function privacyHint(kind: CalendarKind, privacy: Privacy): string {
  return PRIVACY_HINTS[kind][privacy];
}

export function PrivacyRadios({
  kind,
  fallback,
  legend = 'What it shows',
}: {
  kind: CalendarKind;
  fallback: Privacy;
  legend?: string;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      {(['full', 'standard', 'busy'] as const).map((privacy) => (
        <label key={privacy} className="mt-1 flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="privacy"
            value={privacy}
            defaultChecked={privacy === fallback}
            className="mt-1"
          />
          <span>
            <span className="font-medium">{PRIVACY_LABELS[privacy]}</span> —{' '}
            {privacyHint(kind, privacy)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The "public holidays" choice of a team calendar's link: off unless ticked. */
export function HolidaysChoice({ offers }: { offers: CalendarOffers }) {
  if (!offers.holidays) return null;
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name="includeHolidays" />
      {offers.holidays}, as all-day events
    </label>
  );
}

/**
 * The parts of the calendar a link includes: absence types, events, pending requests, public
 * holidays.
 */
export function ContentChoices({
  choices,
  idPrefix,
  typeError,
}: {
  choices: CalendarChoices;
  idPrefix: string;
  typeError?: string;
}) {
  const { offers, types } = choices;
  const errorId = `${idPrefix}-types-error`;
  return (
    <>
      {offers.absenceTypes && (
        <fieldset aria-describedby={typeError ? errorId : undefined}>
          <legend className="text-sm font-medium">Types of absence</legend>
          <div className="mt-1 grid grid-cols-2 gap-1">
            {types.map((type) => (
              <label key={type.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="absenceTypeIds" value={type.id} defaultChecked />
                {type.label}
              </label>
            ))}
          </div>
          <FieldError id={errorId} error={typeError} />
        </fieldset>
      )}
      {/* A calendar made only of its events always includes them. */}
      {!offers.events && <input type="hidden" name="includeTeamEvents" value="on" />}
      {(offers.events || offers.pending || offers.holidays) && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Also include</legend>
          {offers.events && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="includeTeamEvents" defaultChecked />
              {offers.events}
            </label>
          )}
          {offers.pending && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="includePending" />
              {offers.pending}, as tentative
            </label>
          )}
          <HolidaysChoice offers={offers} />
        </fieldset>
      )}
    </>
  );
}
