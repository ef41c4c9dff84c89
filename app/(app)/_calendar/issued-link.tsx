'use client';

import { useState } from 'react';
import { formatDate } from '@/lib/i18n/format';
import type { IssuedLink as IssuedLinkData } from './subscription-actions';

const linkButton =
  'inline-flex items-center rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100';

/** A feed address shown once, with every way to add it to a calendar client. */
export function IssuedLink({
  link,
  audience = 'personal',
}: {
  link: IssuedLinkData;
  /** A personal subscription, or a public link meant to be handed out. */
  audience?: 'personal' | 'public';
}) {
  const expiry = link.expiresAt
    ? `It expires on ${formatDate(link.expiresAt.slice(0, 10))}.`
    : 'It never expires: revoke it when it is no longer needed.';
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(link.feedUrl);
    setCopied(true);
  };
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="feed-url" className="block text-sm font-medium">
          Your calendar address
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="feed-url"
            readOnly
            value={link.feedUrl}
            onFocus={(event) => event.currentTarget.select()}
            className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
          />
          <button type="button" onClick={copy} className={linkButton}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
        <p className="mt-1 text-xs text-amber-800">
          Shown only now: copy it before closing.{' '}
          {audience === 'personal'
            ? 'Anyone with this address can read the calendar as you see it, so keep it to yourself.'
            : 'Anyone who obtains this address can read the calendar, with no password.'}{' '}
          {expiry}
        </p>
        <p role="status" className="sr-only">
          {copied ? 'Address copied to the clipboard.' : ''}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <a href={link.webcal} className={linkButton}>
          Open in my calendar app (webcal)
        </a>
        <a href={link.google} target="_blank" rel="noreferrer noopener" className={linkButton}>
          Add to Google Calendar
        </a>
        <a href={link.outlook} target="_blank" rel="noreferrer noopener" className={linkButton}>
          Add to Outlook.com
        </a>
        <a href={link.outlookWork} target="_blank" rel="noreferrer noopener" className={linkButton}>
          Add to Outlook (work or school)
        </a>
      </div>
      <div className="grid gap-4 sm:grid-cols-[9rem_1fr]">
        <figure>
          <div
            className="w-36 rounded border border-slate-200 bg-white p-1"
            // The SVG comes from the qrcode library on the server, from our own URL only.
            dangerouslySetInnerHTML={{ __html: link.qrSvg }}
            role="img"
            aria-label="QR code of the calendar address, to scan with a phone"
          />
          <figcaption className="mt-1 text-xs text-slate-600">Scan with a phone</figcaption>
        </figure>
        <dl className="space-y-2 text-sm">
          <div>
            <dt className="font-medium">Outlook</dt>
            <dd className="text-slate-600">
              Add calendar → Subscribe from web (or From Internet), paste the address. Outlook
              refreshes as often as the feed asks (every hour).
            </dd>
          </div>
          <div>
            <dt className="font-medium">Google Calendar</dt>
            <dd className="text-slate-600">
              Other calendars → + → From URL, paste the address. Google refreshes subscriptions only
              every 8 to 24 hours.
            </dd>
          </div>
          <div>
            <dt className="font-medium">Apple Calendar</dt>
            <dd className="text-slate-600">
              File → New Calendar Subscription (on iPhone: Settings → Calendar → Accounts → Add
              Subscribed Calendar), paste the address.
            </dd>
          </div>
          <div>
            <dt className="font-medium">Thunderbird</dt>
            <dd className="text-slate-600">
              New Calendar → On the Network, paste the address; it is found as iCalendar (ICS).
            </dd>
          </div>
        </dl>
      </div>
    </div>
  );
}
