import 'server-only';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { getDb, isUniqueViolation, type Transaction } from '@/db';
import { calendars, feedTokens, memberships, teams, users } from '@/db/schema';
import type {
  AddMemberInput,
  CreateTeamInput,
  MembershipInput,
  SetMembershipRoleInput,
  UpdateTeamInput,
} from '@/lib/admin-validation';
import { AppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';
import type { RequestInfo } from '@/lib/request-info';
import type { Actor } from './actor';
import {
  anyContains,
  assertActiveAdmin,
  outerColumn,
  pageOf,
  PAGE_SIZE,
  type Page,
} from './admin-access';
import { recordAuditEvent } from './audit';
import { bumpCalendarVersionsOfTeamAndMembers, bumpTeamCalendarVersion } from './calendar-version';

// Teams and memberships as admins manage them. Every change that alters what a team's feeds show
// (its name, its time zone, its public holidays, who is in it and who manages it) bumps its
// calendar version.

/** Left out, a team's holiday country and region stay as they are (none for a new team). */
type WithOptionalPlace<Input> = Omit<Input, 'holidayCountry' | 'holidayRegion'> &
  Partial<Pick<CreateTeamInput, 'holidayCountry' | 'holidayRegion'>>;

export interface AdminTeamRow {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  /** Where its public holidays come from: ISO country code and date-holidays region, or null. */
  holidayCountry: string | null;
  holidayRegion: string | null;
  memberCount: number;
  managerCount: number;
  activeTokenCount: number;
}

export interface AdminTeamMember {
  userId: string;
  name: string;
  email: string;
  role: 'manager' | 'member';
  disabled: boolean;
}

export interface AdminTeamDetail extends AdminTeamRow {
  members: AdminTeamMember[];
}

const teamColumns = {
  id: teams.id,
  name: teams.name,
  slug: teams.slug,
  timeZone: teams.timeZone,
  holidayCountry: teams.holidayCountry,
  holidayRegion: teams.holidayRegion,
  memberCount: sql<number>`(select count(*)::int from ${memberships}
    where ${memberships.teamId} = ${outerColumn(teams, 'id')})`,
  managerCount: sql<number>`(select count(*)::int from ${memberships}
    where ${memberships.teamId} = ${outerColumn(teams, 'id')} and ${memberships.role} = 'manager')`,
  activeTokenCount: sql<number>`(select count(*)::int from ${feedTokens} t
    join ${calendars} c on c.id = t.calendar_id
    where c.team_id = ${outerColumn(teams, 'id')} and t.revoked_at is null
      and (t.expires_at is null or t.expires_at > now()))`,
};

/** Every team, or those whose name or address contains `q`, by name, one page at a time. */
export async function listTeamsForAdmin(
  actor: Actor,
  input: { q?: string; page: number },
): Promise<Page<AdminTeamRow>> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  const where = input.q ? anyContains(input.q, teams.name, teams.slug) : undefined;
  const [{ total }] = (await db.select({ total: count() }).from(teams).where(where)) as [
    { total: number },
  ];
  const rows = await db
    .select(teamColumns)
    .from(teams)
    .where(where)
    .orderBy(asc(teams.name), asc(teams.id))
    .limit(PAGE_SIZE)
    .offset((input.page - 1) * PAGE_SIZE);
  return pageOf(rows, total, input.page);
}

/** A team with its members, managers first; `not_found` for an unknown address. */
export async function getTeamForAdmin(actor: Actor, slug: string): Promise<AdminTeamDetail> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  const [team] = await db.select(teamColumns).from(teams).where(eq(teams.slug, slug));
  if (!team) throw new AppError('not_found', new TranslatableText('admin.errors.teamNotFound'));
  const members = await db
    .select({
      userId: users.id,
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

/** An admin creates a team; nobody is in it yet. */
export async function createTeam(
  actor: Actor,
  input: WithOptionalPlace<CreateTeamInput>,
  request?: RequestInfo,
): Promise<{ id: string; slug: string }> {
  return getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const [team] = await tx
      .insert(teams)
      .values({ ...input, holidayRegion: input.holidayCountry ? input.holidayRegion : null })
      .returning({ id: teams.id, slug: teams.slug })
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new AppError('conflict', new TranslatableText('admin.errors.teamAddressTaken'), {
            field: 'slug',
          });
        throw error;
      });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'team.created',
      targetType: 'team',
      targetId: team!.id,
      teamId: team!.id,
      details: { ...input },
      request,
    });
    return team!;
  });
}

async function lockTeam(tx: Transaction, teamId: string) {
  const [team] = await tx
    .select({
      id: teams.id,
      name: teams.name,
      timeZone: teams.timeZone,
      holidayCountry: teams.holidayCountry,
      holidayRegion: teams.holidayRegion,
    })
    .from(teams)
    .where(eq(teams.id, teamId))
    .for('update');
  if (!team) throw new AppError('not_found', new TranslatableText('admin.errors.teamNotFound'));
  return team;
}

