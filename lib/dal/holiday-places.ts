import 'server-only';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
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

/** {@link holidayPlaceOfPerson} for several people at once, in one query (null: no place). */
export async function holidayPlacesOfPeople(
  db: Database | Transaction,
  userIds: readonly string[],
): Promise<Map<string, HolidayPlace | null>> {
  const places = new Map<string, HolidayPlace | null>(userIds.map((id) => [id, null]));
  if (userIds.length === 0) return places;
  const rows = await db
    .selectDistinctOn([memberships.userId], {
      userId: memberships.userId,
      holidayCountry: teams.holidayCountry,
      holidayRegion: teams.holidayRegion,
    })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(inArray(memberships.userId, [...userIds]), isNotNull(teams.holidayCountry)))
    .orderBy(asc(memberships.userId), asc(memberships.createdAt), asc(teams.name));
  for (const row of rows) places.set(row.userId, holidayPlaceOf(row));
  return places;
}
