import { useLocale, useTranslations } from 'next-intl';
import { formatDays, formatShortDay, formatSpan } from '@/lib/i18n/format';
import type { RequestImpact } from '@/lib/dal/request-impact';

/** What approving a request would do: the balance after it, who else is away, the presence. */
export function RequestImpactNote({ impact }: { impact: RequestImpact }) {
  const t = useTranslations('teams.impact');
  const locale = useLocale();
  const { daysLeftAfter, othersAway, lowestPresent, breaksMinimum, minimumPresent } = impact;
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-700">
      {daysLeftAfter !== null && (
        <>
          <dt className="font-medium text-slate-600">{t('daysLeftAfter')}</dt>
          <dd className={daysLeftAfter < 0 ? 'font-semibold text-red-700' : undefined}>
            {formatDays(daysLeftAfter, locale)}
            {daysLeftAfter < 0 && ` ${t('beyondAllowance')}`}
          </dd>
        </>
      )}
      <dt className="font-medium text-slate-600">{t('alsoAway')}</dt>
      <dd>
        {othersAway.length === 0
          ? t('nobodyElse')
          : othersAway
              .map((other) => {
                const span = formatSpan(other, locale);
                return other.status === 'pending'
                  ? t('otherPending', { person: other.name, type: other.typeLabel, span })
                  : `${other.name} (${other.typeLabel}, ${span})`;
              })
              .join('; ')}
      </dd>
      {lowestPresent && (
        <>
          <dt className="font-medium text-slate-600">{t('lowestPresence')}</dt>
          <dd className={breaksMinimum ? 'font-semibold text-red-700' : undefined}>
            {t('present', {
              present: lowestPresent.present,
              members: lowestPresent.members,
              date: formatShortDay(lowestPresent.date, locale),
            })}
            {breaksMinimum &&
              minimumPresent !== null &&
              t('belowMinimum', { minimum: minimumPresent })}
          </dd>
        </>
      )}
    </dl>
  );
}
