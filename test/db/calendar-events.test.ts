import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, calendarEvents, calendars } from '@/db/schema';
import type { Actor } from '@/lib/dal/actor';
import {
  cancelCalendarEvent,
  createCalendarEvent,
  listCalendarEvents,
  updateCalendarEvent,
} from '@/lib/dal/calendar-events';
import { findCalendarForActor } from '@/lib/dal/calendars';
import { findActiveActor } from '@/lib/dal/users';
import { calendarEventSchema, calendarEventUpdateSchema } from '@/lib/validation';
import { setupTestDatabase } from '@/test/helpers/database';
import {
  addMember,
  createTeam,
  createUser,
  openSession,
  teamCalendarId,
} from '@/test/helpers/factories';

const db = setupTestDatabase();

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
const everything = { from: inDays(-800), to: inDays(800) };

/** The next Sunday on which Europe/Paris moves its clocks (the last Sunday of March or October). */
function nextClockChange(month: 3 | 10): string {
  const today = inDays(0);
  for (let year = Number(today.slice(0, 4)); ; year++) {
    const lastDay = new Date(Date.UTC(year, month, 0));
    lastDay.setUTCDate(lastDay.getUTCDate() - lastDay.getUTCDay());
    const sunday = lastDay.toISOString().slice(0, 10);
    if (sunday > today) return sunday;
  }
}
const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** A team with the id of its calendar, `cal`, which its events belong to. */
async function withCalendar<Team extends { id: string }>(team: Team) {
  return { ...team, cal: await teamCalendarId(db(), team.id) };
}

/** A Paris team with a manager and a member, another team with its manager, and an admin. */
async function organisation() {
  const team = await withCalendar(await createTeam(db(), { timeZone: 'Europe/Paris' }));
  const otherTeam = await withCalendar(await createTeam(db(), { timeZone: 'America/New_York' }));
  const manager = await createUser(db(), { name: 'Mona Manager' });
  const member = await createUser(db());
  const otherManager = await createUser(db());
  const admin = await createUser(db(), { role: 'admin' });
  const disabledManager = await createUser(db(), { disabledAt: new Date() });
  await addMember(db(), team.id, manager.id, 'manager');
  await addMember(db(), team.id, member.id);
  await addMember(db(), team.id, disabledManager.id, 'manager');
  await addMember(db(), otherTeam.id, otherManager.id, 'manager');
  return { team, otherTeam, manager, member, otherManager, admin, disabledManager };
}

function eventInput(calendarId: string, overrides: Record<string, unknown> = {}) {
  return calendarEventSchema.parse({
    calendarId,
    title: 'Client visit',
    startDate: inDays(20),
    startTime: '09:00',
    endDate: inDays(20),
    endTime: '12:30',
    location: '1 Rond-point Maurice Bellonte, 31700 Blagnac',
    submissionKey: crypto.randomUUID(),
    ...overrides,
  });
}

function updateInput(calendarId: string, eventId: string, overrides: Record<string, unknown> = {}) {
  return calendarEventUpdateSchema.parse({
    calendarId,
    eventId,
    title: 'Client visit (moved)',
    startDate: inDays(21),
    startTime: '14:00',
    endDate: inDays(21),
    endTime: '16:00',
    location: 'Toulouse office',
    ...overrides,
  });
}

async function calendarOf(calendarId: string) {
  const [calendar] = await db()
    .select({ version: calendars.version, updatedAt: calendars.updatedAt })
    .from(calendars)
    .where(eq(calendars.id, calendarId));
  return calendar!;
}

async function storedEvent(eventId: string) {
  const [row] = await db().select().from(calendarEvents).where(eq(calendarEvents.id, eventId));
  return row!;
}

async function lastAudit() {
  const [audit] = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return audit!;
}

