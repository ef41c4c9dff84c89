import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth';
import { listTeamsForActor } from '@/lib/dal/teams';

export const metadata: Metadata = { title: 'My teams' };

export default async function TeamsPage() {
  const actor = await requireActor();
  const teams = await listTeamsForActor(actor);
  return (
    <>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">
          {actor.role === 'admin' ? 'Teams' : 'My teams'}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {actor.role === 'admin'
            ? 'Every team in the organisation; yours are marked with your role.'
            : 'The teams you belong to.'}
        </p>
      </div>
      {teams.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          You are not in any team yet. Ask an administrator to add you to one.
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
                  <h2 className="font-semibold">{team.name}</h2>
                  {team.myRole && (
                    <span
                      className={`rounded-full px-2 py-0.5 text-xs ${team.myRole === 'manager' ? 'bg-brand-100 text-brand-700' : 'bg-slate-100 text-slate-700'}`}
                    >
                      {team.myRole === 'manager' ? 'Manager' : 'Member'}
                    </span>
                  )}
                </div>
                <p className="mt-2 text-sm text-slate-600">
                  {team.memberCount} {team.memberCount === 1 ? 'member' : 'members'} ·{' '}
                  {team.timeZone.replace('_', ' ')}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
