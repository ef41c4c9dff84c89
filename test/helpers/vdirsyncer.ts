import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// vdirsyncer (Debian's; .ci/run installs it), as people use it with khal: it fetches a feed
// over HTTP into a directory of one .ics file per event (a vdir), which khal then reads.

function vdirsyncer(config: string, args: string[]) {
  const run = spawnSync('vdirsyncer', ['-c', config, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vdirsyncer failed: ${run.stderr || run.stdout}`);
}

/** Syncs the feed at `url` into a new vdir and returns its path; the caller removes `root`. */
export function syncWithVdirsyncer(url: string): { root: string; calendar: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'teamcal-vdirsyncer-'));
  const calendar = path.join(root, 'calendar');
  fs.mkdirSync(calendar);
  fs.mkdirSync(path.join(root, 'status'));
  const config = path.join(root, 'config');
  fs.writeFileSync(
    config,
    `[general]
status_path = "${root}/status/"

[pair feed]
a = "feed_remote"
b = "feed_local"
collections = null

[storage feed_remote]
type = "http"
url = "${url}"

[storage feed_local]
type = "filesystem"
path = "${calendar}/"
fileext = ".ics"
`,
  );
  vdirsyncer(config, ['discover', 'feed']);
  vdirsyncer(config, ['sync']);
  return { root, calendar };
}
