import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './app-server';

// A PostgreSQL cluster of a test's own, on a free port, that the test may stop, freeze and
// restart — the machine's shared server is never touched. Runs as the `postgres` user (initdb
// refuses root) with PostgreSQL 15's binaries.

const BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

function asPostgres(command: string, args: string[]): string {
  const isRoot = process.getuid?.() === 0;
  const [file, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, command), ...args]]
    : [path.join(BIN, command), args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface ThrowawayPostgres {
  /** A connection string for `database` on this cluster. */
  url(database?: string): string;
  start(): void;
  /** `pg_ctl stop -m fast`: sessions are ended, new connections refused. */
  stop(): void;
  /** SIGSTOP to the postmaster and every backend: connections open, nothing answers. */
  freeze(): void;
  thaw(): void;
  destroy(): void;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teamcal-pg-'));
  fs.chmodSync(dir, 0o777);
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);

  const options = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${dir}'`,
    '-c fsync=off',
    '-c full_page_writes=off',
  ].join(' ');
  const pids = () => {
    const postmaster = fs
      .readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8')
      .split('\n')[0]!;
    const children = execFileSync('pgrep', ['-P', postmaster], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    return [postmaster, ...children];
  };
  let frozen = false;
  const cluster: ThrowawayPostgres = {
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => {
      asPostgres('pg_ctl', ['-D', dataDir, '-o', options, '-l', logFile, '-w', 'start']);
    },
    stop: () => {
      asPostgres('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    },
    freeze: () => {
      execFileSync('kill', ['-STOP', ...pids()]);
      frozen = true;
    },
    thaw: () => {
      execFileSync('kill', ['-CONT', ...pids()]);
      frozen = false;
    },
    destroy: () => {
      try {
        if (frozen) cluster.thaw();
        asPostgres('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
