import 'server-only';
import { asc, eq, isNotNull, and } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import { memberships, teams } from '@/db/schema';
import { holidayPlaceOf, type HolidayPlace } from '@/lib/holidays';

/**
 * Whose public holidays a person keeps: those of their team. Someone in teams of different
 * places keeps the holidays of the first of them they joined (their home team).
 */
export async function holidayPlaceOfPerson(
  db: Database | Transaction,
  userId: string,
): Promise<HolidayPlace | null> {
  const [team] = await db
    .select({ holidayCountry: teams.holidayCountry, holidayRegion: teams.holidayRegion })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.userId, userId), isNotNull(teams.holidayCountry)))
    .orderBy(asc(memberships.createdAt), asc(teams.name))
    .limit(1);
  return team ? holidayPlaceOf(team) : null;
}
