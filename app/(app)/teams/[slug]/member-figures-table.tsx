import { carryOverShortNote } from '@/app/_components/carry-over-note';
import { formatDays } from '@/lib/i18n/format';
import type { MemberFigures, TypeColumn } from '@/lib/dal/team-statistics';

interface MemberFiguresTableProps {
  year: number;
  columns: TypeColumn[];
  members: MemberFigures[];
}

/**
 * Working days per member and type booked in a year, with the days taken so far, pending days,
 * allowance and days left.
 */
export function MemberFiguresTable({ year, columns, members }: MemberFiguresTableProps) {
  return (
    <section
      aria-labelledby="figures-heading"
      className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="border-b border-slate-200 px-5 py-3">
        <h2 id="figures-heading" className="font-semibold">
          Members in {year}
        </h2>
        <p id="figures-note" className="text-xs text-slate-600">
          Booked = approved working days in {year} by type, future ones included; weekends and
          public holidays don’t count, a half day counts 0.5. Taken so far = booked days of the
          types marked * up to today. Pending = requested days of those types, as on “My absences”.
          Days left = allowance + days carried over from {year - 1} (until they lapse) − booked days
          of those types.
        </p>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-describedby="figures-note">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Member
              </th>
              {columns.map((column) => (
                <th
                  key={column.id}
                  scope="col"
                  title={`${column.label}: days booked in ${year}`}
                  className="px-3 py-2 text-right font-medium"
                >
                  <span
                    className="mr-1.5 inline-block h-2.5 w-2.5 rounded-full"
                    style={{ backgroundColor: column.color }}
                    aria-hidden="true"
                  />
                  {column.label}
                  {column.countsAgainstAllowance && (
                    <span title="Counts against the allowance">*</span>
                  )}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Taken so far
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Pending
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Allowance
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                Days left
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((member) => (
              <tr key={member.userId}>
                <th scope="row" className="px-4 py-2 font-medium">
                  {member.name}
                  {member.role === 'manager' && (
                    <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-normal text-brand-700">
                      Manager
                    </span>
                  )}
                  {member.disabled && (
                    <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs font-normal text-slate-500">
                      Disabled
                    </span>
                  )}
                  <span className="block text-xs font-normal text-slate-500">{member.email}</span>
                </th>
                {columns.map((column) => (
                  <td key={column.id} className="px-3 py-2 text-right tabular-nums">
                    {member.bookedByType[column.id]
                      ? formatDays(member.bookedByType[column.id]!)
                      : '–'}
                  </td>
                ))}
                <td className="px-3 py-2 text-right tabular-nums">
                  {member.takenSoFar ? formatDays(member.takenSoFar) : '–'}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {member.pending ? formatDays(member.pending) : '–'}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {member.allowance === null ? '–' : formatDays(member.allowance)}
                </td>
                <td
                  className={`px-4 py-2 text-right font-semibold tabular-nums ${member.daysLeft !== null && member.daysLeft < 0 ? 'text-red-700' : ''}`}
                >
                  {member.daysLeft === null ? '–' : formatDays(member.daysLeft)}
                  {carryOverShortNote(member) && (
                    <span className="block text-xs font-normal text-slate-500">
                      {carryOverShortNote(member)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
