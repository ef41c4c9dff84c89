import { describe, expect, it } from 'vitest';
import { absences, auditEvents, bookings, resources } from '@/db/schema';
import { auditFilterSchema } from '@/lib/admin-validation';
import { listAuditEvents } from '@/lib/dal/admin-audit';
import { recordAuditEvent } from '@/lib/dal/audit';
import { describeAuditEvent } from '@/lib/audit-text';
import { createAdminCast, createFeedToken } from '@/test/helpers/admin';
import { setupTestDatabase } from '@/test/helpers/database';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';

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
    expect(page.rows[0]).toMatchObject({
      action: 'user.disabled',
      target: { name: cast.member.name, email: cast.member.email },
    });
    expect(page.rows[1]).toMatchObject({
      action: 'feed_token.revoked',
      actorName: 'Audrey Auditor',
      actorEmail: actor.email,
      targetType: 'feed_token',
      targetId: 'abc',
      target: null,
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

describe('the audit log in words', () => {
  it('names the people, links, calendars, teams and resources events were about, never by id', async () => {
    const cast = await createAdminCast(db());
    const actor = await createUser(db(), { name: 'Nora Names' });
    const jules = await createUser(db(), { name: 'Jules Petit' });
    const team = await createTeam(db(), { name: 'Engineering' });
    await addMember(db(), team.id, jules.id);
    const vacation = await createAbsenceType(db(), { label: 'Vacation' });
    const subscription = await createFeedToken(db(), {
      kind: 'personal',
      ownerId: jules.id,
      teamId: team.id,
    });
    const guest = await createFeedToken(db(), {
      kind: 'guest',
      ownerId: actor.id,
      teamId: team.id,
      guestEmail: 'auditor@example.org',
    });
    const [room] = await db()
      .insert(resources)
      .values({
        slug: `room-${subscription.displayPrefix.slice(-6).toLowerCase()}`,
        name: 'Room 2',
        kind: 'room',
      })
      .returning();
    const [absence] = await db()
      .insert(absences)
      .values({
        userId: jules.id,
        typeId: vacation.id,
        startDate: '2026-06-17',
        endDate: '2026-06-19',
        status: 'approved',
      })
      .returning();
    const [booking] = await db()
      .insert(bookings)
      .values({
        resourceId: room!.id,
        bookedById: jules.id,
        title: 'Sprint review',
        startsAt: new Date('2026-06-17T07:00:00Z'),
        endsAt: new Date('2026-06-17T08:30:00Z'),
        status: 'confirmed',
      })
      .returning();
    const events = [
      {
        action: 'feed_token.revoked',
        targetType: 'feed_token',
        targetId: subscription.id,
        teamId: team.id,
        details: { kind: 'personal', prefix: subscription.displayPrefix, reason: 'Laptop stolen' },
      },
      {
        action: 'membership.added',
        targetType: 'user',
        targetId: jules.id,
        teamId: team.id,
        details: { role: 'member' },
      },
      { action: 'resource.disabled', targetType: 'resource', targetId: room!.id },
      { action: 'absence.approved', targetType: 'absence', targetId: absence!.id },
      {
        action: 'booking.confirmed',
        targetType: 'booking',
        targetId: booking!.id,
        details: { title: 'Sprint review' },
      },
      {
        action: 'guest_share.revoked',
        targetType: 'feed_token',
        targetId: guest.id,
        teamId: team.id,
        details: { calendar: 'team' },
      },
      {
        action: 'feed_token.exported',
        details: { filter: { team: team.id, owner: jules.id, kind: 'personal', status: 'active' } },
      },
      {
        action: 'policy.updated',
        targetType: 'policy',
        targetId: '1',
        details: {
          before: { maxTokenLifetimeDays: 183, publicLinksAllowed: true },
          after: { maxTokenLifetimeDays: 90, publicLinksAllowed: false },
          changed: ['maxTokenLifetimeDays', 'publicLinksAllowed'],
        },
      },
    ];
    for (const event of events) await recordAuditEvent(db(), { actorId: actor.id, ...event });

    const page = await listAuditEvents(cast.admin, filter({ actor: 'nora names' }));
    const read = page.rows.reverse().map((row) => describeAuditEvent(row, 'en-GB'));
    expect(read.map((text) => text.sentence)).toEqual([
      `Revoked Jules Petit’s subscription to “Engineering” (${subscription.displayPrefix}…): Laptop stolen`,
      'Added Jules Petit to Engineering as a member',
      'Disabled the resource “Room 2”: no new bookings, its links stop',
      'Approved Jules Petit’s Vacation, 17–19 Jun 2026',
      'Confirmed Jules Petit’s booking “Sprint review” of “Room 2”',
      `Revoked auditor@example.org’s guest share of “Engineering” (${guest.displayPrefix}…)`,
      'Exported the list of links as CSV',
      'Changed the policy',
    ]);
    expect(read[4]!.lines).toEqual([
      { label: 'When', value: '17 Jun 2026, 09:00–10:30 (Europe/Paris)' },
    ]);
    expect(read[6]!.lines).toEqual([
      { label: 'Team', value: 'Engineering' },
      { label: 'Owner', value: 'Jules Petit' },
      { label: 'Kind', value: 'personal' },
      { label: 'Status', value: 'active' },
    ]);
    expect(read[7]!.lines).toEqual([
      { label: 'Maximum link lifetime', value: '183 days → 90 days' },
      { label: 'Public links', value: 'allowed → not allowed' },
    ]);
    // The same rows (oldest first, reversed above) in French, for a French reader.
    const french = page.rows.map((row) => describeAuditEvent(row, 'fr-FR'));
    expect(french.slice(0, 5).map((text) => text.sentence)).toEqual([
      `Révoqué l’abonnement de Jules Petit à « Engineering » (${subscription.displayPrefix}…) : Laptop stolen`,
      'Ajouté Jules Petit à Engineering comme membre',
      'Désactivé la ressource « Room 2 » : plus de nouvelles réservations, ses liens s’arrêtent',
      'Validé l’absence « Vacation » de Jules Petit, 17–19 juin 2026',
      'Confirmé la réservation de « Room 2 » par Jules Petit pour « Sprint review »',
    ]);
    expect(french[4]!.lines).toEqual([
      { label: 'Quand', value: '17 juin 2026, 09:00 – 10:30 (Europe/Paris)' },
    ]);
    expect(french[7]!.lines).toEqual([
      { label: 'Durée de vie maximale d’un lien', value: '183 jours → 90 jours' },
      { label: 'Liens publics autorisés', value: 'oui → non' },
    ]);
    // No id, whole or in part, anywhere in the words.
    const ids = [team.id, jules.id, subscription.id, guest.id, room!.id, absence!.id, booking!.id];
    for (const text of read) {
      const words = [text.sentence, ...text.lines.map((l) => `${l.label} ${l.value}`)].join(' ');
      for (const id of ids) expect(words).not.toContain(id.slice(0, 8));
    }
  });
});
