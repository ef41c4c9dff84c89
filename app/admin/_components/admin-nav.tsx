'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

const AREAS = [
  { href: '/admin', key: 'overview' },
  { href: '/admin/users', key: 'users' },
  { href: '/admin/teams', key: 'teams' },
  { href: '/admin/resources', key: 'resources' },
  { href: '/admin/absence-types', key: 'absenceTypes' },
  { href: '/admin/policy', key: 'policy' },
  { href: '/admin/tokens', key: 'tokens' },
  { href: '/admin/outbox', key: 'outbox' },
  { href: '/admin/audit', key: 'audit' },
] as const;

/**
 * The admin settings' own navigation, under the main header. On a narrow screen it is one row
 * that scrolls sideways on its own rather than wrapping into a ragged block.
 */
export function AdminNav() {
  const path = usePathname();
  const t = useTranslations('admin.nav');
  return (
    <nav aria-label={t('label')} className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto text-sm whitespace-nowrap sm:flex-wrap">
        {AREAS.map((area) => {
          const active = area.href === '/admin' ? path === '/admin' : path.startsWith(area.href);
          return (
            <li key={area.href} className="shrink-0">
              <Link
                href={area.href}
                aria-current={active ? 'page' : undefined}
                className={`block border-b-2 px-3 py-2 ${active ? 'border-brand-600 font-medium text-brand-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'}`}
              >
                {t(area.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
