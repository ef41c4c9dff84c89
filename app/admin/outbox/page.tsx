import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/lib/auth';
import { outboxFilterSchema } from '@/lib/admin-validation';
import { listOutbox } from '@/lib/dal/outbox';
import { isMailServerConfigured } from '@/lib/mail/transport';
import { hrefWith, Pagination } from '../_components/pagination';
import { card, formatDateTime, tableClass, td, th, theadClass } from '../_components/ui';
import { MAIL_STATE_LABELS, MailStateBadge } from './mail-state';

export const metadata: Metadata = { title: 'Outbox · Admin' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OutboxPage({ searchParams }: Props) {
  const actor = await requireAdmin();
  const filter = outboxFilterSchema.parse(await searchParams);
  const messages = await listOutbox(actor, filter);
  const params = { state: filter.state };
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Outbox</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        {isMailServerConfigured()
          ? 'Every message TeamCal sent or is sending through the mail server, newest first. A message the server refuses for a while is retried, then shown as failed with the server’s answer.'
          : 'No mail server is configured (SMTP_URL), so TeamCal keeps its messages here instead of sending them. Open one to read it and follow its links.'}{' '}
        Times are UTC.
      </p>
      <section aria-label="Messages" className={`${card} mt-6 overflow-hidden`}>
        <nav
          aria-label="Filter by state"
          className="flex flex-wrap gap-2 border-b border-slate-200 p-4 text-sm"
        >
          {([undefined, 'held', 'queued', 'sent', 'failed'] as const).map((state) => (
            <Link
              key={state ?? 'all'}
              href={hrefWith('/admin/outbox', {}, { state })}
              aria-current={filter.state === state ? 'page' : undefined}
              className={`rounded-full border px-3 py-1 ${filter.state === state ? 'border-brand-600 bg-brand-50 font-medium text-brand-800' : 'border-slate-300 text-slate-700 hover:bg-slate-100'}`}
            >
              {state ? MAIL_STATE_LABELS[state] : 'All'}
            </Link>
          ))}
        </nav>
        {messages.total === 0 ? (
          <p className="p-6 text-sm text-slate-600">
            No messages{filter.state ? ' in this state' : ' yet'}. Sharing a calendar with a guest,
            adding a person or a leave request writes one.
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className={tableClass}>
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className={th}>
                    Created
                  </th>
                  <th scope="col" className={th}>
                    To
                  </th>
                  <th scope="col" className={th}>
                    Subject
                  </th>
                  <th scope="col" className={th}>
                    State
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {messages.rows.map((message) => (
                  <tr key={message.id}>
                    <td className={`${td} whitespace-nowrap text-slate-600`}>
                      {formatDateTime(message.createdAt)}
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
          </div>
        )}
        <Pagination
          page={messages}
          path="/admin/outbox"
          params={params}
          noun={['message', 'messages']}
        />
      </section>
    </>
  );
}
