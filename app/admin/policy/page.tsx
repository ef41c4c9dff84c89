import type { Metadata } from 'next';
import { requireAdmin } from '@/lib/auth';
import { getPolicyForAdmin } from '@/lib/dal/admin-policy';
import { oidcConfig } from '@/lib/oidc-config';
import { card } from '../_components/ui';
import { PolicyForm } from './policy-form';

export const metadata: Metadata = { title: 'Policy · Admin' };

export default async function PolicyPage() {
  const actor = await requireAdmin();
  const policy = await getPolicyForAdmin(actor);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Policy</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        How long calendar links live, how far the team calendars may be shared, and how people sign
        in. Link changes apply to links created from now on; existing links keep their expiry
        (revoke them under Tokens if they must stop). Sign-in changes apply from the next sign-in.
        Every change is kept in the audit log.
      </p>
      <section aria-label="Policy settings" className={`${card} mt-6 max-w-2xl p-5`}>
        <PolicyForm policy={policy} provider={oidcConfig()?.name ?? null} />
      </section>
    </>
  );
}
