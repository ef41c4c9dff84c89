import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { requireActor } from '@/lib/auth';
import { isAdmin } from '@/lib/dal/actor';
import { listResources } from '@/lib/dal/resources';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resources'))('title') };
}

export default async function ResourcesPage() {
  const actor = await requireActor();
  const [resources, t] = await Promise.all([listResources(actor), getTranslations('resources')]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      {resources.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          {isAdmin(actor)
            ? t.rich('emptyAdmin', {
                link: (chunks) => (
                  <Link href="/admin/resources" className="font-medium text-brand-700 underline">
                    {chunks}
                  </Link>
                ),
              })
            : t('empty')}
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {resources.map((resource) => (
            <li
              key={resource.id}
              className="min-w-0 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
            >
              <h2 className="font-semibold break-words">
                <Link href={`/resources/${resource.slug}`} className="hover:underline">
                  {resource.name}
                </Link>
              </h2>
              <p className="text-sm text-slate-600">
                {[
                  t(`kind.${resource.kind}`),
                  resource.capacity ? t('capacity', { count: resource.capacity }) : null,
                  resource.bookingPolicy === 'approval' ? t('needsConfirmation') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {resource.location && (
                <p className="mt-1 text-sm break-words text-slate-600">{resource.location}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
