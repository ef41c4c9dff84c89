'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId, useRef, useState } from 'react';
import type { FormState } from '@/lib/action';
import { createEventAction, updateEventAction } from './event-actions';
import { EventForm, type EditableCalendarEvent, type EventKind } from './event-form';

interface EventEditorProps {
  calendarId: string;
  timeZone: string;
  kind: EventKind;
  /** The event to edit; absent for the "Add event" button. */
  event?: EditableCalendarEvent;
  /** Where the opened form goes in the parent's layout. */
  panelClassName?: string;
}

const toggleClass =
  'rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 aria-expanded:bg-slate-100';
const addClass =
  'rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700 aria-expanded:bg-brand-700';

/** A button that opens the event form in place, and closes it once the event is saved. */
export function EventEditor({
  calendarId,
  timeZone,
  kind,
  event,
  panelClassName,
}: EventEditorProps) {
  const t = useTranslations('calendar.events');
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    async (previous, formData) => {
      const action = event ? updateEventAction : createEventAction;
      const next = await action(previous, formData);
      if (next.ok) close();
      return next;
    },
    {},
  );
  // A fresh form after each answer: with what was typed after a refusal, the saved event otherwise.
  const formKey = `${event?.sequence ?? ''}:${JSON.stringify(state.values ?? {})}:${state.ok ?? ''}`;
  return (
    <>
      <span className="flex items-center gap-2">
        <span aria-live="polite" className="text-xs text-green-700">
          {state.ok && !open ? state.message : null}
        </span>
        <button
          ref={toggle}
          type="button"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          aria-label={event ? t('editLabel', { title: event.title }) : undefined}
          onClick={() => (open ? close() : setOpen(true))}
          className={event ? toggleClass : addClass}
        >
          {event ? t('edit') : t('add', { noun: kind.noun })}
        </button>
      </span>
      {open && (
        <div id={panelId} className={panelClassName}>
          <EventForm
            key={formKey}
            idPrefix={event ? `event-${event.id}` : 'new-event'}
            calendarId={calendarId}
            timeZone={timeZone}
            kind={kind}
            event={event}
            state={state}
            formAction={formAction}
            pending={pending}
            onClose={close}
          />
        </div>
      )}
    </>
  );
}
