import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  absences,
  auditEvents,
  feedTokens,
  policy,
  sessions,
  calendarEvents,
  users,
} from '@/db/schema';
import { setupTestDatabase } from '@/test/helpers/database';
import {
  addMember,
  createAbsenceType,
  createTeam,
  createUser,
  teamCalendarId,
} from '@/test/helpers/factories';

const db = setupTestDatabase();
const hash = () => crypto.randomBytes(32).toString('hex');

/** The Postgres error behind a drizzle error, whichever driver raised it. */
async function constraintOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    const cause = (
      error as { cause?: { constraint?: string; constraint_name?: string; message?: string } }
    ).cause;
    return cause?.constraint ?? cause?.constraint_name ?? cause?.message;
  }
  throw new Error('Expected the database to refuse this row.');
}

describe('the schema', () => {
  it('creates the single policy row with the product defaults', async () => {
    const rows = await db().select().from(policy);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      maxTokenLifetimeDays: 183,
      personalLinkLifetimeDays: 183,
      publicLinksAllowed: true,
      neverExpiringLinksAllowed: false,
      guestSharesAllowed: true,
    });
    expect(await constraintOf(db().insert(policy).values({ id: 2 }))).toBe('policy_single_row');
  });

  it('refuses an absence that ends before it starts', async () => {
    const user = await createUser(db());
    const type = await createAbsenceType(db());
    const insert = db()
      .insert(absences)
      .values({ userId: user.id, typeId: type.id, startDate: '2026-05-10', endDate: '2026-05-09' });
    expect(await constraintOf(insert)).toBe('absences_end_after_start');
  });

  it('refuses a single-day absence with both halves off', async () => {
    const user = await createUser(db());
    const type = await createAbsenceType(db());
    const insert = db().insert(absences).values({
      userId: user.id,
      typeId: type.id,
      startDate: '2026-05-11',
      endDate: '2026-05-11',
      halfDayStart: true,
      halfDayEnd: true,
    });
    expect(await constraintOf(insert)).toBe('absences_single_day_one_half');
  });

  it('refuses an absence of an unknown person', async () => {
    const type = await createAbsenceType(db());
    const insert = db().insert(absences).values({
      userId: crypto.randomUUID(),
      typeId: type.id,
      startDate: '2026-05-11',
      endDate: '2026-05-11',
    });
    expect(await constraintOf(insert)).toBe('absences_user_id_users_id_fk');
  });

  it('refuses a timed team event that ends before it starts', async () => {
    const team = await createTeam(db());
    const user = await createUser(db());
    const insert = db()
      .insert(calendarEvents)
      .values({
        calendarId: await teamCalendarId(db(), team.id),
        title: 'Backwards',
        allDay: false,
        startDate: '2026-05-11',
        endDate: '2026-05-11',
        startsAt: new Date('2026-05-11T10:00:00Z'),
        endsAt: new Date('2026-05-11T09:00:00Z'),
        timeZone: 'Europe/Paris',
        createdById: user.id,
      });
    expect(await constraintOf(insert)).toBe('calendar_events_timing');
  });

  it('keeps email addresses lower-case and unique', async () => {
    expect(
      await constraintOf(db().insert(users).values({ email: 'Mixed@Example.com', name: 'Mixed' })),
    ).toBe('users_email_normalised');
    const user = await createUser(db());
    expect(await constraintOf(db().insert(users).values({ email: user.email, name: 'Twin' }))).toBe(
      'users_email_key',
    );
  });

  it('allows one active personal token per person and team, and a new one once revoked', async () => {
    const user = await createUser(db());
    const team = await createTeam(db());
    await addMember(db(), team.id, user.id);
    const calendarId = await teamCalendarId(db(), team.id);
    const token = (overrides = {}) => ({
      kind: 'personal' as const,
      tokenHash: hash(),
      displayPrefix: 'tcal_abcd',
      ownerId: user.id,
      calendarId,
      expiresAt: new Date(Date.now() + 86_400_000),
      ...overrides,
    });
    const [first] = await db().insert(feedTokens).values(token()).returning({ id: feedTokens.id });
    expect(await constraintOf(db().insert(feedTokens).values(token()))).toBe(
      'feed_tokens_one_active_personal',
    );

    await db()
      .update(feedTokens)
      .set({ revokedAt: new Date() })
      .where(eq(feedTokens.id, first!.id));
    await expect(db().insert(feedTokens).values(token())).resolves.toBeDefined();
  });

  it('refuses a personal token that never expires or a malformed hash', async () => {
    const user = await createUser(db());
    const team = await createTeam(db());
    const base = {
      kind: 'personal' as const,
      displayPrefix: 'tcal_x',
      ownerId: user.id,
      calendarId: await teamCalendarId(db(), team.id),
    };
    expect(
      await constraintOf(
        db()
          .insert(feedTokens)
          .values({ ...base, tokenHash: hash(), expiresAt: null }),
      ),
    ).toBe('feed_tokens_only_public_never_expires');
    expect(
      await constraintOf(
        db()
          .insert(feedTokens)
          .values({ ...base, tokenHash: 'plaintext', expiresAt: new Date(Date.now() + 1000) }),
      ),
    ).toBe('feed_tokens_hash_format');
  });

  it('keeps the audit log append-only', async () => {
    const [event] = await db().insert(auditEvents).values({ action: 'test.appended' }).returning();
    const update = db()
      .update(auditEvents)
      .set({ action: 'test.rewritten' })
      .where(eq(auditEvents.id, event!.id));
    expect(await constraintOf(update)).toMatch(/append-only/);
    expect(
      await constraintOf(db().delete(auditEvents).where(eq(auditEvents.id, event!.id))),
    ).toMatch(/append-only/);
    const [count] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(eq(auditEvents.id, event!.id));
    expect(count!.n).toBe(1);
  });

  it('refuses a session that ends without a reason, or that expires before it starts', async () => {
    const user = await createUser(db());
    const inAMonth = sql`now() + interval '30 days'`;
    expect(
      await constraintOf(
        db().insert(sessions).values({ userId: user.id, expiresAt: inAMonth, endedAt: new Date() }),
      ),
    ).toBe('sessions_ended_with_reason');
    expect(
      await constraintOf(
        db()
          .insert(sessions)
          .values({ userId: user.id, expiresAt: sql`now() - interval '1 second'` }),
      ),
    ).toBe('sessions_expiry_after_start');
    expect(
      await constraintOf(
        db().insert(sessions).values({ userId: crypto.randomUUID(), expiresAt: inAMonth }),
      ),
    ).toBe('sessions_user_id_users_id_fk');
  });

  it('applies migrations idempotently', async () => {
    const { createTestDatabase } = await import('@/test/helpers/database');
    const handle = await createTestDatabase();
    try {
      await handle.migrate();
      const rows = await handle.db.select().from(policy);
      expect(rows).toHaveLength(1);
    } finally {
      await handle.close();
    }
  });
});
