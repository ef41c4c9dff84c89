import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { absences, absenceTypes, auditEvents, calendars } from '@/db/schema';
import {
  createAbsenceTypeSchema,
  updateAbsenceTypeSchema,
  type UpdateAbsenceTypeInput,
} from '@/lib/admin-validation';
import type { Actor } from '@/lib/dal/actor';
import {
  createAbsenceType,
  getAbsenceTypeForAdmin,
  listAbsenceTypesForAdmin,
  retireAbsenceType,
  restoreAbsenceType,
  updateAbsenceType,
} from '@/lib/dal/admin-absence-types';
import { requestAbsence } from '@/lib/dal/absences';
import { findCalendarForActor } from '@/lib/dal/calendars';
import type { FeedOptions } from '@/lib/dal/feed-tokens';
import { listActiveAbsenceTypes } from '@/lib/dal/my-absences';
import { setOwnAbsencesShown } from '@/lib/dal/profile';
import { feedCalendarStream, feedWindow } from '@/lib/feed-calendar';
import { createAdminCast } from '@/test/helpers/admin';
import { wednesdayAfter } from '@/test/helpers/dates';
import { setupTestDatabase } from '@/test/helpers/database';
import {
  addMember,
  createAbsenceType as insertAbsenceType,
  createTeam,
  createUser,
} from '@/test/helpers/factories';
import { parseFeed } from '@/test/helpers/feeds';

const db = setupTestDatabase();
const request = { ip: '203.0.113.14', userAgent: 'Firefox/140' };
const unique = () => Math.random().toString(36).slice(2, 8);

const create = (label: string, fields: Record<string, string> = {}) =>
  createAbsenceTypeSchema.parse({ label, color: '#0EA5E9', ...fields });

/** The update form as it is sent: the type's settings now, with some changed. */
async function edit(typeId: string, changes: Partial<Record<string, string>>) {
  const [type] = await db().select().from(absenceTypes).where(eq(absenceTypes.id, typeId));
  const checked = (on: boolean) => (on ? 'on' : undefined);
  return updateAbsenceTypeSchema.parse({
    typeId,
    label: type!.label,
    color: type!.color,
    isPrivate: checked(type!.isPrivate),
    requiresApproval: checked(type!.requiresApproval),
    countsAgainstAllowance: checked(type!.countsAgainstAllowance),
    overAllowance: type!.overAllowance,
    sortOrder: String(type!.sortOrder),
    ...changes,
  }) as UpdateAbsenceTypeInput;
}

async function lastAudit() {
  const [event] = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return event!;
}

async function calendarState(where: { teamId: string } | { personId: string }) {
  const [row] = await db()
    .select({
      version: calendars.version,
      presentationVersion: calendars.presentationVersion,
    })
    .from(calendars)
    .where(
      'teamId' in where
        ? eq(calendars.teamId, where.teamId)
        : eq(calendars.personId, where.personId),
    );
  return row!;
}

// A pinned "now" for reading feeds, and an absence inside its window, whatever today is.
const now = new Date('2026-06-15T09:00:00Z');
const DAY = '2026-06-17';

/** The team's feed as a colleague's subscription reads it. */
async function teamFeed(viewer: Actor, slug: string) {
  const calendar = await findCalendarForActor(viewer, { kind: 'team', slug });
  const options: FeedOptions = {
    privacy: 'standard',
    includePending: false,
    absenceTypeIds: null,
    includeTeamEvents: true,
  };
  const stream = feedCalendarStream({
    calendar,
    uidScope: 'link-1',
    ownerId: viewer.id,
    options,
    privateTypes: 'own',
    expiryNotice: null,
    rows: calendar.source.readRows(calendar, { options, ...feedWindow(now) }),
  });
  return parseFeed(await new Response(stream).text());
}

