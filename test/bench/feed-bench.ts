import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { installDatabase, openDatabase } from '@/db';
import { freePort, START_ARGS } from '@/test/helpers/app-server';
import { benchServerEnv, buildBenchApp, root, rssOf, waitFor } from './bench-server';
import { seedBenchOrganisation } from './seed-large';

// `npm run bench`: seeds a large organisation into a scratch database (PGlite, or PostgreSQL with
// BENCH_DATABASE_URL), starts the production build, and measures the feed against two baselines
// that return the same prebuilt bytes: a plain node:http server and a Next.js route handler.

const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = 10;

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  });
  if (result.non2xx && !headers['if-none-match'])
    throw new Error(`${url}: ${result.non2xx} responses were not 2xx.`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/** One download of a big feed: first byte, total, and how much the server's memory grew. */
async function download(url: string, serverPid: number) {
  const before = rssOf(serverPid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(serverPid))), 10);
  const started = performance.now();
  const response = await fetch(url);
  let firstByte = 0;
  let bytes = 0;
  let events = 0;
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    const chunk = read.value;
    if (!firstByte) firstByte = performance.now() - started;
    bytes += chunk.length;
    events += decoder.decode(chunk, { stream: true }).split('BEGIN:VEVENT').length - 1;
  }
  const total = performance.now() - started;
  clearInterval(sampler);
  return { status: response.status, firstByte, total, bytes, events, rssGrowth: peak - before };
}

