'use client';

import { useTranslations } from 'next-intl';
import { FieldError } from '@/app/_components/form-field';
import type { CalendarKind, CalendarOffers } from '@/lib/dal/calendars/source';

// What a link to a calendar can show, as the Subscribe, Export and Share dialogs ask it: the
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

export type Privacy = 'full' | 'standard' | 'busy';

/** What a link shows now, to start a form from (editing a link's settings). */
export interface ChosenContent {
  /** Null: every type. */
  absenceTypeIds: string[] | null;
  includeTeamEvents: boolean;
  includePending: boolean;
  includeHolidays: boolean;
}

/** The privacy level's name and what it shows, in the reader's language (calendar.privacy). */
export function usePrivacyWords() {
  const t = useTranslations('calendar.privacy');
  return {
    label: (kind: CalendarKind, privacy: Privacy) => t(`${privacy}.${kind}.label`),
    hint: (kind: CalendarKind, privacy: Privacy) => t(`${privacy}.${kind}.hint`),
  };
}

export function PrivacyRadios({
  kind,
  fallback,
  legend,
}: {
  kind: CalendarKind;
  /** The level ticked at first. */
  fallback: Privacy;
  legend?: string;
}) {
  const t = useTranslations('calendar.choices');
  const words = usePrivacyWords();
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend ?? t('privacyLegend')}</legend>
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
            <span className="font-medium">{words.label(kind, privacy)}</span> —{' '}
            {words.hint(kind, privacy)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The "public holidays" choice of a team calendar's link: off unless ticked. */
export function HolidaysChoice({
  offers,
  defaultChecked = false,
}: {
  offers: CalendarOffers;
  defaultChecked?: boolean;
}) {
  const t = useTranslations('calendar.choices');
  if (!offers.holidays) return null;
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name="includeHolidays" defaultChecked={defaultChecked} />
      {t('holidays')}
    </label>
  );
}

/**
 * The parts of the calendar a link includes: absence types, events, pending requests, public
 * holidays; ticked as `initial` says, else every type and the events.
 */
export function ContentChoices({
  choices,
  idPrefix,
  typeError,
  initial,
}: {
  choices: CalendarChoices;
  idPrefix: string;
  typeError?: string;
  initial?: ChosenContent;
}) {
  const t = useTranslations('calendar.choices');
  const { offers, types, kind } = choices;
  const errorId = `${idPrefix}-types-error`;
  const typeTicked = (id: string) =>
    !initial || initial.absenceTypeIds === null || initial.absenceTypeIds.includes(id);
  return (
    <>
      {offers.absenceTypes && (
        <fieldset aria-describedby={typeError ? errorId : undefined}>
          <legend className="text-sm font-medium">{t('types')}</legend>
          <div className="mt-1 grid grid-cols-1 gap-1 sm:grid-cols-2">
            {types.map((type) => (
              <label key={type.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="absenceTypeIds"
                  value={type.id}
                  defaultChecked={typeTicked(type.id)}
                />
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
          <legend className="text-sm font-medium">{t('alsoInclude')}</legend>
          {offers.events && (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="includeTeamEvents"
                defaultChecked={initial?.includeTeamEvents ?? true}
              />
              {t('events')}
            </label>
          )}
          {offers.pending && (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="includePending"
                defaultChecked={initial?.includePending ?? false}
              />
              {kind === 'resource' ? t('pendingResource') : t('pendingTeam')}
            </label>
          )}
          <HolidaysChoice offers={offers} defaultChecked={initial?.includeHolidays ?? false} />
        </fieldset>
      )}
    </>
  );
}
