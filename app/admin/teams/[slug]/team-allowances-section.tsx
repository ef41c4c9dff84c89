import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { card } from '../../_components/ui';
import { TeamAllowancesForm } from './team-allowances-form';

/** "Set allowances for 2027": one year’s days and carry-over for every member of a team. */
export function TeamAllowancesSection({
  team,
  year,
}: {
  team: { id: string; name: string; memberCount: number };
  year: number;
}) {
  const t = useTranslations('admin.team.allowances');
  const yearLink = 'rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100';
  return (
    <section aria-labelledby="team-allowances-heading" className={`${card} p-5`}>
      <div className="mb-1 flex items-center justify-between gap-2">
        <h2 id="team-allowances-heading" className="font-semibold">
          {t('heading', { year: String(year) })}
        </h2>
        <nav aria-label={t('yearNav')} className="flex shrink-0 gap-1">
          <Link href={`?year=${year - 1}`} className={yearLink}>
            ← {year - 1}
          </Link>
          <Link href={`?year=${year + 1}`} className={yearLink}>
            {year + 1} →
          </Link>
        </nav>
      </div>
      <p className="mb-4 text-sm text-slate-600">{t('intro', { year: String(year) })}</p>
      <TeamAllowancesForm
        teamId={team.id}
        teamName={team.name}
        year={year}
        memberCount={team.memberCount}
      />
    </section>
  );
}
