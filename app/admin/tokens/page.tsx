import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth';
import { tokenFilterSchema, type TokenFilter } from '@/lib/admin-validation';
import { listTokenFilterTeams, listTokens, type AdminTokenRow } from '@/lib/dal/admin-tokens';
import { getUserForAdmin } from '@/lib/dal/admin-users';
import { describeCalendarClient } from '@/lib/user-agents';
import { orNotFound } from '@/app/_components/or-not-found';
import { hrefWith, Pagination } from '../_components/pagination';
import { dayText, whenText } from '../_components/dates';
import { ScrollTable } from '../_components/scroll-table';
import { adminTitle } from '../_components/titles';
import { card, tableClass, td, th, theadClass } from '../_components/ui';
import { RevokeTokenForm } from './revoke-token-form';
import { RevokeUserTokensForm } from './revoke-user-tokens-form';
import { TokenFilters } from './token-filters';

export const generateMetadata = () => adminTitle('tokens');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

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

function TokenRow({ token, timeZone }: { token: AdminTokenRow; timeZone: string }) {
  const t = useTranslations('admin.tokens');
  const locale = useLocale();
  const day = (at: Date | null) => dayText(at, locale, timeZone);
  const client = describeCalendarClient(token.lastUsedUserAgent);
  return (
    <tr>
      <td className={td}>
        <span className="font-mono text-xs">{token.displayPrefix}…</span>
        <span className="block text-xs text-slate-500">
          {t(`kind.${token.kind}`)}
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
          <span className="block text-xs text-slate-600">
            {t('guest', { email: token.guestEmail })}
          </span>
        )}
      </td>
      <td className={td}>
        {token.calendarName}
        <span className="block text-xs text-slate-500">
          {t(`calendarKind.${token.calendarKind}`)} · {t(`privacy.${token.privacy}`)}
        </span>
      </td>
      <td className={`${td} whitespace-nowrap`}>
        {day(token.createdAt)}
        <span className="block text-xs text-slate-600">
          {token.expiresAt ? t('expires', { date: day(token.expiresAt) }) : t('neverExpires')}
        </span>
      </td>
      <td className={td}>
        <span className={`rounded-full px-2 py-0.5 text-xs ${STATUS_STYLE[token.status]}`}>
          {t(`status.${token.status}`)}
        </span>
        {token.revokedAt && (
          <span className="mt-1 block max-w-48 text-xs text-slate-600">
            {day(token.revokedAt)}
            {token.revokedByName && ` ${t('revokedBy', { name: token.revokedByName })}`}
            {token.revokeReason && `: ${token.revokeReason}`}
          </span>
        )}
      </td>
      <td className={td}>
        {token.lastUsedAt ? (
          <>
            <span className="whitespace-nowrap">
              {whenText(token.lastUsedAt, locale, timeZone)}
            </span>
            <span className="block text-xs text-slate-600">
              {token.lastUsedIp ?? t('unknownAddress')}
            </span>
            {token.lastUsedUserAgent && (
              <span
                className="block max-w-48 truncate text-xs text-slate-600"
                title={token.lastUsedUserAgent}
              >
                {client ?? token.lastUsedUserAgent}
              </span>
            )}
          </>
        ) : (
          <span className="text-slate-600">{t('never')}</span>
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
  const t = await getTranslations('admin');
  const filtered = Object.entries(filter).some(
    ([key, value]) =>
      !['sort', 'dir', 'page', 'owner'].includes(key) && value !== undefined && value !== '',
  );
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t('tokens.title')}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        {t('tokens.intro')} {t('common.timesIn', { timeZone: actor.timeZone })}
      </p>
      {owner && (
        <section
          aria-labelledby="owner-heading"
          className={`${card} mt-6 flex flex-wrap items-start justify-between gap-4 p-5`}
        >
          <div>
            <h2 id="owner-heading" className="font-semibold">
              {t('tokens.linksOf', { name: owner.name })}
            </h2>
            <p className="text-sm break-all text-slate-600">
              {t('tokens.ownerActive', {
                email: owner.email,
                count: String(owner.activeTokenCount),
              })}{' '}
              <Link
                href={hrefWith('/admin/tokens', { ...filter, owner: undefined, page: undefined })}
                className="text-brand-700 underline"
              >
                {t('tokens.everyone')}
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
      <section aria-label={t('tokens.links')} className={`${card} mt-6 overflow-hidden`}>
        <TokenFilters filter={filter} teams={teams} />
        {tokens.total === 0 ? (
          <p className="p-6 text-sm text-slate-600">
            {filtered || filter.owner ? t('tokens.noMatch') : t('tokens.noLinks')}{' '}
            {(filtered || filter.owner) && (
              <Link href="/admin/tokens" className="text-brand-700 underline">
                {t('tokens.showAll')}
              </Link>
            )}
          </p>
        ) : (
          <ScrollTable>
            <table className={tableClass}>
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className={th}>
                    {t('tokens.link')}
                  </th>
                  <th scope="col" className={th}>
                    {t('tokens.owner')}
                  </th>
                  <th scope="col" className={th}>
                    {t('tokens.calendar')}
                  </th>
                  <SortHeader filter={filter} sort="created">
                    {t('tokens.created')}
                  </SortHeader>
                  <th scope="col" className={th}>
                    {t('common.status')}
                  </th>
                  <SortHeader filter={filter} sort="last_used">
                    {t('tokens.lastUsed')}
                  </SortHeader>
                  <th scope="col" className={`${th} text-right`}>
                    {t('tokens.uses')}
                  </th>
                  <th scope="col" className={th}>
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tokens.rows.map((token) => (
                  <TokenRow key={token.id} token={token} timeZone={actor.timeZone} />
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
        <Pagination
          page={tokens}
          path="/admin/tokens"
          params={{ ...filter, page: undefined }}
          noun="links"
        />
      </section>
    </>
  );
}
