import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { requireAdmin } from '@/lib/auth';
import { getUserForAdmin } from '@/lib/dal/admin-users';
import { todayIn } from '@/lib/zoned-time';
import { orNotFound } from '@/app/_components/or-not-found';
import { card, formatDateTime } from '../../_components/ui';
import { RevokeUserTokensForm } from '../../tokens/revoke-user-tokens-form';
import { userStanding } from '../user-standing';
import { AllowancesSection } from './allowances-section';
import { DisableForm, RoleForm, SetupLinkForm, SignOutEverywhereForm } from './user-forms';

export const metadata: Metadata = { title: 'Person · Admin' };

type Props = {
  params: Promise<{ userId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function UserPage({ params, searchParams }: Props) {
  const actor = await requireAdmin();
  const userId = z.uuid().safeParse((await params).userId);
  if (!userId.success) notFound();
  const user = await orNotFound(() => getUserForAdmin(actor, userId.data));
  // The year the allowance form starts with: ?year=, else this one.
  const thisYear = Number(todayIn('UTC').slice(0, 4));
  const allowanceYear = z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .catch(thisYear)
    .parse((await searchParams).year);
  const standing = userStanding(user);
  const self = user.id === actor.id;
  const section = `${card} p-5`;
  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
          <Link href="/admin/users" className="hover:text-slate-900">
            Users
          </Link>{' '}
          / <span aria-current="page">{user.name}</span>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">{user.name}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          {user.email}
          <span className={`rounded-full px-2 py-0.5 text-xs ${standing.style}`}>
            {standing.label}
          </span>
          <span>· added {formatDateTime(user.createdAt)} UTC</span>
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="role-heading" className={section}>
          <h2 id="role-heading" className="mb-3 font-semibold">
            Role
          </h2>
          {self ? (
            <p className="text-sm text-slate-600">
              You are an admin. To stop being one, ask another admin: nobody can remove their own
              role, so TeamCal always keeps an admin.
            </p>
          ) : (
            <RoleForm userId={user.id} name={user.name} role={user.role} />
          )}
        </section>
        <section aria-labelledby="account-heading" className={section}>
          <h2 id="account-heading" className="mb-3 font-semibold">
            Account
          </h2>
          {self ? (
            <p className="text-sm text-slate-600">You cannot disable your own account.</p>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-600">
                {user.disabled
                  ? 'Disabled: cannot sign in, and their calendar links answer “gone”.'
                  : 'Disabling signs them out at their next click and stops their calendar links; nothing they entered is lost.'}
              </p>
              <DisableForm userId={user.id} name={user.name} disabled={user.disabled} />
            </>
          )}
        </section>
        <section aria-labelledby="sessions-heading" className={section}>
          <h2 id="sessions-heading" className="mb-3 font-semibold">
            Sessions
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            {self
              ? 'Ends every session of yours, this one included: you will have to sign in again.'
              : 'Ends every session at once, on every browser and device (a lost laptop, a shared computer). Their calendar links keep working.'}
          </p>
          <SignOutEverywhereForm userId={user.id} name={user.name} />
        </section>
        <section aria-labelledby="password-heading" className={section}>
          <h2 id="password-heading" className="mb-3 font-semibold">
            Password
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            {user.passwordSet ? 'They have chosen a password.' : 'No password chosen yet.'}{' '}
            {user.setupLinkExpiresAt &&
              (user.setupLinkExpiresAt > new Date()
                ? `An unused setup link works until ${formatDateTime(user.setupLinkExpiresAt)} UTC.`
                : 'Their last setup link has expired.')}
          </p>
          <SetupLinkForm userId={user.id} name={user.name} passwordSet={user.passwordSet} />
        </section>
        <section aria-labelledby="teams-heading" className={section}>
          <h2 id="teams-heading" className="mb-3 font-semibold">
            Teams
          </h2>
          {user.memberships.length === 0 ? (
            <p className="text-sm text-slate-600">
              In no team yet. Add them from a team’s page under{' '}
              <Link href="/admin/teams" className="text-brand-700 hover:underline">
                Teams
              </Link>
              .
            </p>
          ) : (
            <ul className="space-y-1 text-sm">
              {user.memberships.map((m) => (
                <li key={m.teamId}>
                  <Link href={`/admin/teams/${m.slug}`} className="text-brand-700 hover:underline">
                    {m.name}
                  </Link>{' '}
                  <span className="text-slate-500">
                    · {m.role === 'manager' ? 'Manager' : 'Member'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <AllowancesSection actor={actor} userId={user.id} name={user.name} year={allowanceYear} />
        <section aria-labelledby="links-heading" className={`${section} lg:col-span-2`}>
          <h2 id="links-heading" className="mb-1 font-semibold">
            Calendar links
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            {user.activeTokenCount === 0
              ? 'No active link.'
              : `${user.activeTokenCount} active ${user.activeTokenCount === 1 ? 'link' : 'links'} (subscriptions, public links and guest shares they created).`}{' '}
            <Link
              href={`/admin/tokens?owner=${user.id}`}
              className="text-brand-700 hover:underline"
            >
              See them in the token audit
            </Link>
          </p>
          {user.activeTokenCount > 0 && (
            <div className="max-w-md">
              <RevokeUserTokensForm userId={user.id} name={user.name} />
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
