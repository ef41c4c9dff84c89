import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// calcurse, the terminal calendar (Debian's calcurse; .ci/run installs it): a feed imported into a
// scratch calcurse directory, then every appointment queried back with its instants.

export interface CalcurseAppointment {
  summary: string;
  start: Date;
  end: Date;
}

function calcurse(directory: string, args: string[], input?: string) {
  const run = spawnSync('calcurse', ['-D', directory, ...args], {
    input,
    encoding: 'utf8',
    // Its local times in UTC, so that the epochs it prints need no zone of the machine's.
    env: { ...process.env, TZ: 'UTC' },
  });
  if (run.status !== 0) throw new Error(`calcurse failed: ${run.stderr || run.stdout}`);
  return run.stdout;
}

/** The appointments calcurse keeps from `text`, between `from` and `days` days later. */
export function readWithCalcurse(text: string, from: string, days: number): CalcurseAppointment[] {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'teamcal-calcurse-'));
  try {
    const file = path.join(directory, 'feed.ics');
    fs.writeFileSync(file, text);
    calcurse(directory, ['-i', file]);
    const output = calcurse(directory, [
      '-Q',
      '--input-datefmt',
      '4',
      '--from',
      from,
      '--days',
      String(days),
      '--format-apt',
      '%(start:epoch) %(end:epoch) %m\\n',
    ]);
    return output
      .split('\n')
      .map((line) => /^(\d+) (\d+) (.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map(([, start, end, summary]) => ({
        summary: summary!,
        start: new Date(Number(start) * 1000),
        end: new Date(Number(end) * 1000),
      }));
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
