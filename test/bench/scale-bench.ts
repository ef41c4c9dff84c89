import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { openDatabase, schema, type Database } from '@/db';
import { hashFeedToken } from '@/lib/feed-tokens';
import { freePort, START_ARGS } from '@/test/helpers/app-server';
import { benchServerEnv, buildBenchApp, root, rssOf, waitFor } from './bench-server';
import { measureAdmin } from './scale-admin';
import {
  cpuSecondsOf,
  HOUR,
  loadAtRate,
  makeClients,
  percentile,
  installShiftedClock,
  poll,
  shiftClock,
  shuffled,
  type Client,
} from './scale-clients';
import { pollEachOnce, primeClients, runDay } from './scale-day';
import { randomSource, seedScaleOrganisation } from './scale-seed';

// `npm run bench:scale` (PostgreSQL, BENCH_DATABASE_URL): the planned scale of issue 16 — 10,000
// people, 1,000 teams, 100,000 links (BENCH_SCALE multiplies them) — seeded into a scratch
// database; a compressed day of calendar clients polling a sample of the links (BENCH_DAY_LINKS)
// across 00:00 UTC against the production server; the poll rate it sustains; the admin pages.

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const DAY_LINKS = Number(process.env.BENCH_DAY_LINKS ?? 5_000);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 8);
const MIN_STEP_POLLS = 1_000;
const PLANNED_LINKS = 100_000;
const benchClient = () => ({
  max: 4,
  onnotice: () => {},
  connection: { application_name: 'teamcal-bench' },
});

const transactionsOf = async (sql: postgres.Sql, name: string) => {
  await new Promise((resolve) => setTimeout(resolve, 1_500)); // backends flush stats each second
  const [row] = await sql<[{ n: number }]>`select (xact_commit + xact_rollback)::float8 as n
    from pg_stat_database where datname = ${name}`;
  return row.n;
};

/** CPU seconds of the database's backends serving `name` (when PostgreSQL runs on this host). */
const databaseCpuOf = async (sql: postgres.Sql, name: string) => {
  const pids = await sql<{ pid: number }[]>`select pid from pg_stat_activity
    where datname = ${name} and application_name <> 'teamcal-bench'`;
  return pids.reduce((sum, { pid }) => sum + cpuSecondsOf(pid), 0);
};

/**
 * Whether the server's feed follows the shifted clock: a week before a link's expiry (on the
 * database's clock) its feed carries the renewal reminder, which it lacks today.
 */
async function checkShiftedClock(base: string, sql: postgres.Sql, client: Client, start: number) {
  const [token] = await sql<{ expiresAt: Date }[]>`select expires_at as "expiresAt" from feed_tokens
    where token_hash = ${hashFeedToken(client.link.token)}`;
  const expiresAt = new Date(token!.expiresAt).getTime();
  const copy = { ...client, etag: null, lastModified: null };
  await shiftClock(sql, expiresAt - 7 * 24 * HOUR);
  const near = await poll(base, copy, false);
  await shiftClock(sql, expiresAt - 60 * 24 * HOUR);
  const far = await poll(base, copy, false);
  await shiftClock(sql, start - HOUR);
  return /renew/i.test(near.body) && !/renew/i.test(far.body);
}

