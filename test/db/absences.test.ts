import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { absences, auditEvents } from '@/db/schema';
import type { Actor } from '@/lib/dal/actor';
import { cancelAbsence, decideAbsence, requestAbsence } from '@/lib/dal/absences';
import { absenceRequestSchema, type AbsenceRequestInput } from '@/lib/validation';
import { setupTestDatabase } from '@/test/helpers/database';
import {
  addMember,
  createAbsenceType,
  createTeam,
  createUser,
  teamCalendarVersion,
} from '@/test/helpers/factories';

const db = setupTestDatabase();

/**
 * The `count`-th working day from this week's Monday (before it when negative), so that every
 * date a test asks for is a weekday, whatever today is: a request must hold a working day.
 */
function inDays(count: number): string {
  const day = new Date(Date.now());
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  const step = count < 0 ? -1 : 1;
  for (let left = Math.abs(count); left > 0;) {
    day.setUTCDate(day.getUTCDate() + step);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}

/** A team with a manager and two members, another team with its own manager, and an admin. */
async function organisation() {
  const team = await createTeam(db());
  const otherTeam = await createTeam(db());
  const person = await createUser(db(), { name: 'Paula Person' });
  const colleague = await createUser(db());
  const manager = await createUser(db());
  const otherManager = await createUser(db());
  const admin = await createUser(db(), { role: 'admin' });
  await addMember(db(), team.id, person.id);
  await addMember(db(), team.id, colleague.id);
  await addMember(db(), team.id, manager.id, 'manager');
  await addMember(db(), otherTeam.id, otherManager.id, 'manager');
  await addMember(db(), otherTeam.id, person.id);
  const vacation = await createAbsenceType(db(), { requiresApproval: true });
  const remote = await createAbsenceType(db(), { requiresApproval: false });
  return { team, otherTeam, person, colleague, manager, otherManager, admin, vacation, remote };
}

function absenceInput(
  typeId: string,
  overrides: Partial<Record<keyof AbsenceRequestInput, unknown>> = {},
) {
  return absenceRequestSchema.parse({
    typeId,
    startDate: inDays(30),
    endDate: inDays(34),
    ...overrides,
  });
}

const versionOf = (teamId: string) => teamCalendarVersion(db(), teamId);

describe('requesting an absence', () => {
  it('starts pending when the type needs approval, approved when not, and moves every team calendar', async () => {
    const org = await organisation();
    const [before, otherBefore] = [await versionOf(org.team.id), await versionOf(org.otherTeam.id)];
    const pending = await requestAbsence(
      org.person,
      absenceInput(org.vacation.id, { note: '  Family trip  ' }),
    );
    expect(pending).toMatchObject({
      status: 'pending',
      userId: org.person.id,
      note: 'Family trip',
      sequence: 0,
    });
    const remote = await requestAbsence(
      org.person,
      absenceInput(org.remote.id, { startDate: inDays(40), endDate: inDays(40) }),
    );
    expect(remote.status).toBe('approved');
    expect(await versionOf(org.team.id)).toBe(before + 2);
    expect(await versionOf(org.otherTeam.id)).toBe(otherBefore + 2);
    const [audit] = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({
      action: 'absence.requested',
      actorId: org.person.id,
      targetId: remote.id,
    });
  });

  it('refuses an overlap with the person’s own absences, but not two halves of one day', async () => {
    const org = await organisation();
    await requestAbsence(
      org.person,
      absenceInput(org.vacation.id, {
        startDate: inDays(50),
        endDate: inDays(52),
        halfDayEnd: true,
      }),
    );
    await expect(
      requestAbsence(
        org.person,
        absenceInput(org.vacation.id, { startDate: inDays(52), endDate: inDays(53) }),
      ),
    ).rejects.toMatchObject({ code: 'conflict', field: 'startDate' });
    // The morning of day 52 is taken; its afternoon is free.
    const afternoon = await requestAbsence(
      org.person,
      absenceInput(org.remote.id, {
        startDate: inDays(52),
        endDate: inDays(53),
        halfDayStart: true,
      }),
    );
    expect(afternoon.status).toBe('approved');
    // A colleague may be away on the same days.
    await expect(
      requestAbsence(
        org.colleague,
        absenceInput(org.vacation.id, { startDate: inDays(50), endDate: inDays(52) }),
      ),
    ).resolves.toBeDefined();
  });

  it('ignores cancelled and rejected absences when checking overlaps', async () => {
    const org = await organisation();
    const first = await requestAbsence(
      org.person,
      absenceInput(org.vacation.id, { startDate: inDays(60), endDate: inDays(61) }),
    );
    await cancelAbsence(org.person, first.id);
    await expect(
      requestAbsence(
        org.person,
        absenceInput(org.vacation.id, { startDate: inDays(60), endDate: inDays(61) }),
      ),
    ).resolves.toMatchObject({ status: 'pending' });
  });

  it('refuses dates too far away and unknown or inactive types', async () => {
    const org = await organisation();
    await expect(
      requestAbsence(
        org.person,
        absenceInput(org.vacation.id, { startDate: inDays(800), endDate: inDays(801) }),
      ),
    ).rejects.toMatchObject({
      code: 'bad_request',
      field: 'startDate',
    });
    const retired = await createAbsenceType(db(), { active: false });
    await expect(requestAbsence(org.person, absenceInput(retired.id))).rejects.toMatchObject({
      field: 'typeId',
    });
    await expect(
      requestAbsence(org.person, absenceInput(crypto.randomUUID())),
    ).rejects.toMatchObject({ field: 'typeId' });
  });
});

describe('the absence form’s validation', () => {
  it('explains each mistake next to its field', () => {
    const result = absenceRequestSchema.safeParse({
      typeId: 'not-an-id',
      startDate: '2026-12-10',
      endDate: '2026-12-09',
      note: 'x'.repeat(501),
    });
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(fields).toMatchObject({
      typeId: 'Choose a type of absence.',
      note: 'Keep the note under 500 characters.',
    });
    const reversed = absenceRequestSchema.safeParse({
      typeId: crypto.randomUUID(),
      startDate: '2026-12-10',
      endDate: '2026-12-09',
    });
    expect(reversed.error!.issues[0]).toMatchObject({
      path: ['endDate'],
      message: 'The last day cannot be before the first day.',
    });
    const bothHalves = absenceRequestSchema.safeParse({
      typeId: crypto.randomUUID(),
      startDate: '2026-12-10',
      endDate: '2026-12-10',
      halfDayStart: 'on',
      halfDayEnd: 'on',
    });
    expect(bothHalves.error!.issues[0]!.path).toEqual(['halfDayEnd']);
    expect(
      absenceRequestSchema.safeParse({
        typeId: crypto.randomUUID(),
        startDate: '2026-02-30',
        endDate: '2026-03-01',
      }).success,
    ).toBe(false);
  });
});

describe('deciding on a request', () => {
  async function pendingRequest() {
    const org = await organisation();
    const absence = await requestAbsence(org.person, absenceInput(org.vacation.id));
    return { ...org, absence };
  }
  const decide = (actor: Actor, absenceId: string, decision: 'approve' | 'reject' = 'approve') =>
    decideAbsence(actor, { absenceId, decision, reason: null });

  it('a manager of the requester’s team approves, bumping the sequence and writing an audit event', async () => {
    const { manager, absence, team } = await pendingRequest();
    const before = await versionOf(team.id);
    const approved = await decide(manager, absence.id);
    expect(approved).toMatchObject({ status: 'approved', sequence: 1 });
    expect(await versionOf(team.id)).toBe(before + 1);
    const [audit] = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({
      action: 'absence.approved',
      actorId: manager.id,
      targetId: absence.id,
    });
  });

  it('a manager of another team the requester is in may decide too, and an admin may', async () => {
    const first = await pendingRequest();
    expect((await decide(first.otherManager, first.absence.id, 'reject')).status).toBe('rejected');
    const second = await pendingRequest();
    expect((await decide(second.admin, second.absence.id)).status).toBe('approved');
  });

  it('a colleague, a manager of an unrelated team and the requester cannot', async () => {
    const { colleague, person, absence } = await pendingRequest();
    const stranger = (await pendingRequest()).manager;
    await expect(decide(colleague, absence.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(decide(stranger, absence.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(decide(person, absence.id)).rejects.toMatchObject({ code: 'not_found' });
    const [row] = await db().select().from(absences).where(eq(absences.id, absence.id));
    expect(row!.status).toBe('pending');
  });

  it('a manager cannot approve their own request', async () => {
    const org = await organisation();
    const own = await requestAbsence(org.manager, absenceInput(org.vacation.id));
    await expect(decide(org.manager, own.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a request is decided once', async () => {
    const { manager, absence } = await pendingRequest();
    await decide(manager, absence.id);
    await expect(decide(manager, absence.id, 'reject')).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('cancelling', () => {
  it('keeps the row as cancelled and bumps its sequence', async () => {
    const org = await organisation();
    const absence = await requestAbsence(org.person, absenceInput(org.vacation.id));
    const cancelled = await cancelAbsence(org.person, absence.id);
    expect(cancelled).toMatchObject({ id: absence.id, status: 'cancelled', sequence: 1 });
    expect(await db().select().from(absences).where(eq(absences.id, absence.id))).toHaveLength(1);
  });

  it('only the person themselves cancels, and only what is pending or still to come', async () => {
    const org = await organisation();
    const absence = await requestAbsence(org.person, absenceInput(org.vacation.id));
    for (const someoneElse of [org.colleague, org.manager, org.admin]) {
      await expect(cancelAbsence(someoneElse, absence.id)).rejects.toMatchObject({
        code: 'not_found',
      });
    }
    const past = await requestAbsence(
      org.person,
      absenceInput(org.remote.id, { startDate: inDays(-10), endDate: inDays(-9) }),
    );
    await expect(cancelAbsence(org.person, past.id)).rejects.toMatchObject({ code: 'conflict' });
  });
});
