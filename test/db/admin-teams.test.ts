import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditEvents, calendars, memberships, teams } from '@/db/schema';
import {
  addMemberSchema,
  createTeamSchema,
  TIME_ZONES,
  updateTeamSchema,
} from '@/lib/admin-validation';
import type { Actor } from '@/lib/dal/actor';
import {
  addTeamMember,
  createTeam as createTeamByAdmin,
  getTeamForAdmin,
  listTeamsForAdmin,
  removeTeamMember,
  setMembershipRole,
  updateTeam,
} from '@/lib/dal/admin-teams';
import { getTeamBySlug } from '@/lib/dal/teams';
import { createAdminCast, createFeedToken } from '@/test/helpers/admin';
import { setupTestDatabase } from '@/test/helpers/database';
import { createTeam, createUser, teamCalendarVersion } from '@/test/helpers/factories';

const db = setupTestDatabase();
const request = { ip: '203.0.113.8', userAgent: 'Safari/18' };
const unique = () => Math.random().toString(36).slice(2, 10);

const versionOf = (teamId: string) => teamCalendarVersion(db(), teamId);

async function lastAudit() {
  const [event] = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return event!;
}

describe('who may manage teams', () => {
  it('only an enabled admin, by the role in the database, lists, creates and changes teams', async () => {
    const cast = await createAdminCast(db());
    const person = await createUser(db());
    const calls = [
      (actor: Actor) => listTeamsForAdmin(actor, { page: 1 }),
      (actor: Actor) => getTeamForAdmin(actor, cast.team.slug),
      (actor: Actor) =>
        createTeamByAdmin(actor, { name: 'New', slug: `new-${unique()}`, timeZone: 'UTC' }),
      (actor: Actor) =>
        updateTeam(actor, { teamId: cast.team.id, name: 'Renamed', timeZone: 'Asia/Tokyo' }),
      (actor: Actor) =>
        addTeamMember(actor, { teamId: cast.team.id, email: person.email, role: 'member' }),
      (actor: Actor) =>
        setMembershipRole(actor, { teamId: cast.team.id, userId: person.id, role: 'manager' }),
      (actor: Actor) => removeTeamMember(actor, { teamId: cast.team.id, userId: person.id }),
    ];
    for (const [who, actor] of cast.refused)
      for (const call of calls)
        await expect(call(actor), who).rejects.toMatchObject({ code: 'not_found' });
    expect(await versionOf(cast.team.id)).toBe(1);

    for (const call of calls) await call(cast.admin);
    const [team] = await db().select().from(teams).where(eq(teams.id, cast.team.id));
    expect(team).toMatchObject({ name: 'Renamed', timeZone: 'Asia/Tokyo' });
    const actions = (
      await db().select().from(auditEvents).where(eq(auditEvents.teamId, cast.team.id))
    ).map((e) => e.action);
    expect(actions).toEqual([
      'team.updated',
      'membership.added',
      'membership.role_changed',
      'membership.removed',
    ]);
  });
});

