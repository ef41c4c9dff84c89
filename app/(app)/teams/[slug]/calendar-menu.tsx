'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { ExportProgress, useIcsExport } from './export-ics';
import { SubscribePanel, type SubscriptionSummary, type TypeChoice } from './subscribe-dialog';

interface CalendarMenuProps {
  slug: string;
  teamName: string;
  subscription: SubscriptionSummary | null;
  types: TypeChoice[];
}

/** The team's Calendar menu: Subscribe (a dialog) and Export ICS (a download with progress). */
export function CalendarMenu({ slug, teamName, subscription, types }: CalendarMenuProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  // Each opening starts afresh, so an address shown once is gone once the dialog closes.
  const [opening, setOpening] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const exporter = useIcsExport(slug);

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

  const openSubscribe = () => {
    setMenuOpen(false);
    setOpening((n) => n + 1);
    dialog.current?.showModal();
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
        className="absolute right-0 z-10 mt-1 w-56 overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg"
      >
        <button type="button" className={item} onClick={openSubscribe}>
          Subscribe…
          <span className="block text-xs text-slate-500">Keep it in your calendar app</span>
        </button>
        <button
          type="button"
          className={item}
          onClick={() => {
            setMenuOpen(false);
            void exporter.start();
          }}
        >
          Export ICS
          <span className="block text-xs text-slate-500">Download a one-off .ics file</span>
        </button>
      </div>
      <ExportProgress state={exporter.state} />
      <dialog
        ref={dialog}
        aria-labelledby={`${menuId}-title`}
        className="m-auto w-full max-w-2xl rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
        onClose={() => setOpening((n) => n + 1)}
      >
        <div className="flex items-center justify-between border-b border-slate-200 px-6 py-4">
          <h2 id={`${menuId}-title`} className="text-lg font-semibold">
            Subscribe to {teamName}
          </h2>
          <form method="dialog">
            <button
              type="submit"
              aria-label="Close"
              className="rounded-md px-2 py-1 text-slate-500 hover:bg-slate-100"
            >
              ✕
            </button>
          </form>
        </div>
        <div className="max-h-[75vh] overflow-y-auto px-6 py-5">
          <SubscribePanel key={opening} slug={slug} subscription={subscription} types={types} />
        </div>
      </dialog>
    </div>
  );
}
