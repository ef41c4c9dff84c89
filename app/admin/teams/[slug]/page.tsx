import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { TIME_ZONES } from '@/lib/admin-validation';
import { requireAdmin } from '@/lib/auth';
import { getTeamForAdmin } from '@/lib/dal/admin-teams';
import { holidayCountries, holidayRegionsByCountry } from '@/lib/holidays';
import { teamSlugSchema } from '@/lib/validation';
import { todayIn } from '@/lib/zoned-time';
import { orNotFound } from '@/app/_components/or-not-found';
import { card, tableClass, td, th, theadClass } from '../../_components/ui';
import { AddMemberForm, MemberActions, TeamSettingsForm } from './team-forms';
import { TeamAllowancesSection } from './team-allowances-section';

export const metadata: Metadata = { title: 'Team · Admin' };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AdminTeamPage({ params, searchParams }: Props) {
  const actor = await requireAdmin();
  const slug = teamSlugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const team = await orNotFound(() => getTeamForAdmin(actor, slug.data));
  // The year of the allowances form: ?year=, else the team's current year.
  const allowanceYear = z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .catch(Number(todayIn(team.timeZone).slice(0, 4)))
    .parse((await searchParams).year);
  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
          <Link href="/admin/teams" className="hover:text-slate-900">
            Teams
          </Link>{' '}
          / <span aria-current="page">{team.name}</span>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">{team.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          <Link href={`/teams/${team.slug}`} className="text-brand-700 hover:underline">
            Team page
          </Link>{' '}
          · {team.memberCount} {team.memberCount === 1 ? 'member' : 'members'} ·{' '}
          <Link href={`/admin/tokens?team=${team.id}`} className="text-brand-700 hover:underline">
            {team.activeTokenCount} active {team.activeTokenCount === 1 ? 'link' : 'links'}
          </Link>
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="members-heading" className={`${card} overflow-hidden`}>
          <h2 id="members-heading" className="border-b border-slate-200 px-4 py-3 font-semibold">
            Members
          </h2>
          {team.members.length === 0 ? (
            <p className="px-4 py-4 text-sm text-slate-600">Nobody yet: add people on the right.</p>
          ) : (
            <table className={tableClass}>
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className={th}>
                    Name
                  </th>
                  <th scope="col" className={th}>
                    Role
                  </th>
                  <th scope="col" className={th}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {team.members.map((member) => (
                  <tr key={member.userId}>
                    <td className={td}>
                      <Link
                        href={`/admin/users/${member.userId}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {member.name}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {member.email}
                        {member.disabled && ' · disabled'}
                      </span>
                    </td>
                    <td className={td}>{member.role === 'manager' ? 'Manager' : 'Member'}</td>
                    <td className={td}>
                      <MemberActions
                        teamId={team.id}
                        teamName={team.name}
                        userId={member.userId}
                        name={member.name}
                        role={member.role}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <div className="space-y-6">
          <section aria-labelledby="add-member-heading" className={`${card} p-5`}>
            <h2 id="add-member-heading" className="mb-4 font-semibold">
              Add a person
            </h2>
            <AddMemberForm teamId={team.id} teamName={team.name} />
          </section>
          <section aria-labelledby="settings-heading" className={`${card} p-5`}>
            <h2 id="settings-heading" className="mb-4 font-semibold">
              Settings
            </h2>
            <TeamSettingsForm
              teamId={team.id}
              name={team.name}
              timeZone={team.timeZone}
              zones={TIME_ZONES}
              holidayCountry={team.holidayCountry}
              holidayRegion={team.holidayRegion}
              holidayPlaces={{
                countries: holidayCountries(),
                regionsByCountry: holidayRegionsByCountry(),
              }}
            />
          </section>
          <TeamAllowancesSection team={team} year={allowanceYear} />
        </div>
      </div>
    </div>
  );
}
