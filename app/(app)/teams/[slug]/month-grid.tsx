import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { CSSProperties } from 'react';
import type { MemberFigures, TeamAbsence } from '@/lib/dal/team-statistics';
import type { PublicHoliday } from '@/lib/holidays';
import { formatDate, formatMonth, formatWeekdayInitial, halfDayNote } from '@/lib/i18n/format';
import { isWeekend } from '@/lib/workdays';
import { typeLabelOf } from './type-label';

interface MonthGridProps {
  month: string;
  today: string;
  members: Pick<MemberFigures, 'userId' | 'name'>[];
  absences: TeamAbsence[];
  /** The team's public holidays in the month: marked on their column, nobody's absence. */
  holidays: PublicHoliday[];
  /** Builds the link to another month, keeping the rest of the page's period. */
  monthHref: (month: string) => string;
}

/** Which part of a day an absence covers: the whole day, or its morning or afternoon only. */
type DayPart = 'day' | 'morning' | 'afternoon';

function partOfDay(absence: TeamAbsence, date: string): DayPart {
  if (absence.halfDayStart && date === absence.startDate) return 'afternoon';
  if (absence.halfDayEnd && date === absence.endDate) return 'morning';
  return 'day';
}

function daysOf(month: string): string[] {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

function shiftMonth(month: string, by: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const shifted = new Date(Date.UTC(year, monthNumber - 1 + by, 1));
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Pending requests are striped, approved absences solid; a half day fills half the cell. */
function fill(absence: TeamAbsence, part: DayPart): CSSProperties {
  const paint =
    absence.status === 'pending'
      ? `repeating-linear-gradient(135deg, ${absence.color} 0 3px, #fff 3px 6px)`
      : absence.color;
  const side = part === 'morning' ? 'left' : 'right';
  return part === 'day'
    ? { background: paint }
    : { background: paint, [side]: 0, width: '50%', position: 'absolute', top: 0, bottom: 0 };
}

/** The shading of a day that is nobody's working day. */
function dayOffClass(date: string, holiday: string | undefined): string {
  if (holiday) return 'bg-slate-200';
  return isWeekend(date) ? 'bg-slate-100' : '';
}

/** The colours of a day's column heading: today, a public holiday, a weekend or a working day. */
function headingClass(date: string, today: string, holiday: string | undefined): string {
  if (date === today) return 'bg-brand-50 font-bold text-brand-700';
  if (holiday) return 'bg-slate-200 text-slate-800 underline decoration-dotted';
  if (isWeekend(date)) return 'bg-slate-100 text-slate-700';
  return 'text-slate-700';
}

export function MonthGrid({
  month,
  today,
  members,
  absences,
  holidays,
  monthHref,
}: MonthGridProps) {
  const t = useTranslations('teams.grid');
  const away = useTranslations('teams.away')('away');
  const locale = useLocale();
  const days = daysOf(month);
  const monthName = formatMonth(month, locale);
  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  const holidayOn = new Map(holidays.map((holiday) => [holiday.date, holiday.name]));
  const byMember = new Map<string, TeamAbsence[]>();
  for (const absence of absences)
    byMember.set(absence.userId, [...(byMember.get(absence.userId) ?? []), absence]);
  return (
    <section
      aria-labelledby="grid-heading"
      className="rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3 sm:px-5">
        <h2 id="grid-heading" className="font-semibold">
          {monthName}
        </h2>
        <nav aria-label={t('monthNav')} className="flex gap-2 text-sm">
          <Link
            href={monthHref(previous)}
            className="rounded-md border border-slate-300 px-2 py-1 whitespace-nowrap hover:bg-slate-100"
          >
            ← {formatMonth(previous, locale)}
          </Link>
          <Link
            href={monthHref(next)}
            className="rounded-md border border-slate-300 px-2 py-1 whitespace-nowrap hover:bg-slate-100"
          >
            {formatMonth(next, locale)} →
          </Link>
        </nav>
      </div>
      {members.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-600 sm:px-5">{t('noMembers')}</p>
      ) : (
        // The grid alone scrolls sideways on a narrow screen, in a region the keyboard can reach.
        <div
          tabIndex={0}
          role="region"
          aria-label={t('scroller', { month: monthName })}
          className="relative overflow-x-auto"
        >
          <table className="w-full border-collapse text-xs" aria-describedby="grid-legend">
            <thead>
              <tr>
                <th
                  scope="col"
                  className="sticky left-0 z-10 bg-white px-3 py-1 text-left font-medium"
                >
                  {t('member')}
                </th>
                {days.map((date) => {
                  const holiday = holidayOn.get(date);
                  return (
                    <th
                      key={date}
                      scope="col"
                      title={
                        holiday
                          ? t('holidayTitle', { date: formatDate(date, locale), holiday })
                          : undefined
                      }
                      data-holiday={holiday}
                      aria-current={date === today ? 'date' : undefined}
                      className={`min-w-6 px-0.5 py-1 text-center font-normal ${headingClass(date, today, holiday)}`}
                    >
                      <span className="block">{formatWeekdayInitial(date, locale)}</span>
                      {Number(date.slice(8))}
                      {holiday && <span className="sr-only">{t('holidayLabel', { holiday })}</span>}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const theirs = byMember.get(member.userId) ?? [];
                return (
                  <tr key={member.userId} className="border-t border-slate-100">
                    <th
                      scope="row"
                      className="sticky left-0 z-10 bg-white px-3 py-1 text-left font-medium whitespace-nowrap"
                    >
                      <span className="block max-w-32 truncate sm:max-w-none">{member.name}</span>
                    </th>
                    {days.map((date) => {
                      const covering = theirs.filter(
                        (a) => a.startDate <= date && a.endDate >= date,
                      );
                      const description = covering
                        .map((a) => {
                          const part = partOfDay(a, date);
                          return [
                            typeLabelOf(a, away),
                            a.status === 'pending' ? t('pending') : '',
                            part === 'day' ? '' : t(part),
                          ]
                            .filter(Boolean)
                            .join(', ');
                        })
                        .join('; ');
                      return (
                        <td
                          key={date}
                          title={description ? `${member.name}: ${description}` : undefined}
                          className={`relative h-7 border-l border-slate-100 p-0 ${dayOffClass(date, holidayOn.get(date))} ${date === today ? 'bg-brand-50' : ''}`}
                        >
                          {covering.map((a) => (
                            <span
                              key={a.id}
                              data-status={a.status}
                              className={`block ${partOfDay(a, date) === 'day' ? 'absolute inset-0' : ''}`}
                              style={fill(a, partOfDay(a, date))}
                            />
                          ))}
                          {description && <span className="sr-only">{description}</span>}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <GridLegend absences={absences} holidays={holidays} />
    </section>
  );
}

function GridLegend({
  absences,
  holidays,
}: {
  absences: TeamAbsence[];
  holidays: PublicHoliday[];
}) {
  const t = useTranslations('teams.grid');
  const away = useTranslations('teams.away')('away');
  const locale = useLocale();
  const types = [...new Map(absences.map((a) => [typeLabelOf(a, away), a.color])).entries()];
  const halfDays = absences.some((a) => halfDayNote(a));
  return (
    <ul
      id="grid-legend"
      className="flex flex-wrap gap-x-4 gap-y-1 border-t border-slate-200 px-4 py-3 text-xs text-slate-600 sm:px-5"
    >
      {types.map(([label, color]) => (
        <li key={label} className="flex items-center gap-1.5">
          <span className="h-3 w-3 rounded-sm" style={{ background: color }} aria-hidden="true" />
          {label}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span
          className="h-3 w-3 rounded-sm border border-slate-400"
          style={{ background: 'repeating-linear-gradient(135deg, #64748b 0 2px, #fff 2px 4px)' }}
          aria-hidden="true"
        />
        {t('legendStriped')}
      </li>
      {halfDays && <li>{t('legendHalf')}</li>}
      <li className="flex items-center gap-1.5">
        <span className="h-3 w-3 rounded-sm bg-slate-100" aria-hidden="true" />
        {t('legendWeekend')}
      </li>
      {holidays.length > 0 && (
        <li className="flex items-center gap-1.5">
          <span className="h-3 w-3 shrink-0 rounded-sm bg-slate-200" aria-hidden="true" />
          <span>
            {t('legendHolidays', {
              count: holidays.length,
              list: holidays
                .map((holiday) => `${formatDate(holiday.date, locale)} ${holiday.name}`)
                .join(', '),
            })}
          </span>
        </li>
      )}
    </ul>
  );
}
