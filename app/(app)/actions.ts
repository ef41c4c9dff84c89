'use server';

import { endCurrentSession, signOut } from '@/lib/auth';

export async function signOutAction(): Promise<void> {
  // Ended in the database first: a copy of the cookie must not outlive the sign-out.
  await endCurrentSession();
  await signOut({ redirectTo: '/sign-in' });
}
