import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth';
import { describeAuditEvent } from '@/lib/audit-text';
import { getAdminOverview } from '@/lib/dal/admin';
import { whenText } from './_components/dates';
import { ScrollTable } from './_components/scroll-table';

export default async function AdminPage() {
  const actor = await requireAdmin();
  const [overview, t, locale] = await Promise.all([
    getAdminOverview(actor),
    getTranslations('admin'),
    getLocale(),
  ]);
  const figures = [
    { label: t('overview.users'), value: overview.users },
    { label: t('overview.disabledUsers'), value: overview.disabledUsers },
    { label: t('overview.teams'), value: overview.teams },
    { label: t('overview.activeTokens'), value: overview.activeTokens },
  ];
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-1 text-sm text-slate-600">{t('overview.intro')}</p>
      <dl className="mt-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
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
          {t('overview.latest')}
        </h2>
        {overview.recentEvents.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-600">{t('overview.nothing')}</p>
        ) : (
          <ScrollTable>
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-5 py-2 font-medium">
                    {t('overview.time')}
                  </th>
                  <th scope="col" className="px-5 py-2 font-medium">
                    {t('overview.event')}
                  </th>
                  <th scope="col" className="px-5 py-2 font-medium">
                    {t('overview.actor')}
                  </th>
                  <th scope="col" className="px-5 py-2 font-medium">
                    {t('overview.ip')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {overview.recentEvents.map((event) => (
                  <tr key={event.id}>
                    <td className="px-5 py-2 whitespace-nowrap text-slate-600">
                      {whenText(event.at, locale, actor.timeZone)}
                    </td>
                    <td className="min-w-60 px-5 py-2">
                      {describeAuditEvent(event, locale).sentence}
                    </td>
                    <td className="px-5 py-2">{event.actorName ?? t('none')}</td>
                    <td className="px-5 py-2 text-slate-600">{event.ip ?? t('none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
        <p className="border-t border-slate-200 px-5 py-3 text-sm">
          <Link href="/admin/audit" className="text-brand-700 underline">
            {t('overview.seeAll')}
          </Link>
        </p>
      </section>
    </>
  );
}
