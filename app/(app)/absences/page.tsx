import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { carryOverNote } from '@/app/_components/carry-over-note';
import { formatSpan } from '@/lib/i18n/format';
import { requireActor } from '@/lib/auth';
import { isCancellable } from '@/lib/dal/absences';
import { getMyYear, listActiveAbsenceTypes } from '@/lib/dal/my-absences';
import { CancelAbsenceButton } from './cancel-absence-button';
import { todayIn } from '@/lib/zoned-time';
import { RequestAbsenceForm } from './request-absence-form';

export const metadata: Metadata = { title: 'My absences' };

const statusStyle = {
  pending: 'bg-amber-100 text-amber-800',
  approved: 'bg-green-100 text-green-800',
  rejected: 'bg-red-100 text-red-800',
  cancelled: 'bg-slate-100 text-slate-600',
} as const;

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
  const [my, types] = await Promise.all([getMyYear(actor, year), listActiveAbsenceTypes()]);
  const figures: Array<{ label: string; value: number | string; note?: string | null }> = [
    { label: 'Allowance', value: my.allowance ?? '—' },
    { label: 'Booked', value: my.booked },
    { label: 'Taken so far', value: my.takenSoFar },
    { label: 'Pending', value: my.pending },
    { label: 'Days left', value: my.daysLeft ?? '—', note: carryOverNote(my, year) },
  ];
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">My absences</h1>
          <p className="mt-1 text-sm text-slate-600">
            Working days; weekends and your team’s public holidays don’t count, and a half day
            counts 0.5. Booked: approved days of the year, future ones included; taken so far: those
            up to today.
          </p>
        </div>
        <nav aria-label="Year" className="flex items-center gap-2 text-sm">
          <Link
            href={`/absences?year=${year - 1}`}
            className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100"
          >
            ← {year - 1}
          </Link>
          <span className="font-semibold" aria-current="page">
            {year}
          </span>
          <Link
            href={`/absences?year=${year + 1}`}
            className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100"
          >
            {year + 1} →
          </Link>
        </nav>
      </div>
      <dl className="mb-8 grid gap-4 sm:grid-cols-3 lg:grid-cols-5">
        {figures.map((f) => (
          <div key={f.label} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-600">{f.label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{f.value}</dd>
            {f.note && <dd className="mt-1 text-xs text-slate-600">{f.note}</dd>}
          </div>
        ))}
      </dl>
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section
          aria-labelledby="list-heading"
          className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
        >
          <h2 id="list-heading" className="border-b border-slate-200 px-5 py-3 font-semibold">
            {year}
          </h2>
          {my.absences.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-600">No absences in {year}.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Type
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Dates
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Days
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {my.absences.map((a) => {
                  const dates = formatSpan(a);
                  const cancellable = isCancellable(a, today);
                  return (
                    <tr key={a.id}>
                      <td className="px-4 py-2">
                        <span
                          className="mr-2 inline-block h-2.5 w-2.5 rounded-full"
                          style={{ backgroundColor: a.typeColor }}
                          aria-hidden="true"
                        />
                        {a.typeLabel}
                      </td>
                      <td className="px-4 py-2">
                        {dates}
                        {(a.halfDayStart || a.halfDayEnd) && (
                          <span className="ml-1 text-xs text-slate-500">(half day)</span>
                        )}
                        {a.note && <span className="block text-xs text-slate-500">{a.note}</span>}
                        {a.decisionReason && (
                          <span className="mt-1 block text-xs text-slate-700">
                            <span className="font-medium">
                              {a.status === 'rejected'
                                ? 'Reason for the rejection'
                                : 'Manager’s note'}
                              :
                            </span>{' '}
                            {a.decisionReason}
                          </span>
                        )}
                      </td>
                      <td className="px-4 py-2 tabular-nums">{a.days}</td>
                      <td className="px-4 py-2">
                        <span
                          className={`rounded-full px-2 py-0.5 text-xs ${statusStyle[a.status]}`}
                        >
                          {a.status}
                        </span>
                      </td>
                      <td className="px-4 py-2 text-right">
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
            Request an absence
          </h2>
          <RequestAbsenceForm types={types} />
        </section>
      </div>
    </>
  );
}
