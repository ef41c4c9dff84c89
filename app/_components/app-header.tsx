import Link from 'next/link';
import { Logo } from './logo';
import { NavLink } from './nav-link';

interface AppHeaderProps {
  user: { name: string; email: string; role: 'admin' | 'member' };
  signOutAction: () => Promise<void>;
}

export function AppHeader({ user, signOutAction }: AppHeaderProps) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:gap-6">
        <Link href="/teams" className="shrink-0 rounded" aria-label="TeamCal home">
          <Logo />
        </Link>
        <nav aria-label="Main" className="flex min-w-0 items-center gap-1 overflow-x-auto text-sm">
          <NavLink href="/teams">My teams</NavLink>
          <NavLink href="/absences">My absences</NavLink>
          <NavLink href="/calendar">My calendar</NavLink>
          <NavLink href="/resources">Resources</NavLink>
          {user.role === 'admin' && <NavLink href="/admin">Admin</NavLink>}
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
            <span className="sr-only">Account menu</span>
          </summary>
          <div className="absolute right-0 z-10 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
            <p className="px-2 py-1 text-sm">
              <span className="block font-medium">{user.name}</span>
              <span className="block truncate text-slate-500">{user.email}</span>
              {user.role === 'admin' && (
                <span className="mt-1 inline-block rounded bg-amber-100 px-1.5 text-xs text-amber-800">
                  Admin
                </span>
              )}
            </p>
            <Link
              href="/profile"
              className="mt-1 block rounded-md px-2 py-1.5 text-sm hover:bg-slate-100"
            >
              Profile
            </Link>
            <form action={signOutAction} className="mt-1 border-t border-slate-100 pt-1">
              <button
                type="submit"
                className="w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-100"
              >
                Sign out
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
