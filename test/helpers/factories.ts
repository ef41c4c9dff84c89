import crypto from 'node:crypto';
import type { Database } from '@/db';
import { eq } from 'drizzle-orm';
import {
  absenceTypes,
  calendars,
  memberships,
  teams,
  users,
  type NewAbsenceType,
  type NewTeam,
  type NewUser,
} from '@/db/schema';
import type { Actor } from '@/lib/dal/actor';
import { startSession, type SessionRef } from '@/lib/dal/sessions';
import { hashPassword } from '@/lib/passwords';

// Factories: the smallest valid rows, with unique names, overridable per test.

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
const unique = () => crypto.randomBytes(4).toString('hex');

export async function createUser(db: Database, overrides: Partial<NewUser> = {}): Promise<Actor> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = unique();
  const [user] = await db
    .insert(users)
    .values({
      email: `user-${id}@example.com`,
      name: `User ${id}`,
      passwordHash: await passwordHash,
      ...overrides,
    })
    .returning({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      timeZone: users.timeZone,
      locale: users.locale,
    });
  return user!;
}

export async function createTeam(db: Database, overrides: Partial<NewTeam> = {}) {
  const id = unique();
  const [team] = await db
    .insert(teams)
    .values({ name: `Team ${id}`, slug: `team-${id}`, ...overrides })
    .returning();
  return team!;
}

export async function addMember(
  db: Database,
  teamId: string,
  userId: string,
  role: 'manager' | 'member' = 'member',
) {
  await db.insert(memberships).values({ teamId, userId, role });
}

export async function createAbsenceType(db: Database, overrides: Partial<NewAbsenceType> = {}) {
  const id = unique();
  const [type] = await db
    .insert(absenceTypes)
    .values({ key: `type_${id}`, label: `Type ${id}`, color: '#123456', ...overrides })
    .returning();
  return type!;
}

/** A session of `user`, as a successful sign-in opens it: what their cookie would name. */
export async function openSession(user: Actor): Promise<SessionRef> {
  return {
    userId: user.id,
    sessionId: await startSession(user, { ip: null, userAgent: 'vitest' }),
  };
}

/** The calendar of a team, which the database creates with the team. */
export async function teamCalendarId(db: Database, teamId: string): Promise<string> {
  const [row] = await db
    .select({ id: calendars.id })
    .from(calendars)
    .where(eq(calendars.teamId, teamId));
  return row!.id;
}

/** The version of a team's calendar, which every write that alters its feeds moves. */
export async function teamCalendarVersion(db: Database, teamId: string): Promise<number> {
  const [row] = await db
    .select({ version: calendars.version })
    .from(calendars)
    .where(eq(calendars.teamId, teamId));
  return row!.version;
}
