import type { User } from '@/db/schema';

/** The person acting, as the data-access layer sees them: from the session or a verified token. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  timeZone: string;
}

export const actorColumns = {
  id: true,
  email: true,
  name: true,
  role: true,
  timeZone: true,
} as const;

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}
