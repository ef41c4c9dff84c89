import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/lib/auth';
import { tokenFilterSchema, type TokenFilter } from '@/lib/admin-validation';
import { listTokenFilterTeams, listTokens, type AdminTokenRow } from '@/lib/dal/admin-tokens';
import { getUserForAdmin } from '@/lib/dal/admin-users';
import { describeCalendarClient } from '@/lib/user-agents';
import { orNotFound } from '@/app/_components/or-not-found';
import { hrefWith, Pagination } from '../_components/pagination';
import { card, formatDateTime, formatDay, tableClass, td, th, theadClass } from '../_components/ui';
import { RevokeTokenForm } from './revoke-token-form';
import { RevokeUserTokensForm } from './revoke-user-tokens-form';
import { TokenFilters } from './token-filters';

export const metadata: Metadata = { title: 'Tokens · Admin' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const KIND = { personal: 'Personal', public: 'Public', guest: 'Guest' } as const;
const CALENDAR_KIND = { team: 'Team', person: 'Personal', resource: 'Resource' } as const;
const STATUS_STYLE = {
  active: 'bg-green-100 text-green-800',
  expired: 'bg-slate-100 text-slate-700',
  revoked: 'bg-red-100 text-red-800',
} as const;

/** A column header that sorts by its column, most recent first, then flips. */
function SortHeader({
  filter,
  sort,
  children,
}: {
  filter: TokenFilter;
  sort: TokenFilter['sort'];
  children: React.ReactNode;
}) {
  const active = filter.sort === sort;
  const dir = active && filter.dir === 'desc' ? 'asc' : 'desc';
  return (
    <th
      scope="col"
      className={th}
      aria-sort={active ? (filter.dir === 'desc' ? 'descending' : 'ascending') : undefined}
    >
      <Link
        href={hrefWith('/admin/tokens', { ...filter, page: undefined }, { sort, dir })}
        className="hover:text-slate-900 hover:underline"
      >
        {children}
        {active && <span aria-hidden="true">{filter.dir === 'desc' ? ' ↓' : ' ↑'}</span>}
      </Link>
    </th>
  );
}

function TokenRow({ token }: { token: AdminTokenRow }) {
  const client = describeCalendarClient(token.lastUsedUserAgent);
  return (
    <tr>
      <td className={td}>
        <span className="font-mono text-xs">{token.displayPrefix}…</span>
        <span className="block text-xs text-slate-500">
          {KIND[token.kind]}
          {token.label && ` · ${token.label}`}
        </span>
      </td>
      <td className={td}>
        <Link
          href={hrefWith('/admin/tokens', { owner: token.ownerId })}
          className="text-brand-700 hover:underline"
        >
          {token.ownerName}
        </Link>
        {token.guestEmail && (
          <span className="block text-xs text-slate-500">guest: {token.guestEmail}</span>
        )}
      </td>
      <td className={td}>
        {token.calendarName}
        <span className="block text-xs text-slate-500">
          {CALENDAR_KIND[token.calendarKind]} · {token.privacy}
        </span>
      </td>
      <td className={`${td} whitespace-nowrap`}>
        {formatDay(token.createdAt)}
        <span className="block text-xs text-slate-500">
          {token.expiresAt ? `expires ${formatDay(token.expiresAt)}` : 'never expires'}
        </span>
      </td>
      <td className={td}>
        <span className={`rounded-full px-2 py-0.5 text-xs ${STATUS_STYLE[token.status]}`}>
          {token.status}
        </span>
        {token.revokedAt && (
          <span className="mt-1 block max-w-48 text-xs text-slate-500">
            {formatDay(token.revokedAt)}
            {token.revokedByName && ` by ${token.revokedByName}`}
            {token.revokeReason && `: ${token.revokeReason}`}
          </span>
        )}
      </td>
      <td className={td}>
        {token.lastUsedAt ? (
          <>
            <span className="whitespace-nowrap">{formatDateTime(token.lastUsedAt)}</span>
            <span className="block text-xs text-slate-500">
              {token.lastUsedIp ?? 'unknown address'}
            </span>
            {token.lastUsedUserAgent && (
              <span
                className="block max-w-48 truncate text-xs text-slate-500"
                title={token.lastUsedUserAgent}
              >
                {client ?? token.lastUsedUserAgent}
              </span>
            )}
          </>
        ) : (
          <span className="text-slate-500">never</span>
        )}
      </td>
      <td className={`${td} text-right tabular-nums`}>{token.useCount}</td>
      <td className={`${td} text-right`}>
        {token.status !== 'revoked' && (
          <RevokeTokenForm tokenId={token.id} prefix={token.displayPrefix} />
        )}
      </td>
    </tr>
  );
}

export default async function TokensPage({ searchParams }: Props) {
  const actor = await requireAdmin();
  const filter = tokenFilterSchema.parse(await searchParams);
  const [tokens, teams, owner] = await Promise.all([
    listTokens(actor, filter),
    listTokenFilterTeams(actor),
    filter.owner ? orNotFound(() => getUserForAdmin(actor, filter.owner!)) : null,
  ]);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Tokens</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        Every calendar link: personal subscriptions, public links and guest shares, who holds them,
        and when and from where they were last fetched. Times are UTC.
      </p>
      {owner && (
        <section
          aria-labelledby="owner-heading"
          className={`${card} mt-6 flex flex-wrap items-start justify-between gap-4 p-5`}
        >
          <div>
            <h2 id="owner-heading" className="font-semibold">
              Links of {owner.name}
            </h2>
            <p className="text-sm text-slate-600">
              {owner.email} · {owner.activeTokenCount} active ·{' '}
              <Link
                href={hrefWith('/admin/tokens', { ...filter, owner: undefined, page: undefined })}
                className="text-brand-700 hover:underline"
              >
                show everyone’s
              </Link>
            </p>
          </div>
          {owner.activeTokenCount > 0 && (
            <div className="w-full max-w-sm">
              <RevokeUserTokensForm userId={owner.id} name={owner.name} />
            </div>
          )}
        </section>
      )}
      <section aria-label="Links" className={`${card} mt-6 overflow-hidden`}>
        <TokenFilters filter={filter} teams={teams} />
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={th}>
                  Link
                </th>
                <th scope="col" className={th}>
                  Owner
                </th>
                <th scope="col" className={th}>
                  Calendar
                </th>
                <SortHeader filter={filter} sort="created">
                  Created
                </SortHeader>
                <th scope="col" className={th}>
                  Status
                </th>
                <SortHeader filter={filter} sort="last_used">
                  Last used
                </SortHeader>
                <th scope="col" className={`${th} text-right`}>
                  Uses
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.rows.map((token) => (
                <TokenRow key={token.id} token={token} />
              ))}
            </tbody>
          </table>
        </div>
        <Pagination
          page={tokens}
          path="/admin/tokens"
          params={{ ...filter, page: undefined }}
          noun={['link', 'links']}
        />
      </section>
    </>
  );
}