/**
 * An admin renames a team, moves it to another time zone or changes where its public holidays
 * come from; its feeds follow.
 */
export async function updateTeam(
  actor: Actor,
  input: WithOptionalPlace<UpdateTeamInput>,
  request?: RequestInfo,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const { id, ...before } = await lockTeam(tx, input.teamId);
    const keepsPlace = input.holidayCountry === undefined;
    const after = {
      name: input.name,
      timeZone: input.timeZone,
      holidayCountry: keepsPlace ? before.holidayCountry : input.holidayCountry!,
      holidayRegion: keepsPlace
        ? before.holidayRegion
        : input.holidayCountry
          ? (input.holidayRegion ?? null)
          : null,
    };
    const changed = (Object.keys(after) as Array<keyof typeof after>).filter(
      (key) => before[key] !== after[key],
    );
    if (changed.length === 0) return;
    await tx
      .update(teams)
      .set({ ...after, updatedAt: sql`now()` })
      .where(eq(teams.id, id));
    // The calendar's name and time zone are in every feed of the team; a new zone moves the
    // half days, so every event's SEQUENCE moves with it. Other public holidays change the
    // members' working days and the feeds that carry the holidays.
    const change = { presentation: before.timeZone !== after.timeZone };
    const movesPlace = changed.includes('holidayCountry') || changed.includes('holidayRegion');
    if (movesPlace) await bumpCalendarVersionsOfTeamAndMembers(tx, id, change);
    else await bumpTeamCalendarVersion(tx, id, change);
    // Name and zone always; the holiday place when it moved.
    const audited = (settings: typeof after) => {
      const { holidayCountry, holidayRegion, ...rest } = settings;
      return movesPlace ? { ...rest, holidayCountry, holidayRegion } : rest;
    };
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'team.updated',
      targetType: 'team',
      targetId: id,
      teamId: id,
      details: { before: audited(before), after: audited(after) },
      request,
    });
  });
}

/** An admin adds a person, found by email, to a team as a member or a manager. */
export async function addTeamMember(
  actor: Actor,
  input: AddMemberInput,
  request?: RequestInfo,
): Promise<{ name: string }> {
  return getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const team = await lockTeam(tx, input.teamId);
    const [user] = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.email, input.email));
    if (!user)
      throw new AppError('bad_request', new TranslatableText('admin.errors.noSuchEmail'), {
        field: 'email',
      });
    const added = await tx
      .insert(memberships)
      .values({ teamId: team.id, userId: user.id, role: input.role })
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    if (added.length === 0)
      throw new AppError(
        'conflict',
        new TranslatableText('admin.errors.alreadyInTeam', { name: user.name, team: team.name }),
        {
          field: 'email',
        },
      );
    await bumpTeamCalendarVersion(tx, team.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'membership.added',
      targetType: 'user',
      targetId: user.id,
      teamId: team.id,
      details: { role: input.role },
      request,
    });
    return { name: user.name };
  });
}

/** The membership, locked; `not_found` when the person is not in the team. */
async function lockMembership(tx: Transaction, input: MembershipInput) {
  await lockTeam(tx, input.teamId);
  const [membership] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.teamId, input.teamId), eq(memberships.userId, input.userId)))
    .for('update');
  if (!membership) throw new AppError('not_found', new TranslatableText('admin.errors.notInTeam'));
  return membership;
}

/** An admin takes a person out of a team; the links they hold for it stop on the next fetch. */
export async function removeTeamMember(
  actor: Actor,
  input: MembershipInput,
  request?: RequestInfo,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const membership = await lockMembership(tx, input);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.teamId, input.teamId), eq(memberships.userId, input.userId)));
    await bumpTeamCalendarVersion(tx, input.teamId);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'membership.removed',
      targetType: 'user',
      targetId: input.userId,
      teamId: input.teamId,
      details: { role: membership.role },
      request,
    });
  });
}

/** An admin makes a member a manager of the team, or a manager a member again. */
export async function setMembershipRole(
  actor: Actor,
  input: SetMembershipRoleInput,
  request?: RequestInfo,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const membership = await lockMembership(tx, input);
    if (membership.role === input.role) return;
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.teamId, input.teamId), eq(memberships.userId, input.userId)));
    // Managers' own subscriptions show private types, and their shared links live or die by it.
    await bumpTeamCalendarVersion(tx, input.teamId, { presentation: true });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'membership.role_changed',
      targetType: 'user',
      targetId: input.userId,
      teamId: input.teamId,
      details: { before: membership.role, after: input.role },
      request,
    });
  });
}
