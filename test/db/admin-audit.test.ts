import { describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema';
import { auditFilterSchema } from '@/lib/admin-validation';
import { listAuditEvents } from '@/lib/dal/admin-audit';
import { recordAuditEvent } from '@/lib/dal/audit';
import { createAdminCast } from '@/test/helpers/admin';
import { setupTestDatabase } from '@/test/helpers/database';
import { createUser } from '@/test/helpers/factories';

const db = setupTestDatabase();
const filter = (query: Record<string, unknown>) => auditFilterSchema.parse(query);

describe('the audit log', () => {
  it('only an enabled admin, by the role in the database, reads it', async () => {
    const cast = await createAdminCast(db());
    for (const [who, actor] of cast.refused)
      await expect(listAuditEvents(actor, filter({})), who).rejects.toMatchObject({
        code: 'not_found',
      });
    await recordAuditEvent(db(), { actorId: cast.member.id, action: 'test.visible' });
    const page = await listAuditEvents(cast.admin, filter({ action: 'test.visible' }));
    expect(page.rows.map((r) => r.actorId)).toEqual([cast.member.id]);
  });

  it('shows who did what to which target, from where, newest first', async () => {
    const cast = await createAdminCast(db());
    const actor = await createUser(db(), { name: 'Audrey Auditor' });
    await recordAuditEvent(db(), {
      actorId: actor.id,
      action: 'feed_token.revoked',
      targetType: 'feed_token',
      targetId: 'abc',
      teamId: cast.team.id,
      details: { reason: 'Leaked' },
      request: { ip: '198.51.100.9', userAgent: 'Firefox/140' },
    });
    await recordAuditEvent(db(), {
      actorId: actor.id,
      action: 'user.disabled',
      targetType: 'user',
      targetId: cast.member.id,
    });
    const page = await listAuditEvents(cast.admin, filter({ actor: 'audrey' }));
    expect(page.total).toBe(2);
    expect(page.rows[0]).toMatchObject({ action: 'user.disabled', targetName: cast.member.name });
    expect(page.rows[1]).toMatchObject({
      action: 'feed_token.revoked',
      actorName: 'Audrey Auditor',
      actorEmail: actor.email,
      targetType: 'feed_token',
      targetId: 'abc',
      targetName: null,
      teamName: cast.team.name,
      ip: '198.51.100.9',
      userAgent: 'Firefox/140',
      details: { reason: 'Leaked' },
    });
  });

  it('filters by action prefix, actor and UTC date range, and pages on the server', async () => {
    const cast = await createAdminCast(db());
    const actor = await createUser(db(), { name: 'Filter Tester' });
    const at = (day: string) => ({ actorId: actor.id, targetId: day });
    for (const [action, day] of [
      ['team.created', '2024-03-01'],
      ['team.updated', '2024-03-02'],
      ['team_event.created', '2024-03-02'],
      ['membership.added', '2024-03-03'],
    ] as const)
      await db()
        .insert(auditEvents)
        .values({ ...at(day), action, at: new Date(`${day}T23:30:00Z`) });
    const targets = async (query: Record<string, unknown>) =>
      (await listAuditEvents(cast.admin, filter({ actor: actor.email, ...query }))).rows.map(
        (r) => r.targetId,
      );
    expect(await targets({ action: 'team.' })).toEqual(['2024-03-02', '2024-03-01']);
    expect(await targets({ action: 'team' })).toEqual(['2024-03-02', '2024-03-02', '2024-03-01']);
    expect(await targets({ from: '2024-03-02', to: '2024-03-02' })).toEqual([
      '2024-03-02',
      '2024-03-02',
    ]);
    expect(await targets({ from: '2024-03-03' })).toEqual(['2024-03-03']);

    for (let i = 0; i < 30; i++)
      await recordAuditEvent(db(), { actorId: actor.id, action: 'test.paged' });
    const second = await listAuditEvents(
      cast.admin,
      filter({ actor: actor.email, action: 'test.paged', page: '2' }),
    );
    expect(second).toMatchObject({ total: 30, page: 2, pageCount: 2 });
    expect(second.rows).toHaveLength(5);
    expect(filter({ action: 'DROP TABLE', from: '2024-02-30', page: 'x' })).toEqual({ page: 1 });
  });
});
