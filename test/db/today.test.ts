import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { absences } from '@/db/schema';
import { cancelAbsence, isCancellable } from '@/lib/dal/absences';
import { getTeamStatistics } from '@/lib/dal/team-statistics';
import { statisticsPeriodSchema } from '@/lib/validation';
import { todayIn } from '@/lib/zoned-time';
import { setupTestDatabase } from '@/test/helpers/database';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';

// "Today" is where the person or the team is. At 23:30 UTC on 31 December it is already 1 January
// 13:30 in Kiritimati (UTC+14) and still 31 December 12:30 in Pago Pago (UTC−11).

const db = setupTestDatabase();
const NEW_YEARS_EVE = new Date('2026-12-31T23:30:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NEW_YEARS_EVE);
});
afterEach(() => vi.useRealTimers());

/** A team in `timeZone` with a member living there, and an approved absence from 1 January. */
async function teamIn(timeZone: string) {
  const team = await createTeam(db(), { timeZone });
  const member = await createUser(db(), { timeZone });
  await addMember(db(), team.id, member.id);
  const type = await createAbsenceType(db());
  const [absence] = await db()
    .insert(absences)
    .values({
      userId: member.id,
      typeId: type.id,
      startDate: '2027-01-01',
      endDate: '2027-01-05',
      status: 'approved',
    })
    .returning();
  return { team, member, absence: absence! };
}

describe('today, where people are', () => {
  it('is 1 January in Kiritimati and 31 December in Pago Pago at 23:30 UTC on 31 December', () => {
    expect(todayIn('Pacific/Kiritimati')).toBe('2027-01-01');
    expect(todayIn('Pacific/Pago_Pago')).toBe('2026-12-31');
    expect(todayIn('UTC')).toBe('2026-12-31');
  });

  it('a team’s page opens on the team’s month and counts from the team’s today', async () => {
    for (const [zone, today, month] of [
      ['Pacific/Kiritimati', '2027-01-01', '2027-01'],
      ['Pacific/Pago_Pago', '2026-12-31', '2026-12'],
    ] as const) {
      const { team, member } = await teamIn(zone);
      const period = statisticsPeriodSchema(todayIn(zone)).parse({});
      expect(period.month, zone).toBe(month);
      const stats = await getTeamStatistics(member, team.slug, period);
      expect(stats.today, zone).toBe(today);
    }
  });

  it('an absence that has begun where the person is can no longer be cancelled', async () => {
    const kiritimati = await teamIn('Pacific/Kiritimati');
    const pagoPago = await teamIn('Pacific/Pago_Pago');
    // 1 January has begun in Kiritimati: the absence is under way there.
    expect(isCancellable(kiritimati.absence, todayIn(kiritimati.member.timeZone))).toBe(false);
    await expect(cancelAbsence(kiritimati.member, kiritimati.absence.id)).rejects.toMatchObject({
      code: 'conflict',
    });
    // Still the 31st in Pago Pago: it is to come, and may be cancelled.
    expect(isCancellable(pagoPago.absence, todayIn(pagoPago.member.timeZone))).toBe(true);
    await expect(cancelAbsence(pagoPago.member, pagoPago.absence.id)).resolves.toMatchObject({
      status: 'cancelled',
    });
  });
});
