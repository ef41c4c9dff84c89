import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Logo } from './logo';
import { NavLink } from './nav-link';

interface AppHeaderProps {
  user: { name: string; email: string; role: 'admin' | 'member' };
  signOutAction: () => Promise<void>;
}

export async function AppHeader({ user, signOutAction }: AppHeaderProps) {
  const t = await getTranslations('common.nav');
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:gap-6">
        <Link href="/teams" className="shrink-0 rounded" aria-label={t('home')}>
          <Logo compact />
        </Link>
        <nav
          aria-label={t('label')}
          className="flex min-w-0 items-center gap-1 overflow-x-auto text-sm"
        >
          <NavLink href="/teams">{t('teams')}</NavLink>
          <NavLink href="/absences">{t('absences')}</NavLink>
          <NavLink href="/calendar">{t('calendar')}</NavLink>
          <NavLink href="/resources">{t('resources')}</NavLink>
          {user.role === 'admin' && <NavLink href="/admin">{t('admin')}</NavLink>}
        </nav>
        <details className="relative ml-auto shrink-0">
          <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-100">
            <span
              aria-hidden="true"
              className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700"
            >
              {initials(user.name)}
            </span>
            <span className="hidden sm:inline">{user.name}</span>
            <span className="sr-only">{t('accountMenu')}</span>
          </summary>
          <div className="absolute right-0 z-10 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
            <p className="px-2 py-1 text-sm">
              <span className="block font-medium">{user.name}</span>
              <span className="block truncate text-slate-500">{user.email}</span>
              {user.role === 'admin' && (
                <span className="mt-1 inline-block rounded bg-amber-100 px-1.5 text-xs text-amber-800">
                  {t('adminBadge')}
                </span>
              )}
            </p>
            <Link
              href="/profile"
              className="mt-1 block rounded-md px-2 py-1.5 text-sm hover:bg-slate-100"
            >
              {t('profile')}
            </Link>
            <form action={signOutAction} className="mt-1 border-t border-slate-100 pt-1">
              <button
                type="submit"
                className="w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-100"
              >
                {t('signOut')}
              </button>
            </form>
          </div>
        </details>
      </div>
    </header>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();
}
