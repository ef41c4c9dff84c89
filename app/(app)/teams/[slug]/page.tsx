import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/auth';
import { getTeamBySlug, type TeamDetail } from '@/lib/dal/teams';
import { isAppError } from '@/lib/errors';
import { teamSlugSchema } from '@/lib/validation';
import { TeamEventsSection } from './team-events-section';

type Props = { params: Promise<{ slug: string }> };

async function loadTeam(params: Props['params']): Promise<TeamDetail> {
  const slug = teamSlugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const actor = await requireActor();
  try {
    return await getTeamBySlug(actor, slug.data);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadTeam(params)).name };
}

export default async function TeamPage({ params }: Props) {
  const team = await loadTeam(params);
  const managers = team.members.filter((m) => m.role === 'manager').length;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/teams" className="hover:text-slate-900">
          Teams
        </Link>{' '}
        / <span aria-current="page">{team.name}</span>
      </nav>
      <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{team.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {team.members.length} members · {managers} {managers === 1 ? 'manager' : 'managers'} ·
            Time zone {team.timeZone}
          </p>
        </div>
        {/* The Calendar menu (subscribe, export, share) goes here. */}
        <div id="team-actions" className="flex items-center gap-2" />
      </header>
      <section
        aria-labelledby="members-heading"
        className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
      >
        <h2 id="members-heading" className="border-b border-slate-200 px-5 py-3 font-semibold">
          Members
        </h2>
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-5 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="px-5 py-2 font-medium">
                Email
              </th>
              <th scope="col" className="px-5 py-2 font-medium">
                Role
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {team.members.map((member) => (
              <tr key={member.id}>
                <td className="px-5 py-2.5 font-medium">
                  {member.name}
                  {member.disabled && (
                    <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-500">
                      Disabled
                    </span>
                  )}
                </td>
                <td className="px-5 py-2.5 text-slate-600">{member.email}</td>
                <td className="px-5 py-2.5">
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs ${member.role === 'manager' ? 'bg-brand-100 text-brand-700' : 'bg-slate-100 text-slate-700'}`}
                  >
                    {member.role === 'manager' ? 'Manager' : 'Member'}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <TeamEventsSection teamId={team.id} timeZone={team.timeZone} />
    </>
  );
}
