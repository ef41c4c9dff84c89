import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// khal, the terminal calendar of the vdirsyncer family (Debian's khal; .ci/run installs it): a
// feed imported into a scratch calendar, then every event listed back in UTC.

export interface KhalEvent {
  title: string;
  start: Date;
  end: Date;
}

const CONFIG = (directory: string, calendar: string) => `[calendars]
[[feed]]
path = ${calendar}/
type = calendar
[locale]
local_timezone = UTC
default_timezone = UTC
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%dT%H:%M
longdatetimeformat = %Y-%m-%dT%H:%M
[sqlite]
path = ${directory}/khal.db
`;

function khal(directory: string, args: string[]) {
  const run = spawnSync('khal', ['-c', path.join(directory, 'config'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  });
  if (run.status !== 0) throw new Error(`khal failed: ${run.stderr || run.stdout}`);
  return run.stdout;
}

/** The events khal shows of a calendar directory (a vdir), from `from` for `days` days. */
export function listWithKhal(calendar: string, from: string, days: number): KhalEvent[] {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'teamcal-khal-'));
  try {
    fs.writeFileSync(path.join(directory, 'config'), CONFIG(directory, calendar));
    const output = khal(directory, ['list', '--format', '{start}|{end}|{title}', from, `${days}d`]);
    return output
      .split('\n')
      .map((line) => line.split('|'))
      .filter((fields) => fields.length === 3)
      .map(([start, end, title]) => ({
        title: title!,
        start: new Date(`${start}:00Z`),
        end: new Date(`${end}:00Z`),
      }));
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/** The events khal keeps from `text`, imported into a scratch calendar. */
export function readWithKhal(text: string, from: string, days: number): KhalEvent[] {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'teamcal-khal-import-'));
  try {
    const calendar = path.join(directory, 'calendar');
    fs.mkdirSync(calendar);
    fs.writeFileSync(path.join(directory, 'config'), CONFIG(directory, calendar));
    fs.writeFileSync(path.join(directory, 'feed.ics'), text);
    khal(directory, ['import', '--batch', '-a', 'feed', path.join(directory, 'feed.ics')]);
    return listWithKhal(calendar, from, days);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