describe('creating and changing teams', () => {
  it('explains a bad name, address or time zone', () => {
    const result = createTeamSchema.safeParse({ name: '', slug: 'Not OK!', timeZone: 'Mars/Base' });
    expect(result.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['name', 'Enter the team’s name.'],
      ['slug', 'Use lowercase letters, digits and single hyphens, like customer-support.'],
      ['timeZone', 'Choose a time zone from the list, like Europe/Paris.'],
    ]);
    expect(TIME_ZONES).toContain('Europe/Paris');
    expect(createTeamSchema.parse({ name: ' Ops ', slug: 'OPS-2', timeZone: 'UTC' })).toEqual({
      name: 'Ops',
      slug: 'ops-2',
      timeZone: 'UTC',
      holidayCountry: null,
      holidayRegion: null,
    });
  });

  it('creates a team in its time zone, refusing an address already taken', async () => {
    const cast = await createAdminCast(db());
    const slug = `design-${unique()}`;
    const team = await createTeamByAdmin(
      cast.admin,
      { name: 'Design', slug, timeZone: 'America/Chicago' },
      request,
    );
    expect(await lastAudit()).toMatchObject({
      action: 'team.created',
      targetId: team.id,
      teamId: team.id,
      ip: request.ip,
    });
    expect(await getTeamForAdmin(cast.admin, slug)).toMatchObject({
      name: 'Design',
      timeZone: 'America/Chicago',
      members: [],
    });
    await expect(
      createTeamByAdmin(cast.admin, { name: 'Other', slug, timeZone: 'UTC' }),
    ).rejects.toMatchObject({ code: 'conflict', field: 'slug' });
  });

  it('a new time zone or name moves the calendar version; saving unchanged values does not', async () => {
    const cast = await createAdminCast(db());
    const input = updateTeamSchema.parse({
      teamId: cast.team.id,
      name: cast.team.name,
      timeZone: 'Europe/Lisbon',
    });
    await updateTeam(cast.admin, input, request);
    expect(await versionOf(cast.team.id)).toBe(2);
    expect(await lastAudit()).toMatchObject({
      action: 'team.updated',
      details: {
        before: { name: cast.team.name, timeZone: 'Europe/Paris' },
        after: { name: cast.team.name, timeZone: 'Europe/Lisbon' },
      },
    });
    await updateTeam(cast.admin, input, request);
    expect(await versionOf(cast.team.id)).toBe(2);
  });

  it('a team’s holiday country and region: checked, saved, audited, and moving its calendar and its members’ own', async () => {
    const cast = await createAdminCast(db());
    const outsider = await createUser(db());
    const personVersion = async (userId: string) => {
      const [calendar] = await db()
        .select({ version: calendars.version })
        .from(calendars)
        .where(eq(calendars.personId, userId));
      return calendar?.version ?? null;
    };
    const form = (place: Record<string, string>) => ({
      teamId: cast.team.id,
      name: cast.team.name,
      timeZone: 'Europe/Paris',
      ...place,
    });
    // Refused next to their fields: unknown country, unknown region, a region without country.
    for (const [place, field] of [
      [{ holidayCountry: 'XX' }, 'holidayCountry'],
      [{ holidayCountry: 'DE', holidayRegion: 'ZZ' }, 'holidayRegion'],
      [{ holidayCountry: 'NL', holidayRegion: 'BY' }, 'holidayRegion'],
      [{ holidayRegion: 'BY' }, 'holidayRegion'],
    ] as const) {
      const parsed = updateTeamSchema.safeParse(form(place));
      expect(parsed.success, JSON.stringify(place)).toBe(false);
      expect(Object.keys(z.flattenError(parsed.error!).fieldErrors)).toEqual([field]);
    }

    const [memberBefore, outsiderBefore] = [
      await personVersion(cast.member.id),
      await personVersion(outsider.id),
    ];
    await updateTeam(
      cast.admin,
      updateTeamSchema.parse(form({ holidayCountry: 'de', holidayRegion: 'BY' })),
      request,
    );
    expect(await getTeamForAdmin(cast.admin, cast.team.slug)).toMatchObject({
      holidayCountry: 'DE',
      holidayRegion: 'BY',
    });
    expect(await versionOf(cast.team.id)).toBe(2);
    expect(await personVersion(cast.member.id)).toBe((memberBefore ?? 0) + 1);
    expect(await personVersion(outsider.id)).toBe(outsiderBefore);
    expect(await lastAudit()).toMatchObject({
      action: 'team.updated',
      details: {
        before: { holidayCountry: null, holidayRegion: null },
        after: { holidayCountry: 'DE', holidayRegion: 'BY' },
      },
    });

    // The whole country, then none: each a change; the same place again is none.
    await updateTeam(cast.admin, updateTeamSchema.parse(form({ holidayCountry: 'DE' })), request);
    expect(await versionOf(cast.team.id)).toBe(3);
    await updateTeam(cast.admin, updateTeamSchema.parse(form({ holidayCountry: 'DE' })), request);
    expect(await versionOf(cast.team.id)).toBe(3);
    await updateTeam(cast.admin, updateTeamSchema.parse(form({ holidayCountry: '' })), request);
    expect(await getTeamForAdmin(cast.admin, cast.team.slug)).toMatchObject({
      holidayCountry: null,
      holidayRegion: null,
    });
    expect(await lastAudit()).toMatchObject({
      details: { before: { holidayCountry: 'DE' }, after: { holidayCountry: null } },
    });

    const created = await createTeamByAdmin(
      cast.admin,
      createTeamSchema.parse({
        name: 'Munich',
        slug: `munich-${unique()}`,
        timeZone: 'Europe/Berlin',
        holidayCountry: 'DE',
        holidayRegion: 'BY',
      }),
    );
    const [row] = await db().select().from(teams).where(eq(teams.id, created.id));
    expect(row).toMatchObject({ holidayCountry: 'DE', holidayRegion: 'BY' });
  });

  it('lists teams with their counts, searched and paged on the server', async () => {
    const cast = await createAdminCast(db());
    const tag = unique();
    await createTeam(db(), { name: `Guild ${tag}` });
    const page = await listTeamsForAdmin(cast.admin, { q: cast.team.slug, page: 1 });
    expect(page).toMatchObject({ total: 1, pageCount: 1 });
    expect(page.rows[0]).toMatchObject({
      id: cast.team.id,
      memberCount: 2,
      managerCount: 1,
      activeTokenCount: 0,
    });
    await createFeedToken(db(), {
      kind: 'personal',
      ownerId: cast.member.id,
      teamId: cast.team.id,
    });
    await createFeedToken(db(), {
      kind: 'public',
      ownerId: cast.manager.id,
      teamId: cast.team.id,
      revokedAt: new Date(),
    });
    expect((await getTeamForAdmin(cast.admin, cast.team.slug)).activeTokenCount).toBe(1);
    expect((await listTeamsForAdmin(cast.admin, { q: tag, page: 1 })).total).toBe(1);
  });
});