describe('the team event form’s validation', () => {
  const fieldErrors = (input: Record<string, unknown>) => {
    const result = calendarEventSchema.safeParse(input);
    expect(result.success).toBe(false);
    return Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
  };

  it('explains each mistake next to its field, all at once', () => {
    expect(
      fieldErrors({
        calendarId: 'not-a-calendar',
        submissionKey: crypto.randomUUID(),
        title: '   ',
        startDate: '2027-02-30',
        startTime: '25:00',
        endDate: '',
        endTime: '',
        location: 'x'.repeat(501),
        description: 'x'.repeat(4001),
      }),
    ).toEqual({
      calendarId: 'Unknown calendar.',
      title: 'Enter a title.',
      startDate: 'The start date is not a real date.',
      startTime: 'Enter the start time as hours and minutes, like 09:30.',
      endDate: 'Enter the end date.',
      location: 'Keep the location under 500 characters.',
      description: 'Keep the description under 4000 characters.',
    });
    expect(
      fieldErrors({
        calendarId: crypto.randomUUID(),
        submissionKey: crypto.randomUUID(),
        title: 'x'.repeat(201),
        startDate: '2027-03-01',
        endDate: '2027-03-01',
      }),
    ).toEqual({
      title: 'Keep the title under 200 characters.',
      startTime: 'Enter the start time, or tick “All day”.',
      endTime: 'Enter the end time, or tick “All day”.',
    });
    expect(fieldErrors({ title: 'Offsite' })).toEqual({
      calendarId: 'Unknown calendar.',
      submissionKey: 'This form has expired: close it and add the event again.',
      startDate: 'Enter the start date.',
      startTime: 'Enter the start time, or tick “All day”.',
      endDate: 'Enter the end date.',
      endTime: 'Enter the end time, or tick “All day”.',
    });
  });

  it('refuses an event that ends before it starts, on the field that is wrong', () => {
    const base = {
      calendarId: crypto.randomUUID(),
      submissionKey: crypto.randomUUID(),
      title: 'Offsite',
    };
    expect(
      fieldErrors({ ...base, allDay: 'on', startDate: '2027-03-02', endDate: '2027-03-01' }),
    ).toEqual({ endDate: 'The end date cannot be before the start date.' });
    expect(
      fieldErrors({
        ...base,
        startDate: '2027-03-01',
        startTime: '10:00',
        endDate: '2027-03-01',
        endTime: '10:00',
      }),
    ).toEqual({ endTime: 'The event must end after it starts.' });
  });

  it('an all-day event keeps its dates and drops any times left in the form', () => {
    expect(
      calendarEventSchema.parse({
        calendarId: crypto.randomUUID(),
        submissionKey: crypto.randomUUID(),
        title: '  Team offsite ',
        allDay: 'on',
        startDate: '2027-03-01',
        startTime: '10:00',
        endDate: '2027-03-02',
        endTime: '11:00',
        location: '',
      }),
    ).toMatchObject({
      title: 'Team offsite',
      allDay: true,
      startTime: null,
      endTime: null,
      location: null,
      description: null,
    });
  });
});

