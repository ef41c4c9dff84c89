import { spawnSync } from 'node:child_process';
import path from 'node:path';

// libical — the parser of Evolution and GNOME Calendar — read from Debian's Python bindings
// (python3-gi, gir1.2-ical-3.0; .ci/run installs them). Debian's own python3, not any other.
const PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(import.meta.dirname, 'libical-check.py');

export interface LibicalReading {
  parsed: boolean;
  /** libical's iTIP restriction check (icalrestriction_check). */
  restrictionsMet: boolean;
  /** Every X-LIC-ERROR the parse and the check left. */
  errors: string[];
  /** Each event's start and end as libical reads them, in seconds since the epoch. */
  events: Array<{ uid: string; start: number; end: number }>;
}

export function readWithLibical(text: string): LibicalReading {
  const run = spawnSync(PYTHON, [SCRIPT], { input: text, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`libical check failed to run: ${run.stderr}`);
  return JSON.parse(run.stdout) as LibicalReading;
}
