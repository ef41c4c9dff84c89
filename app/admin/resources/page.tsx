import type { Metadata } from 'next';
import Link from 'next/link';
import { TIME_ZONES } from '@/lib/admin-validation';
import { requireAdmin } from '@/lib/auth';
import { listResourcesForAdmin } from '@/lib/dal/resources';
import { card, tableClass, td, th, theadClass } from '../_components/ui';
import { CreateResourceForm } from './create-resource-form';
import { KIND_LABELS, POLICY_LABELS, resourceStatus } from './resource-labels';

export const metadata: Metadata = { title: 'Resources · Admin' };

export default async function AdminResourcesPage() {
  const actor = await requireAdmin();
  const resources = await listResourcesForAdmin(actor);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Resources</h1>
      <p className="mt-1 text-sm text-slate-600">
        Rooms, equipment and vehicles that members book. Open one to change it, name its managers or
        disable it.
      </p>
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="resources-heading" className={`${card} h-fit overflow-hidden`}>
          <h2 id="resources-heading" className="border-b border-slate-200 px-4 py-3 font-semibold">
            All resources
          </h2>
          {resources.length === 0 ? (
            <p className="px-4 py-4 text-sm text-slate-600">
              No resources yet. Create the first room, piece of equipment or vehicle with the form.
            </p>
          ) : (
            <div className="overflow-x-auto">
              <table className={tableClass}>
                <thead className={theadClass}>
                  <tr>
                    <th scope="col" className={th}>
                      Resource
                    </th>
                    <th scope="col" className={th}>
                      Kind
                    </th>
                    <th scope="col" className={th}>
                      Location
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      Capacity
                    </th>
                    <th scope="col" className={th}>
                      Bookings
                    </th>
                    <th scope="col" className={th}>
                      Status
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
                        <span className="block text-xs whitespace-nowrap text-slate-500">
                          /resources/{resource.slug}
                        </span>
                      </td>
                      <td className={td}>{KIND_LABELS[resource.kind]}</td>
                      <td className={td}>{resource.location ?? '—'}</td>
                      <td className={`${td} text-right tabular-nums`}>
                        {resource.capacity ?? '—'}
                      </td>
                      <td className={td}>{POLICY_LABELS[resource.bookingPolicy]}</td>
                      <td className={td}>
                        <span
                          className={`rounded-full px-2 py-0.5 text-xs ${resourceStatus(resource).style}`}
                        >
                          {resourceStatus(resource).label}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="create-heading" className={`${card} h-fit p-5`}>
          <h2 id="create-heading" className="mb-4 font-semibold">
            New resource
          </h2>
          <CreateResourceForm zones={TIME_ZONES} />
        </section>
      </div>
    </>
  );
}
