'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { FieldError, FormField } from '@/app/_components/form-field';
import type { FormState } from '@/lib/action';
import type { CalendarEventDto } from '@/lib/dal/calendar-events';
import { newSubmissionKey } from '@/lib/submission-key';

export type EditableCalendarEvent = Pick<
  CalendarEventDto,
  | 'id'
  | 'title'
  | 'allDay'
  | 'startDate'
  | 'startTime'
  | 'endDate'
  | 'endTime'
  | 'location'
  | 'description'
  | 'sequence'
>;

/** What the calendar calls its events, and what it offers when adding one. */
export interface EventKind {
  /** 'event' for a team, 'appointment' for a person. */
  noun: 'event' | 'appointment';
  /** Rooms and other resources an added event may book (team events only). */
  rooms: Array<{ id: string; name: string }>;
}

interface EventFormProps {
  /** Unique on the page: several forms (add, and one per edited event) may be open at once. */
  idPrefix: string;
  calendarId: string;
  timeZone: string;
  kind: EventKind;
  /** The event being edited; absent when adding one. */
  event?: EditableCalendarEvent;
  state: FormState;
  formAction: (formData: FormData) => void;
  pending: boolean;
  onClose: () => void;
}

/** As lib/validation.ts's EVENT_DESCRIPTION_MAX_LENGTH (not imported: it is server code). */
const DESCRIPTION_MAX_LENGTH = 4000;

const textareaClass =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-500';

export function EventForm(props: EventFormProps) {
  const { idPrefix, calendarId, timeZone, kind, event, state, formAction, pending, onClose } =
    props;
  const t = useTranslations('calendar.events');
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  // After a refusal the form shows what was typed; otherwise the event as it is (or nothing).
  const typed = state.ok ? undefined : state.values;
  const value = (field: keyof EditableCalendarEvent & string) =>
    typed ? (typed[field] ?? '') : String(event?.[field] ?? '');
  // New each time the form is shown (it is remounted after every answer): a second submission
  // of the same form, from a double click or a retry, adds nothing.
  const [submissionKey] = useState(newSubmissionKey);
  const [allDay, setAllDay] = useState(typed ? typed.allDay === 'on' : (event?.allDay ?? false));
  const form = useRef<HTMLFormElement>(null);
  // On opening, the title takes the focus; after a refusal, the first field in error does.
  useEffect(() => {
    const target =
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.current?.querySelector<HTMLElement>('input[name="title"]');
    target?.focus();
  }, []);
  const id = (field: string) => `${idPrefix}-${field}`;
  const legendId = id('when');

  return (
    <form
      ref={form}
      action={formAction}
      noValidate
      className="space-y-4"
      aria-label={
        event ? t('editLabel', { title: event.title }) : t('addLabel', { noun: kind.noun })
      }
    >
      <input type="hidden" name="calendarId" value={calendarId} />
      {event ? (
        <input type="hidden" name="eventId" value={event.id} />
      ) : (
        <input type="hidden" name="submissionKey" value={submissionKey} />
      )}
      <div aria-live="polite">
        {!state.ok && (state.message ?? error('submissionKey')) && (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {state.message ?? error('submissionKey')}
          </p>
        )}
      </div>
      <FormField
        id={id('title')}
        name="title"
        label={t('title')}
        defaultValue={value('title')}
        maxLength={200}
        error={error('title')}
      />
      <fieldset aria-labelledby={legendId}>
        <legend id={legendId} className="text-sm font-medium">
          {t('when')}{' '}
          <span className="font-normal text-slate-600">{t('inZone', { zone: timeZone })}</span>
        </legend>
        <label className="mt-1 flex w-fit items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="allDay"
            checked={allDay}
            onChange={(e) => setAllDay(e.target.checked)}
          />
          {t('allDayField')}
        </label>
        <div className="mt-2 grid gap-4 sm:grid-cols-2">
          <FormField
            id={id('startDate')}
            name="startDate"
            label={t('startDate')}
            type="date"
            defaultValue={value('startDate')}
            error={error('startDate')}
          />
          {/* Disabled while all day, so no stale time is sent. */}
          <div hidden={allDay}>
            <FormField
              id={id('startTime')}
              name="startTime"
              label={t('startTime')}
              type="time"
              defaultValue={value('startTime')}
              error={error('startTime')}
              disabled={allDay}
            />
          </div>
          <FormField
            id={id('endDate')}
            name="endDate"
            label={t('endDate')}
            type="date"
            defaultValue={value('endDate')}
            error={error('endDate')}
          />
          <div hidden={allDay}>
            <FormField
              id={id('endTime')}
              name="endTime"
              label={t('endTime')}
              type="time"
              defaultValue={value('endTime')}
              error={error('endTime')}
              disabled={allDay}
            />
          </div>
        </div>
      </fieldset>
      {!event && kind.rooms.length > 0 && (
        <div>
          <label htmlFor={id('resourceId')} className="block text-sm font-medium">
            {t('bookRoom')} <span className="font-normal text-slate-600">{t('optional')}</span>
          </label>
          <select
            id={id('resourceId')}
            name="resourceId"
            defaultValue={typed?.resourceId ?? ''}
            aria-invalid={error('resourceId') ? true : undefined}
            aria-describedby={error('resourceId') ? id('resourceId-error') : id('resourceId-hint')}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            <option value="">{t('noRoom')}</option>
            {kind.rooms.map((room) => (
              <option key={room.id} value={room.id}>
                {room.name}
              </option>
            ))}
          </select>
          {error('resourceId') ? (
            <FieldError id={id('resourceId-error')} error={error('resourceId')} />
          ) : (
            <p id={id('resourceId-hint')} className="mt-1 text-xs text-slate-600">
              {t('roomHint')}
            </p>
          )}
        </div>
      )}
      <FormField
        id={id('location')}
        name="location"
        label={kind.noun === 'appointment' ? t('address') : t('locationField')}
        defaultValue={value('location')}
        maxLength={500}
        error={error('location')}
      />
      <div>
        <label htmlFor={id('description')} className="block text-sm font-medium">
          {t('description')}{' '}
          <span className="font-normal text-slate-600">
            {t('descriptionHint', { max: DESCRIPTION_MAX_LENGTH })}
          </span>
        </label>
        <textarea
          id={id('description')}
          name="description"
          rows={3}
          maxLength={DESCRIPTION_MAX_LENGTH}
          defaultValue={value('description')}
          aria-invalid={error('description') ? true : undefined}
          aria-describedby={error('description') ? id('description-error') : undefined}
          className={textareaClass}
        />
        <FieldError id={id('description-error')} error={error('description')} />
      </div>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? t('saving') : event ? t('saveChanges') : t('save', { noun: kind.noun })}
        </button>
        <button
          type="button"
          onClick={onClose}
          className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100"
        >
          {t('close')}
        </button>
      </div>
    </form>
  );
}