async function main() {
  const benchUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `teamcal_scale_${crypto.randomBytes(4).toString('hex')}`;
  const admin = postgres(benchUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(benchUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let app: ChildProcess | undefined;
  const sql = postgres(databaseUrl, benchClient());
  try {
    console.log(`Seeding a scratch PostgreSQL database at scale ${SCALE}…`);
    const seedStarted = performance.now();
    const migrating = openDatabase({ url: databaseUrl });
    await migrating.migrate();
    await migrating.close();
    const org = await seedScaleOrganisation(sql, SCALE);
    await sql`analyze`;
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const active = org.links.filter((link) => link.active);
    console.log(
      `  ${org.people} people, ${org.teams} teams (${org.memberships} memberships), ` +
        `${org.absences} absences, ${org.events} team events, ${org.bookings} bookings, ` +
        `${org.links.length} links (${active.length} active) in ${seedSeconds.toFixed(1)} s`,
    );
    await installShiftedClock(sql, name);
    await sql.end();
    // The simulator's own connections are named, so that the database's figures leave them out.
    const db = postgres(databaseUrl, benchClient());
    const simulatorDb = drizzle({ client: db, schema }) as unknown as Database;

    const env = benchServerEnv();
    buildBenchApp(env);
    const port = await freePort();
    app = spawn(process.execPath, START_ARGS, {
      cwd: root,
      env: {
        ...env,
        PORT: String(port),
        HOSTNAME: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`, app);
    const pid = app.pid!;

    // A sample of the active links, each with its client.
    const step = Math.max(1, Math.floor(active.length / DAY_LINKS));
    const clients = makeClients(active.filter((_, i) => i % step === 0).slice(0, DAY_LINKS));
    const start = Math.floor(Date.now() / (24 * HOUR)) * 24 * HOUR + 12 * HOUR;
    console.log(`Priming ${clients.length} calendar clients, then their day (12:00 → 12:00 UTC)…`);
    await primeClients(base, clients, db, start);
    const clockFollowed = await checkShiftedClock(
      base,
      db,
      clients.find((c) => c.link.kind === 'personal')!,
      start,
    );
    const rssBefore = rssOf(pid);
    const [cpu0, tx0, dbCpu0] = [
      cpuSecondsOf(pid),
      await transactionsOf(db, name),
      await databaseCpuOf(db, name),
    ];
    const dayStarted = performance.now();
    const day = await runDay(base, pid, clients, simulatorDb, db, start, SCALE);
    const dayMs = performance.now() - dayStarted;
    const [cpu1, tx1, dbCpu1] = [
      cpuSecondsOf(pid),
      await transactionsOf(db, name),
      await databaseCpuOf(db, name),
    ];
    const rssAfterDay = rssOf(pid);

    const polls = day.hours.reduce((n, h) => n + h.polls, 0);
    const ok = day.hours.reduce((n, h) => n + h.ok, 0);
    const notModified = day.hours.reduce((n, h) => n + h.notModified, 0);
    const perLinkRate = clients.reduce((sum, c) => sum + 1000 / c.interval, 0) / clients.length;
    const plannedRate = perLinkRate * PLANNED_LINKS;
    const cpuPer1000 = ((cpu1 - cpu0) / polls) * 1000;
    const dbCpuPer1000 = ((dbCpu1 - dbCpu0) / polls) * 1000;
    const txPer1000 = ((tx1 - tx0 - day.ownTransactions) / polls) * 1000;
    const midnight = day.hours[12]!; // 00:00–01:00 UTC
    // 19:00–07:00 UTC: no edits arrive, nothing changes but the clock.
    const night = day.hours.slice(7, 19);
    const nightPolls = night.reduce((n, h) => n + h.polls, 0);
    const night304 = night.reduce((n, h) => n + h.notModified, 0) / nightPolls;
    const others = day.hours.reduce((n, h) => n + h.other, 0);
    const averageOk = ok / 24;
    const averageCpu = (cpu1 - cpu0) / 24;

    // Open-loop steps until p99 reaches 50 ms, with the day's share of polls lacking a match.
    const fresh = ok / polls;
    console.log(
      `Stepping the poll rate up (${STEP_SECONDS} s a step, at least ${MIN_STEP_POLLS} polls)…`,
    );
    // Every step starts at the first client: in the sample's order (the seed's: team links, then
    // people's, then rooms'…) a step's few thousand polls would reach only the first kinds. In a
    // random order each step polls the day's mix.
    const live = shuffled(
      clients.filter((c) => !c.gone),
      randomSource(7),
    );
    // A client whose calendar changed since its last poll of the day (a Google client may have
    // polled 20 hours ago) gets a body on its next one. Stepping straight after the day would
    // serve all those at once — up to half the first pass's team polls were 200s — where the day
    // spreads them over each client's interval. Each client catches up first (unmeasured), so a
    // step's 200s are the day's share, `fresh`.
    await pollEachOnce(base, live);
    await loadAtRate(base, live, 25, 3, fresh); // warm-up, not counted
    const steps: Awaited<ReturnType<typeof loadAtRate>>[] = [];
    let misses = 0;
    for (const rate of [25, 50, 100, 200, 300, 400, 600, 800, 1200]) {
      const stepDbCpu = await databaseCpuOf(db, name);
      // At least 1,000 polls a step: the p99 of 200 polls (25/s for 8 s) is its second-worst.
      const seconds = Math.max(STEP_SECONDS, MIN_STEP_POLLS / rate);
      const result = await loadAtRate(base, live, rate, seconds, fresh, pid);
      steps.push(result);
      console.log(
        `  ${rate}/s: achieved ${fmt(result.achieved)}/s (${pct(result.okShare)} 200s), p99 ${ms(result.p99)} ` +
          `(${ms(result.p99WithoutGuests)} without guest links); cores busy: server ` +
          `${result.serverCores.toFixed(2)}, simulator ${result.simulatorCores.toFixed(2)}, ` +
          `database ${(((await databaseCpuOf(db, name)) - stepDbCpu) / seconds).toFixed(2)}`,
      );
      // Past one miss (this machine is shared), until two in a row or the rate is not reached.
      misses = result.p99WithoutGuests >= 50 ? misses + 1 : 0;
      if (misses === 2 || result.achieved < rate * 0.9) break;
    }
    const sustainedBy = (p99: (step: (typeof steps)[number]) => number) =>
      Math.max(
        0,
        ...steps.filter((x) => p99(x) < 50 && x.achieved >= x.rate * 0.9).map((x) => x.achieved),
      );
    const sustained = sustainedBy((x) => x.p99);
    const sustainedWithoutGuests = sustainedBy((x) => x.p99WithoutGuests);
    const rssAfterLoad = rssOf(pid);
    app.kill('SIGTERM');
    await new Promise((resolve) => app!.once('exit', resolve));
    app = undefined;
    await db.end();

    console.log('Measuring the admin pages…');
    const adminFigures = await measureAdmin(databaseUrl, {
      bigTeam: org.bigTeam.slug,
      smallTeam: org.smallTeam.slug,
    });

    // Capacity: the planned average rate with 2× headroom (the busiest hour), against what one
    // instance sustains; database cores from its backends' CPU per poll.
    const capacity = [PLANNED_LINKS, 1_000_000].map((links) => {
      const rate = perLinkRate * links * 2;
      return {
        links,
        rate,
        instances: sustainedWithoutGuests
          ? Math.max(1, Math.ceil(rate / sustainedWithoutGuests))
          : NaN,
        dbCores: dbCpuPer1000 > 0 ? (rate * dbCpuPer1000) / 1000 : NaN,
      };
    });

    console.log(`\nSeeding: ${seedSeconds.toFixed(1)} s (${org.links.length} links)`);
    console.log(
      `Day: ${polls} polls of ${clients.length} links in ${(dayMs / 1000).toFixed(0)} s ` +
        `(${day.edits.absence} absence, ${day.edits.event} event changes, ${day.edits.rotate} rotations, ${day.edits.revoke} revokes); ` +
        `p99 ${ms(percentile([...day.latencies, ...day.guestLatencies], 99))} ` +
        `(${ms(percentile(day.latencies, 99))} without guest links, ${ms(percentile(day.guestLatencies, 99))} for guest links); ` +
        `${others} polls answered neither 200 nor 304 (rotated or revoked links: 410)`,
    );
    console.log('\n| figure | value |');
    console.log('|---|---:|');
    const lowestRss = (from: number, to: number) =>
      Math.min(...day.hours.slice(from, to).map((hour) => hour.rss));
    const rows: [string, string][] = [
      ['planned average rate (100,000 links)', `${plannedRate.toFixed(1)} polls/s`],
      ['sustained rate, p99 < 50 ms (one instance)', `${fmt(sustained)} polls/s`],
      ['polls answered 304 (the whole day, edits included)', pct(notModified / polls)],
      ['polls answered 304 (19:00–07:00 UTC, no edits)', pct(night304)],
      ['sustained rate without guest links, p99 < 50 ms', `${fmt(sustainedWithoutGuests)} polls/s`],
      ['server CPU per 1,000 polls', `${cpuPer1000.toFixed(2)} s`],
      [
        'database CPU per 1,000 polls',
        Number.isFinite(dbCpuPer1000) ? `${dbCpuPer1000.toFixed(2)} s` : 'n/a',
      ],
      ['database transactions per 1,000 polls', fmt(txPer1000)],
      [
        '200s, hour after midnight / average hour',
        `${midnight.ok} / ${averageOk.toFixed(0)} (${(midnight.ok / averageOk).toFixed(1)}×)`,
      ],
      [
        'server CPU, hour after midnight / average hour',
        `${midnight.cpu.toFixed(1)} s / ${averageCpu.toFixed(1)} s (${(midnight.cpu / averageCpu).toFixed(1)}×)`,
      ],
      [
        'server RSS before / after the day / after the load',
        `${mb(rssBefore)} / ${mb(rssAfterDay)} / ${mb(rssAfterLoad)}`,
      ],
      [
        'server RSS, lowest of every 4 simulated hours',
        Array.from({ length: 6 }, (_, i) => mb(lowestRss(i * 4, i * 4 + 4))).join(', '),
      ],
      ...adminFigures.audit.map((a): [string, string] => [`token audit: ${a.name}`, ms(a.ms)]),
      [
        `token CSV (${adminFigures.csv.rows} links, ${mb(adminFigures.csv.bytes)})`,
        `${(adminFigures.csv.ms / 1000).toFixed(1)} s, RSS +${mb(adminFigures.csv.rssGrowth)}`,
      ],
      ...adminFigures.teamPages.map((t): [string, string] => [
        `team page ${t.name}`,
        `${ms(t.ms)}, ${t.queries} queries`,
      ]),
      [
        `revoke all links of a person (${adminFigures.revokeAll.links} links, one transaction)`,
        `${ms(adminFigures.revokeAll.ms)}, ${adminFigures.revokeAll.statements} statements`,
      ],
      [
        `sign a person out everywhere (${adminFigures.signOut.sessions} sessions, one transaction)`,
        `${ms(adminFigures.signOut.ms)}, ${adminFigures.signOut.statements} statements`,
      ],
    ];
    for (const [label, value] of rows) console.log(`| ${label} | ${value} |`);
    console.log('\n| links | polls/s (2× average) | instances | database cores |');
    console.log('|---:|---:|---:|---:|');
    for (const c of capacity)
      console.log(
        `| ${fmt(c.links)} | ${fmt(c.rate)} | ${Number.isFinite(c.instances) ? c.instances : 'n/a'} | ${Number.isFinite(c.dbCores) ? c.dbCores.toFixed(2) : 'n/a'} |`,
      );

    const [big, small] = [adminFigures.teamPages[0]!, adminFigures.teamPages[1]!];
    const slowestAudit = Math.max(...adminFigures.audit.map((a) => a.ms));
    const targets: [string, boolean][] = [
      [
        `sustained rate ≥ 10× the planned average (${fmt(plannedRate * 10)} polls/s) with p99 < 50 ms`,
        sustained >= plannedRate * 10,
      ],
      ['≥ 95 % of polls are 304 when nothing changed (19:00–07:00 UTC)', night304 >= 0.95],
      ['hour after midnight ≤ 2× an average hour (200s)', midnight.ok <= 2 * averageOk],
      ['hour after midnight ≤ 2× an average hour (server CPU)', midnight.cpu <= 2 * averageCpu],
      [
        `RSS flat over the day (lowest of the second half ${mb(lowestRss(12, 24))} vs the first ${mb(lowestRss(0, 12))}: < 16 MB more)`,
        lowestRss(12, 24) - lowestRss(0, 12) < 16 * 1048576,
      ],
      [
        `token audit: first page, every filter and sort < 300 ms (slowest ${ms(slowestAudit)})`,
        slowestAudit < 300,
      ],
      ['token CSV of every link < 10 s', adminFigures.csv.ms < 10_000],
      [
        'token CSV with flat memory (RSS growth < 64 MB)',
        adminFigures.csv.rssGrowth < 64 * 1048576,
      ],
      [`team page of a ${org.bigTeam.size}-person team < 200 ms`, big.ms < 200],
      [
        `team page: same number of queries for ${org.bigTeam.size} and ${org.smallTeam.size} people`,
        big.queries === small.queries,
      ],
    ];
    for (const t of adminFigures.teamPages)
      console.log(`Team page ${t.name}, most repeated statement: ${t.mostRepeated}`);
    console.log(
      `\nClock check: ${clockFollowed ? '✓' : '✗'} the feed follows the shifted database clock ` +
        '(a link shows its renewal reminder a week before its expiry, not two months before)',
    );
    console.log('\nTargets:');
    for (const [label, met] of targets) console.log(`  ${met ? '✓' : '✗'} ${label}`);
    console.log(
      '\nThe database clock is shifted onto the simulated day (bench_clock.now() shadows now()), so the ' +
        'feed window moves at the simulated 00:00 UTC; the admin and team-page figures are the DAL calls ' +
        'of those pages, timed in the bench process.',
    );
  } finally {
    if (app) {
      app.kill('SIGTERM');
      await new Promise((resolve) => app!.once('exit', resolve));
    }
    await sql.end().catch(() => {});
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${Math.round(n)} ms`;
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

await main();
