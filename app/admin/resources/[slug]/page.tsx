import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { TIME_ZONES } from '@/lib/admin-validation';
import { requireAdmin } from '@/lib/auth';
import { getResourceForAdmin } from '@/lib/dal/resources';
import { teamSlugSchema } from '@/lib/validation';
import { orNotFound } from '@/app/_components/or-not-found';
import { adminTitle } from '../../_components/titles';
import { card } from '../../_components/ui';
import { resourceStatus } from '../resource-labels';
import { ResourceEnabledForm, ResourceSettingsForm } from './resource-forms';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireAdmin();
  const slug = teamSlugSchema.safeParse((await params).slug);
  const resource = slug.success
    ? await getResourceForAdmin(actor, slug.data).catch(() => null)
    : null;
  return adminTitle('resource', resource?.name);
}

export default async function AdminResourcePage({ params }: Props) {
  const actor = await requireAdmin();
  // Resources' addresses have the teams' shape.
  const slug = teamSlugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const resource = await orNotFound(() => getResourceForAdmin(actor, slug.data));
  const status = resourceStatus(resource);
  const t = await getTranslations('admin');
  return (
    <div className="space-y-6">
      <div>
        <nav aria-label={t('common.breadcrumb')} className="mb-2 text-sm text-slate-600">
          <Link href="/admin/resources" className="underline hover:text-slate-900">
            {t('resources.title')}
          </Link>{' '}
          / <span aria-current="page">{resource.name}</span>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">{resource.name}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          {t(`resources.kinds.${resource.kind}`)}
          <span className={`rounded-full px-2 py-0.5 text-xs ${status.style}`}>
            {t(`resources.status.${status.key}`)}
          </span>
          ·
          <Link href={`/resources/${resource.slug}`} className="text-brand-700 underline">
            {t('resource.page')}
          </Link>
        </p>
      </div>
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="settings-heading" className={`${card} p-5`}>
          <h2 id="settings-heading" className="mb-4 font-semibold">
            {t('common.settings')}
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
              {t('resource.managers')}
            </h2>
            {resource.managers.length === 0 ? (
              <p className="text-sm text-slate-600">{t('resource.noManagers')}</p>
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
                    <span className="block text-xs break-all text-slate-600">{manager.email}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="status-heading" className={`${card} p-5`}>
            <h2 id="status-heading" className="mb-3 font-semibold">
              {t('common.status')}
            </h2>
            <p className="mb-3 text-sm text-slate-600">
              {t(resource.disabled ? 'resource.statusDisabled' : 'resource.statusEnabled')}
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
