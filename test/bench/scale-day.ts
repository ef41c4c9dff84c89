import type postgres from 'postgres';
import { eq, sql as drizzleSql } from 'drizzle-orm';
import type { Database } from '@/db';
import { absences, calendarEvents } from '@/db/schema';
import { bumpCalendarVersion, bumpCalendarVersionsOfUser } from '@/lib/dal/calendar-version';
import { generateFeedToken } from '@/lib/feed-tokens';
import { rssOf } from './bench-server';
import { cpuSecondsOf, HOUR, poll, shiftClock, ttlOf, type Client } from './scale-clients';
import { randomSource } from './scale-seed';

// A day of calendar clients, compressed: every poll and edit of the day, in the order of its
// simulated time, with the database clock following that time (so the feed window moves at the
// simulated 00:00 UTC). The day runs from 12:00 to 12:00 UTC.

const DAY = 24 * HOUR;
const CONCURRENCY = 16;
const RSS_SAMPLE_STEPS = 250;

type Edit = 'absence' | 'event' | 'rotate' | 'revoke';
type Step = { at: number; client?: Client; edit?: Edit };

export interface HourFigures {
  polls: number;
  ok: number;
  notModified: number;
  other: number;
  cpu: number;
  /**
   * The server's lowest RSS in the hour (sampled every few hundred polls and at its end): the
   * garbage collector's troughs, which show what stays.
   */
  rss: number;
}

export interface DayFigures {
  start: number;
  hours: HourFigures[];
  edits: Record<Edit, number>;
  /** Transactions the simulator itself committed (clock moves, edits), to subtract. */
  ownTransactions: number;
  latencies: number[];
  /** Latencies of guest links' polls (each checks a password). */
  guestLatencies: number[];
}

/** A few thousand absence and event changes a day, a few hundred rotations and revokes. */
function editsOfDay(start: number, scale: number): Step[] {
  const random = randomSource(7);
  const counts: [Edit, number][] = [
    ['absence', 3_000],
    ['event', 500],
    ['rotate', 300],
    ['revoke', 100],
  ];
  // Edits come in working hours, 07:00–19:00 UTC, which this day holds twice (each half once).
  return counts.flatMap(([edit, n]) =>
    Array.from({ length: Math.max(1, Math.round(n * scale)) }, () => {
      const hour = 7 + random() * 12;
      const at = start + ((hour - 12 + 24) % 24) * HOUR;
      return { at, edit };
    }),
  );
}

async function applyEdit(db: Database, sql: postgres.Sql, edit: Edit, random: () => number) {
  if (edit === 'absence') {
    const [person] = await sql<{ id: string }[]>`select id from users where role = 'member'
      order by random() limit 1`;
    await db.transaction(async (tx) => {
      if (random() < 0.6) {
        const [type] = await sql<{ id: string }[]>`select id from absence_types limit 1`;
        const first = new Date(Date.now() + Math.floor(random() * 60) * DAY);
        await tx.insert(absences).values({
          userId: person!.id,
          typeId: type!.id,
          startDate: first.toISOString().slice(0, 10),
          endDate: first.toISOString().slice(0, 10),
          status: 'approved',
        });
      } else
        await tx
          .update(absences)
          .set({ note: `Changed ${random()}`, sequence: drizzleSql`${absences.sequence} + 1` })
          .where(eq(absences.userId, person!.id));
      await bumpCalendarVersionsOfUser(tx, person!.id);
    });
  } else if (edit === 'event') {
    const [team] = await sql<{ calendar: string; manager: string }[]>`
      select c.id as calendar, m.user_id as manager from calendars c
      join memberships m on m.team_id = c.team_id and m.role = 'manager'
      where c.kind = 'team' order by random() limit 1`;
    await db.transaction(async (tx) => {
      const day = new Date(Date.now() + Math.floor(random() * 60) * DAY).toISOString().slice(0, 10);
      await tx.insert(calendarEvents).values({
        calendarId: team!.calendar,
        title: 'Offsite',
        location: '1 place de la Concorde, Paris',
        allDay: true,
        startDate: day,
        endDate: day,
        timeZone: 'Europe/Paris',
        createdById: team!.manager,
      });
      await bumpCalendarVersion(tx, team!.calendar);
    });
  } else {
    const [token] = await sql<{ id: string }[]>`select id from feed_tokens
      where revoked_at is null and kind = 'personal' and expires_at > now()
      order by random() limit 1`;
    if (!token) return null;
    if (edit === 'revoke') {
      await sql`update feed_tokens set revoked_at = now(), revoke_reason = 'Left the project' where id = ${token.id}`;
      return null;
    }
    // Rotation as the app does it: a new token with the same settings, the old one dead at once.
    const fresh = generateFeedToken();
    await sql.begin(async (tx) => {
      await tx`update feed_tokens set revoked_at = now(), revoke_reason = 'Regenerated'
        where id = ${token.id}`;
      const [created] = await tx<{ id: string }[]>`insert into feed_tokens (kind, token_hash,
          display_prefix, owner_id, calendar_id, privacy, include_pending, absence_type_ids,
          include_team_events, include_holidays, expires_at)
        select kind, ${fresh.tokenHash}, ${fresh.displayPrefix}, owner_id, calendar_id, privacy,
          include_pending, absence_type_ids, include_team_events, include_holidays,
          now() + interval '183 days' from feed_tokens where id = ${token.id} returning id`;
      await tx`update feed_tokens set replaced_by_id = ${created!.id} where id = ${token.id}`;
    });
  }
  return null;
}

