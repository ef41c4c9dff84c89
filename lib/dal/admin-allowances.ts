import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { allowances, memberships, teams, users } from '@/db/schema';
import type { SetAllowanceInput, SetTeamAllowancesInput } from '@/lib/admin-validation';
import { AppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';
import type { RequestInfo } from '@/lib/request-info';
import type { Actor } from './actor';
import { assertActiveAdmin } from './admin-access';
import { recordAuditEvent } from './audit';
import { readBalances, type Balance } from './balances';

// Allowances as admins set them: a year's days for one person, or for every member of a team at
// once, each with how many unused days of the year before may carry into it and until when.
// Balances are in no feed, so no calendar's version moves.

export interface AllowanceTermsDto {
  days: number;
  carryOverMax: number;
  carryOverExpiresOn: string | null;
}

export interface AdminAllowanceRow extends AllowanceTermsDto {
  year: number;
  updatedAt: Date;
  /** The balance of that year as "My absences" shows it. */
  balance: Balance;
}

const termsColumns = {
  days: allowances.days,
  carryOverMax: allowances.carryOverMax,
  carryOverExpiresOn: allowances.carryOverExpiresOn,
};

const termsOf = (input: AllowanceTermsDto): AllowanceTermsDto => ({
  days: input.days,
  carryOverMax: input.carryOverMax,
  carryOverExpiresOn: input.carryOverExpiresOn,
});

const sameTerms = (a: AllowanceTermsDto, b: AllowanceTermsDto) =>
  a.days === b.days &&
  a.carryOverMax === b.carryOverMax &&
  a.carryOverExpiresOn === b.carryOverExpiresOn;

/** A person's allowances, newest year first, each with its balance; `not_found` for nobody. */
export async function listAllowancesOfUser(
  actor: Actor,
  userId: string,
): Promise<AdminAllowanceRow[]> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  const [person] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!person) throw new AppError('not_found', new TranslatableText('admin.errors.personNotFound'));
  const rows = await db
    .select({ year: allowances.year, updatedAt: allowances.updatedAt, ...termsColumns })
    .from(allowances)
    .where(eq(allowances.userId, userId))
    .orderBy(desc(allowances.year));
  const listed: AdminAllowanceRow[] = [];
  // A handful of years per person: one balance each.
  for (const row of rows) {
    const balance = (await readBalances(db, [userId], row.year)).get(userId)!;
    listed.push({ ...row, balance });
  }
  return listed;
}

/** Writes the terms for these people and year, whether a row exists or not. */
async function upsertAllowances(
  tx: Transaction,
  userIds: string[],
  year: number,
  terms: AllowanceTermsDto,
) {
  await tx
    .insert(allowances)
    .values(userIds.map((userId) => ({ userId, year, ...terms })))
    .onConflictDoUpdate({
      target: [allowances.userId, allowances.year],
      set: { ...terms, updatedAt: sql`now()` },
    });
}

/** An admin sets a person's allowance for a year, with its carry-over limit and expiry. */
export async function setAllowance(
  actor: Actor,
  input: SetAllowanceInput,
  request?: RequestInfo,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const [person] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!person)
      throw new AppError('not_found', new TranslatableText('admin.errors.personNotFound'));
    const [before] = await tx
      .select(termsColumns)
      .from(allowances)
      .where(and(eq(allowances.userId, input.userId), eq(allowances.year, input.year)))
      .for('update');
    const after = termsOf(input);
    if (before && sameTerms(before, after)) return;
    await upsertAllowances(tx, [input.userId], input.year, after);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'allowance.set',
      targetType: 'user',
      targetId: input.userId,
      details: { year: input.year, before: before ? termsOf(before) : null, after },
      request,
    });
  });
}

/**
 * An admin sets one year's allowance for every member of a team, in one go: those with a row for
 * the year get the new values, the others a new row. Returns how many people it set.
 */
export async function setTeamAllowances(
  actor: Actor,
  input: SetTeamAllowancesInput,
  request?: RequestInfo,
): Promise<{ count: number; teamName: string }> {
  return getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    // Membership changes lock the team's row first: nobody joins or leaves half-way through.
    const [team] = await tx
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(eq(teams.id, input.teamId))
      .for('update');
    if (!team) throw new AppError('not_found', new TranslatableText('admin.errors.teamNotFound'));
    const members = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.teamId, team.id));
    const userIds = members.map((m) => m.userId);
    if (userIds.length === 0) return { count: 0, teamName: team.name };
    const before = await tx
      .select({ userId: allowances.userId, ...termsColumns })
      .from(allowances)
      .where(and(inArray(allowances.userId, userIds), eq(allowances.year, input.year)))
      .for('update');
    const after = termsOf(input);
    await upsertAllowances(tx, userIds, input.year, after);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'allowance.team_set',
      targetType: 'team',
      targetId: team.id,
      teamId: team.id,
      details: {
        year: input.year,
        count: userIds.length,
        // Each member's values before, null for those who had none for the year.
        before: Object.fromEntries(
          userIds.map((userId) => {
            const row = before.find((b) => b.userId === userId);
            return [userId, row ? termsOf(row) : null];
          }),
        ),
        after,
      },
      request,
    });
    return { count: userIds.length, teamName: team.name };
  });
}
