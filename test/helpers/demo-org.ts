import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { absenceTypes, users } from '@/db/schema';
import { actorColumns, type Actor } from '@/lib/dal/actor';
import {
  createPersonalSubscription,
  getPersonalSubscription,
  invalidatePersonalSubscription,
} from '@/lib/dal/feed-tokens';
import { feedOptionsSchema } from '@/lib/validation';

// Arranging what e2e tests fetch, on a server seeded with the demo organisation: the test opens
// the server's database (installDatabase) and acts as a person would through the DAL.

export async function actorByEmail(db: Database, email: string): Promise<Actor> {
  const user = await db.query.users.findFirst({
    where: eq(users.email, email),
    columns: actorColumns,
  });
  if (!user) throw new Error(`No demo user ${email}.`);
  return user;
}

export async function allTypeIds(db: Database) {
  const rows = await db.select({ id: absenceTypes.id }).from(absenceTypes);
  return rows.map((r) => r.id);
}

/** A fresh personal subscription of `email` to Engineering (any earlier one is invalidated). */
export async function subscribe(
  db: Database,
  email: string,
  overrides: Record<string, unknown> = {},
) {
  const actor = await actorByEmail(db, email);
  const engineering = { kind: 'team', slug: 'engineering' } as const;
  const current = await getPersonalSubscription(actor, engineering);
  if (current) await invalidatePersonalSubscription(actor, engineering, current.id);
  const options = feedOptionsSchema.parse({
    privacy: 'standard',
    includeTeamEvents: 'on',
    absenceTypeIds: await allTypeIds(db),
    ...overrides,
  });
  const issued = await createPersonalSubscription(actor, engineering, options);
  return { actor, ...issued, path: `/api/ics/${issued.token}` };
}
