import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireAdmin } from '@/lib/auth';
import { outboxMessageIdSchema } from '@/lib/admin-validation';
import { getOutboxMessage, REMOVED_SECRET } from '@/lib/dal/outbox';
import { orNotFound } from '@/app/_components/or-not-found';
import { card, formatDateTime } from '../../_components/ui';
import { MailStateBadge } from '../mail-state';
import { RetryForm } from './retry-form';

export const metadata: Metadata = { title: 'Message · Outbox · Admin' };

type Props = { params: Promise<{ id: string }> };

const LINK = /https?:\/\/[^\s<>"]+/g;

export default async function OutboxMessagePage({ params }: Props) {
  const actor = await requireAdmin();
  const parsed = outboxMessageIdSchema.safeParse({ messageId: (await params).id });
  if (!parsed.success) notFound();
  const message = await orNotFound(() => getOutboxMessage(actor, parsed.data.messageId));
  // A one-time link removed once the message was sent is no link any more.
  const links = [...new Set(message.textBody.match(LINK) ?? [])].filter(
    (link) => !link.includes(REMOVED_SECRET),
  );
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/outbox" className="text-brand-700 hover:underline">
          ← Outbox
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{message.subject}</h1>
      <dl className="mt-4 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="font-medium text-slate-600">To</dt>
        <dd>{message.recipient}</dd>
        <dt className="font-medium text-slate-600">About</dt>
        <dd className="font-mono text-xs leading-5">{message.kind}</dd>
        <dt className="font-medium text-slate-600">Created</dt>
        <dd>{formatDateTime(message.createdAt)} UTC</dd>
        <dt className="font-medium text-slate-600">State</dt>
        <dd>
          <MailStateBadge state={message.state} />{' '}
          {message.state === 'sent' && `on ${formatDateTime(message.sentAt)} UTC`}
          {message.state === 'queued' &&
            (message.attempts > 0
              ? `after ${message.attempts} failed attempt(s); next on ${formatDateTime(message.nextAttemptAt)} UTC`
              : 'to be sent in a moment')}
          {message.state === 'failed' && `after ${message.attempts} attempt(s)`}
        </dd>
        {message.lastResponse && (
          <>
            <dt className="font-medium text-slate-600">Mail server</dt>
            <dd className="font-mono text-xs leading-5">{message.lastResponse}</dd>
          </>
        )}
      </dl>
      {message.state === 'failed' && (
        <div className="mt-4">
          <RetryForm messageId={message.id} />
        </div>
      )}
      {links.length > 0 && (
        <section aria-labelledby="links-heading" className="mt-6">
          <h2 id="links-heading" className="font-semibold">
            Links in this message
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {links.map((link) => (
              <li key={link}>
                <a href={link} className="break-all text-brand-700 hover:underline">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <section aria-labelledby="html-heading" className={`${card} overflow-hidden`}>
          <h2 id="html-heading" className="border-b border-slate-200 px-4 py-2 font-semibold">
            HTML part
          </h2>
          {/* The message's own HTML, sandboxed: no scripts, no forms, no navigation of this page. */}
          <iframe
            title="HTML part of the message"
            sandbox=""
            srcDoc={message.htmlBody}
            className="h-[32rem] w-full bg-white"
          />
        </section>
        <section aria-labelledby="text-heading" className={`${card} overflow-hidden`}>
          <h2 id="text-heading" className="border-b border-slate-200 px-4 py-2 font-semibold">
            Text part
          </h2>
          <pre className="p-4 text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">
            {message.textBody}
          </pre>
        </section>
      </div>
    </>
  );
}
