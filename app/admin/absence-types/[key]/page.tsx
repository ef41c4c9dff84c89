import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { absenceTypeKeySchema } from '@/lib/admin-validation';
import { requireAdmin } from '@/lib/auth';
import { getAbsenceTypeForAdmin } from '@/lib/dal/admin-absence-types';
import { orNotFound } from '@/app/_components/or-not-found';
import { adminTitle } from '../../_components/titles';
import { card, input } from '../../_components/ui';
import { ColorSwatch, typeStatus } from '../type-summary';
import { AbsenceTypeActiveForm, AbsenceTypeSettingsForm } from './absence-type-forms';

type Props = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireAdmin();
  const key = absenceTypeKeySchema.safeParse((await params).key);
  const type = key.success ? await getAbsenceTypeForAdmin(actor, key.data).catch(() => null) : null;
  return adminTitle('absenceType', type?.label);
}

export default async function AdminAbsenceTypePage({ params }: Props) {
  const actor = await requireAdmin();
  const key = absenceTypeKeySchema.safeParse((await params).key);
  if (!key.success) notFound();
  const type = await orNotFound(() => getAbsenceTypeForAdmin(actor, key.data));
  const status = typeStatus(type);
  const t = await getTranslations('admin');
  return (
    <div className="space-y-6">
      <div>
        <nav aria-label={t('common.breadcrumb')} className="mb-2 text-sm text-slate-600">
          <Link href="/admin/absence-types" className="underline hover:text-slate-900">
            {t('absenceTypes.title')}
          </Link>{' '}
          / <span aria-current="page">{type.label}</span>
        </nav>
        <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight">
          <ColorSwatch color={type.color} />
          {type.label}
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span className={`rounded-full px-2 py-0.5 text-xs ${status.style}`}>
            {t(`absenceTypes.status.${status.key}`)}
          </span>
          {t('absenceType.count', { count: type.absenceCount })}
        </p>
      </div>
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="settings-heading" className={`${card} p-5`}>
          <h2 id="settings-heading" className="mb-4 font-semibold">
            {t('common.settings')}
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
                    {t('absenceTypes.fields.key')}
                  </label>
                  <input
                    id="type-key"
                    readOnly
                    value={type.key}
                    aria-describedby="type-key-hint"
                    className={`${input} bg-slate-50 font-mono text-xs`}
                  />
                  <p id="type-key-hint" className="mt-1 text-xs text-slate-500">
                    {t('absenceTypes.fields.keyFixed')}
                  </p>
                </div>
              }
            />
          </div>
        </section>
        <section aria-labelledby="status-heading" className={`${card} h-fit p-5`}>
          <h2 id="status-heading" className="mb-3 font-semibold">
            {t('common.status')}
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            {t(type.active ? 'absenceType.activeNote' : 'absenceType.retiredNote')}
          </p>
          <AbsenceTypeActiveForm typeId={type.id} label={type.label} active={type.active} />
        </section>
      </div>
    </div>
  );
}
