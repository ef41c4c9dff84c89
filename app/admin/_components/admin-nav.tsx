'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const AREAS = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/teams', label: 'Teams' },
  { href: '/admin/resources', label: 'Resources' },
  { href: '/admin/absence-types', label: 'Absence types' },
  { href: '/admin/policy', label: 'Policy' },
  { href: '/admin/tokens', label: 'Tokens' },
  { href: '/admin/outbox', label: 'Outbox' },
  { href: '/admin/audit', label: 'Audit log' },
];

/** The admin settings' own navigation, under the main header. */
export function AdminNav() {
  const path = usePathname();
  return (
    <nav aria-label="Admin settings" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-1 text-sm">
        {AREAS.map((area) => {
          const active = area.href === '/admin' ? path === '/admin' : path.startsWith(area.href);
          return (
            <li key={area.href}>
              <Link
                href={area.href}
                aria-current={active ? 'page' : undefined}
                className={`block border-b-2 px-3 py-2 ${active ? 'border-brand-600 font-medium text-brand-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'}`}
              >
                {area.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
