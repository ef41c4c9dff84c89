import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly directory: string,
    readonly pid: number,
  ) {
    super(
      `TeamCal's embedded database in ${directory} is already in use by process ${pid}. ` +
        'Stop that process first (only one process may open the embedded database), ' +
        'or set DATABASE_URL to use PostgreSQL for several processes.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive, process-wide lock on a data directory with a pid file. A lock left by a
 * process that has died is taken over.
 */
export function acquireDataDirLock(directory: string): { release(): void } {
  const lockPath = path.join(directory, 'teamcal.lock');
  fs.mkdirSync(directory, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return holdLock(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
    if (pid === process.pid) return holdLock(lockPath);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid))
      throw new DataDirLockedError(directory, pid);
    fs.rmSync(lockPath, { force: true });
  }
  throw new Error(`Could not lock ${directory}: another process keeps taking the lock.`);
}

function holdLock(lockPath: string) {
  const release = () => {
    try {
      if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.rmSync(lockPath);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', release);
  return {
    release() {
      process.off('exit', release);
      release();
    },
  };
}
