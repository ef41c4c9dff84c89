import { useLocale, useTranslations } from 'next-intl';
import { formatDays } from '@/lib/i18n/format';
import type { MemberFigures, TypeColumn } from '@/lib/dal/team-statistics';
import { MASKED_TYPE } from '@/lib/dal/team-statistics';

interface MemberFiguresTableProps {
  year: number;
  columns: TypeColumn[];
  members: MemberFigures[];
}

/**
 * Working days per member and type booked in a year, with the days taken so far, pending days,
 * allowance and days left. On a narrow screen the middle columns scroll sideways between the
 * member and the days left, which stay in view.
 */
export function MemberFiguresTable({ year, columns, members }: MemberFiguresTableProps) {
  const t = useTranslations('teams.figures');
  const away = useTranslations('teams.away')('away');
  const role = useTranslations('teams.role');
  const locale = useLocale();
  const days = (value: number | null | undefined) =>
    value ? formatDays(value, locale) : t('none');
  return (
    <section
      aria-labelledby="figures-heading"
      className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="border-b border-slate-200 px-4 py-3 sm:px-5">
        <h2 id="figures-heading" className="font-semibold">
          {t('heading', { year })}
        </h2>
        <p id="figures-note" className="text-xs text-slate-600">
          {t('note', { year: String(year), previousYear: String(year - 1) })}
        </p>
      </div>
      {members.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-600 sm:px-5">{t('empty')}</p>
      ) : (
        <div
          tabIndex={0}
          role="region"
          aria-label={t('scroller', { year: String(year) })}
          className="relative overflow-x-auto"
        >
          <table className="w-full text-left text-sm" aria-describedby="figures-note">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="sticky left-0 bg-slate-50 px-3 py-2 font-medium sm:px-4">
                  {t('member')}
                </th>
                {columns.map((column) => {
                  const label = column.id === MASKED_TYPE.id ? away : column.label;
                  return (
                    <th
                      key={column.id}
                      scope="col"
                      title={t('typeTitle', { type: label, year: String(year) })}
                      className="px-3 py-2 text-right font-medium"
                    >
                      <span
                        className="mr-1.5 inline-block h-2.5 w-2.5 rounded-full"
                        style={{ backgroundColor: column.color }}
                        aria-hidden="true"
                      />
                      {label}
                      {column.countsAgainstAllowance && (
                        <span title={t('countsAgainstAllowance')}>*</span>
                      )}
                    </th>
                  );
                })}
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t('takenSoFar')}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t('pending')}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t('allowance')}
                </th>
                <th
                  scope="col"
                  className="sticky right-0 bg-slate-50 px-3 py-2 text-right font-medium shadow-[-1px_0_0_var(--color-slate-200)] sm:px-4"
                >
                  {t('daysLeft')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((member) => (
                <tr key={member.userId}>
                  <th scope="row" className="sticky left-0 bg-white px-3 py-2 font-medium sm:px-4">
                    <span className="block w-28 break-words sm:w-auto">{member.name}</span>
                    {member.role === 'manager' && (
                      <span className="mt-0.5 inline-block rounded-full bg-brand-100 px-2 py-0.5 text-xs font-normal text-brand-700 sm:mt-0 sm:ml-2">
                        {role('manager')}
                      </span>
                    )}
                    {member.disabled && (
                      <span className="mt-0.5 inline-block rounded bg-slate-100 px-1.5 text-xs font-normal text-slate-600 sm:mt-0 sm:ml-2">
                        {t('disabled')}
                      </span>
                    )}
                    <span className="block w-28 text-xs font-normal break-all text-slate-600 sm:w-auto">
                      {member.email}
                    </span>
                  </th>
                  {columns.map((column) => (
                    <td key={column.id} className="px-3 py-2 text-right tabular-nums">
                      {days(member.bookedByType[column.id])}
                    </td>
                  ))}
                  <td className="px-3 py-2 text-right tabular-nums">{days(member.takenSoFar)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{days(member.pending)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {member.allowance === null ? t('none') : formatDays(member.allowance, locale)}
                  </td>
                  <td
                    className={`sticky right-0 bg-white px-3 py-2 text-right font-semibold tabular-nums shadow-[-1px_0_0_var(--color-slate-200)] sm:px-4 ${member.daysLeft !== null && member.daysLeft < 0 ? 'text-red-700' : ''}`}
                  >
                    {member.daysLeft === null ? t('none') : formatDays(member.daysLeft, locale)}
                    {member.carriedUsable > 0 && (
                      <span className="block text-xs font-normal text-slate-600">
                        {t('carriedOver', { days: formatDays(member.carriedUsable, locale) })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
