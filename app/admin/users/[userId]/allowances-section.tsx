import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate, formatDays } from '@/lib/i18n/format';
import type { Actor } from '@/lib/dal/actor';
import { listAllowancesOfUser } from '@/lib/dal/admin-allowances';
import { isCalendarDate } from '@/lib/workdays';
import { ScrollTable } from '../../_components/scroll-table';
import { card, tableClass, td, th, theadClass } from '../../_components/ui';
import { AllowanceForm } from './allowance-form';

/** A person's allowances by year with their carry-over, and the form to set a year's values. */
export async function AllowancesSection({
  actor,
  userId,
  name,
  year,
}: {
  actor: Actor;
  userId: string;
  name: string;
  /** The year the form starts with. */
  year: number;
}) {
  const [rows, t, locale] = await Promise.all([
    listAllowancesOfUser(actor, userId),
    getTranslations('admin.user.allowances'),
    getLocale(),
  ]);
  const days = (value: number) => formatDays(value, locale);
  // A year without values starts from the latest year before it, its expiry moved along.
  const chosen = rows.find((row) => row.year === year);
  const template = chosen ?? rows.find((row) => row.year < year);
  const expiry = template?.carryOverExpiresOn && `${year}${template.carryOverExpiresOn.slice(4)}`;
  return (
    <section aria-labelledby="allowances-heading" className={`${card} p-5 lg:col-span-2`}>
      <h2 id="allowances-heading" className="mb-3 font-semibold">
        {t('heading')}
      </h2>
      {rows.length === 0 ? (
        <p className="mb-4 text-sm text-slate-600">{t('none')}</p>
      ) : (
        <div className="mb-5">
          <ScrollTable>
            <table className={tableClass}>
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className={th}>
                    {t('year')}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t('days')}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t('carryLimit')}
                  </th>
                  <th scope="col" className={th}>
                    {t('lapse')}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t('carriedIn')}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t('daysLeft')}
                  </th>
                  <th scope="col" className={th}>
                    <span className="sr-only">{t('change')}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={row.year}>
                    <th scope="row" className={`${td} font-medium`}>
                      {row.year}
                    </th>
                    <td className={`${td} text-right tabular-nums`}>{days(row.days)}</td>
                    <td className={`${td} text-right tabular-nums`}>{days(row.carryOverMax)}</td>
                    <td className={td}>
                      {row.carryOverExpiresOn
                        ? formatDate(row.carryOverExpiresOn, locale)
                        : t('never')}
                    </td>
                    <td className={`${td} text-right tabular-nums`}>
                      {days(row.balance.carriedIn)}
                    </td>
                    <td className={`${td} text-right tabular-nums`}>
                      {row.balance.daysLeft === null ? '–' : days(row.balance.daysLeft)}
                    </td>
                    <td className={`${td} text-right`}>
                      <Link
                        href={`?year=${row.year}#allowance-form`}
                        aria-label={t('changeYear', { year: String(row.year) })}
                        className="text-brand-700 underline"
                      >
                        {t('change')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </div>
      )}
      <h3 className="mb-3 text-sm font-semibold">{t('setHeading')}</h3>
      <div className="max-w-xl">
        <AllowanceForm
          userId={userId}
          name={name}
          defaults={{
            year,
            days: template?.days ?? null,
            carryOverMax: template?.carryOverMax ?? 0,
            // 29 February moved to a year without one: the 28th.
            carryOverExpiresOn: expiry ? (isCalendarDate(expiry) ? expiry : `${year}-02-28`) : null,
          }}
        />
      </div>
    </section>
  );
}