async function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'teamcal-bench-'));
  const benchUrl = process.env.BENCH_DATABASE_URL;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (benchUrl) {
    const name = `teamcal_bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = postgres(benchUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(benchUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const dataDir = path.join(scratch, 'data');

  console.log(`Seeding a scratch ${databaseUrl ? 'PostgreSQL' : 'PGlite'} database…`);
  const handle = openDatabase(
    databaseUrl ? { url: databaseUrl } : { dataDir: path.join(dataDir, 'pglite') },
  );
  await handle.migrate();
  installDatabase(handle);
  const org = await seedBenchOrganisation(handle.db);
  // A live database has planner statistics; a bulk load has none until autovacuum comes by.
  await handle.db.execute(sql`analyze`);
  installDatabase(undefined);
  await handle.close();
  console.log(
    `  small team: ${org.smallEvents} events, large team: ${org.largeEvents} events, ` +
      `person: ${org.personEvents} appointments, room: ${org.resourceEvents} bookings`,
  );

  const env = benchServerEnv();
  buildBenchApp(env);

  const baselineFile = path.join(scratch, 'baseline.ics');
  const [appPort, plainPort] = [await freePort(), await freePort()];
  const app = spawn(
    process.execPath,
    // The production server, as `npm start` runs it: Next.js behind the front door.
    START_ARGS,
    {
      cwd: root,
      env: {
        ...env,
        PORT: String(appPort),
        HOSTNAME: '127.0.0.1',
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { TEAMCAL_DATA_DIR: dataDir }),
        TEAMCAL_BENCH_BASELINE_FILE: baselineFile,
        AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${appPort}`;
  let plain: ChildProcess | undefined;
  try {
    await waitFor(`${base}/api/health`, app);
    const smallUrl = `${base}/api/ics/${org.smallToken}`;
    const warm = await fetch(smallUrl);
    const etag = warm.headers.get('etag')!;
    fs.writeFileSync(baselineFile, Buffer.from(await warm.arrayBuffer()));

    plain = spawn(
      process.execPath,
      [
        '-e',
        `const body = require('fs').readFileSync(${JSON.stringify(baselineFile)});
         require('http').createServer((q, s) => { s.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8' }); s.end(body); })
           .listen(${plainPort}, '127.0.0.1');`,
      ],
      { stdio: 'inherit' },
    );
    await waitFor(`http://127.0.0.1:${plainPort}/`, plain);
    await fetch(`${base}/api/bench-baseline`);

    console.log(`Loading each endpoint for ${DURATION_SECONDS}s with ${CONNECTIONS} connections…`);
    const nodeBaseline = await load(`http://127.0.0.1:${plainPort}/`);
    const nextBaseline = await load(`${base}/api/bench-baseline`);
    const feed200 = await load(smallUrl);
    const feed304 = await load(smallUrl, { 'if-none-match': etag });
    // The other kinds of calendar go through the same feed path: they must cost about the same.
    const otherKinds = [];
    for (const [name, token, events] of [
      ['person', org.personToken, org.personEvents],
      ['room', org.resourceToken, org.resourceEvents],
    ] as const) {
      const url = `${base}/api/ics/${token}`;
      const tag = (await fetch(url)).headers.get('etag')!;
      otherKinds.push({
        name,
        events,
        ok: await load(url),
        notModified: await load(url, { 'if-none-match': tag }),
      });
    }

    const largeUrl = `${base}/api/ics/${org.largeToken}`;
    await download(largeUrl, app.pid!); // warm-up
    const runs = [await download(largeUrl, app.pid!), await download(largeUrl, app.pid!)];
    const large = runs.reduce((worst, run) => (run.total > worst.total ? run : worst));

    const rows: [string, string, string, string, string][] = [
      ['node:http, prebuilt bytes', fmt(nodeBaseline.rps), ms(nodeBaseline.p99), '', ''],
      ['Next.js route, prebuilt bytes', fmt(nextBaseline.rps), ms(nextBaseline.p99), '', ''],
      [
        `feed 200 (${org.smallEvents} events)`,
        fmt(feed200.rps),
        ms(feed200.p99),
        pct(feed200.rps / nextBaseline.rps),
        pct(feed200.rps / nodeBaseline.rps),
      ],
      [
        'feed 304',
        fmt(feed304.rps),
        ms(feed304.p99),
        pct(feed304.rps / nextBaseline.rps),
        pct(feed304.rps / nodeBaseline.rps),
      ],
      ...otherKinds.flatMap((kind) =>
        (
          [
            [`${kind.name} feed 200 (${kind.events} events)`, kind.ok],
            [`${kind.name} feed 304`, kind.notModified],
          ] as const
        ).map(([label, run]): [string, string, string, string, string] => [
          label,
          fmt(run.rps),
          ms(run.p99),
          pct(run.rps / nextBaseline.rps),
          pct(run.rps / nodeBaseline.rps),
        ]),
      ),
    ];
    console.log('\n| endpoint | req/s | p99 | vs Next.js baseline | vs node:http |');
    console.log('|---|---:|---:|---:|---:|');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log(
      `\nLarge feed (${large.events} events, ${(large.bytes / 1e6).toFixed(1)} MB, status ${large.status}): ` +
        `first byte ${ms(large.firstByte)}, complete ${ms(large.total)}, server RSS growth ${(large.rssGrowth / 1048576).toFixed(1)} MB`,
    );
    // The embedded mode answers polls from rows it knows unchanged (no query): it must keep up
    // with the baseline itself; PostgreSQL pays a round trip a poll.
    const [floor304, floor200] = databaseUrl ? [0.5, 0.25] : [1, 0.75];
    const atLeast = (run: { rps: number }, floor: number) => run.rps / nextBaseline.rps >= floor;
    const targets = [
      [`304 ≥ ${pct(floor304)} of the Next.js baseline`, atLeast(feed304, floor304)],
      [
        `200 (${org.smallEvents} events) ≥ ${pct(floor200)} of the Next.js baseline`,
        atLeast(feed200, floor200),
      ],
      ...otherKinds.flatMap(
        (kind) =>
          [
            [
              `${kind.name} 304 ≥ ${pct(floor304)} of the Next.js baseline`,
              atLeast(kind.notModified, floor304),
            ],
            [
              `${kind.name} 200 (${kind.events} events) ≥ ${pct(floor200)} of the Next.js baseline`,
              atLeast(kind.ok, floor200),
            ],
          ] as const,
      ),
      ['large feed first byte < 300 ms', large.firstByte < 300],
      ['large feed complete < 3 s', large.total < 3000],
      ['server RSS growth < 64 MB', large.rssGrowth < 64 * 1048576],
    ] as const;
    console.log('\nTargets:');
    for (const [name, met] of targets) console.log(`  ${met ? '✓' : '✗'} ${name}`);
  } finally {
    plain?.kill();
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
    await dropDatabase();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${Math.round(n)} ms`;
const pct = (n: number) => `${Math.round(n * 100)} %`;

await main();
