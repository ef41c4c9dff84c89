import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { TIME_ZONES } from '@/lib/admin-validation';
import { requireAdmin } from '@/lib/auth';
import { getTeamForAdmin } from '@/lib/dal/admin-teams';
import { holidayCountriesIn } from '@/lib/holiday-countries';
import { holidayRegionsByCountry } from '@/lib/holidays';
import { teamSlugSchema } from '@/lib/validation';
import { todayIn } from '@/lib/zoned-time';
import { orNotFound } from '@/app/_components/or-not-found';
import { ScrollTable } from '../../_components/scroll-table';
import { adminTitle } from '../../_components/titles';
import { card, tableClass, td, th, theadClass } from '../../_components/ui';
import { AddMemberForm, MemberActions, TeamSettingsForm } from './team-forms';
import { TeamAllowancesSection } from './team-allowances-section';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireAdmin();
  const slug = teamSlugSchema.safeParse((await params).slug);
  const team = slug.success ? await getTeamForAdmin(actor, slug.data).catch(() => null) : null;
  return adminTitle('team', team?.name);
}

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
  const [t, locale] = await Promise.all([getTranslations('admin'), getLocale()]);
  return (
    <div className="space-y-6">
      <div>
        <nav aria-label={t('common.breadcrumb')} className="mb-2 text-sm text-slate-600">
          <Link href="/admin/teams" className="underline hover:text-slate-900">
            {t('teams.title')}
          </Link>{' '}
          / <span aria-current="page">{team.name}</span>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">{team.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          <Link href={`/teams/${team.slug}`} className="text-brand-700 underline">
            {t('team.teamPage')}
          </Link>{' '}
          · {t('team.memberCount', { count: team.memberCount })} ·{' '}
          <Link href={`/admin/tokens?team=${team.id}`} className="text-brand-700 underline">
            {t('team.activeLinks', { count: team.activeTokenCount })}
          </Link>
        </p>
      </div>
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="members-heading" className={`${card} overflow-hidden`}>
          <h2 id="members-heading" className="border-b border-slate-200 px-4 py-3 font-semibold">
            {t('team.members')}
          </h2>
          {team.members.length === 0 ? (
            <div className="space-y-1 px-4 py-4 text-sm text-slate-600">
              <p>{t('team.empty')}</p>
              <p>
                {t.rich('team.emptyNext', {
                  link: (chunks) => (
                    <a href="#member-email" className="text-brand-700 underline">
                      {chunks}
                    </a>
                  ),
                })}
              </p>
            </div>
          ) : (
            <ScrollTable>
              <table className={tableClass}>
                <thead className={theadClass}>
                  <tr>
                    <th scope="col" className={th}>
                      {t('common.name')}
                    </th>
                    <th scope="col" className={th}>
                      {t('common.role')}
                    </th>
                    <th scope="col" className={th}>
                      <span className="sr-only">{t('common.actions')}</span>
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
                        <span className="block text-xs text-slate-600">
                          {member.email}
                          {member.disabled && t('team.disabled')}
                        </span>
                      </td>
                      <td className={td}>
                        {t(member.role === 'manager' ? 'common.manager' : 'common.member')}
                      </td>
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
            </ScrollTable>
          )}
        </section>
        <div className="space-y-6">
          <section aria-labelledby="add-member-heading" className={`${card} p-5`}>
            <h2 id="add-member-heading" className="mb-4 font-semibold">
              {t('team.add.heading')}
            </h2>
            <AddMemberForm teamId={team.id} teamName={team.name} />
          </section>
          <section aria-labelledby="settings-heading" className={`${card} p-5`}>
            <h2 id="settings-heading" className="mb-4 font-semibold">
              {t('common.settings')}
            </h2>
            <TeamSettingsForm
              teamId={team.id}
              name={team.name}
              timeZone={team.timeZone}
              zones={TIME_ZONES}
              holidayCountry={team.holidayCountry}
              holidayRegion={team.holidayRegion}
              holidayPlaces={{
                countries: holidayCountriesIn(locale),
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
