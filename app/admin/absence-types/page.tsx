import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/lib/auth';
import { listAbsenceTypesForAdmin } from '@/lib/dal/admin-absence-types';
import { card, tableClass, td, th, theadClass } from '../_components/ui';
import { CreateAbsenceTypeForm } from './create-absence-type-form';
import { ColorSwatch, typeRules, typeStatus } from './type-summary';

export const metadata: Metadata = { title: 'Absence types · Admin' };

export default async function AdminAbsenceTypesPage() {
  const actor = await requireAdmin();
  const types = await listAbsenceTypesForAdmin(actor);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Absence types</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        What people can request, in the order of their lists. Open a type to rename it, recolour it
        or change its rules, or to retire it: a retired type can no longer be requested, and the
        absences already taken keep showing with it.
      </p>
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="types-heading" className={`${card} h-fit overflow-hidden`}>
          <h2 id="types-heading" className="border-b border-slate-200 px-4 py-3 font-semibold">
            All types
          </h2>
          {types.length === 0 ? (
            <p className="px-4 py-4 text-sm text-slate-600">
              No types yet: nobody can request an absence. Create the first one with the form.
            </p>
          ) : (
            <div className="overflow-x-auto">
              <table className={tableClass}>
                <thead className={theadClass}>
                  <tr>
                    <th scope="col" className={th}>
                      Type
                    </th>
                    <th scope="col" className={th}>
                      Rules
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      Position
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      Absences
                    </th>
                    <th scope="col" className={th}>
                      Status
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
                        <span className="block font-mono text-xs text-slate-500">{type.key}</span>
                      </td>
                      <td className={`${td} text-slate-600`}>
                        <ul>
                          {typeRules(type).map((rule) => (
                            <li key={rule}>{rule}</li>
                          ))}
                        </ul>
                      </td>
                      <td className={`${td} text-right tabular-nums`}>{type.sortOrder}</td>
                      <td className={`${td} text-right tabular-nums`}>{type.absenceCount}</td>
                      <td className={td}>
                        <span
                          className={`rounded-full px-2 py-0.5 text-xs ${typeStatus(type).style}`}
                        >
                          {typeStatus(type).label}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="create-heading" className={`${card} h-fit p-5`}>
          <h2 id="create-heading" className="mb-4 font-semibold">
            New absence type
          </h2>
          <CreateAbsenceTypeForm />
        </section>
      </div>
    </>
  );
}
