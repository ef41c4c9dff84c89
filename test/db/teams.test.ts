import { describe, expect, it } from 'vitest';
import { getAdminOverview } from '@/lib/dal/admin';
import { getTeamBySlug, listTeamsForActor } from '@/lib/dal/teams';
import { setupTestDatabase } from '@/test/helpers/database';
import { addMember, createTeam, createUser } from '@/test/helpers/factories';

const db = setupTestDatabase();

async function twoTeams() {
  const [alpha, beta] = [
    await createTeam(db(), { name: 'Alpha' }),
    await createTeam(db(), { name: 'Beta' }),
  ];
  const manager = await createUser(db(), { name: 'Mia Manager' });
  const member = await createUser(db(), { name: 'Max Member' });
  const outsider = await createUser(db());
  const admin = await createUser(db(), { role: 'admin' });
  await addMember(db(), alpha.id, manager.id, 'manager');
  await addMember(db(), alpha.id, member.id);
  await addMember(db(), beta.id, outsider.id);
  return { alpha, beta, manager, member, outsider, admin };
}

describe('teams', () => {
  it('lists only the teams a member belongs to, with their role', async () => {
    const { alpha, member } = await twoTeams();
    const teams = await listTeamsForActor(member);
    expect(teams).toEqual([
      expect.objectContaining({ id: alpha.id, myRole: 'member', memberCount: 2 }),
    ]);
  });

  it('lists every team for an admin, marking the ones they are not in', async () => {
    const { alpha, beta, admin } = await twoTeams();
    const ids = (await listTeamsForActor(admin)).map((t) => [t.id, t.myRole]);
    expect(ids).toEqual(
      expect.arrayContaining([
        [alpha.id, null],
        [beta.id, null],
      ]),
    );
  });

  it('shows a team and its members and roles to a member, managers first', async () => {
    const { alpha, member, manager } = await twoTeams();
    const team = await getTeamBySlug(member, alpha.slug);
    expect(team.members.map((m) => [m.id, m.role])).toEqual([
      [manager.id, 'manager'],
      [member.id, 'member'],
    ]);
    expect(JSON.stringify(team)).not.toMatch(/password|\$argon2/);
  });

  it('hides a team from someone outside it, as if it did not exist', async () => {
    const { alpha, outsider } = await twoTeams();
    await expect(getTeamBySlug(outsider, alpha.slug)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getTeamBySlug(outsider, 'no-such-team')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('shows any team to an admin', async () => {
    const { alpha, admin } = await twoTeams();
    expect((await getTeamBySlug(admin, alpha.slug)).id).toBe(alpha.id);
  });
});

describe('the admin overview', () => {
  it('is for admins only', async () => {
    const { admin, manager } = await twoTeams();
    await expect(getAdminOverview(manager)).rejects.toMatchObject({ code: 'not_found' });
    const overview = await getAdminOverview(admin);
    expect(overview.teams).toBeGreaterThanOrEqual(2);
    expect(overview.users).toBeGreaterThanOrEqual(4);
  });
});
