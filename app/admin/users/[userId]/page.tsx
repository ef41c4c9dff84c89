import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { requireAdmin } from '@/lib/auth';
import { getUserForAdmin } from '@/lib/dal/admin-users';
import { adminTitle } from '../../_components/titles';
import { todayIn } from '@/lib/zoned-time';
import { orNotFound } from '@/app/_components/or-not-found';
import { whenText } from '../../_components/dates';
import { card } from '../../_components/ui';
import { RevokeUserTokensForm } from '../../tokens/revoke-user-tokens-form';
import { userStanding } from '../user-standing';
import { AllowancesSection } from './allowances-section';
import { DisableForm, RoleForm, SetupLinkForm, SignOutEverywhereForm } from './user-forms';

type Props = {
  params: Promise<{ userId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireAdmin();
  const userId = z.uuid().safeParse((await params).userId);
  const user = userId.success ? await getUserForAdmin(actor, userId.data).catch(() => null) : null;
  return adminTitle('user', user?.name);
}

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
  const [t, locale] = await Promise.all([getTranslations('admin'), getLocale()]);
  const when = (at: Date | null) => whenText(at, locale, actor.timeZone);
  const standing = userStanding(user);
  const self = user.id === actor.id;
  const section = `${card} p-5`;
  return (
    <div className="space-y-6">
      <div>
        <nav aria-label={t('common.breadcrumb')} className="mb-2 text-sm text-slate-600">
          <Link href="/admin/users" className="underline hover:text-slate-900">
            {t('users.title')}
          </Link>{' '}
          / <span aria-current="page">{user.name}</span>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">{user.name}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span className="break-all">{user.email}</span>
          <span className={`rounded-full px-2 py-0.5 text-xs ${standing.style}`}>
            {t(`users.standing.${standing.key}`)}
          </span>
          <span>· {t('user.added', { date: when(user.createdAt) })}</span>
        </p>
      </div>
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
        <section aria-labelledby="role-heading" className={section}>
          <h2 id="role-heading" className="mb-3 font-semibold">
            {t('user.role.heading')}
          </h2>
          {self ? (
            <p className="text-sm text-slate-600">{t('user.role.self')}</p>
          ) : (
            <RoleForm userId={user.id} name={user.name} role={user.role} />
          )}
        </section>
        <section aria-labelledby="account-heading" className={section}>
          <h2 id="account-heading" className="mb-3 font-semibold">
            {t('user.account.heading')}
          </h2>
          {self ? (
            <p className="text-sm text-slate-600">{t('user.account.self')}</p>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-600">
                {t(user.disabled ? 'user.account.disabled' : 'user.account.enabled')}
              </p>
              <DisableForm userId={user.id} name={user.name} disabled={user.disabled} />
            </>
          )}
        </section>
        <section aria-labelledby="sessions-heading" className={section}>
          <h2 id="sessions-heading" className="mb-3 font-semibold">
            {t('user.sessions.heading')}
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            {t(self ? 'user.sessions.self' : 'user.sessions.other')}
          </p>
          <SignOutEverywhereForm userId={user.id} name={user.name} />
        </section>
        <section aria-labelledby="password-heading" className={section}>
          <h2 id="password-heading" className="mb-3 font-semibold">
            {t('user.password.heading')}
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            {t(user.passwordSet ? 'user.password.set' : 'user.password.notSet')}{' '}
            {user.setupLinkExpiresAt &&
              (user.setupLinkExpiresAt > new Date()
                ? t('user.password.linkWorks', { date: when(user.setupLinkExpiresAt) })
                : t('user.password.linkExpired'))}
          </p>
          <SetupLinkForm userId={user.id} name={user.name} passwordSet={user.passwordSet} />
        </section>
        <section aria-labelledby="teams-heading" className={section}>
          <h2 id="teams-heading" className="mb-3 font-semibold">
            {t('user.teams.heading')}
          </h2>
          {user.memberships.length === 0 ? (
            <p className="text-sm text-slate-600">
              {t.rich('user.teams.none', {
                link: (chunks) => (
                  <Link href="/admin/teams" className="text-brand-700 underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          ) : (
            <ul className="space-y-1 text-sm">
              {user.memberships.map((m) => (
                <li key={m.teamId}>
                  <Link href={`/admin/teams/${m.slug}`} className="text-brand-700 underline">
                    {m.name}
                  </Link>{' '}
                  <span className="text-slate-600">
                    · {t(m.role === 'manager' ? 'common.manager' : 'common.member')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <AllowancesSection actor={actor} userId={user.id} name={user.name} year={allowanceYear} />
        <section aria-labelledby="links-heading" className={`${section} lg:col-span-2`}>
          <h2 id="links-heading" className="mb-1 font-semibold">
            {t('user.links.heading')}
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            {user.activeTokenCount === 0
              ? t('user.links.none')
              : t('user.links.some', { count: user.activeTokenCount })}{' '}
            <Link href={`/admin/tokens?owner=${user.id}`} className="text-brand-700 underline">
              {t('user.links.audit')}
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
