import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TIME_ZONES } from '@/lib/admin-validation';
import { requireAdmin } from '@/lib/auth';
import { listResourcesForAdmin } from '@/lib/dal/resources';
import { ScrollTable } from '../_components/scroll-table';
import { adminTitle } from '../_components/titles';
import { card, tableClass, td, th, theadClass } from '../_components/ui';
import { CreateResourceForm } from './create-resource-form';
import { resourceStatus } from './resource-labels';

export const generateMetadata = () => adminTitle('resources');

export default async function AdminResourcesPage() {
  const actor = await requireAdmin();
  const [resources, t] = await Promise.all([
    listResourcesForAdmin(actor),
    getTranslations('admin'),
  ]);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t('resources.title')}</h1>
      <p className="mt-1 text-sm text-slate-600">{t('resources.intro')}</p>
      <div className="mt-6 grid gap-8 *:min-w-0 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="resources-heading" className={`${card} h-fit overflow-hidden`}>
          <h2 id="resources-heading" className="border-b border-slate-200 px-4 py-3 font-semibold">
            {t('resources.all')}
          </h2>
          {resources.length === 0 ? (
            <p className="px-4 py-4 text-sm text-slate-600">{t('resources.empty')}</p>
          ) : (
            <ScrollTable>
              <table className={tableClass}>
                <thead className={theadClass}>
                  <tr>
                    <th scope="col" className={th}>
                      {t('resources.resource')}
                    </th>
                    <th scope="col" className={th}>
                      {t('resources.kind')}
                    </th>
                    <th scope="col" className={th}>
                      {t('resources.location')}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t('resources.capacity')}
                    </th>
                    <th scope="col" className={th}>
                      {t('resources.bookings')}
                    </th>
                    <th scope="col" className={th}>
                      {t('common.status')}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {resources.map((resource) => (
                    <tr key={resource.id}>
                      <td className={td}>
                        <Link
                          href={`/admin/resources/${resource.slug}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {resource.name}
                        </Link>
                        <span className="block text-xs whitespace-nowrap text-slate-600">
                          /resources/{resource.slug}
                        </span>
                      </td>
                      <td className={td}>{t(`resources.kinds.${resource.kind}`)}</td>
                      <td className={td}>{resource.location ?? '—'}</td>
                      <td className={`${td} text-right tabular-nums`}>
                        {resource.capacity ?? '—'}
                      </td>
                      <td className={td}>{t(`resources.policies.${resource.bookingPolicy}`)}</td>
                      <td className={td}>
                        <span
                          className={`rounded-full px-2 py-0.5 text-xs ${resourceStatus(resource).style}`}
                        >
                          {t(`resources.status.${resourceStatus(resource).key}`)}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
        </section>
        <section aria-labelledby="create-heading" className={`${card} h-fit p-5`}>
          <h2 id="create-heading" className="mb-4 font-semibold">
            {t('resources.new')}
          </h2>
          <CreateResourceForm zones={TIME_ZONES} />
        </section>
      </div>
    </>
  );
}
