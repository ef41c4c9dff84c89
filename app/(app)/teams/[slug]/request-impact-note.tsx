import { formatDays, formatSpan } from '@/lib/i18n/format';
import type { RequestImpact } from '@/lib/dal/request-impact';

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** What approving a request would do: the balance after it, who else is away, the presence. */
export function RequestImpactNote({ impact }: { impact: RequestImpact }) {
  const { daysLeftAfter, othersAway, lowestPresent, breaksMinimum, minimumPresent } = impact;
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-700">
      {daysLeftAfter !== null && (
        <>
          <dt className="font-medium text-slate-600">Days left if approved</dt>
          <dd className={daysLeftAfter < 0 ? 'font-semibold text-red-700' : undefined}>
            {formatDays(daysLeftAfter)}
            {daysLeftAfter < 0 && ' (beyond the allowance)'}
          </dd>
        </>
      )}
      <dt className="font-medium text-slate-600">Also away</dt>
      <dd>
        {othersAway.length === 0
          ? 'Nobody else in the team'
          : othersAway
              .map(
                (other) =>
                  `${other.name} (${other.typeLabel}, ${formatSpan(other)}${other.status === 'pending' ? ', awaiting a decision' : ''})`,
              )
              .join('; ')}
      </dd>
      {lowestPresent && (
        <>
          <dt className="font-medium text-slate-600">Lowest presence</dt>
          <dd className={breaksMinimum ? 'font-semibold text-red-700' : undefined}>
            {lowestPresent.present} of {lowestPresent.members} present on{' '}
            {dayFormat.format(new Date(`${lowestPresent.date}T00:00:00Z`))}
            {breaksMinimum && ` — below the team’s minimum of ${minimumPresent}`}
          </dd>
        </>
      )}
    </dl>
  );
}
