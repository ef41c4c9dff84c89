import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/lib/auth';
import { userSearchSchema } from '@/lib/admin-validation';
import { listUsers } from '@/lib/dal/admin-users';
import { Pagination } from '../_components/pagination';
import { card, input, secondaryButton, tableClass, td, th, theadClass } from '../_components/ui';
import { CreateUserForm } from './create-user-form';
import { userStanding } from './user-standing';

export const metadata: Metadata = { title: 'Users · Admin' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const actor = await requireAdmin();
  const query = userSearchSchema.parse(await searchParams);
  const users = await listUsers(actor, query);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      <p className="mt-1 text-sm text-slate-600">
        Everyone with an account. Open a person to change their role, disable them, or give them a
        new password-setup link.
      </p>
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="users-heading" className={`${card} overflow-hidden`}>
          <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 px-4 py-3">
            <h2 id="users-heading" className="font-semibold">
              People
            </h2>
            <form role="search" className="flex items-end gap-2">
              <div>
                <label htmlFor="user-search" className="sr-only">
                  Search by name or email
                </label>
                <input
                  id="user-search"
                  name="q"
                  type="search"
                  maxLength={100}
                  defaultValue={query.q}
                  placeholder="Name or email"
                  className={`${input} mt-0 w-56`}
                />
              </div>
              <button type="submit" className={secondaryButton}>
                Search
              </button>
            </form>
          </div>
          <div className="overflow-x-auto">
            <table className={tableClass}>
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className={th}>
                    Name
                  </th>
                  <th scope="col" className={th}>
                    Email
                  </th>
                  <th scope="col" className={th}>
                    Role
                  </th>
                  <th scope="col" className={th}>
                    Status
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Teams
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Active links
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
                      <td className={td}>{user.role === 'admin' ? 'Admin' : 'Member'}</td>
                      <td className={td}>
                        <span className={`rounded-full px-2 py-0.5 text-xs ${standing.style}`}>
                          {standing.label}
                        </span>
                      </td>
                      <td className={`${td} text-right tabular-nums`}>{user.teamCount}</td>
                      <td className={`${td} text-right tabular-nums`}>{user.activeTokenCount}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination
            page={users}
            path="/admin/users"
            params={{ q: query.q }}
            noun={['person', 'people']}
          />
        </section>
        <section aria-labelledby="add-heading" className={`${card} h-fit p-5`}>
          <h2 id="add-heading" className="mb-1 font-semibold">
            Add a person
          </h2>
          <p className="mb-4 text-sm text-slate-600">
            You get a one-time link to send them; with it they choose their own password.
          </p>
          <CreateUserForm />
        </section>
      </div>
    </>
  );
}
