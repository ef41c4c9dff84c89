import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { z } from 'zod';
import { carryOverNote } from '@/app/_components/carry-over-note';
import { formatDays, formatSpan, halfDayNote } from '@/lib/i18n/format';
import { requireActor } from '@/lib/auth';
import { isCancellable } from '@/lib/dal/absences';
import { getMyYear, listActiveAbsenceTypes } from '@/lib/dal/my-absences';
import { ABSENCE_NOTE_MAX_LENGTH } from '@/lib/validation';
import { todayIn } from '@/lib/zoned-time';
import { CancelAbsenceButton } from './cancel-absence-button';
import { FlashMessage } from './flash';
import { RequestAbsenceForm } from './request-absence-form';
import { ToFormLink } from './to-form-link';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('absences'))('title') };
}

const statusStyle = {
  pending: 'bg-amber-100 text-amber-800',
  approved: 'bg-green-100 text-green-800',
  rejected: 'bg-red-100 text-red-800',
  cancelled: 'bg-slate-100 text-slate-700',
} as const;

/** Narrow on a phone, so that the five columns fit in 390 px. */
const cell = 'px-2 py-2 first:pl-3 last:pr-3 sm:px-4 sm:first:pl-5 sm:last:pr-5';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MyAbsencesPage({ searchParams }: Props) {
  const actor = await requireActor();
  // The person's own today and year, where they are.
  const today = todayIn(actor.timeZone);
  const thisYear = Number(today.slice(0, 4));
  const year = z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .catch(thisYear)
    .parse((await searchParams).year);
  const [my, types, t, halfDay, locale] = await Promise.all([
    getMyYear(actor, year),
    listActiveAbsenceTypes(),
    getTranslations('absences'),
    getTranslations('common.halfDay'),
    getLocale(),
  ]);
  const days = (value: number | null) =>
    value === null ? t('figures.none') : formatDays(value, locale);
  const figures: Array<{ label: string; value: string; note?: string | null }> = [
    { label: t('figures.allowance'), value: days(my.allowance) },
    { label: t('figures.booked'), value: days(my.booked) },
    { label: t('figures.takenSoFar'), value: days(my.takenSoFar) },
    { label: t('figures.pending'), value: days(my.pending) },
    {
      label: t('figures.daysLeft'),
      value: days(my.daysLeft),
      note: carryOverNote(my, year, locale),
    },
  ];
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('intro')}</p>
        </div>
        <nav aria-label={t('yearNav')} className="flex items-center gap-2 text-sm">
          <Link
            href={`/absences?year=${year - 1}`}
            aria-label={t('previousYear', { year: year - 1 })}
            className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100"
          >
            ← {year - 1}
          </Link>
          <span className="font-semibold" aria-current="page">
            {year}
          </span>
          <Link
            href={`/absences?year=${year + 1}`}
            aria-label={t('nextYear', { year: year + 1 })}
            className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100"
          >
            {year + 1} →
          </Link>
        </nav>
      </div>
      <dl className="mb-8 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
        {figures.map((f) => (
          <div
            key={f.label}
            className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
          >
            <dt className="text-sm text-slate-600">{f.label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{f.value}</dd>
            {f.note && <dd className="mt-1 text-xs text-slate-600">{f.note}</dd>}
          </div>
        ))}
      </dl>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section
          aria-labelledby="list-heading"
          className="min-w-0 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
        >
          <h2 id="list-heading" className="border-b border-slate-200 px-5 py-3 font-semibold">
            {t('list.heading', { year })}
          </h2>
          <FlashMessage from="list" className="px-3 sm:px-5 [&:has(p)]:py-3" />
          {my.absences.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-600">
              {t('list.empty', { year })} <ToFormLink>{t('list.emptyAction')}</ToFormLink>
            </p>
          ) : (
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className={`${cell} font-medium`}>
                    {t('list.type')}
                  </th>
                  <th scope="col" className={`${cell} font-medium`}>
                    {t('list.dates')}
                  </th>
                  <th scope="col" className={`${cell} font-medium`}>
                    {t('list.days')}
                  </th>
                  <th scope="col" className={`${cell} font-medium`}>
                    {t('list.status')}
                  </th>
                  <th scope="col" className={`${cell} font-medium`}>
                    <span className="sr-only">{t('list.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {my.absences.map((a) => {
                  const dates = formatSpan(a, locale);
                  const half = halfDayNote(a);
                  const cancellable = isCancellable(a, today);
                  return (
                    <tr key={a.id} className="align-top">
                      <td className={`${cell} break-words`}>
                        <span
                          className="mr-2 inline-block h-2.5 w-2.5 rounded-full"
                          style={{ backgroundColor: a.typeColor }}
                          aria-hidden="true"
                        />
                        {a.typeLabel}
                      </td>
                      <td className={cell}>
                        {dates}
                        {half && (
                          <span className="block text-xs text-slate-600">
                            {t('list.halfDay', { note: halfDay(half) })}
                          </span>
                        )}
                        {a.note && (
                          <span className="block text-xs break-words text-slate-600">{a.note}</span>
                        )}
                        {a.decisionReason && (
                          <span className="mt-1 block text-xs break-words text-slate-700">
                            <span className="font-medium">
                              {a.status === 'rejected'
                                ? t('list.rejectionReason')
                                : t('list.managerNote')}
                            </span>{' '}
                            {a.decisionReason}
                          </span>
                        )}
                      </td>
                      <td className={`${cell} tabular-nums`}>{formatDays(a.days, locale)}</td>
                      <td className={cell}>
                        <span
                          className={`rounded-full px-2 py-0.5 text-xs whitespace-nowrap ${statusStyle[a.status]}`}
                        >
                          {t(`status.${a.status}`)}
                        </span>
                      </td>
                      <td className={`${cell} text-right`}>
                        {cancellable && (
                          <CancelAbsenceButton
                            absenceId={a.id}
                            label={`${a.typeLabel}, ${dates}`}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
        <section
          aria-labelledby="request-heading"
          className="h-fit rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id="request-heading" className="mb-4 font-semibold">
            {t('form.heading')}
          </h2>
          <RequestAbsenceForm types={types} year={year} noteMaxLength={ABSENCE_NOTE_MAX_LENGTH} />
        </section>
      </div>
    </>
  );
}
