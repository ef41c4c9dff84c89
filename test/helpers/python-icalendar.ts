import { spawnSync } from 'node:child_process';
import path from 'node:path';

// Python's icalendar package (Debian's python3-icalendar; .ci/run installs it), read by Debian's
// own python3.
const SCRIPT = path.join(import.meta.dirname, 'python-icalendar-read.py');

export interface PythonEvent {
  uid: string;
  /** A UTC instant ('…Z'), a date for all-day events, or null for a floating time. */
  start: string | null;
  end: string | null;
}

export function readWithPythonIcalendar(text: string): PythonEvent[] {
  const run = spawnSync('/usr/bin/python3', [SCRIPT], { input: text, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python icalendar failed to read the feed: ${run.stderr}`);
  return JSON.parse(run.stdout) as PythonEvent[];
}
