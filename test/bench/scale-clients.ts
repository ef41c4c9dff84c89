import fs from 'node:fs';
import http from 'node:http';
import type postgres from 'postgres';
import { randomSource, type SeededLink } from './scale-seed';

// The calendar clients of `npm run bench:scale`: each link polled at its client's interval, with
// the validators of its last answer; a shifted database clock (the feed's `now` is the database's);
// the server's CPU read from /proc.

export const HOUR = 3_600_000;
export type ClientName = 'Google' | 'Outlook' | 'Apple' | 'Thunderbird';

const USER_AGENTS: Record<ClientName, string> = {
  Google: 'Google-Calendar-Importer',
  Outlook: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)',
  Apple: 'iOS/17.5 (21F79) dataaccessd/1.0',
  Thunderbird: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.0',
};

export interface Client {
  link: SeededLink;
  name: ClientName;
  /** Milliseconds between polls (Outlook's is set from X-PUBLISHED-TTL once known). */
  interval: number;
  etag: string | null;
  lastModified: string | null;
  gone: boolean;
}

/** Google every 8–24 h, Outlook by X-PUBLISHED-TTL, Apple and Thunderbird every 15 min–1 h. */
export function makeClients(links: SeededLink[]): Client[] {
  const random = randomSource(42);
  return links.map((link) => {
    const r = random();
    const name: ClientName =
      r < 0.35 ? 'Google' : r < 0.6 ? 'Outlook' : r < 0.85 ? 'Apple' : 'Thunderbird';
    const interval =
      name === 'Google'
        ? (8 + random() * 16) * HOUR
        : name === 'Outlook'
          ? HOUR
          : (0.25 + random() * 0.75) * HOUR;
    return { link, name, interval, etag: null, lastModified: null, gone: false };
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface Poll {
  status: number;
  ms: number;
  body: string;
}

/**
 * One poll as the client makes it: its validators back, Basic auth for a guest link. A kept-alive
 * socket the server closed as it was reused is retried once, as clients do.
 */
export async function poll(base: string, client: Client, validators = true): Promise<Poll> {
  try {
    return await pollOnce(base, client, validators);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ECONNRESET') throw error;
    return pollOnce(base, client, validators);
  }
}

function pollOnce(base: string, client: Client, validators: boolean): Promise<Poll> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENTS[client.name] };
  if (validators && client.etag) headers['if-none-match'] = client.etag;
  if (validators && client.lastModified) headers['if-modified-since'] = client.lastModified;
  if (client.link.guestEmail)
    headers.authorization = `Basic ${Buffer.from(`${client.link.guestEmail}:guest-password-for-the-bench`).toString('base64')}`;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}/api/ics/${client.link.token}`, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status === 200) {
          client.etag = (res.headers.etag as string | undefined) ?? null;
          client.lastModified = (res.headers['last-modified'] as string | undefined) ?? null;
        }
        if (status === 410) client.gone = true;
        resolve({
          status,
          ms: performance.now() - started,
          body: Buffer.concat(chunks).toString(),
        });
      });
      res.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** Outlook follows the feed's X-PUBLISHED-TTL (an ISO duration such as PT1H). */
export function ttlOf(body: string): number | null {
  const match = /X-PUBLISHED-TTL:P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?/.exec(body);
  if (!match) return null;
  const [, d = '0', h = '0', m = '0'] = match;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60_000 || null;
}

/** user + system CPU seconds of a process (and its threads), from /proc. */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * A database clock that runs on the simulated day: an unqualified `now()` — which the feed's one
 * query and the calendar version bumps use — resolves to bench_clock.now() before pg_catalog's,
 * shifted by an offset the simulator moves. Column defaults were bound to pg_catalog.now() when
 * the migrations ran and keep real time. Set up before the server and the bench's pool connect.
 */
export async function installShiftedClock(sql: postgres.Sql, database: string) {
  await sql.unsafe(`create schema bench_clock;
    create table bench_clock.shift (id int primary key, by interval not null);
    insert into bench_clock.shift values (1, '0');
    create function bench_clock.now() returns timestamptz language sql stable
      as $$ select pg_catalog.now() + (select by from bench_clock.shift where id = 1) $$;
    alter database ${database} set search_path = bench_clock, public, pg_catalog;`);
}

export function shiftClock(sql: postgres.Sql, simulatedNow: number) {
  return sql`update bench_clock.shift set by = ${Math.round(simulatedNow - Date.now())} * interval '1 millisecond' where id = 1`;
}

/** A copy of `items` in the order a seeded random source gives (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/**
 * Open-loop load: `rate` polls a second for `seconds`, whatever the answers' speed (a closed loop
 * would slow down with the server and hide its queueing). A share `fresh` of the polls come without
 * validators, as new or changed copies would.
 */
export async function loadAtRate(
  base: string,
  clients: Client[],
  rate: number,
  seconds: number,
  fresh: number,
  serverPid?: number,
) {
  const [serverCpu0, ownCpu0] = [serverPid ? cpuSecondsOf(serverPid) : 0, process.cpuUsage()];
  const latencies: number[] = [];
  const guestLatencies: number[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  let ok = 0;
  let errors = 0;
  let i = 0;
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    while (sent < due) {
      const client = clients[i++ % clients.length]!;
      sent++;
      pending.push(
        // Spread evenly: poll n comes without validators when n × fresh crosses a whole number.
        poll(base, client, Math.floor(sent * fresh) === Math.floor((sent - 1) * fresh)).then(
          (result) => {
            if (result.status === 200) ok++;
            (client.link.guestEmail ? guestLatencies : latencies).push(result.ms);
          },
          () => void errors++,
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  const ownCpu = process.cpuUsage(ownCpu0);
  return {
    /** Cores the server and this simulator kept busy, on average. */
    serverCores: serverPid ? (cpuSecondsOf(serverPid) - serverCpu0) / elapsed : 0,
    simulatorCores: (ownCpu.user + ownCpu.system) / 1e6 / elapsed,
    rate,
    achieved: (latencies.length + guestLatencies.length) / elapsed,
    /** The share of polls answered with a body. */
    okShare: ok / Math.max(1, latencies.length + guestLatencies.length),
    p99: percentile([...latencies, ...guestLatencies], 99),
    /** Without guest links, whose every poll checks a password. */
    p99WithoutGuests: percentile(latencies, 99),
    errors,
  };
}
