import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { memberships, teams, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { isAdmin, type Actor } from './actor';
import { outerColumn } from './admin-access';

export interface TeamSummary {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  memberCount: number;
  /** The actor's role in the team; null for an admin who is not a member. */
  myRole: 'manager' | 'member' | null;
}

export interface TeamMember {
  id: string;
  name: string;
  email: string;
  role: 'manager' | 'member';
  disabled: boolean;
}

export interface TeamDetail extends Omit<TeamSummary, 'memberCount'> {
  members: TeamMember[];
}

// The outer column is named with its table: drizzle writes a single-table select's columns bare.
const memberCount = sql<number>`(select count(*)::int from ${memberships} m where m.team_id = ${outerColumn(teams, 'id')})`;

/** The teams the actor belongs to; admins see every team. */
export async function listTeamsForActor(actor: Actor): Promise<TeamSummary[]> {
  const db = getDb();
  const myMembership = and(eq(memberships.teamId, teams.id), eq(memberships.userId, actor.id));
  const query = db
    .select({
      id: teams.id,
      name: teams.name,
      slug: teams.slug,
      timeZone: teams.timeZone,
      memberCount,
      myRole: memberships.role,
    })
    .from(teams);
  // Membership is part of the query itself, so a member can never list another team.
  const rows = isAdmin(actor)
    ? await query.leftJoin(memberships, myMembership).orderBy(asc(teams.name))
    : await query.innerJoin(memberships, myMembership).orderBy(asc(teams.name));
  return rows.map((row) => ({ ...row, myRole: row.myRole ?? null }));
}

/** A team as the actor sees it, for its members and admins; anyone else gets `not_found`. */
export async function findTeamForActor(
  actor: Actor,
  slug: string,
): Promise<Omit<TeamSummary, 'memberCount'>> {
  const [team] = await getDb()
    .select({
      id: teams.id,
      name: teams.name,
      slug: teams.slug,
      timeZone: teams.timeZone,
      myRole: memberships.role,
    })
    .from(teams)
    .leftJoin(memberships, and(eq(memberships.teamId, teams.id), eq(memberships.userId, actor.id)))
    .where(eq(teams.slug, slug));
  if (!team || (!team.myRole && !isAdmin(actor)))
    throw new AppError('not_found', 'Team not found.');
  return { ...team, myRole: team.myRole ?? null };
}

/** A team with its members, for its members and admins; anyone else gets `not_found`. */
export async function getTeamBySlug(actor: Actor, slug: string): Promise<TeamDetail> {
  const team = await findTeamForActor(actor, slug);
  const members = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      disabledAt: users.disabledAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, team.id))
    .orderBy(sql`${memberships.role} = 'member'`, asc(users.name));

  return {
    ...team,
    members: members.map(({ disabledAt, ...m }) => ({ ...m, disabled: disabledAt !== null })),
  };
}