describe('creating a team event', () => {
  it('a timed event in Paris is stored at the right instants on both sides of the change to summer time', async () => {
    const { team, manager } = await organisation();
    const sunday = nextClockChange(3);
    const saturday = shiftDate(sunday, -1);
    const monday = shiftDate(sunday, 1);
    const before = await createCalendarEvent(
      manager,
      eventInput(team.cal, { startDate: saturday, endDate: saturday, startTime: '10:00' }),
    );
    expect(before.startsAt!.toISOString()).toBe(`${saturday}T09:00:00.000Z`);
    const after = await createCalendarEvent(
      manager,
      eventInput(team.cal, { startDate: monday, endDate: monday, startTime: '10:00' }),
    );
    expect(after.startsAt!.toISOString()).toBe(`${monday}T08:00:00.000Z`);
    // From Saturday 18:00 to Sunday 18:00, local time: one hour shorter than a day.
    const across = await createCalendarEvent(
      manager,
      eventInput(team.cal, {
        startDate: saturday,
        startTime: '18:00',
        endDate: sunday,
        endTime: '18:00',
      }),
    );
    expect(across.endsAt!.getTime() - across.startsAt!.getTime()).toBe(23 * 3_600_000);
    expect(across).toMatchObject({
      startDate: saturday,
      endDate: sunday,
      startTime: '18:00',
      endTime: '18:00',
      timeZone: 'Europe/Paris',
      allDay: false,
    });
    const stored = await storedEvent(across.id);
    expect(stored).toMatchObject({ startDate: saturday, endDate: sunday, sequence: 0 });
    expect(stored.startsAt!.toISOString()).toBe(`${saturday}T17:00:00.000Z`);
    expect(stored.endsAt!.toISOString()).toBe(`${sunday}T16:00:00.000Z`);
  });

  it('refuses a time that the change to summer time skips, and reads a repeated time as its first occurrence', async () => {
    const { team, manager } = await organisation();
    const spring = nextClockChange(3);
    await expect(
      createCalendarEvent(
        manager,
        eventInput(team.cal, {
          startDate: spring,
          endDate: spring,
          startTime: '02:30',
          endTime: '04:00',
        }),
      ),
    ).rejects.toMatchObject({ code: 'bad_request', field: 'startTime' });
    const autumn = nextClockChange(10);
    const night = await createCalendarEvent(
      manager,
      eventInput(team.cal, { startDate: autumn, endDate: autumn, startTime: '02:30' }),
    );
    // 02:30 happens at 00:30 UTC (summer time) and again at 01:30 UTC; RFC 5545 means the first.
    expect(night.startsAt!.toISOString()).toBe(`${autumn}T00:30:00.000Z`);
    expect(night.startTime).toBe('02:30');
  });

  it('an all-day event has dates only', async () => {
    const { team, manager } = await organisation();
    const event = await createCalendarEvent(
      manager,
      eventInput(team.cal, { allDay: 'on', startDate: inDays(40), endDate: inDays(41) }),
    );
    expect(event).toMatchObject({
      allDay: true,
      startDate: inDays(40),
      endDate: inDays(41),
      startsAt: null,
      endsAt: null,
      startTime: null,
      endTime: null,
    });
  });

  it('refuses dates more than two years away, next to the date that is out of range', async () => {
    const { team, manager } = await organisation();
    await expect(
      createCalendarEvent(
        manager,
        eventInput(team.cal, { allDay: 'on', startDate: inDays(-740), endDate: inDays(-739) }),
      ),
    ).rejects.toMatchObject({ code: 'bad_request', field: 'startDate' });
    await expect(
      createCalendarEvent(
        manager,
        eventInput(team.cal, { allDay: 'on', startDate: inDays(700), endDate: inDays(740) }),
      ),
    ).rejects.toMatchObject({ code: 'bad_request', field: 'endDate' });
    expect(await listCalendarEvents(manager, team.cal, everything)).toEqual([]);
  });
});

describe('submitting the same “Add event” form twice', () => {
  it('five submissions of one form at once add one event, and the others answer that it was already added', async () => {
    const { team, manager } = await organisation();
    const before = await calendarOf(team.cal);
    const input = eventInput(team.cal, { title: 'Offsite' });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => createCalendarEvent(manager, input)),
    );
    const rows = await db()
      .select()
      .from(calendarEvents)
      .where(eq(calendarEvents.calendarId, team.cal));
    expect(rows).toHaveLength(1);
    expect(answers.map((a) => a.id)).toEqual(Array(5).fill(rows[0]!.id));
    expect(answers.filter((a) => !a.alreadyAdded)).toHaveLength(1);
    expect((await calendarOf(team.cal)).version).toBe(before.version + 1);
    const audits = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, rows[0]!.id));
    expect(audits.map((a) => a.action)).toEqual(['team_event.created']);
  });

  it('the form shown again adds a second, identical event on purpose', async () => {
    const { team, manager } = await organisation();
    const first = await createCalendarEvent(manager, eventInput(team.cal));
    const second = await createCalendarEvent(manager, eventInput(team.cal));
    expect(second).toMatchObject({ alreadyAdded: false, title: first.title });
    expect(second.id).not.toBe(first.id);
  });

  it('a key used in another team’s form does not reveal or block that team’s event', async () => {
    const { team, otherTeam, manager, otherManager } = await organisation();
    const key = crypto.randomUUID();
    const theirs = await createCalendarEvent(
      otherManager,
      eventInput(otherTeam.cal, { submissionKey: key }),
    );
    const ours = await createCalendarEvent(manager, eventInput(team.cal, { submissionKey: key }));
    expect(ours).toMatchObject({ alreadyAdded: false, calendarId: team.cal });
    expect(ours.id).not.toBe(theirs.id);
  });
});

