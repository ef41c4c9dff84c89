import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { absences, allowances, outboxMessages } from '@/db/schema';
import { decideAbsence, requestAbsence } from '@/lib/dal/absences';
import { getMyYear } from '@/lib/dal/my-absences';
import { getNotificationMails, setNotificationMails } from '@/lib/dal/profile';
import { setupTestDatabase } from '@/test/helpers/database';
import { wednesdayAfter } from '@/test/helpers/dates';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';

const db = setupTestDatabase();

function plusDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

async function mailsTo(email: string, kind?: string) {
  return db()
    .select()
    .from(outboxMessages)
    .where(
      and(eq(outboxMessages.recipient, email), kind ? eq(outboxMessages.kind, kind) : undefined),
    );
}

const request = (
  typeId: string,
  startDate: string,
  endDate: string,
  note: string | null = null,
) => ({
  typeId,
  startDate,
  endDate,
  halfDayStart: false,
  halfDayEnd: false,
  note,
});

/** A team with a requester, a colleague, a manager who reads mail and one who turned it off. */
async function teamWithManagers() {
  const team = await createTeam(db(), { name: 'Support <desk>' });
  const requester = await createUser(db(), { name: 'Rita Requester' });
  const colleague = await createUser(db(), { name: 'Colin Colleague' });
  const manager = await createUser(db(), { name: 'Mona Manager' });
  const quietManager = await createUser(db(), { name: 'Quentin Quiet', notifyByMail: false });
  await addMember(db(), team.id, requester.id);
  await addMember(db(), team.id, colleague.id);
  await addMember(db(), team.id, manager.id, 'manager');
  await addMember(db(), team.id, quietManager.id, 'manager');
  const vacation = await createAbsenceType(db(), {
    label: 'Vacation',
    countsAgainstAllowance: true,
  });
  return { team, requester, colleague, manager, quietManager, vacation };
}

describe('absence notices', () => {
  it('a request mails the managers who keep mail on: the balance after approval and who else is away', async () => {
    const { team, requester, colleague, manager, quietManager, vacation } =
      await teamWithManagers();
    // Monday to Friday of one week; the colleague is away on its Wednesday.
    const wednesday = wednesdayAfter(21);
    const monday = plusDays(wednesday, -2);
    const friday = plusDays(wednesday, 2);
    const year = Number(monday.slice(0, 4));
    await db().insert(allowances).values({ userId: requester.id, year, days: 25 });
    await requestAbsence(colleague, request(vacation.id, wednesday, wednesday));
    const absence = await requestAbsence(
      requester,
      request(vacation.id, monday, friday, 'Family wedding'),
    );
    expect(absence.status).toBe('pending');

    const toManager = await mailsTo(manager.email, 'absence.requested');
    // One for the colleague's request, one for this one.
    expect(toManager).toHaveLength(2);
    const mail = toManager.find((message) => message.subject.startsWith('Rita'));
    expect(await mailsTo(quietManager.email)).toHaveLength(0);
    // The requester and the colleague are not deciders.
    expect(await mailsTo(requester.email, 'absence.requested')).toHaveLength(0);
    expect(mail!.subject).toContain('Rita Requester requests Vacation');
    expect(mail!.recipientUserId).toBe(manager.id);
    // Days in the request's year: if the week crosses New Year, only this year's days count.
    const daysInYear = [0, 1, 2, 3, 4]
      .map((offset) => plusDays(monday, offset))
      .filter((day) => day.startsWith(String(year))).length;
    const expectedLeft = 25 - daysInYear;
    expect(mail!.textBody).toContain(`Days left if approved: ${expectedLeft}`);
    expect(mail!.textBody).toContain('Counts: 5 working days');
    expect(mail!.textBody).toContain('> Family wedding');
    expect(mail!.textBody).toMatch(/- Colin Colleague — Vacation, .+ \(awaiting a decision\)/);
    expect(mail!.textBody).toContain(`/teams/${team.slug}`);
    // The team's name is escaped in the HTML part, written as is in the text.
    expect(mail!.textBody).toContain('Also away in Support <desk>');
    expect(mail!.htmlBody).toContain('Support &lt;desk&gt;');
    expect(mail!.htmlBody).not.toContain('<desk>');
  });

  it('a rejection mails the requester with the reason, which "My absences" shows too', async () => {
    const { requester, manager, vacation } = await teamWithManagers();
    const day = wednesdayAfter(35);
    const absence = await requestAbsence(requester, request(vacation.id, day, day));
    await decideAbsence(manager, {
      absenceId: absence.id,
      decision: 'reject',
      reason: 'The release is that week.',
    });
    const [mail] = await mailsTo(requester.email, 'absence.rejected');
    expect(mail!.subject).toMatch(/^Your Vacation request \(.+\) was rejected$/);
    expect(mail!.textBody).toContain('Mona Manager rejected your request for Vacation');
    expect(mail!.textBody).toContain('> The release is that week.');
    expect(mail!.textBody).toContain(`/absences?year=${day.slice(0, 4)}`);

    const year = await getMyYear(requester, Number(day.slice(0, 4)));
    expect(year.absences.find((a) => a.id === absence.id)).toMatchObject({
      status: 'rejected',
      decisionReason: 'The release is that week.',
    });
  });

  it('an approval mails the requester; nothing goes to a requester who turned mail off', async () => {
    const { requester, colleague, manager, vacation } = await teamWithManagers();
    const day = wednesdayAfter(42);
    const first = await requestAbsence(requester, request(vacation.id, day, day));
    await decideAbsence(manager, { absenceId: first.id, decision: 'approve', reason: null });
    const [approved] = await mailsTo(requester.email, 'absence.approved');
    expect(approved!.textBody).toContain('Mona Manager approved your request');
    expect(approved!.textBody).not.toContain('Reason given');

    expect(await getNotificationMails(colleague)).toBe(true);
    await setNotificationMails(colleague, false);
    expect(await getNotificationMails(colleague)).toBe(false);
    const second = await requestAbsence(colleague, request(vacation.id, day, day));
    await decideAbsence(manager, { absenceId: second.id, decision: 'approve', reason: null });
    expect(await mailsTo(colleague.email)).toHaveLength(0);
  });

  it('a type that needs no approval mails nobody; a requester without managers reaches the admins', async () => {
    const { requester, manager } = await teamWithManagers();
    const remote = await createAbsenceType(db(), { label: 'Remote', requiresApproval: false });
    const day = wednesdayAfter(49);
    await requestAbsence(requester, request(remote.id, day, day));
    expect(await mailsTo(manager.email)).toHaveLength(0);

    const loner = await createUser(db(), { name: 'Lone Wolf' });
    const admin = await createUser(db(), { role: 'admin', name: 'Ada Admin' });
    const sick = await createAbsenceType(db(), { label: 'Sick leave' });
    await requestAbsence(loner, request(sick.id, day, day));
    const [mail] = await mailsTo(admin.email, 'absence.requested');
    expect(mail!.textBody).toContain('Lone Wolf asks for Sick leave');
    // Not counted against an allowance: no balance line.
    expect(mail!.textBody).not.toContain('Days left');
    const [row] = await db().select().from(absences).where(eq(absences.userId, loner.id));
    expect(row!.status).toBe('pending');
  });
});
