import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/lib/auth';
import { auditFilterSchema } from '@/lib/admin-validation';
import { listAuditEvents, type AuditEventRow } from '@/lib/dal/admin-audit';
import { Pagination } from '../_components/pagination';
import {
  card,
  formatDateTime,
  input,
  primaryButton,
  secondaryButton,
  tableClass,
  td,
  th,
  theadClass,
} from '../_components/ui';

export const metadata: Metadata = { title: 'Audit log · Admin' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const field = `${input} py-1.5`;

/** What the event was about, linked when it is a person. */
function Target({ event }: { event: AuditEventRow }) {
  if (!event.targetType) return <span className="text-slate-500">—</span>;
  const id = event.targetId ?? '';
  if (event.targetType === 'user' && event.targetName)
    return (
      <Link href={`/admin/users/${id}`} className="text-brand-700 hover:underline">
        {event.targetName}
      </Link>
    );
  return (
    <span title={id}>
      {event.targetType} <span className="font-mono text-xs">{id.slice(0, 8)}</span>
    </span>
  );
}

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireAdmin();
  const filter = auditFilterSchema.parse(await searchParams);
  const events = await listAuditEvents(actor, filter);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        Every sign-in, change and revocation, newest first. The log is append-only: nobody, admins
        included, can change or delete an entry. Times and dates are UTC.
      </p>
      <section aria-label="Audit events" className={`${card} mt-6 overflow-hidden`}>
        <form
          role="search"
          aria-label="Filter audit events"
          className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-4"
        >
          <div>
            <label htmlFor="audit-action" className="block text-xs font-medium text-slate-600">
              Action starts with
            </label>
            <input
              id="audit-action"
              name="action"
              maxLength={60}
              placeholder="feed_token. or user.disabled"
              defaultValue={filter.action}
              className={field}
            />
          </div>
          <div>
            <label htmlFor="audit-actor" className="block text-xs font-medium text-slate-600">
              Actor
            </label>
            <input
              id="audit-actor"
              name="actor"
              type="search"
              maxLength={100}
              placeholder="Name or email"
              defaultValue={filter.actor}
              className={field}
            />
          </div>
          <div>
            <label htmlFor="audit-from" className="block text-xs font-medium text-slate-600">
              From
            </label>
            <input
              id="audit-from"
              name="from"
              type="date"
              defaultValue={filter.from}
              className={field}
            />
          </div>
          <div>
            <label htmlFor="audit-to" className="block text-xs font-medium text-slate-600">
              To
            </label>
            <input id="audit-to" name="to" type="date" defaultValue={filter.to} className={field} />
          </div>
          <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
            <button type="submit" className={primaryButton}>
              Apply
            </button>
            <Link href="/admin/audit" className={secondaryButton}>
              Clear
            </Link>
          </div>
        </form>
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={th}>
                  Time
                </th>
                <th scope="col" className={th}>
                  Action
                </th>
                <th scope="col" className={th}>
                  Actor
                </th>
                <th scope="col" className={th}>
                  Target
                </th>
                <th scope="col" className={th}>
                  Team
                </th>
                <th scope="col" className={th}>
                  From
                </th>
                <th scope="col" className={th}>
                  Details
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {events.rows.map((event) => (
                <tr key={event.id}>
                  <td className={`${td} whitespace-nowrap text-slate-600`}>
                    {formatDateTime(event.at)}
                  </td>
                  <td className={`${td} font-mono text-xs`}>{event.action}</td>
                  <td className={td}>
                    {event.actorId ? (
                      <Link
                        href={`/admin/users/${event.actorId}`}
                        className="text-brand-700 hover:underline"
                      >
                        {event.actorName}
                      </Link>
                    ) : (
                      <span className="text-slate-500">nobody signed in</span>
                    )}
                  </td>
                  <td className={td}>
                    <Target event={event} />
                  </td>
                  <td className={td}>{event.teamName ?? '—'}</td>
                  <td className={td}>
                    {event.ip ?? '—'}
                    {event.userAgent && (
                      <span
                        className="block max-w-48 truncate text-xs text-slate-500"
                        title={event.userAgent}
                      >
                        {event.userAgent}
                      </span>
                    )}
                  </td>
                  <td className={td}>
                    {event.details && (
                      <details className="max-w-64 text-xs text-slate-600">
                        <summary className="cursor-pointer truncate font-mono">
                          {JSON.stringify(event.details)}
                        </summary>
                        <pre className="mt-1 whitespace-pre-wrap break-all">
                          {JSON.stringify(event.details, null, 2)}
                        </pre>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination
          page={events}
          path="/admin/audit"
          params={{ ...filter, page: undefined }}
          noun={['event', 'events']}
        />
      </section>
    </>
  );
}
