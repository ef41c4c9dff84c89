import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { installDatabase, schema, type DatabaseHandle } from '@/db';
import { tokenFilterSchema } from '@/lib/admin-validation';
import type { Actor } from '@/lib/dal/actor';
import { revokeUserTokens, listTokens, streamTokens } from '@/lib/dal/admin-tokens';
import { signOutEverywhere } from '@/lib/dal/sessions';
import { findCalendarForActor } from '@/lib/dal/calendars';
import { weighRequestsToDecide } from '@/lib/dal/request-impact';
import { getTeamStatistics } from '@/lib/dal/team-statistics';
import { tokenCsvStream } from '@/lib/token-csv';
import { statisticsPeriodSchema } from '@/lib/validation';
import { todayIn } from '@/lib/zoned-time';
import { rssOf } from './bench-server';

// The admin pages at scale, measured in the bench's process through the DAL the pages call (the
// server time of a page is its DAL calls; rendering is left out), with every statement counted on
// the way to the database.

export interface Timed {
  name: string;
  ms: number;
  queries?: number;
  /** The statement sent most often, and how often. */
  mostRepeated?: string;
}

/** A database handle whose statements are counted. */
function countingHandle(url: string) {
  const counter = { queries: 0, texts: new Map<string, number>() };
  const client = postgres(url, {
    max: 4,
    onnotice: () => {},
    debug: (_connection: number, query: string) => {
      counter.queries++;
      counter.texts.set(query, (counter.texts.get(query) ?? 0) + 1);
    },
  });
  const handle: DatabaseHandle = {
    db: drizzle({ client, schema }) as unknown as DatabaseHandle['db'],
    kind: 'postgres',
    migrate: async () => {},
    close: () => client.end(),
  };
  return { handle, counter, sql: client };
}

async function best<T>(run: () => Promise<T>, times = 3) {
  let fastest = Infinity;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

export async function measureAdmin(url: string, org: { bigTeam: string; smallTeam: string }) {
  const { handle, counter, sql } = countingHandle(url);
  installDatabase(handle);
  try {
    const actorOf = async (where: postgres.PendingQuery<Actor[]>) => (await where)[0]!;
    const admin = await actorOf(
      sql<
        Actor[]
      >`select id, email, name, role, time_zone as "timeZone", locale from users where role = 'admin' limit 1`,
    );
    const [team] = await sql<{ id: string }[]>`select id from teams where slug = ${org.bigTeam}`;
    const [owner] = await sql<{ id: string; name: string }[]>`
      select owner_id as id, max(u.name) as name from feed_tokens join users u on u.id = owner_id
      group by owner_id order by count(*) desc limit 1`;
    const audit: Timed[] = [];
    const filters: [string, Record<string, string>][] = [
      ['first page', {}],
      ['team filter (200-person team)', { team: team!.id }],
      ...(['team', 'person', 'resource'] as const).map((kind): [string, Record<string, string>] => [
        `calendar = ${kind}`,
        { calendar: kind },
      ]),
      ['owner filter', { owner: owner!.id }],
      ['who = "person 12"', { who: 'person 12' }],
      ...(['personal', 'public', 'guest'] as const).map(
        (kind): [string, Record<string, string>] => [`kind = ${kind}`, { kind }],
      ),
      ...(['active', 'expired', 'revoked'] as const).map(
        (status): [string, Record<string, string>] => [`status = ${status}`, { status }],
      ),
      ['sort created ↑', { sort: 'created', dir: 'asc' }],
      ['sort last used ↓', { sort: 'last_used', dir: 'desc' }],
      ['sort last used ↑', { sort: 'last_used', dir: 'asc' }],
      ['last page (page 4,000), sort created ↓', { page: '4000' }],
    ];
    for (const [name, input] of filters) {
      const filter = tokenFilterSchema.parse(input);
      audit.push({ name, ms: await best(() => listTokens(admin, filter)) });
    }

    // The CSV of every link, read as the download would read it.
    const rssBefore = rssOf(process.pid);
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(process.pid))), 20);
    const started = performance.now();
    const stream = tokenCsvStream(await streamTokens(admin, tokenFilterSchema.parse({})));
    let bytes = 0;
    let lines = 0;
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines++;
    }
    const csv = { ms: performance.now() - started, bytes, rows: lines - 1, rssGrowth: 0 };
    clearInterval(sampler);
    csv.rssGrowth = peak - rssBefore;

    // The team page's DAL calls, for its manager: a 200-person team and a 5-person team.
    const teamPages: Timed[] = [];
    for (const slug of [org.bigTeam, org.smallTeam]) {
      const manager = await actorOf(sql<Actor[]>`select u.id, u.email, u.name, u.role,
          u.time_zone as "timeZone", u.locale from users u join memberships m on m.user_id = u.id
          join teams t on t.id = m.team_id where t.slug = ${slug} and m.role = 'manager' limit 1`);
      const page = async () => {
        const calendar = await findCalendarForActor(manager, { kind: 'team', slug });
        const period = statisticsPeriodSchema(todayIn(calendar.timeZone)).parse({});
        const stats = await getTeamStatistics(manager, slug, period, 'en');
        await weighRequestsToDecide(manager, stats.team.id, stats.requestsToDecide);
      };
      await page();
      const before = counter.queries;
      counter.texts.clear();
      await page();
      const queries = counter.queries - before;
      const [text, times] = [...counter.texts].sort((a, b) => b[1] - a[1])[0]!;
      const mostRepeated = `${times}× ${text.replace(/\s+/g, ' ').slice(0, 140)}…`;
      teamPages.push({ name: slug, ms: await best(page), queries, mostRepeated });
    }

    // A person who shared their calendar 200 times and is signed in on 20 browsers: an admin
    // revokes all their links, then signs them out everywhere (each one transaction).
    const [person] = await sql<{ id: string; calendar: string }[]>`select u.id, c.id as calendar
      from users u join calendars c on c.person_id = u.id where u.email = 'person77@scale.example.com'`;
    await sql`insert into feed_tokens (kind, token_hash, display_prefix, owner_id, calendar_id, label, expires_at)
      select 'public', encode(sha256(gen_random_uuid()::text::bytea), 'hex'), 'tcal_bench' || i,
             ${person!.id}, ${person!.calendar}, 'Screen ' || i, pg_catalog.now() + interval '180 days'
      from generate_series(1, 200) i`;
    await sql`insert into sessions (user_id, expires_at)
      select ${person!.id}, pg_catalog.now() + interval '30 days' from generate_series(1, 20)`;
    const timedStatements = async <T>(run: () => Promise<T>) => {
      const before = counter.queries;
      const started = performance.now();
      const result = await run();
      return { ms: performance.now() - started, statements: counter.queries - before, result };
    };
    const revokeRun = await timedStatements(() =>
      revokeUserTokens(admin, { userId: person!.id, reason: 'Left the company' }),
    );
    const signOutRun = await timedStatements(() => signOutEverywhere(admin, person!.id));
    const revokeAll = {
      ms: revokeRun.ms,
      statements: revokeRun.statements,
      links: revokeRun.result.revoked,
    };
    const signOut = {
      ms: signOutRun.ms,
      statements: signOutRun.statements,
      sessions: signOutRun.result.ended,
    };
    return { audit, csv, teamPages, revokeAll, signOut };
  } finally {
    installDatabase(undefined);
    await handle.close();
  }
}
