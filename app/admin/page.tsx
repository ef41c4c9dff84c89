import type { Metadata } from 'next';
import { requireAdmin } from '@/lib/auth';
import { describeAuditEvent } from '@/lib/audit-text';
import { getAdminOverview } from '@/lib/dal/admin';

export const metadata: Metadata = { title: 'Admin' };

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export default async function AdminPage() {
  const actor = await requireAdmin();
  const overview = await getAdminOverview(actor);
  const figures = [
    { label: 'Users', value: overview.users },
    { label: 'Disabled users', value: overview.disabledUsers },
    { label: 'Teams', value: overview.teams },
    { label: 'Active feed links', value: overview.activeTokens },
  ];
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
      <p className="mt-1 text-sm text-slate-600">
        The organisation at a glance and its latest security events.
      </p>
      <dl className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {figures.map((figure) => (
          <div
            key={figure.label}
            className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
          >
            <dt className="text-sm text-slate-600">{figure.label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{figure.value}</dd>
          </div>
        ))}
      </dl>
      <section
        aria-labelledby="audit-heading"
        className="mt-8 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
      >
        <h2 id="audit-heading" className="border-b border-slate-200 px-5 py-3 font-semibold">
          Latest audit events
        </h2>
        {overview.recentEvents.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-600">Nothing recorded yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium">
                  Time (UTC)
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  Event
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  Actor
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  Address
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {overview.recentEvents.map((event) => (
                <tr key={event.id}>
                  <td className="px-5 py-2 whitespace-nowrap text-slate-600">
                    {dateTime.format(event.at)}
                  </td>
                  <td className="px-5 py-2">{describeAuditEvent(event).sentence}</td>
                  <td className="px-5 py-2">{event.actorName ?? '—'}</td>
                  <td className="px-5 py-2 text-slate-600">{event.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
