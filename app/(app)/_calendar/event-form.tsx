'use client';

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

const textareaClass =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-500';

export function EventForm(props: EventFormProps) {
  const { idPrefix, calendarId, timeZone, kind, event, state, formAction, pending, onClose } =
    props;
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
      aria-label={event ? `Edit ${event.title}` : `Add an ${kind.noun}`}
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
        label="Title"
        defaultValue={value('title')}
        maxLength={200}
        error={error('title')}
      />
      <fieldset aria-labelledby={legendId}>
        <legend id={legendId} className="text-sm font-medium">
          When <span className="font-normal text-slate-500">(in {timeZone})</span>
        </legend>
        <label className="mt-1 flex w-fit items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="allDay"
            checked={allDay}
            onChange={(e) => setAllDay(e.target.checked)}
          />
          All day
        </label>
        <div className="mt-2 grid gap-4 sm:grid-cols-2">
          <FormField
            id={id('startDate')}
            name="startDate"
            label="Start date"
            type="date"
            defaultValue={value('startDate')}
            error={error('startDate')}
          />
          {/* Disabled while all day, so no stale time is sent. */}
          <div hidden={allDay}>
            <FormField
              id={id('startTime')}
              name="startTime"
              label="Start time"
              type="time"
              defaultValue={value('startTime')}
              error={error('startTime')}
              disabled={allDay}
            />
          </div>
          <FormField
            id={id('endDate')}
            name="endDate"
            label="End date"
            type="date"
            defaultValue={value('endDate')}
            error={error('endDate')}
          />
          <div hidden={allDay}>
            <FormField
              id={id('endTime')}
              name="endTime"
              label="End time"
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
            Book a room <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <select
            id={id('resourceId')}
            name="resourceId"
            defaultValue={typed?.resourceId ?? ''}
            aria-invalid={error('resourceId') ? true : undefined}
            aria-describedby={error('resourceId') ? id('resourceId-error') : id('resourceId-hint')}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            <option value="">No room</option>
            {kind.rooms.map((room) => (
              <option key={room.id} value={room.id}>
                {room.name}
              </option>
            ))}
          </select>
          {error('resourceId') ? (
            <FieldError id={id('resourceId-error')} error={error('resourceId')} />
          ) : (
            <p id={id('resourceId-hint')} className="mt-1 text-xs text-slate-500">
              The room is booked for the event, and its address becomes the event’s location.
            </p>
          )}
        </div>
      )}
      <FormField
        id={id('location')}
        name="location"
        label={
          kind.noun === 'appointment'
            ? 'Address (optional; mileage apps read it)'
            : 'Location (optional)'
        }
        defaultValue={value('location')}
        maxLength={500}
        error={error('location')}
      />
      <div>
        <label htmlFor={id('description')} className="block text-sm font-medium">
          Description{' '}
          <span className="font-normal text-slate-500">(optional, up to 4000 characters)</span>
        </label>
        <textarea
          id={id('description')}
          name="description"
          rows={3}
          maxLength={4000}
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
          {pending ? 'Saving…' : event ? 'Save changes' : `Save ${kind.noun}`}
        </button>
        <button
          type="button"
          onClick={onClose}
          className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100"
        >
          Close
        </button>
      </div>
    </form>
  );
}
