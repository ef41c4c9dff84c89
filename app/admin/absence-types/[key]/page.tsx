import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { absenceTypeKeySchema } from '@/lib/admin-validation';
import { requireAdmin } from '@/lib/auth';
import { getAbsenceTypeForAdmin } from '@/lib/dal/admin-absence-types';
import { orNotFound } from '@/app/_components/or-not-found';
import { card, input } from '../../_components/ui';
import { ColorSwatch, typeStatus } from '../type-summary';
import { AbsenceTypeActiveForm, AbsenceTypeSettingsForm } from './absence-type-forms';

export const metadata: Metadata = { title: 'Absence type · Admin' };

type Props = { params: Promise<{ key: string }> };

export default async function AdminAbsenceTypePage({ params }: Props) {
  const actor = await requireAdmin();
  const key = absenceTypeKeySchema.safeParse((await params).key);
  if (!key.success) notFound();
  const type = await orNotFound(() => getAbsenceTypeForAdmin(actor, key.data));
  const status = typeStatus(type);
  const absences = `${type.absenceCount} ${type.absenceCount === 1 ? 'absence' : 'absences'}`;
  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
          <Link href="/admin/absence-types" className="hover:text-slate-900">
            Absence types
          </Link>{' '}
          / <span aria-current="page">{type.label}</span>
        </nav>
        <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight">
          <ColorSwatch color={type.color} />
          {type.label}
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span className={`rounded-full px-2 py-0.5 text-xs ${status.style}`}>{status.label}</span>
          {absences} of this type, in any state.
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="settings-heading" className={`${card} p-5`}>
          <h2 id="settings-heading" className="mb-4 font-semibold">
            Settings
          </h2>
          <div className="max-w-xl">
            <AbsenceTypeSettingsForm
              typeId={type.id}
              saved={{
                label: type.label,
                color: type.color,
                isPrivate: type.isPrivate,
                requiresApproval: type.requiresApproval,
                countsAgainstAllowance: type.countsAgainstAllowance,
                overAllowance: type.overAllowance,
                sortOrder: String(type.sortOrder),
              }}
              keyField={
                <div>
                  <label htmlFor="type-key" className="block text-sm font-medium">
                    Key
                  </label>
                  <input
                    id="type-key"
                    readOnly
                    value={type.key}
                    aria-describedby="type-key-hint"
                    className={`${input} bg-slate-50 font-mono text-xs`}
                  />
                  <p id="type-key-hint" className="mt-1 text-xs text-slate-500">
                    Fixed when the type was created: exports and integrations use it.
                  </p>
                </div>
              }
            />
          </div>
        </section>
        <section aria-labelledby="status-heading" className={`${card} h-fit p-5`}>
          <h2 id="status-heading" className="mb-3 font-semibold">
            Status
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            {type.active
              ? 'Retiring it: nobody can request it any more; the absences already taken keep showing with it, in the team pages and in calendars.'
              : 'Retired: nobody can request it; its absences keep showing with it. Restoring it lets people request it again.'}
          </p>
          <AbsenceTypeActiveForm typeId={type.id} label={type.label} active={type.active} />
        </section>
      </div>
    </div>
  );
}
