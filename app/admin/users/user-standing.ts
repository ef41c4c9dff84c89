import type { AdminUserRow } from '@/lib/dal/admin-users';

/** Where the person stands, in a word or two. */
export function userStanding(
  user: Pick<AdminUserRow, 'disabled' | 'passwordSet' | 'setupLinkExpiresAt'>,
) {
  if (user.disabled) return { label: 'Disabled', style: 'bg-red-100 text-red-800' };
  if (user.passwordSet) return { label: 'Active', style: 'bg-green-100 text-green-800' };
  if (user.setupLinkExpiresAt && user.setupLinkExpiresAt > new Date())
    return { label: 'Invited', style: 'bg-amber-100 text-amber-800' };
  return { label: 'Invitation expired', style: 'bg-slate-100 text-slate-700' };
}