describe('who may manage absence types', () => {
  it('only an enabled admin, by the role in the database, lists, creates, changes, retires and restores types', async () => {
    const cast = await createAdminCast(db());
    const type = await insertAbsenceType(db(), { label: 'Before' });
    const input = await edit(type.id, { label: 'Renamed' });
    const calls = [
      (actor: Actor) => listAbsenceTypesForAdmin(actor),
      (actor: Actor) => getAbsenceTypeForAdmin(actor, type.key),
      (actor: Actor) => createAbsenceType(actor, create('Jury duty', { key: `jury_${unique()}` })),
      (actor: Actor) => updateAbsenceType(actor, input),
      (actor: Actor) => retireAbsenceType(actor, { typeId: type.id }),
      (actor: Actor) => restoreAbsenceType(actor, { typeId: type.id }),
    ];
    for (const [who, actor] of cast.refused)
      for (const call of calls)
        await expect(call(actor), who).rejects.toMatchObject({ code: 'not_found' });
    const [unchanged] = await db().select().from(absenceTypes).where(eq(absenceTypes.id, type.id));
    expect(unchanged).toMatchObject({ label: 'Before', active: true });

    for (const call of calls) await call(cast.admin);
    const [changed] = await db().select().from(absenceTypes).where(eq(absenceTypes.id, type.id));
    expect(changed).toMatchObject({ label: 'Renamed', active: true });
  });
});

