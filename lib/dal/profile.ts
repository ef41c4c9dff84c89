import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { calendars, users } from '@/db/schema';
import type { ProfileInput } from '@/lib/admin-validation';
import { AppError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request-info';
import type { Actor } from './actor';
import { recordAuditEvent } from './audit';
import { bumpCalendarVersion } from './calendar-version';
import { findCalendarForActor } from './calendars';

// What a person sets for themself: their time zone (where their appointments are entered and
// shown) and language, whether their own calendar also shows their approved absences, and whether they get
// notification mails.

export async function updateProfile(
  actor: Actor,
  input: ProfileInput,
  request?: RequestInfo,
): Promise<void> {
  const locale = input.language === 'auto' ? null : input.language;
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ timeZone: input.timeZone, locale, updatedAt: sql`now()` })
      .where(and(eq(users.id, actor.id), isNull(users.disabledAt)))
      .returning({ id: users.id });
    if (!row) throw new AppError('not_found');
    // Their calendar's feed is written in this zone and language, their own half days with it.
    // The links they own on other calendars (a team's) follow their language without a write
    // here: the owner's language is part of each link's ETag (lib/feed-server.ts feedVersionOf),
    // so exactly their links change — a team calendar's version would change every subscriber's.
    const calendar = await findCalendarForActor(actor, { kind: 'person' }, tx);
    await bumpCalendarVersion(tx, calendar.id, { presentation: true });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'user.profile_updated',
      targetType: 'user',
      targetId: actor.id,
      details: { timeZone: input.timeZone, locale },
      request,
    });
  });
}

/** The person chooses whether their own calendar shows their approved absences. */
export async function setOwnAbsencesShown(
  actor: Actor,
  shown: boolean,
  request?: RequestInfo,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    const calendar = await findCalendarForActor(actor, { kind: 'person' }, tx);
    await tx
      .update(calendars)
      .set({ includesOwnAbsences: shown })
      .where(eq(calendars.id, calendar.id));
    await bumpCalendarVersion(tx, calendar.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'calendar.settings_updated',
      targetType: 'calendar',
      targetId: calendar.id,
      details: { includesOwnAbsences: shown },
      request,
    });
  });
}

/** Whether the person gets notification mails (requests, decisions, link reminders). */
export async function getNotificationMails(actor: Actor): Promise<boolean> {
  const [row] = await getDb()
    .select({ notifyByMail: users.notifyByMail })
    .from(users)
    .where(and(eq(users.id, actor.id), isNull(users.disabledAt)));
  if (!row) throw new AppError('not_found');
  return row.notifyByMail;
}

/** The person turns notification mails on or off; invitations and security mails always go. */
export async function setNotificationMails(
  actor: Actor,
  on: boolean,
  request?: RequestInfo,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ notifyByMail: on, updatedAt: sql`now()` })
      .where(and(eq(users.id, actor.id), isNull(users.disabledAt)))
      .returning({ id: users.id });
    if (!row) throw new AppError('not_found');
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'user.profile_updated',
      targetType: 'user',
      targetId: actor.id,
      details: { notifyByMail: on },
      request,
    });
  });
}
