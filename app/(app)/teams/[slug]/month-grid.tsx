import Link from 'next/link';
import type { CSSProperties } from 'react';
import type { MemberFigures, TeamAbsence } from '@/lib/dal/team-statistics';
import type { PublicHoliday } from '@/lib/holidays';
import { formatDate, formatMonth, halfDayNote } from '@/lib/i18n/format';
import { isWeekend } from '@/lib/workdays';

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
  return new Date(Date.UTC(year, monthNumber - 1 + by, 1)).toISOString().slice(0, 7);
}

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'narrow', timeZone: 'UTC' });

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

export function MonthGrid({
  month,
  today,
  members,
  absences,
  holidays,
  monthHref,
}: MonthGridProps) {
  const days = daysOf(month);
  const holidayOn = new Map(holidays.map((holiday) => [holiday.date, holiday.name]));
  const byMember = new Map<string, TeamAbsence[]>();
  for (const absence of absences)
    byMember.set(absence.userId, [...(byMember.get(absence.userId) ?? []), absence]);
  return (
    <section
      aria-labelledby="grid-heading"
      className="rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-5 py-3">
        <h2 id="grid-heading" className="font-semibold">
          {formatMonth(month)}
        </h2>
        <nav aria-label="Month" className="flex gap-2 text-sm">
          <Link
            href={monthHref(shiftMonth(month, -1))}
            className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100"
          >
            ← {formatMonth(shiftMonth(month, -1))}
          </Link>
          <Link
            href={monthHref(shiftMonth(month, 1))}
            className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100"
          >
            {formatMonth(shiftMonth(month, 1))} →
          </Link>
        </nav>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-xs" aria-describedby="grid-legend">
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 bg-white px-3 py-1 text-left font-medium">
                Member
              </th>
              {days.map((date) => {
                const holiday = holidayOn.get(date);
                return (
                  <th
                    key={date}
                    scope="col"
                    title={holiday ? `${formatDate(date)}: ${holiday} (public holiday)` : undefined}
                    data-holiday={holiday}
                    aria-current={date === today ? 'date' : undefined}
                    className={`min-w-6 px-0.5 py-1 text-center font-normal ${holiday ? 'bg-slate-200 text-slate-700 underline decoration-dotted' : isWeekend(date) ? 'bg-slate-100 text-slate-400' : 'text-slate-600'} ${date === today ? 'bg-brand-50 font-bold text-brand-700' : ''}`}
                  >
                    <span className="block">{weekday.format(new Date(`${date}T00:00:00Z`))}</span>
                    {Number(date.slice(8))}
                    {holiday && <span className="sr-only">, public holiday: {holiday}</span>}
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
                    className="sticky left-0 bg-white px-3 py-1 text-left font-medium whitespace-nowrap"
                  >
                    {member.name}
                  </th>
                  {days.map((date) => {
                    const covering = theirs.filter((a) => a.startDate <= date && a.endDate >= date);
                    const description = covering
                      .map((a) => {
                        const part = partOfDay(a, date);
                        return [
                          a.typeLabel,
                          a.status === 'pending' ? 'pending' : '',
                          part === 'day' ? '' : part,
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
  const types = [...new Map(absences.map((a) => [a.typeLabel, a.color])).entries()];
  const halfDays = absences.some((a) => halfDayNote(a));
  return (
    <ul
      id="grid-legend"
      className="flex flex-wrap gap-x-4 gap-y-1 border-t border-slate-200 px-5 py-3 text-xs text-slate-600"
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
        Striped: pending approval
      </li>
      {halfDays && <li>Half cell: morning or afternoon only</li>}
      <li className="flex items-center gap-1.5">
        <span className="h-3 w-3 rounded-sm bg-slate-100" aria-hidden="true" />
        Weekend
      </li>
      {holidays.length > 0 && (
        <li className="flex items-center gap-1.5">
          <span className="h-3 w-3 rounded-sm bg-slate-200" aria-hidden="true" />
          Public {holidays.length === 1 ? 'holiday' : 'holidays'} (not working days):{' '}
          {holidays.map((holiday) => `${formatDate(holiday.date)} ${holiday.name}`).join(', ')}
        </li>
      )}
    </ul>
  );
}
