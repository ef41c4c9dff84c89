import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth';
import { userSearchSchema } from '@/lib/admin-validation';
import { listUsers } from '@/lib/dal/admin-users';
import { Pagination } from '../_components/pagination';
import { ScrollTable } from '../_components/scroll-table';
import { adminTitle } from '../_components/titles';
import { card, input, secondaryButton, tableClass, td, th, theadClass } from '../_components/ui';
import { CreateUserForm } from './create-user-form';
import { userStanding } from './user-standing';

export const generateMetadata = () => adminTitle('users');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const actor = await requireAdmin();
  const query = userSearchSchema.parse(await searchParams);
  const [users, t] = await Promise.all([listUsers(actor, query), getTranslations('admin')]);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t('users.title')}</h1>
      <p className="mt-1 text-sm text-slate-600">{t('users.intro')}</p>
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="users-heading" className={`${card} min-w-0 overflow-hidden`}>
          <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 px-4 py-3">
            <h2 id="users-heading" className="font-semibold">
              {t('users.people')}
            </h2>
            <form role="search" className="flex min-w-0 items-end gap-2">
              <div>
                <label htmlFor="user-search" className="sr-only">
                  {t('users.searchLabel')}
                </label>
                <input
                  id="user-search"
                  name="q"
                  type="search"
                  maxLength={100}
                  defaultValue={query.q}
                  placeholder={t('users.searchPlaceholder')}
                  className={`${input} mt-0 w-full max-w-56`}
                />
              </div>
              <button type="submit" className={secondaryButton}>
                {t('common.search')}
              </button>
            </form>
          </div>
          {users.total === 0 && query.q ? (
            <p className="px-4 py-4 text-sm text-slate-600">
              {t('users.noMatch', { query: query.q })}{' '}
              <Link href="/admin/users" className="text-brand-700 underline">
                {t('users.showEveryone')}
              </Link>
            </p>
          ) : (
            <ScrollTable>
              <table className={tableClass}>
                <thead className={theadClass}>
                  <tr>
                    <th scope="col" className={th}>
                      {t('common.name')}
                    </th>
                    <th scope="col" className={th}>
                      {t('common.email')}
                    </th>
                    <th scope="col" className={th}>
                      {t('common.role')}
                    </th>
                    <th scope="col" className={th}>
                      {t('common.status')}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t('users.teams')}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t('users.activeLinks')}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {users.rows.map((user) => {
                    const standing = userStanding(user);
                    return (
                      <tr key={user.id}>
                        <td className={td}>
                          <Link
                            href={`/admin/users/${user.id}`}
                            className="font-medium text-brand-700 hover:underline"
                          >
                            {user.name}
                          </Link>
                        </td>
                        <td className={`${td} text-slate-600`}>{user.email}</td>
                        <td className={td}>
                          {t(user.role === 'admin' ? 'common.admin' : 'common.member')}
                        </td>
                        <td className={td}>
                          <span className={`rounded-full px-2 py-0.5 text-xs ${standing.style}`}>
                            {t(`users.standing.${standing.key}`)}
                          </span>
                        </td>
                        <td className={`${td} text-right tabular-nums`}>{user.teamCount}</td>
                        <td className={`${td} text-right tabular-nums`}>{user.activeTokenCount}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollTable>
          )}
          <Pagination page={users} path="/admin/users" params={{ q: query.q }} noun="people" />
        </section>
        <section aria-labelledby="add-heading" className={`${card} h-fit p-5`}>
          <h2 id="add-heading" className="mb-1 font-semibold">
            {t('users.add.heading')}
          </h2>
          <p className="mb-4 text-sm text-slate-600">{t('users.add.intro')}</p>
          <CreateUserForm />
        </section>
      </div>
    </>
  );
}
