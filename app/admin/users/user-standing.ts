import type { AdminUserRow } from '@/lib/dal/admin-users';

/** Where the person stands, as a key of admin.users.standing, and its badge colours. */
export function userStanding(
  user: Pick<AdminUserRow, 'disabled' | 'passwordSet' | 'setupLinkExpiresAt'>,
) {
  if (user.disabled) return { key: 'disabled', style: 'bg-red-100 text-red-800' } as const;
  if (user.passwordSet) return { key: 'active', style: 'bg-green-100 text-green-800' } as const;
  if (user.setupLinkExpiresAt && user.setupLinkExpiresAt > new Date())
    return { key: 'invited', style: 'bg-amber-100 text-amber-800' } as const;
  return { key: 'expired', style: 'bg-slate-100 text-slate-700' } as const;
}
