import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatMonth } from '@/lib/i18n/format';
import { languageOf } from '@/lib/i18n/locales';
import { requireActor } from '@/lib/auth';
import { isAdmin } from '@/lib/dal/actor';
import { findCalendarForActor } from '@/lib/dal/calendars';
import { listResources } from '@/lib/dal/resources';
import { getTeamBySlug } from '@/lib/dal/teams';
import {
  AWAY_SOON_DAYS,
  getTeamStatistics,
  type StatisticsPeriod,
} from '@/lib/dal/team-statistics';
import { isAppError } from '@/lib/errors';
import { statisticsPeriodSchema, teamSlugSchema } from '@/lib/validation';
import { todayIn } from '@/lib/zoned-time';
import { AwaySoon } from './away-soon';
import { CoverageChart } from './coverage-chart';
import { MemberFiguresTable } from './member-figures-table';
import { MonthGrid } from './month-grid';
import { weighRequestsToDecide } from '@/lib/dal/request-impact';
import { RequestsToDecide } from './requests-to-decide';
import { CalendarMenuFor } from '../../_calendar/calendar-menu-loader';
import { EventsSection } from '../../_calendar/events-section';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Runs a team lookup, answering 404 for a malformed slug or a team the actor may not see. */
async function orNotFound<T>(params: Props['params'], load: (slug: string) => Promise<T>) {
  const slug = teamSlugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  try {
    return await load(slug.data);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireActor();
  const team = await orNotFound(params, (slug) => getTeamBySlug(actor, slug));
  return { title: team.name };
}

export default async function TeamPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const calendar = await orNotFound(params, (slug) =>
    findCalendarForActor(actor, { kind: 'team', slug }),
  );
  // The page opens on the month that it is where the team is, not in UTC.
  const period = statisticsPeriodSchema(todayIn(calendar.timeZone)).parse(await searchParams);
  const locale = await getLocale();
  const stats = await orNotFound(params, (slug) =>
    getTeamStatistics(actor, slug, period, languageOf(locale)),
  );
  const { team } = stats;
  const href = (change: Partial<StatisticsPeriod>) => {
    const next = { ...period, ...change };
    return `/teams/${team.slug}?${new URLSearchParams({ year: String(next.year), month: next.month, coverage: next.coverage })}`;
  };
  const t = await getTranslations('teams.page');
  const managers = team.members.filter((m) => m.role === 'manager').length;
  const decides = isAdmin(actor) || team.myRole === 'manager';
  const weighed = decides
    ? await weighRequestsToDecide(actor, team.id, stats.requestsToDecide)
    : null;

  return (
    <div className="space-y-6">
      <div>
        <nav aria-label={t('breadcrumb')} className="mb-2 text-sm text-slate-600">
          <Link href="/teams" className="underline hover:text-slate-900">
            {t('teams')}
          </Link>{' '}
          / <span aria-current="page">{team.name}</span>
        </nav>
        <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between sm:gap-4">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight break-words">{team.name}</h1>
            <p className="mt-1 text-sm text-slate-600">
              {t('summary', {
                members: team.members.length,
                managers,
                timeZone: team.timeZone.replaceAll('_', ' '),
              })}
            </p>
          </div>
          <div className="flex shrink-0 items-center gap-3 whitespace-nowrap">
            <nav aria-label={t('yearNav')} className="flex items-center gap-2 text-sm">
              <Link
                href={href({ year: period.year - 1, month: `${period.year - 1}-01` })}
                className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100"
              >
                ← {period.year - 1}
              </Link>
              <span className="font-semibold" aria-current="page">
                {period.year}
              </span>
              <Link
                href={href({ year: period.year + 1, month: `${period.year + 1}-01` })}
                className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100"
              >
                {period.year + 1} →
              </Link>
            </nav>
            <CalendarMenuFor actor={actor} calendar={calendar} />
          </div>
        </header>
      </div>

      {team.members.length === 0 && (
        <section
          aria-labelledby="no-members-heading"
          className="rounded-xl border border-dashed border-slate-300 bg-white p-5 text-sm text-slate-700"
        >
          <h2 id="no-members-heading" className="mb-1 text-base font-semibold text-slate-900">
            {t('noMembers.heading')}
          </h2>
          <p>{t('noMembers.text')}</p>
          <p className="mt-2">
            {isAdmin(actor)
              ? t.rich('noMembers.admin', {
                  team: team.name,
                  link: (chunks) => (
                    <Link
                      href={`/admin/teams/${team.slug}`}
                      className="font-medium text-brand-700 underline"
                    >
                      {chunks}
                    </Link>
                  ),
                })
              : t('noMembers.other', { team: team.name })}
          </p>
        </section>
      )}
      {weighed && (
        <RequestsToDecide
          requests={stats.requestsToDecide}
          impacts={weighed.impacts}
          teamId={team.id}
          minimumPresent={weighed.minimumPresent}
        />
      )}
      <AwaySoon today={stats.today} absences={stats.awaySoon} days={AWAY_SOON_DAYS} />
      <MonthGrid
        month={stats.month}
        today={stats.today}
        members={stats.members}
        absences={stats.monthAbsences}
        holidays={stats.monthHolidays}
        monthHref={(month) => href({ month, year: Number(month.slice(0, 4)) })}
      />
      <CoverageChart
        coverage={stats.coverage}
        view={period.coverage}
        memberCount={team.members.length}
        title={period.coverage === 'year' ? String(period.year) : formatMonth(period.month, locale)}
        viewHref={(coverage) => href({ coverage })}
      />
      <EventsSection
        calendar={calendar}
        heading={t('eventsHeading')}
        subheading={t('eventsSubheading')}
        emptyHint={calendar.rights.canEditEvents ? t('noEvents.canEdit') : t('noEvents.other')}
        kind={{
          noun: 'event',
          rooms: calendar.rights.canEditEvents
            ? (await listResources(actor)).map(({ id, name }) => ({ id, name }))
            : [],
        }}
      />
      <MemberFiguresTable year={stats.year} columns={stats.columns} members={stats.members} />
    </div>
  );
}
