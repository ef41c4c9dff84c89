import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { requireAdmin } from '@/lib/auth';
import { outboxMessageIdSchema } from '@/lib/admin-validation';
import { getOutboxMessage, REMOVED_SECRET } from '@/lib/dal/outbox';
import { orNotFound } from '@/app/_components/or-not-found';
import { whenText } from '../../_components/dates';
import { adminTitle } from '../../_components/titles';
import { card } from '../../_components/ui';
import { MailStateBadge } from '../mail-state';
import { RetryForm } from './retry-form';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  const title = await adminTitle('outbox');
  return { title: `${t('message.title')} · ${title.title as string}` };
}

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
  const [t, locale] = await Promise.all([getTranslations('admin.message'), getLocale()]);
  const when = (at: Date | null) => whenText(at, locale, actor.timeZone);
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/outbox" className="text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight break-words">{message.subject}</h1>
      <dl className="mt-4 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="font-medium text-slate-600">{t('to')}</dt>
        <dd className="min-w-0 break-all">{message.recipient}</dd>
        <dt className="font-medium text-slate-600">{t('about')}</dt>
        <dd className="font-mono text-xs leading-5">{message.kind}</dd>
        <dt className="font-medium text-slate-600">{t('created')}</dt>
        <dd>{when(message.createdAt)}</dd>
        <dt className="font-medium text-slate-600">{t('state')}</dt>
        <dd>
          <MailStateBadge state={message.state} />{' '}
          {message.state === 'sent' && t('sentOn', { date: when(message.sentAt) })}
          {message.state === 'queued' &&
            (message.attempts > 0
              ? t('queuedAfter', { count: message.attempts, date: when(message.nextAttemptAt) })
              : t('queuedSoon'))}
          {message.state === 'failed' && t('failedAfter', { count: message.attempts })}
        </dd>
        {message.lastResponse && (
          <>
            <dt className="font-medium text-slate-600">{t('server')}</dt>
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
            {t('links')}
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
            {t('html')}
          </h2>
          {/* The message's own HTML, sandboxed: no scripts, no forms, no navigation of this page. */}
          <iframe
            title={t('htmlFrame')}
            sandbox=""
            srcDoc={message.htmlBody}
            className="h-[32rem] w-full bg-white"
          />
        </section>
        <section aria-labelledby="text-heading" className={`${card} overflow-hidden`}>
          <h2 id="text-heading" className="border-b border-slate-200 px-4 py-2 font-semibold">
            {t('text')}
          </h2>
          <pre className="p-4 text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">
            {message.textBody}
          </pre>
        </section>
      </div>
    </>
  );
}
