'use client';

import { useTranslations } from 'next-intl';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import { ExportPanel } from './export-ics';
import type { CalendarChoices } from './feed-choices';
import { SharePanel, type SharedLinkSummary, type SharingPolicy } from './share-panel';
import { SubscribePanel, type SubscriptionSummary } from './subscribe-dialog';

interface CalendarMenuProps {
  /** `team/<slug>`, `person/me` or `resource/<slug>`: what the actions and the export act on. */
  calendarPath: string;
  calendarName: string;
  fileName: string;
  /** The reader's time zone, for the instants the dialogs show. */
  timeZone: string;
  /** Whether the reader may share the calendar: Export then shows full details by default. */
  canShare?: boolean;
  /** How long a new subscription link works. */
  personalLinkDays: number;
  subscription: SubscriptionSummary | null;
  choices: CalendarChoices;
  /** For those who may share the calendar only: its shared links and what the policy allows. */
  sharing: { links: SharedLinkSummary[]; policy: SharingPolicy } | null;
}

const FIELDS = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea';
const FOCUSABLE = `${FIELDS}, button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])`;

/**
 * A native modal dialog: focus stays inside, Escape closes it, the page behind is inert. On
 * opening, focus goes to its first field (else its first control); `onClose` returns it.
 */
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
  const t = useTranslations('calendar.dialog');
  const dialog = useRef<HTMLDialogElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const focusFirst = () => {
    let first =
      body.current?.querySelector<HTMLElement>(FIELDS) ??
      body.current?.querySelector<HTMLElement>(FOCUSABLE);
    // A radio group is entered on its ticked choice, as Tab enters it.
    if (first instanceof HTMLInputElement && first.type === 'radio')
      first =
        body.current?.querySelector<HTMLElement>(
          `input[type="radio"][name="${first.name}"]:checked`,
        ) ?? first;
    first?.focus();
  };
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      focusFirst();
    }
    if (!open && element.open) element.close();
    if (!open || !body.current) return;
    // Content swapped under the focus (the page's refresh after an action) leaves it on <body>:
    // it goes back to the dialog's first field rather than being lost.
    const observer = new MutationObserver(() => {
      if (element.open && (!document.activeElement || document.activeElement === document.body))
        focusFirst();
    });
    observer.observe(body.current, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      // whitespace-normal: its text wraps even where the page keeps its opener on one line.
      className="m-auto max-h-[calc(100dvh-1rem)] w-[calc(100vw-1rem)] max-w-3xl rounded-xl p-0 whitespace-normal shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-3 sm:px-6 sm:py-4">
        <h2 id={titleId} className="min-w-0 text-lg font-semibold break-words">
          {title}
        </h2>
        <button
          type="button"
          // Closed as Escape closes it: the dialog's close event calls onClose.
          onClick={() => dialog.current?.close()}
          aria-label={t('close')}
          className="shrink-0 rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100"
        >
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      {/* Rendered only while open, so an address shown once is gone after closing. */}
      <div
        ref={body}
        className="max-h-[calc(100dvh-6rem)] overflow-y-auto px-4 py-4 sm:px-6 sm:py-5"
      >
        {open && children}
      </div>
    </dialog>
  );
}

type DialogName = 'subscribe' | 'export' | 'share';

/**
 * A calendar's menu — a team's, a person's, a resource's —: Subscribe, Export ICS and, for those
 * who may share it, Share externally. A WAI-ARIA menu button: arrow keys, Home and End move
 * between its items, Escape and Tab close it, and so does a click elsewhere.
 */
export function CalendarMenu({
  calendarPath,
  calendarName,
  fileName,
  timeZone,
  canShare = false,
  personalLinkDays,
  subscription,
  choices,
  sharing,
}: CalendarMenuProps) {
  const t = useTranslations('calendar');
  const [menuOpen, setMenuOpen] = useState(false);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const buttonId = useId();
  // Which item takes the focus when the menu opens: the first, or the last (ArrowUp).
  const [focusOnOpen, setFocusOnOpen] = useState<'first' | 'last'>('first');

  const items = () =>
    Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!menuOpen) return;
    const list = items();
    (focusOnOpen === 'last' ? list.at(-1) : list[0])?.focus();
    const closeOutside = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [menuOpen, focusOnOpen]);

  const open = (where: 'first' | 'last') => {
    setFocusOnOpen(where);
    setMenuOpen(true);
  };
  const closeMenu = (returnFocus: boolean) => {
    setMenuOpen(false);
    if (returnFocus) menuButton.current?.focus();
  };

  const onButtonKeyDown = (event: ReactKeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      open(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  };
  const onMenuKeyDown = (event: ReactKeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(list.length - 1);
      case 'Escape':
        event.preventDefault();
        return closeMenu(true);
      case 'Tab':
        // Focus moves on as Tab does; the menu closes behind it.
        return closeMenu(false);
    }
  };

  const choose = (name: DialogName) => () => {
    setMenuOpen(false);
    setDialog(name);
  };
  const closeDialog = () => {
    setDialog(null);
    // Back to the control that opened the dialog (its menu item is hidden with the menu).
    menuButton.current?.focus();
  };

  const item =
    'block w-full px-4 py-2 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none';
  const menuItem = (name: DialogName, label: string, hint: string) => (
    <li role="none">
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        aria-describedby={`${menuId}-${name}-hint`}
        className={item}
        onClick={choose(name)}
      >
        {label}
        <span id={`${menuId}-${name}-hint`} className="block text-xs text-slate-600">
          {hint}
        </span>
      </button>
    </li>
  );
  return (
    <div ref={container} className="relative">
      <button
        ref={menuButton}
        id={buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        aria-controls={menuId}
        onClick={() => (menuOpen ? closeMenu(false) : open('first'))}
        onKeyDown={onButtonKeyDown}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
      >
        {t('menu.button')} <span aria-hidden="true">▾</span>
      </button>
      <ul
        ref={menu}
        id={menuId}
        role="menu"
        aria-labelledby={buttonId}
        hidden={!menuOpen}
        onKeyDown={onMenuKeyDown}
        className="absolute right-0 z-10 mt-1 w-60 max-w-[calc(100vw-2rem)] overflow-hidden rounded-md border border-slate-200 bg-white whitespace-normal shadow-lg"
      >
        {menuItem('subscribe', t('menu.subscribe'), t('menu.subscribeHint'))}
        {menuItem('export', t('menu.export'), t('menu.exportHint'))}
        {sharing && menuItem('share', t('menu.share'), t('menu.shareHint'))}
      </ul>
      <Modal
        open={dialog === 'subscribe'}
        title={t('dialog.subscribeTitle', { name: calendarName })}
        onClose={closeDialog}
      >
        <SubscribePanel
          calendarPath={calendarPath}
          subscription={subscription}
          choices={choices}
          timeZone={timeZone}
          personalLinkDays={personalLinkDays}
        />
      </Modal>
      <Modal
        open={dialog === 'export'}
        title={t('dialog.exportTitle', { name: calendarName })}
        onClose={closeDialog}
      >
        <ExportPanel
          calendarPath={calendarPath}
          fileName={fileName}
          choices={choices}
          fallbackPrivacy={canShare ? 'full' : 'standard'}
        />
      </Modal>
      {sharing && (
        <Modal
          open={dialog === 'share'}
          title={t('dialog.shareTitle', { name: calendarName })}
          onClose={closeDialog}
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
