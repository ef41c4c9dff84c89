import 'server-only';
import { and, asc, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db';
import { absences, absenceTypes, memberships, teams, users } from '@/db/schema';
import {
  absenceDecidedMail,
  absenceRequestedMail,
  appUrl,
  formatDateSpan,
  type AbsenceSummary,
} from '@/lib/mail/messages';
import { workingDays, workingDaysWithin } from '@/lib/workdays';
import type { Actor } from './actor';
import { readYearOf } from './my-absences';
import { queueMail, type QueuedMail } from './outbox';

// The mails around a leave request: to the deciders when it is asked for, to the requester when
// it is decided. Queued in the transaction of the request or decision; only to people who keep
// notification mails on.

async function summarise(tx: Transaction, absenceId: string) {
  const [row] = await tx
    .select({
      id: absences.id,
      userId: absences.userId,
      person: users.name,
      email: users.email,
      notify: sql<boolean>`${users.notifyByMail} and ${users.disabledAt} is null`,
      type: absenceTypes.label,
      countsAgainstAllowance: absenceTypes.countsAgainstAllowance,
      startDate: absences.startDate,
      endDate: absences.endDate,
      halfDayStart: absences.halfDayStart,
      halfDayEnd: absences.halfDayEnd,
      note: absences.note,
      decisionReason: absences.decisionReason,
    })
    .from(absences)
    .innerJoin(users, eq(users.id, absences.userId))
    .innerJoin(absenceTypes, eq(absenceTypes.id, absences.typeId))
    .where(eq(absences.id, absenceId));
  if (!row) throw new Error(`absence ${absenceId} vanished inside its own transaction`);
  const summary: AbsenceSummary = {
    person: row.person,
    type: row.type,
    startDate: row.startDate,
    endDate: row.endDate,
    workingDays: workingDays(row),
    note: row.note,
  };
  return { row, summary };
}

/** Who decides on the requester's leave: their teams' managers, else the admins. */
async function decidersOf(tx: Transaction, requesterId: string) {
  const requesterIn = alias(memberships, 'requester_membership');
  const managers = await tx
    .selectDistinctOn([users.id], {
      id: users.id,
      name: users.name,
      email: users.email,
      notify: users.notifyByMail,
      teamId: teams.id,
      teamName: teams.name,
      teamSlug: teams.slug,
    })
    .from(requesterIn)
    .innerJoin(teams, eq(teams.id, requesterIn.teamId))
    .innerJoin(
      memberships,
      and(eq(memberships.teamId, requesterIn.teamId), eq(memberships.role, 'manager')),
    )
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(requesterIn.userId, requesterId), ne(users.id, requesterId), isNull(users.disabledAt)),
    )
    .orderBy(users.id, asc(teams.name));
  if (managers.length > 0) return managers;
  const [team] = await tx
    .select({ id: teams.id, name: teams.name, slug: teams.slug })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(memberships.userId, requesterId))
    .orderBy(asc(teams.name))
    .limit(1);
  const admins = await tx
    .select({ id: users.id, name: users.name, email: users.email, notify: users.notifyByMail })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, requesterId)));
  return admins.map((admin) => ({
    ...admin,
    teamId: team?.id ?? null,
    teamName: team?.name ?? 'the organisation',
    teamSlug: team?.slug ?? null,
  }));
}

/** The team's other members away (approved or awaiting a decision) on any of the dates. */
async function othersAway(
  tx: Transaction,
  teamId: string,
  absence: { userId: string; startDate: string; endDate: string },
): Promise<string[]> {
  const rows = await tx
    .select({
      name: users.name,
      type: absenceTypes.label,
      status: absences.status,
      startDate: absences.startDate,
      endDate: absences.endDate,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(absences, eq(absences.userId, memberships.userId))
    .innerJoin(absenceTypes, eq(absenceTypes.id, absences.typeId))
    .where(
      and(
        eq(memberships.teamId, teamId),
        ne(memberships.userId, absence.userId),
        inArray(absences.status, ['pending', 'approved']),
        lte(absences.startDate, absence.endDate),
        gte(absences.endDate, absence.startDate),
      ),
    )
    .orderBy(asc(absences.startDate), asc(users.name));
  return rows.map(
    (row) =>
      `${row.name} — ${row.type}, ${formatDateSpan(row.startDate, row.endDate)}${row.status === 'pending' ? ' (awaiting a decision)' : ''}`,
  );
}

/** A new request awaits a decision: each decider hears of it, with the balance and the clashes. */
export async function queueAbsenceRequestedNotices(
  tx: Transaction,
  absenceId: string,
): Promise<void> {
  const { row, summary } = await summarise(tx, absenceId);
  let daysLeftAfter: number | null = null;
  if (row.countsAgainstAllowance) {
    const year = Number(row.startDate.slice(0, 4));
    const balance = await readYearOf(tx, row.userId, year);
    if (balance.daysLeft !== null)
      daysLeftAfter = balance.daysLeft - workingDaysWithin(row, `${year}-01-01`, `${year}-12-31`);
  }
  const deciders = (await decidersOf(tx, row.userId)).filter((decider) => decider.notify);
  const messages: QueuedMail[] = [];
  for (const decider of deciders) {
    messages.push({
      kind: 'absence.requested',
      to: decider.email,
      recipientUserId: decider.id,
      mail: absenceRequestedMail({
        managerName: decider.name,
        teamName: decider.teamName,
        absence: summary,
        daysLeftAfter,
        othersAway: decider.teamId ? await othersAway(tx, decider.teamId, row) : [],
        teamUrl: appUrl(decider.teamSlug ? `/teams/${decider.teamSlug}` : '/teams'),
      }),
    });
  }
  await queueMail(tx, messages);
}

/** The requester hears of the decision, with the reason given. */
export async function queueAbsenceDecidedNotice(
  tx: Transaction,
  absenceId: string,
  decider: Actor,
  decision: 'approved' | 'rejected',
): Promise<void> {
  const { row, summary } = await summarise(tx, absenceId);
  if (!row.notify || row.userId === decider.id) return;
  await queueMail(tx, [
    {
      kind: `absence.${decision}`,
      to: row.email,
      recipientUserId: row.userId,
      mail: absenceDecidedMail({
        name: row.person,
        decidedBy: decider.name,
        decision,
        absence: summary,
        reason: row.decisionReason,
        absencesUrl: appUrl(`/absences?year=${row.startDate.slice(0, 4)}`),
      }),
    },
  ]);
}