describe('changing a team event', () => {
  it('every change bumps the event’s sequence and the team’s calendar version, and is audited', async () => {
    const { team, otherTeam, manager } = await organisation();
    const otherVersion = (await calendarOf(otherTeam.cal)).version;
    const initial = await calendarOf(team.cal);

    const created = await createCalendarEvent(manager, eventInput(team.cal));
    expect(created.sequence).toBe(0);
    const afterCreate = await calendarOf(team.cal);
    expect(afterCreate.version).toBe(initial.version + 1);
    expect(afterCreate.updatedAt.getTime()).toBeGreaterThanOrEqual(initial.updatedAt.getTime());
    expect(await lastAudit()).toMatchObject({
      action: 'team_event.created',
      actorId: manager.id,
      targetType: 'team_event',
      targetId: created.id,
      teamId: team.id,
    });

    const updated = await updateCalendarEvent(manager, updateInput(team.cal, created.id));
    expect(updated).toMatchObject({
      sequence: 1,
      title: 'Client visit (moved)',
      location: 'Toulouse office',
      startDate: inDays(21),
      startTime: '14:00',
      endTime: '16:00',
    });
    expect((await calendarOf(team.cal)).version).toBe(initial.version + 2);
    const updateAudit = await lastAudit();
    expect(updateAudit).toMatchObject({ action: 'team_event.updated', targetId: created.id });
    expect(updateAudit.details!.changed).toEqual(
      expect.arrayContaining(['title', 'location', 'startDate', 'startsAt', 'endsAt']),
    );

    const cancelled = await cancelCalendarEvent(manager, {
      calendarId: team.cal,
      eventId: created.id,
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2 });
    expect((await calendarOf(team.cal)).version).toBe(initial.version + 3);
    expect(await lastAudit()).toMatchObject({
      action: 'team_event.cancelled',
      targetId: created.id,
      teamId: team.id,
    });
    expect((await calendarOf(otherTeam.cal)).version).toBe(otherVersion);
  });

  it('saving an event unchanged moves nothing', async () => {
    const { team, manager } = await organisation();
    const created = await createCalendarEvent(manager, eventInput(team.cal));
    const version = (await calendarOf(team.cal)).version;
    const same = await updateCalendarEvent(
      manager,
      updateInput(team.cal, created.id, {
        title: created.title,
        location: created.location,
        startDate: created.startDate,
        startTime: created.startTime,
        endDate: created.endDate,
        endTime: created.endTime,
      }),
    );
    expect(same.sequence).toBe(0);
    expect((await calendarOf(team.cal)).version).toBe(version);
  });

  it('turning a timed event into an all-day one clears its instants', async () => {
    const { team, manager } = await organisation();
    const created = await createCalendarEvent(manager, eventInput(team.cal));
    const allDay = await updateCalendarEvent(
      manager,
      updateInput(team.cal, created.id, {
        allDay: 'on',
        startDate: inDays(22),
        endDate: inDays(23),
      }),
    );
    expect(allDay).toMatchObject({ allDay: true, startsAt: null, endsAt: null, sequence: 1 });
    expect(await storedEvent(created.id)).toMatchObject({ allDay: true, startsAt: null });
  });

  it('cancelling keeps the row; a cancelled event is neither edited nor cancelled again', async () => {
    const { team, manager } = await organisation();
    const created = await createCalendarEvent(manager, eventInput(team.cal));
    await cancelCalendarEvent(manager, { calendarId: team.cal, eventId: created.id });
    expect(await storedEvent(created.id)).toMatchObject({
      status: 'cancelled',
      title: 'Client visit',
      location: created.location,
    });
    await expect(
      updateCalendarEvent(manager, updateInput(team.cal, created.id)),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      cancelCalendarEvent(manager, { calendarId: team.cal, eventId: created.id }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const listed = await listCalendarEvents(manager, team.cal, everything);
    expect(listed.map((e) => [e.id, e.status])).toEqual([[created.id, 'cancelled']]);
  });

  it('an unknown event, or an event of another team, never matches', async () => {
    const { team, otherTeam, manager, otherManager } = await organisation();
    const ours = await createCalendarEvent(manager, eventInput(team.cal));
    const theirs = await createCalendarEvent(otherManager, eventInput(otherTeam.cal));
    const refusals = [
      // An id nobody has.
      () => updateCalendarEvent(manager, updateInput(team.cal, crypto.randomUUID())),
      () => cancelCalendarEvent(manager, { calendarId: team.cal, eventId: crypto.randomUUID() }),
      // Another team's event, through a team the actor manages.
      () => updateCalendarEvent(manager, updateInput(team.cal, theirs.id)),
      () => cancelCalendarEvent(manager, { calendarId: team.cal, eventId: theirs.id }),
      // Another team's event, naming that team.
      () => updateCalendarEvent(manager, updateInput(otherTeam.cal, theirs.id)),
      () => cancelCalendarEvent(otherManager, { calendarId: otherTeam.cal, eventId: ours.id }),
      // A team that does not exist.
      () => createCalendarEvent(manager, eventInput(crypto.randomUUID())),
    ];
    for (const refusal of refusals)
      await expect(refusal()).rejects.toMatchObject({ code: 'not_found' });
    expect(await storedEvent(theirs.id)).toMatchObject({ status: 'confirmed', sequence: 0 });
    expect(await storedEvent(ours.id)).toMatchObject({ status: 'confirmed', sequence: 0 });
  });
});

describe('who may see and change a team’s events', () => {
  type Organisation = Awaited<ReturnType<typeof organisation>>;

  /** Tries every operation on a team's events as the person `who` picks; what each answered. */
  async function attempt(who: (org: Organisation) => Actor) {
    const org = await organisation();
    const actor = who(org);
    const existing = await createCalendarEvent(org.manager, eventInput(org.team.cal));
    const toCancel = await createCalendarEvent(org.manager, eventInput(org.team.cal));
    const outcome = (promise: Promise<unknown>) =>
      promise.then(
        () => 'allowed',
        (error: { code?: string }) => error.code ?? 'bug',
      );
    const result = {
      list: await outcome(listCalendarEvents(actor, org.team.cal, everything)),
      create: await outcome(createCalendarEvent(actor, eventInput(org.team.cal))),
      update: await outcome(updateCalendarEvent(actor, updateInput(org.team.cal, existing.id))),
      cancel: await outcome(
        cancelCalendarEvent(actor, { calendarId: org.team.cal, eventId: toCancel.id }),
      ),
      canManage: await findCalendarForActor(actor, { id: org.team.cal }).then(
        (calendar) => calendar.rights.canEditEvents,
        () => false,
      ),
    };
    const rows = await db()
      .select()
      .from(calendarEvents)
      .where(eq(calendarEvents.calendarId, org.team.cal));
    const audits = await db().select().from(auditEvents).where(eq(auditEvents.actorId, actor.id));
    return { result, rows, audits, org, actor };
  }
  const allowed = {
    list: 'allowed',
    create: 'allowed',
    update: 'allowed',
    cancel: 'allowed',
    canManage: true,
  };
  const onlyReads = {
    list: 'allowed',
    create: 'not_found',
    update: 'not_found',
    cancel: 'not_found',
    canManage: false,
  };
  const nothing = { ...onlyReads, list: 'not_found' };
  /** The team's two events as `attempt` created them, untouched. */
  const untouched = (rows: Array<{ sequence: number; status: string }>) => {
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.sequence === 0 && r.status === 'confirmed')).toBe(true);
  };

  it('a manager of the team lists, creates, edits and cancels its events', async () => {
    const { result, rows, audits } = await attempt((org) => org.manager);
    expect(result).toEqual(allowed);
    expect(rows).toHaveLength(3);
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['team_event.created', 'team_event.updated', 'team_event.cancelled']),
    );
  });

  it('an admin who is not in the team may do all of it too', async () => {
    const { result, rows, actor } = await attempt((org) => org.admin);
    expect(result).toEqual(allowed);
    expect(rows.map((r) => r.createdById)).toContain(actor.id);
  });

  it('a member of the team sees its events but cannot create, edit or cancel one', async () => {
    const { result, rows, audits } = await attempt((org) => org.member);
    expect(result).toEqual(onlyReads);
    untouched(rows);
    expect(audits).toEqual([]);
  });

  it('a manager of another team neither sees nor changes the team’s events', async () => {
    const { result, rows, audits } = await attempt((org) => org.otherManager);
    expect(result).toEqual(nothing);
    untouched(rows);
    expect(audits).toEqual([]);
  });

  it('a disabled manager is signed out by their session check, and the data-access layer refuses them anyway', async () => {
    const { result, rows, audits, org } = await attempt((o) => o.disabledManager);
    // Every server action starts with requireActor(), which re-reads the user: disabled means none.
    expect(await findActiveActor(await openSession(org.disabledManager))).toBeNull();
    expect(await findActiveActor(await openSession(org.manager))).toMatchObject({
      id: org.manager.id,
    });
    // Should an actor object for them reach the data-access layer anyway, the database says no.
    expect(result).toEqual(nothing);
    untouched(rows);
    expect(audits).toEqual([]);
  });
});
