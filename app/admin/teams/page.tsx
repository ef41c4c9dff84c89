import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { TIME_ZONES } from '@/lib/admin-validation';
import { requireAdmin } from '@/lib/auth';
import { listTeamsForAdmin } from '@/lib/dal/admin-teams';
import { holidayCountriesIn } from '@/lib/holiday-countries';
import { holidayRegionsByCountry } from '@/lib/holidays';
import { Pagination } from '../_components/pagination';
import { ScrollTable } from '../_components/scroll-table';
import { adminTitle } from '../_components/titles';
import { card, input, secondaryButton, tableClass, td, th, theadClass } from '../_components/ui';
import { CreateTeamForm } from './create-team-form';

export const generateMetadata = () => adminTitle('teams');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const querySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function AdminTeamsPage({ searchParams }: Props) {
  const actor = await requireAdmin();
  const query = querySchema.parse(await searchParams);
  const [teams, t, locale] = await Promise.all([
    listTeamsForAdmin(actor, query),
    getTranslations('admin'),
    getLocale(),
  ]);
  const countries = holidayCountriesIn(locale);
  const countryName = new Map(countries.map(({ code, name }) => [code, name]));
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t('teams.title')}</h1>
      <p className="mt-1 text-sm text-slate-600">{t('teams.intro')}</p>
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="teams-heading" className={`${card} min-w-0 overflow-hidden`}>
          <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 px-4 py-3">
            <h2 id="teams-heading" className="font-semibold">
              {t('teams.all')}
            </h2>
            <form role="search" className="flex min-w-0 items-end gap-2">
              <label htmlFor="team-search" className="sr-only">
                {t('teams.searchLabel')}
              </label>
              <input
                id="team-search"
                name="q"
                type="search"
                maxLength={100}
                defaultValue={query.q}
                placeholder={t('teams.searchPlaceholder')}
                className={`${input} mt-0 w-full max-w-56`}
              />
              <button type="submit" className={secondaryButton}>
                {t('common.search')}
              </button>
            </form>
          </div>
          {teams.total === 0 ? (
            <p className="px-4 py-4 text-sm text-slate-600">
              {query.q ? t('teams.noMatch', { query: query.q }) : t('teams.noTeams')}{' '}
              {query.q && (
                <Link href="/admin/teams" className="text-brand-700 underline">
                  {t('teams.showAll')}
                </Link>
              )}
            </p>
          ) : (
            <ScrollTable>
              <table className={tableClass}>
                <thead className={theadClass}>
                  <tr>
                    <th scope="col" className={th}>
                      {t('teams.team')}
                    </th>
                    <th scope="col" className={th}>
                      {t('teams.timeZone')}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t('teams.members')}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t('teams.managers')}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t('teams.activeLinks')}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {teams.rows.map((team) => (
                    <tr key={team.id}>
                      <td className={td}>
                        <Link
                          href={`/admin/teams/${team.slug}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {team.name}
                        </Link>
                        <span className="block text-xs text-slate-500">/teams/{team.slug}</span>
                      </td>
                      <td className={td}>
                        {team.timeZone.replaceAll('_', ' ')}
                        {team.holidayCountry && (
                          <span className="block text-xs text-slate-500">
                            {t('teams.holidays', {
                              place: `${countryName.get(team.holidayCountry) ?? team.holidayCountry}${team.holidayRegion ? ` (${team.holidayRegion})` : ''}`,
                            })}
                          </span>
                        )}
                      </td>
                      <td className={`${td} text-right tabular-nums`}>{team.memberCount}</td>
                      <td className={`${td} text-right tabular-nums`}>
                        {team.managerCount === 0 ? (
                          <span className="text-amber-800">{t('teams.noManager')}</span>
                        ) : (
                          team.managerCount
                        )}
                      </td>
                      <td className={`${td} text-right tabular-nums`}>
                        <Link
                          href={`/admin/tokens?team=${team.id}`}
                          className="text-brand-700 hover:underline"
                        >
                          {team.activeTokenCount}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          <Pagination page={teams} path="/admin/teams" params={{ q: query.q }} noun="teams" />
        </section>
        <section aria-labelledby="create-heading" className={`${card} h-fit p-5`}>
          <h2 id="create-heading" className="mb-4 font-semibold">
            {t('teams.create.heading')}
          </h2>
          <CreateTeamForm
            zones={TIME_ZONES}
            holidayPlaces={{
              countries,
              regionsByCountry: holidayRegionsByCountry(),
            }}
          />
        </section>
      </div>
    </>
  );
}
