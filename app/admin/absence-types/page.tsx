import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth';
import { listAbsenceTypesForAdmin } from '@/lib/dal/admin-absence-types';
import { ScrollTable } from '../_components/scroll-table';
import { adminTitle } from '../_components/titles';
import { card, tableClass, td, th, theadClass } from '../_components/ui';
import { CreateAbsenceTypeForm } from './create-absence-type-form';
import { ColorSwatch, typeRules, typeStatus } from './type-summary';

export const generateMetadata = () => adminTitle('absenceTypes');

export default async function AdminAbsenceTypesPage() {
  const actor = await requireAdmin();
  const [types, t] = await Promise.all([listAbsenceTypesForAdmin(actor), getTranslations('admin')]);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t('absenceTypes.title')}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('absenceTypes.intro')}</p>
      <div className="mt-6 grid gap-8 *:min-w-0 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="types-heading" className={`${card} h-fit overflow-hidden`}>
          <h2 id="types-heading" className="border-b border-slate-200 px-4 py-3 font-semibold">
            {t('absenceTypes.all')}
          </h2>
          {types.length === 0 ? (
            <p className="px-4 py-4 text-sm text-slate-600">{t('absenceTypes.empty')}</p>
          ) : (
            <ScrollTable>
              <table className={tableClass}>
                <thead className={theadClass}>
                  <tr>
                    <th scope="col" className={th}>
                      {t('absenceTypes.type')}
                    </th>
                    <th scope="col" className={th}>
                      {t('absenceTypes.rules')}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t('absenceTypes.position')}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t('absenceTypes.absences')}
                    </th>
                    <th scope="col" className={th}>
                      {t('common.status')}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {types.map((type) => (
                    <tr key={type.id}>
                      <td className={td}>
                        <span className="flex items-center gap-2">
                          <ColorSwatch color={type.color} />
                          <Link
                            href={`/admin/absence-types/${type.key}`}
                            className="font-medium text-brand-700 hover:underline"
                          >
                            {type.label}
                          </Link>
                        </span>
                        <span className="block font-mono text-xs text-slate-600">{type.key}</span>
                      </td>
                      <td className={`${td} text-slate-600`}>
                        <ul>
                          {typeRules(type).map((rule) => (
                            <li key={rule}>{t(`absenceTypes.rule.${rule}`)}</li>
                          ))}
                        </ul>
                      </td>
                      <td className={`${td} text-right tabular-nums`}>{type.sortOrder}</td>
                      <td className={`${td} text-right tabular-nums`}>{type.absenceCount}</td>
                      <td className={td}>
                        <span
                          className={`rounded-full px-2 py-0.5 text-xs ${typeStatus(type).style}`}
                        >
                          {t(`absenceTypes.status.${typeStatus(type).key}`)}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
        </section>
        <section aria-labelledby="create-heading" className={`${card} h-fit p-5`}>
          <h2 id="create-heading" className="mb-4 font-semibold">
            {t('absenceTypes.new')}
          </h2>
          <CreateAbsenceTypeForm />
        </section>
      </div>
    </>
  );
}
