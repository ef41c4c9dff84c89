import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TIME_ZONES } from '@/lib/admin-validation';
import { requireAdmin } from '@/lib/auth';
import { getResourceForAdmin } from '@/lib/dal/resources';
import { teamSlugSchema } from '@/lib/validation';
import { orNotFound } from '@/app/_components/or-not-found';
import { card } from '../../_components/ui';
import { KIND_LABELS, resourceStatus } from '../resource-labels';
import { ResourceEnabledForm, ResourceSettingsForm } from './resource-forms';

export const metadata: Metadata = { title: 'Resource · Admin' };

type Props = { params: Promise<{ slug: string }> };

export default async function AdminResourcePage({ params }: Props) {
  const actor = await requireAdmin();
  // Resources' addresses have the teams' shape.
  const slug = teamSlugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const resource = await orNotFound(() => getResourceForAdmin(actor, slug.data));
  const status = resourceStatus(resource);
  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
          <Link href="/admin/resources" className="hover:text-slate-900">
            Resources
          </Link>{' '}
          / <span aria-current="page">{resource.name}</span>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">{resource.name}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          {KIND_LABELS[resource.kind]}
          <span className={`rounded-full px-2 py-0.5 text-xs ${status.style}`}>{status.label}</span>
          ·
          <Link href={`/resources/${resource.slug}`} className="text-brand-700 hover:underline">
            Resource page
          </Link>
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="settings-heading" className={`${card} p-5`}>
          <h2 id="settings-heading" className="mb-4 font-semibold">
            Settings
          </h2>
          <div className="max-w-xl">
            <ResourceSettingsForm
              resourceId={resource.id}
              slug={resource.slug}
              zones={TIME_ZONES}
              saved={{
                name: resource.name,
                kind: resource.kind,
                location: resource.location ?? '',
                capacity: resource.capacity?.toString() ?? '',
                description: resource.description ?? '',
                timeZone: resource.timeZone,
                bookingPolicy: resource.bookingPolicy,
                managerEmails: resource.managers.map((manager) => manager.email).join('\n'),
              }}
            />
          </div>
        </section>
        <div className="space-y-6">
          <section aria-labelledby="managers-heading" className={`${card} p-5`}>
            <h2 id="managers-heading" className="mb-3 font-semibold">
              Managers
            </h2>
            {resource.managers.length === 0 ? (
              <p className="text-sm text-slate-600">
                Nobody yet. Without a manager, requests held for confirmation wait for an admin.
              </p>
            ) : (
              <ul className="space-y-1 text-sm">
                {resource.managers.map((manager) => (
                  <li key={manager.id}>
                    <Link
                      href={`/admin/users/${manager.id}`}
                      className="text-brand-700 hover:underline"
                    >
                      {manager.name}
                    </Link>
                    <span className="block text-xs text-slate-500">{manager.email}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="status-heading" className={`${card} p-5`}>
            <h2 id="status-heading" className="mb-3 font-semibold">
              Status
            </h2>
            <p className="mb-3 text-sm text-slate-600">
              {resource.disabled
                ? 'Disabled: members cannot book it and its links do not work. Its history stays.'
                : 'Disabling it: no new bookings; its links stop working; its history stays.'}
            </p>
            <ResourceEnabledForm
              resourceId={resource.id}
              name={resource.name}
              disabled={resource.disabled}
            />
          </section>
        </div>
      </div>
    </div>
  );
}
