'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ExportProgress, useIcsExport } from './export-ics';
import type { CalendarChoices } from './feed-choices';
import { SharePanel, type SharedLinkSummary, type SharingPolicy } from './share-panel';
import { SubscribePanel, type SubscriptionSummary } from './subscribe-dialog';

interface CalendarMenuProps {
  /** `team/<slug>`, `person/me` or `resource/<slug>`: what the actions and the export act on. */
  calendarPath: string;
  calendarName: string;
  fileName: string;
  subscription: SubscriptionSummary | null;
  choices: CalendarChoices;
  /** For those who may share the calendar only: its shared links and what the policy allows. */
  sharing: { links: SharedLinkSummary[]; policy: SharingPolicy } | null;
}

/** A native modal dialog: focus stays inside, Escape closes it, the page behind is inert. */
function Modal({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-3xl rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-6 py-4">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close"
          className="rounded-md px-2 py-1 text-slate-500 hover:bg-slate-100"
        >
          ✕
        </button>
      </div>
      {/* Rendered only while open, so an address shown once is gone after closing. */}
      <div className="max-h-[75vh] overflow-y-auto px-6 py-5">{open && children}</div>
    </dialog>
  );
}

/**
 * A calendar's menu — a team's, a person's, a resource's —: Subscribe, Export ICS and, for those
 * who may share it, Share externally.
 */
export function CalendarMenu({
  calendarPath,
  calendarName,
  fileName,
  subscription,
  choices,
  sharing,
}: CalendarMenuProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [dialog, setDialog] = useState<'subscribe' | 'share' | null>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const exporter = useIcsExport(calendarPath, fileName);

  useEffect(() => {
    if (!menuOpen) return;
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setMenuOpen(false);
        menuButton.current?.focus();
      }
    };
    document.addEventListener('keydown', close);
    return () => document.removeEventListener('keydown', close);
  }, [menuOpen]);

  const choose = (next: () => void) => () => {
    setMenuOpen(false);
    next();
  };
  const item =
    'block w-full px-4 py-2 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none';
  return (
    <div className="relative">
      <button
        ref={menuButton}
        type="button"
        aria-expanded={menuOpen}
        aria-controls={menuId}
        onClick={() => setMenuOpen((open) => !open)}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
      >
        Calendar <span aria-hidden="true">▾</span>
      </button>
      <div
        id={menuId}
        hidden={!menuOpen}
        className="absolute right-0 z-10 mt-1 w-60 overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg"
      >
        <button type="button" className={item} onClick={choose(() => setDialog('subscribe'))}>
          Subscribe…
          <span className="block text-xs text-slate-500">Keep it in your calendar app</span>
        </button>
        <button type="button" className={item} onClick={choose(() => void exporter.start())}>
          Export ICS
          <span className="block text-xs text-slate-500">Download a one-off .ics file</span>
        </button>
        {sharing && (
          <button type="button" className={item} onClick={choose(() => setDialog('share'))}>
            Share externally…
            <span className="block text-xs text-slate-500">Public link or guest password</span>
          </button>
        )}
      </div>
      <ExportProgress state={exporter.state} />
      <Modal
        open={dialog === 'subscribe'}
        title={`Subscribe to ${calendarName}`}
        onClose={() => setDialog(null)}
      >
        <SubscribePanel calendarPath={calendarPath} subscription={subscription} choices={choices} />
      </Modal>
      {sharing && (
        <Modal
          open={dialog === 'share'}
          title={`Share ${calendarName} outside TeamCal`}
          onClose={() => setDialog(null)}
        >
          <SharePanel
            calendarPath={calendarPath}
            links={sharing.links}
            choices={choices}
            policy={sharing.policy}
          />
        </Modal>
      )}
    </div>
  );
}