describe('creating and changing absence types', () => {
  it('explains a missing name, a bad colour, key or position', () => {
    const result = createAbsenceTypeSchema.safeParse({
      label: ' ',
      color: 'blue',
      key: '9 lives',
      sortOrder: '1000',
    });
    expect(result.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['label', 'Enter the type’s name.'],
      ['color', 'Choose a colour as #rrggbb, like #2563eb.'],
      ['sortOrder', 'Enter a position from 0 to 999.'],
      [
        'key',
        'Use up to 40 lowercase letters, digits and underscores, starting with a letter, like jury_duty.',
      ],
    ]);
    expect(
      createAbsenceTypeSchema.safeParse({ label: 'x'.repeat(61), color: '#000000' }).error,
    ).toBeDefined();
    expect(
      createAbsenceTypeSchema.safeParse({ label: '病假', color: '#000000' }).error!.issues[0],
    ).toMatchObject({
      path: ['key'],
      message: 'Choose a key: the name has no letters to make one from.',
    });
  });

  it('an admin creates a type with a key made from its name, at the end of the lists, audited', async () => {
    const cast = await createAdminCast(db());
    const label = `Jury duty ${unique()} (paid)`;
    const created = await createAbsenceType(
      cast.admin,
      create(label, { isPrivate: 'on', countsAgainstAllowance: 'on', overAllowance: 'warn' }),
      request,
    );
    expect(created.key).toMatch(/^jury_duty_[a-z0-9]+_paid$/);
    const types = await listAbsenceTypesForAdmin(cast.admin);
    const type = types.find((t) => t.id === created.id)!;
    expect(type).toEqual({
      id: created.id,
      key: created.key,
      label,
      color: '#0ea5e9',
      isPrivate: true,
      requiresApproval: false,
      countsAgainstAllowance: true,
      overAllowance: 'warn',
      active: true,
      sortOrder:
        Math.max(...types.filter((t) => t.id !== created.id).map((t) => t.sortOrder), 0) + 1,
      absenceCount: 0,
    });
    expect(await getAbsenceTypeForAdmin(cast.admin, created.key)).toEqual(type);
    await expect(getAbsenceTypeForAdmin(cast.admin, 'no_such_type')).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await lastAudit()).toMatchObject({
      actorId: cast.admin.id,
      action: 'absence_type.created',
      targetType: 'absence_type',
      targetId: created.id,
      ip: request.ip,
      details: { after: { key: created.key, label, color: '#0ea5e9', isPrivate: true } },
    });
    // Members can request it at once.
    expect((await listActiveAbsenceTypes()).map((t) => t.id)).toContain(created.id);
  });

  it('a key another type has is refused on the key field, chosen or made from the name', async () => {
    const cast = await createAdminCast(db());
    const taken = await insertAbsenceType(db(), { label: 'Study leave' });
    await expect(
      createAbsenceType(cast.admin, create('Anything', { key: taken.key })),
    ).rejects.toMatchObject({
      code: 'conflict',
      field: 'key',
      message: `“Study leave” already has the key ${taken.key}: choose another key.`,
    });
    const label = `Blood donation ${unique()}`;
    await createAbsenceType(cast.admin, create(label));
    await expect(createAbsenceType(cast.admin, create(label))).rejects.toMatchObject({
      code: 'conflict',
      field: 'key',
    });
    expect(
      (await listAbsenceTypesForAdmin(cast.admin)).filter((t) => t.label === label),
    ).toHaveLength(1);
  });

  it('an admin renames, recolours and reorders a type and changes its rules; the audit keeps before and after', async () => {
    const cast = await createAdminCast(db());
    const type = await insertAbsenceType(db(), {
      label: 'Remote',
      requiresApproval: true,
      sortOrder: 7,
    });
    const result = await updateAbsenceType(
      cast.admin,
      await edit(type.id, {
        label: 'Remote work',
        color: '#22C55E',
        requiresApproval: undefined,
        countsAgainstAllowance: 'on',
        overAllowance: 'warn',
        sortOrder: '2',
      }),
      request,
    );
    expect(result.changed).toEqual([
      'label',
      'color',
      'requiresApproval',
      'countsAgainstAllowance',
      'overAllowance',
      'sortOrder',
    ]);
    expect(await getAbsenceTypeForAdmin(cast.admin, type.key)).toMatchObject({
      label: 'Remote work',
      color: '#22c55e',
      requiresApproval: false,
      countsAgainstAllowance: true,
      overAllowance: 'warn',
      sortOrder: 2,
      active: true,
    });
    expect(await lastAudit()).toMatchObject({
      action: 'absence_type.updated',
      targetId: type.id,
      details: {
        key: type.key,
        before: {
          label: 'Remote',
          color: '#123456',
          requiresApproval: true,
          countsAgainstAllowance: false,
          overAllowance: 'refuse',
          sortOrder: 7,
        },
        after: {
          label: 'Remote work',
          color: '#22c55e',
          requiresApproval: false,
          countsAgainstAllowance: true,
          overAllowance: 'warn',
          sortOrder: 2,
        },
      },
    });

    // A rule left out (the form sends none while the type does not count) and an empty position
    // keep what the type has; a save that changes nothing writes nothing.
    const audits = (await db().select().from(auditEvents)).length;
    const same = await edit(type.id, { overAllowance: undefined, sortOrder: '' });
    expect(await updateAbsenceType(cast.admin, same)).toEqual({ changed: [] });
    expect(await db().select().from(auditEvents)).toHaveLength(audits);
    await expect(
      updateAbsenceType(cast.admin, { ...same, typeId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a retired type can no longer be requested, its absences stay and show with it; restoring it brings it back', async () => {
    const cast = await createAdminCast(db());
    const type = await insertAbsenceType(db(), {
      label: `Sabbatical ${unique()}`,
      requiresApproval: false,
    });
    const day = wednesdayAfter(14);
    const taken = await requestAbsence(cast.member, {
      typeId: type.id,
      startDate: day,
      endDate: day,
      halfDayStart: false,
      halfDayEnd: false,
      note: null,
    });
    await db().insert(absences).values({
      userId: cast.member.id,
      typeId: type.id,
      startDate: DAY,
      endDate: DAY,
      status: 'approved',
    });

    expect(await retireAbsenceType(cast.admin, { typeId: type.id }, request)).toEqual({
      changed: true,
    });
    expect(await lastAudit()).toMatchObject({
      action: 'absence_type.retired',
      targetId: type.id,
      details: { key: type.key, before: { active: true }, after: { active: false } },
    });
    expect(await retireAbsenceType(cast.admin, { typeId: type.id })).toEqual({ changed: false });
    const later = wednesdayAfter(28);
    const again = {
      typeId: type.id,
      startDate: later,
      endDate: later,
      halfDayStart: false,
      halfDayEnd: false,
      note: null,
    };
    await expect(requestAbsence(cast.member, again)).rejects.toMatchObject({
      code: 'bad_request',
      field: 'typeId',
    });
    expect((await listActiveAbsenceTypes()).map((t) => t.id)).not.toContain(type.id);

    // Its absences are still there, and the team's feed still shows them with the type.
    const [kept] = await db().select().from(absences).where(eq(absences.id, taken.id));
    expect(kept).toMatchObject({ typeId: type.id, status: 'approved' });
    expect(await getAbsenceTypeForAdmin(cast.admin, type.key)).toMatchObject({
      active: false,
      absenceCount: 2,
    });
    const feed = await teamFeed(cast.manager, cast.team.slug);
    expect(feed.events.map((e) => e.summary)).toContain(`${cast.member.name} — ${type.label}`);

    expect(await restoreAbsenceType(cast.admin, { typeId: type.id }, request)).toEqual({
      changed: true,
    });
    expect((await lastAudit()).action).toBe('absence_type.restored');
    expect(await requestAbsence(cast.member, again)).toMatchObject({ status: 'approved' });
  });
});

describe('what a type change moves', () => {
  it('moves exactly the calendars that show an absence of the type, and their feeds read the new name', async () => {
    const cast = await createAdminCast(db());
    const type = await insertAbsenceType(db(), { label: 'Offsite' });
    const other = await insertAbsenceType(db(), { label: 'Other' });
    // Pia has an absence of the type and shows her absences in her own calendar; Rémi (another
    // team) shows his too but has none of this type; Olga's only one was cancelled.
    const showing = await createTeam(db());
    const elsewhere = await createTeam(db());
    const pia = await createUser(db(), { name: 'Pia Person' });
    const colleague = await createUser(db(), { name: 'Colin Colleague' });
    const remi = await createUser(db());
    const olga = await createUser(db());
    await addMember(db(), showing.id, pia.id);
    await addMember(db(), showing.id, colleague.id);
    await addMember(db(), elsewhere.id, remi.id);
    await addMember(db(), elsewhere.id, olga.id);
    await setOwnAbsencesShown(pia, true);
    await setOwnAbsencesShown(remi, true);
    await setOwnAbsencesShown(olga, true);
    const absence = (userId: string, typeId: string, status: 'approved' | 'cancelled') => ({
      userId,
      typeId,
      startDate: DAY,
      endDate: DAY,
      status,
    });
    await db()
      .insert(absences)
      .values([
        absence(pia.id, type.id, 'approved'),
        absence(remi.id, other.id, 'approved'),
        absence(olga.id, type.id, 'cancelled'),
      ]);
    const watched = {
      team: { teamId: showing.id },
      piaCalendar: { personId: pia.id },
      otherTeam: { teamId: elsewhere.id },
      remiCalendar: { personId: remi.id },
      olgaCalendar: { personId: olga.id },
      colleagueCalendar: { personId: colleague.id },
      castTeam: { teamId: cast.team.id },
    };
    const states = async () =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(watched).map(async ([name, where]) => [name, await calendarState(where)]),
        ),
      ) as Record<keyof typeof watched, { version: number; presentationVersion: number }>;
    const moved = (
      before: Awaited<ReturnType<typeof states>>,
      after: Awaited<ReturnType<typeof states>>,
    ) =>
      Object.keys(watched).filter(
        (name) =>
          after[name as keyof typeof watched].version !==
          before[name as keyof typeof watched].version,
      );

    expect((await teamFeed(colleague, showing.slug)).events.map((e) => e.summary)).toEqual([
      'Pia Person — Offsite',
    ]);
    const before = await states();
    await updateAbsenceType(cast.admin, await edit(type.id, { label: 'Team offsite' }));
    const afterRename = await states();
    expect(moved(before, afterRename)).toEqual(['team', 'piaCalendar']);
    // The name is in every event: their SEQUENCE and LAST-MODIFIED move too.
    expect(afterRename.team.presentationVersion).toBe(before.team.presentationVersion + 1);
    expect(afterRename.piaCalendar.presentationVersion).toBe(
      before.piaCalendar.presentationVersion + 1,
    );
    expect((await teamFeed(colleague, showing.slug)).events.map((e) => e.summary)).toEqual([
      'Pia Person — Team offsite',
    ]);

    // Private now: a colleague's feed shows Pia as away, without the type.
    await updateAbsenceType(cast.admin, await edit(type.id, { isPrivate: 'on' }));
    const afterPrivate = await states();
    expect(moved(afterRename, afterPrivate)).toEqual(['team', 'piaCalendar']);
    expect((await teamFeed(colleague, showing.slug)).events.map((e) => e.summary)).toEqual([
      'Pia Person — Away',
    ]);

    // A rule that today's feeds do not show moves the same calendars' versions, not how their
    // events read; so do retiring and restoring.
    await updateAbsenceType(cast.admin, await edit(type.id, { requiresApproval: undefined }));
    const afterRule = await states();
    expect(moved(afterPrivate, afterRule)).toEqual(['team', 'piaCalendar']);
    expect(afterRule.team.presentationVersion).toBe(afterPrivate.team.presentationVersion);
    await retireAbsenceType(cast.admin, { typeId: type.id });
    const afterRetire = await states();
    expect(moved(afterRule, afterRetire)).toEqual(['team', 'piaCalendar']);
    await restoreAbsenceType(cast.admin, { typeId: type.id });
    expect(moved(afterRetire, await states())).toEqual(['team', 'piaCalendar']);
  });
});
