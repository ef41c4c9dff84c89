import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { Page } from '@/lib/dal/admin-access';

/** Query parameters as a link keeps them: empty ones dropped. */
export function hrefWith(
  path: string,
  params: Record<string, string | number | undefined>,
  change: Record<string, string | number | undefined> = {},
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...change }))
    if (value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** "N results" and previous / next page links that keep the filters. */
export function Pagination({
  page,
  path,
  params,
  noun,
}: {
  page: Pick<Page<unknown>, 'page' | 'pageCount' | 'total' | 'pageSize'>;
  path: string;
  params: Record<string, string | number | undefined>;
  noun: 'people' | 'teams' | 'links' | 'events' | 'messages';
}) {
  const t = useTranslations('admin.pagination');
  const first = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);
  const link = 'rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100';
  return (
    <nav
      aria-label={t('label')}
      className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm text-slate-600"
    >
      <p>
        {page.total === 0
          ? t(`none${noun}`)
          : t(noun, { first: String(first), last: String(last), total: page.total })}
      </p>
      {page.pageCount > 1 && (
        <div className="flex items-center gap-2">
          {page.page > 1 && (
            <Link href={hrefWith(path, params, { page: page.page - 1 })} className={link}>
              {t('previous')}
            </Link>
          )}
          <span>{t('pageOf', { page: String(page.page), count: String(page.pageCount) })}</span>
          {page.page < page.pageCount && (
            <Link href={hrefWith(path, params, { page: page.page + 1 })} className={link}>
              {t('next')}
            </Link>
          )}
        </div>
      )}
    </nav>
  );
}
