import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { formatSpan, halfDayNote } from '@/lib/i18n/format';
import type { TeamAbsence } from '@/lib/dal/team-statistics';
import { typeLabelOf } from './type-label';

function AbsenceList({ absences, empty }: { absences: TeamAbsence[]; empty: ReactNode }) {
  const t = useTranslations('teams.away');
  const halfDay = useTranslations('common.halfDay');
  const locale = useLocale();
  if (absences.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {absences.map((a) => {
        const half = halfDayNote(a);
        return (
          <li key={a.id} className="flex flex-wrap items-baseline gap-x-2 py-1.5">
            <span className="font-medium">{a.personName}</span>
            <span className="flex items-center gap-1 text-slate-700">
              <span
                className="inline-block h-2.5 w-2.5 rounded-full"
                style={{ backgroundColor: a.color }}
                aria-hidden="true"
              />
              {typeLabelOf(a, t('away'))}
            </span>
            <span className="text-slate-600">
              {formatSpan(a, locale)}
              {half && ` (${halfDay(half)})`}
            </span>
            {a.status === 'pending' && (
              <span className="rounded-full bg-amber-100 px-2 text-xs text-amber-800">
                {t('pending')}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Who is away today, and who will be in the coming days. */
export function AwaySoon({
  today,
  absences,
  days,
}: {
  today: string;
  absences: TeamAbsence[];
  days: number;
}) {
  const t = useTranslations('teams.away');
  const awayToday = absences.filter((a) => a.startDate <= today);
  const later = absences.filter((a) => a.startDate > today);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section
        aria-labelledby="today-heading"
        className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
      >
        <h2 id="today-heading" className="mb-2 font-semibold">
          {t('today')}
        </h2>
        <AbsenceList absences={awayToday} empty={t('everyoneIn')} />
      </section>
      <section
        aria-labelledby="soon-heading"
        className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
      >
        <h2 id="soon-heading" className="mb-2 font-semibold">
          {t('next', { days })}
        </h2>
        <AbsenceList
          absences={later}
          empty={
            <>
              {t('nobodySoon', { days })}{' '}
              <Link href="/absences" className="font-medium text-brand-700 underline">
                {t('requestLink')}
              </Link>
            </>
          }
        />
      </section>
    </div>
  );
}
