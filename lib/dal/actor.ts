import type { User } from '@/db/schema';

/** The person acting, as the data-access layer sees them: from the session or a verified token. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  timeZone: string;
  /** The language chosen in the profile, or null to follow the browser. */
  locale: string | null;
}

export const actorColumns = {
  id: true,
  email: true,
  name: true,
  role: true,
  timeZone: true,
  locale: true,
} as const;

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** The actor's fields of a user row, and nothing else (no hashes, no flags). */
export function toActor(user: Actor): Actor {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    timeZone: user.timeZone,
    locale: user.locale,
  };
}