/** Polls every client once, with its validators, a few at a time (unmeasured). */
export async function pollEachOnce(base: string, clients: Client[]) {
  for (let i = 0; i < clients.length; i += CONCURRENCY)
    await Promise.all(
      clients.slice(i, i + CONCURRENCY).map(async (client) => {
        const answer = await poll(base, client);
        if (client.name === 'Outlook') client.interval = ttlOf(answer.body) ?? client.interval;
      }),
    );
}

/** Polls every client once at the day's start: what they held before the day. */
export async function primeClients(
  base: string,
  clients: Client[],
  sql: postgres.Sql,
  start: number,
) {
  await shiftClock(sql, start - HOUR);
  await pollEachOnce(base, clients);
}

export async function runDay(
  base: string,
  serverPid: number,
  clients: Client[],
  db: Database,
  sql: postgres.Sql,
  start: number,
  editScale: number,
): Promise<DayFigures> {
  const random = randomSource(3);
  const steps: Step[] = editsOfDay(start, editScale);
  for (const client of clients)
    for (let at = start + random() * client.interval; at < start + DAY; at += client.interval)
      steps.push({ at, client });
  steps.sort((a, b) => a.at - b.at);

  const hours: HourFigures[] = Array.from({ length: 24 }, () => ({
    polls: 0,
    ok: 0,
    notModified: 0,
    other: 0,
    cpu: 0,
    rss: Infinity,
  }));
  const edits: Record<Edit, number> = { absence: 0, event: 0, rotate: 0, revoke: 0 };
  const latencies: number[] = [];
  const guestLatencies: number[] = [];
  let ownTransactions = 0;
  let clock = -Infinity;
  let hour = 0;
  let cpuAtHour = cpuSecondsOf(serverPid);
  const inFlight = new Set<Promise<void>>();
  const lowerRss = (figures: HourFigures) =>
    (figures.rss = Math.min(figures.rss, rssOf(serverPid)));
  for (const [index, step] of steps.entries()) {
    const stepHour = Math.min(23, Math.floor((step.at - start) / HOUR));
    if (index % RSS_SAMPLE_STEPS === 0) lowerRss(hours[stepHour]!);
    if (stepHour !== hour) {
      await Promise.all(inFlight);
      const cpu = cpuSecondsOf(serverPid);
      hours[hour]!.cpu = cpu - cpuAtHour;
      lowerRss(hours[hour]!);
      [cpuAtHour, hour] = [cpu, stepHour];
    }
    // The server's clock follows the simulated one to within ten simulated seconds.
    if (Math.abs(step.at - clock) > 10_000) {
      await shiftClock(sql, step.at);
      clock = step.at;
      ownTransactions++;
    }
    if (step.edit) {
      await applyEdit(db, sql, step.edit, random);
      edits[step.edit]++;
      ownTransactions += step.edit === 'absence' ? 3 : 2;
      continue;
    }
    const client = step.client!;
    if (client.gone) continue;
    while (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
    const figures = hours[stepHour]!;
    const request = poll(base, client).then(({ status, ms }) => {
      figures.polls++;
      (client.link.guestEmail ? guestLatencies : latencies).push(ms);
      if (status === 200) figures.ok++;
      else if (status === 304) figures.notModified++;
      else figures.other++;
    });
    const tracked = request.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  hours[hour]!.cpu = cpuSecondsOf(serverPid) - cpuAtHour;
  lowerRss(hours[hour]!);
  return { start, hours, edits, ownTransactions, latencies, guestLatencies };
}
