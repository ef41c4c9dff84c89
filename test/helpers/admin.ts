import { eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { feedTokens, guestShares, users, type NewFeedToken } from '@/db/schema';
import type { Actor } from '@/lib/dal/actor';
import { generateFeedToken } from '@/lib/feed-tokens';
import { addMember, createTeam, createUser, teamCalendarId } from './factories';

// Who tries the admin functions: one allowed, and everyone the admin area must refuse — including
// a disabled admin and a demoted one whose actor object still says "admin".

export async function createAdminCast(db: Database) {
  const team = await createTeam(db);
  const admin = await createUser(db, { role: 'admin' });
  const member = await createUser(db);
  const manager = await createUser(db);
  await addMember(db, team.id, member.id);
  await addMember(db, team.id, manager.id, 'manager');
  const disabledAdmin = await createUser(db, { role: 'admin', disabledAt: new Date() });
  const demotedAdmin = await createUser(db, { role: 'admin' });
  await db.update(users).set({ role: 'member' }).where(eq(users.id, demotedAdmin.id));
  const refused: Array<[who: string, actor: Actor]> = [
    ['a member', member],
    ['a manager of a team', manager],
    ['a disabled admin', disabledAdmin],
    ['a demoted admin with an old session', demotedAdmin],
  ];
  return { team, admin, member, manager, refused };
}

/** A feed token of any kind, straight into the database (a guest one with its share). */
export async function createFeedToken(
  db: Database,
  input: {
    kind: 'personal' | 'public' | 'guest';
    ownerId: string;
    /** The team whose calendar the link shows, unless `calendarId` names another calendar. */
    teamId?: string;
    guestEmail?: string;
  } & { [Column in keyof NewFeedToken]?: NewFeedToken[Column] | SQL },
) {
  const { kind, ownerId, teamId, guestEmail, ...overrides } = input;
  const calendarId = overrides.calendarId ?? (await teamCalendarId(db, teamId!));
  const { token, tokenHash, displayPrefix } = generateFeedToken();
  let guestShareId: string | null = null;
  if (kind === 'guest') {
    const [share] = await db
      .insert(guestShares)
      .values({
        calendarId,
        email: guestEmail ?? `guest-${displayPrefix.slice(-6).toLowerCase()}@example.org`,
        label: 'Guest',
        createdById: ownerId,
      })
      .returning({ id: guestShares.id });
    guestShareId = share!.id;
  }
  const [row] = await db
    .insert(feedTokens)
    .values({
      kind,
      tokenHash,
      displayPrefix,
      ownerId,
      calendarId,
      guestShareId,
      expiresAt: sql`now() + interval '30 days'`,
      ...overrides,
    })
    .returning();
  return { ...row!, token };
}
