import 'server-only';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db';
import { absences, absenceTypes, memberships, teams, users } from '@/db/schema';
import {
  absenceDecidedMail,
  absenceRequestedMail,
  appUrl,
  type AbsenceSummary,
} from '@/lib/mail/messages';
import { holidayDatesBetween } from '@/lib/holidays';
import { storedLocale } from '@/lib/i18n/locales';
import { workingDays } from '@/lib/workdays';
import type { Actor } from './actor';
import { holidayPlaceOfPerson } from './holiday-places';
import { queueMail, type QueuedMail } from './outbox';
import { weighRequests, type RequestImpact } from './request-impact';

// The mails around a leave request: to the deciders when it is asked for, to the requester when
// it is decided. Queued in the transaction of the request or decision; only to people who keep
// notification mails on. Each mail is written in its recipient's language (their profile's choice,
// English when they made none).

async function summarise(tx: Transaction, absenceId: string) {
  const [row] = await tx
    .select({
      id: absences.id,
      userId: absences.userId,
      person: users.name,
      email: users.email,
      locale: users.locale,
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
    // Counted as the request was: without the person's public holidays.
    workingDays: workingDays(
      row,
      holidayDatesBetween(await holidayPlaceOfPerson(tx, row.userId), row.startDate, row.endDate),
    ),
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
      locale: users.locale,
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
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      notify: users.notifyByMail,
    })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, requesterId)));
  return admins.map((admin) => ({
    ...admin,
    teamId: team?.id ?? null,
    // Without a team, the mail names the organisation (in the decider's language).
    teamName: team?.name ?? null,
    teamSlug: team?.slug ?? null,
  }));
}

/** A new request awaits a decision: each decider hears of it, with the balance and the clashes. */
export async function queueAbsenceRequestedNotices(
  tx: Transaction,
  absenceId: string,
): Promise<void> {
  const { row, summary } = await summarise(tx, absenceId);
  const deciders = (await decidersOf(tx, row.userId)).filter((decider) => decider.notify);
  const impactByTeam = new Map<string, RequestImpact | undefined>();
  const messages: QueuedMail[] = [];
  for (const decider of deciders) {
    let impact: RequestImpact | undefined;
    if (decider.teamId) {
      if (!impactByTeam.has(decider.teamId))
        impactByTeam.set(
          decider.teamId,
          (await weighRequests(tx, decider.teamId, [row])).get(row.id),
        );
      impact = impactByTeam.get(decider.teamId);
    }
    messages.push({
      kind: 'absence.requested',
      to: decider.email,
      recipientUserId: decider.id,
      mail: absenceRequestedMail({
        locale: storedLocale(decider.locale),
        managerName: decider.name,
        teamName: decider.teamName,
        absence: summary,
        daysLeftAfter: impact?.daysLeftAfter ?? null,
        othersAway: impact?.othersAway ?? [],
        presence: impact?.lowestPresent
          ? {
              present: impact.lowestPresent.present,
              members: impact.lowestPresent.members,
              date: impact.lowestPresent.date,
              belowMinimum: impact.breaksMinimum ? impact.minimumPresent : null,
            }
          : null,
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
        locale: storedLocale(row.locale),
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
