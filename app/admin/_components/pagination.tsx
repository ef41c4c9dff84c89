import Link from 'next/link';
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
  noun: [one: string, many: string];
}) {
  const first = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);
  const link = 'rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100';
  return (
    <nav
      aria-label="Pages"
      className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm text-slate-600"
    >
      <p>
        {page.total === 0
          ? `No ${noun[1]}.`
          : `${first}–${last} of ${page.total} ${page.total === 1 ? noun[0] : noun[1]}`}
      </p>
      {page.pageCount > 1 && (
        <div className="flex items-center gap-2">
          {page.page > 1 && (
            <Link href={hrefWith(path, params, { page: page.page - 1 })} className={link}>
              ← Previous
            </Link>
          )}
          <span>
            Page {page.page} of {page.pageCount}
          </span>
          {page.page < page.pageCount && (
            <Link href={hrefWith(path, params, { page: page.page + 1 })} className={link}>
              Next →
            </Link>
          )}
        </div>
      )}
    </nav>
  );
}
