import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth';
import { listTeamsForActor } from '@/lib/dal/teams';

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  const t = await getTranslations('teams.list');
  return { title: actor.role === 'admin' ? t('titleAdmin') : t('title') };
}

export default async function TeamsPage() {
  const actor = await requireActor();
  const [teams, t, role] = await Promise.all([
    listTeamsForActor(actor),
    getTranslations('teams.list'),
    getTranslations('teams.role'),
  ]);
  const admin = actor.role === 'admin';
  return (
    <>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">
          {admin ? t('titleAdmin') : t('title')}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{admin ? t('introAdmin') : t('intro')}</p>
      </div>
      {teams.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {admin
            ? t.rich('emptyAdmin', {
                link: (chunks) => (
                  <Link href="/admin/teams" className="font-medium text-brand-700 underline">
                    {chunks}
                  </Link>
                ),
              })
            : t('empty')}
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {teams.map((team) => (
            <li key={team.id}>
              <Link
                href={`/teams/${team.slug}`}
                className="block rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-500 hover:shadow"
              >
                <div className="flex items-start justify-between gap-2">
                  <h2 className="min-w-0 font-semibold break-words">{team.name}</h2>
                  {team.myRole && (
                    <span
                      className={`rounded-full px-2 py-0.5 text-xs ${team.myRole === 'manager' ? 'bg-brand-100 text-brand-700' : 'bg-slate-100 text-slate-700'}`}
                    >
                      {role(team.myRole)}
                    </span>
                  )}
                </div>
                <p className="mt-2 text-sm text-slate-600">
                  {t('summary', {
                    count: team.memberCount,
                    timeZone: team.timeZone.replaceAll('_', ' '),
                  })}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
