import { getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth';
import { getPolicyForAdmin } from '@/lib/dal/admin-policy';
import { oidcConfig } from '@/lib/oidc-config';
import { adminTitle } from '../_components/titles';
import { card } from '../_components/ui';
import { PolicyForm } from './policy-form';

export const generateMetadata = () => adminTitle('policy');

export default async function PolicyPage() {
  const actor = await requireAdmin();
  const [policy, t] = await Promise.all([
    getPolicyForAdmin(actor),
    getTranslations('admin.policy'),
  ]);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">{t('intro')}</p>
      <section aria-label={t('settings')} className={`${card} mt-6 max-w-2xl p-5`}>
        <PolicyForm policy={policy} provider={oidcConfig()?.name ?? null} />
      </section>
    </>
  );
}