describe('memberships', () => {
  it('adding, promoting and removing a person each move the team’s feeds on', async () => {
    const cast = await createAdminCast(db());
    const person = await createUser(db(), { name: 'Pat Person' });
    await addTeamMember(
      cast.admin,
      addMemberSchema.parse({ teamId: cast.team.id, email: person.email.toUpperCase() }),
      request,
    );
    expect(await versionOf(cast.team.id)).toBe(2);
    expect((await getTeamBySlug(person, cast.team.slug)).myRole).toBe('member');

    await setMembershipRole(
      cast.admin,
      { teamId: cast.team.id, userId: person.id, role: 'manager' },
      request,
    );
    expect(await versionOf(cast.team.id)).toBe(3);
    expect(await lastAudit()).toMatchObject({
      action: 'membership.role_changed',
      targetId: person.id,
      teamId: cast.team.id,
      details: { before: 'member', after: 'manager' },
    });
    expect((await getTeamBySlug(person, cast.team.slug)).myRole).toBe('manager');
    await setMembershipRole(cast.admin, {
      teamId: cast.team.id,
      userId: person.id,
      role: 'member',
    });
    expect(await versionOf(cast.team.id)).toBe(4);

    await removeTeamMember(cast.admin, { teamId: cast.team.id, userId: person.id }, request);
    expect(await versionOf(cast.team.id)).toBe(5);
    await expect(getTeamBySlug(person, cast.team.slug)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await lastAudit()).toMatchObject({ action: 'membership.removed', targetId: person.id });
  });

  it('says who cannot be added, next to the email field', async () => {
    const cast = await createAdminCast(db());
    await expect(
      addTeamMember(cast.admin, {
        teamId: cast.team.id,
        email: 'nobody@example.com',
        role: 'member',
      }),
    ).rejects.toMatchObject({ code: 'bad_request', field: 'email' });
    await expect(
      addTeamMember(cast.admin, { teamId: cast.team.id, email: cast.member.email, role: 'member' }),
    ).rejects.toMatchObject({ code: 'conflict', field: 'email' });
    await expect(
      removeTeamMember(cast.admin, { teamId: cast.team.id, userId: cast.admin.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const rows = await db().select().from(memberships).where(eq(memberships.teamId, cast.team.id));
    expect(rows).toHaveLength(2);
    expect(await versionOf(cast.team.id)).toBe(1);
  });
});
