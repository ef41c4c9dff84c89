import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth';
import { outboxFilterSchema } from '@/lib/admin-validation';
import { listOutbox } from '@/lib/dal/outbox';
import { isMailServerConfigured } from '@/lib/mail/transport';
import { hrefWith, Pagination } from '../_components/pagination';
import { whenText } from '../_components/dates';
import { ScrollTable } from '../_components/scroll-table';
import { adminTitle } from '../_components/titles';
import { card, tableClass, td, th, theadClass } from '../_components/ui';
import { MailStateBadge } from './mail-state';

export const generateMetadata = () => adminTitle('outbox');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OutboxPage({ searchParams }: Props) {
  const actor = await requireAdmin();
  const filter = outboxFilterSchema.parse(await searchParams);
  const messages = await listOutbox(actor, filter);
  const params = { state: filter.state };
  const [t, locale] = await Promise.all([getTranslations('admin'), getLocale()]);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t('outbox.title')}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        {t(isMailServerConfigured() ? 'outbox.introSmtp' : 'outbox.introHeld')}{' '}
        {t('common.timesIn', { timeZone: actor.timeZone })}
      </p>
      <section aria-label={t('outbox.messages')} className={`${card} mt-6 overflow-hidden`}>
        <nav
          aria-label={t('outbox.filter')}
          className="flex flex-wrap gap-2 border-b border-slate-200 p-4 text-sm"
        >
          {([undefined, 'held', 'queued', 'sent', 'failed'] as const).map((state) => (
            <Link
              key={state ?? 'all'}
              href={hrefWith('/admin/outbox', {}, { state })}
              aria-current={filter.state === state ? 'page' : undefined}
              className={`rounded-full border px-3 py-1 ${filter.state === state ? 'border-brand-600 bg-brand-50 font-medium text-brand-800' : 'border-slate-300 text-slate-700 hover:bg-slate-100'}`}
            >
              {state ? t(`outbox.states.${state}`) : t('outbox.all')}
            </Link>
          ))}
        </nav>
        {messages.total === 0 ? (
          <p className="p-6 text-sm text-slate-600">
            {filter.state ? (
              <>
                {t('outbox.noneInState', { state: filter.state })}{' '}
                <Link href="/admin/outbox" className="text-brand-700 underline">
                  {t('outbox.showAll')}
                </Link>
              </>
            ) : (
              t.rich('outbox.noneYet', {
                link: (chunks) => (
                  <Link href="/admin/users" className="text-brand-700 underline">
                    {chunks}
                  </Link>
                ),
              })
            )}
          </p>
        ) : (
          <ScrollTable>
            <table className={tableClass}>
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className={th}>
                    {t('outbox.created')}
                  </th>
                  <th scope="col" className={th}>
                    {t('outbox.to')}
                  </th>
                  <th scope="col" className={th}>
                    {t('outbox.subject')}
                  </th>
                  <th scope="col" className={th}>
                    {t('outbox.state')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {messages.rows.map((message) => (
                  <tr key={message.id}>
                    <td className={`${td} whitespace-nowrap text-slate-600`}>
                      {whenText(message.createdAt, locale, actor.timeZone)}
                    </td>
                    <td className={`${td} text-slate-600`}>{message.recipient}</td>
                    <td className={td}>
                      <Link
                        href={`/admin/outbox/${message.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {message.subject}
                      </Link>
                    </td>
                    <td className={td}>
                      <MailStateBadge state={message.state} />
                      {message.state === 'failed' && message.lastResponse && (
                        <span className="mt-1 block text-xs text-red-800">
                          {message.lastResponse}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
        <Pagination page={messages} path="/admin/outbox" params={params} noun="messages" />
      </section>
    </>
  );
}
