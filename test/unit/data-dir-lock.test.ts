import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '@/db/data-dir-lock';

const run = promisify(execFile);
const directories: string[] = [];
const tempDirectory = () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'teamcal-lock-'));
  directories.push(directory);
  return directory;
};
afterEach(() =>
  directories.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })),
);

// A second process, trying to take the same lock: prints "locked" or "acquired".
const contender = `
  import { acquireDataDirLock, DataDirLockedError } from './db/data-dir-lock.ts';
  try { acquireDataDirLock(process.argv[1]); console.log('acquired'); }
  catch (e) { console.log(e instanceof DataDirLockedError ? 'locked' : 'error'); }
`;
const runContender = async (directory: string) =>
  (
    await run(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', contender, directory],
      { cwd: process.cwd() },
    )
  ).stdout.trim();

describe('the embedded data directory', () => {
  it('refuses a second process while the first holds it', async () => {
    const directory = tempDirectory();
    const lock = acquireDataDirLock(directory);
    expect(await runContender(directory)).toBe('locked');
    lock.release();
    expect(await runContender(directory)).toBe('acquired');
  });

  it('takes over a lock left by a process that died', () => {
    const directory = tempDirectory();
    fs.writeFileSync(path.join(directory, 'teamcal.lock'), '999999999');
    const lock = acquireDataDirLock(directory);
    expect(fs.readFileSync(path.join(directory, 'teamcal.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(directory, 'teamcal.lock'))).toBe(false);
  });

  it('explains how to fix the conflict', () => {
    const message = new DataDirLockedError('/srv/teamcal/.data', 4242).message;
    expect(message).toContain('already in use by process 4242');
    expect(message).toContain('DATABASE_URL');
  });
});
