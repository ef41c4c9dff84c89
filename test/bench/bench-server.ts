import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// What both benchmarks need around the production server: its build, waiting for it, its memory.

export const root = path.resolve(import.meta.dirname, '../..');
export const DIST_DIR = '.next-bench';

/** The environment the bench's server runs in: the bench's build, no app database of its own. */
export function benchServerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.DATABASE_URL;
  return env;
}

/** Builds the production app into DIST_DIR, unless BENCH_REUSE_BUILD=1 and a build is there. */
export function buildBenchApp(env: NodeJS.ProcessEnv): void {
  if (process.env.BENCH_REUSE_BUILD === '1' && fs.existsSync(path.join(root, DIST_DIR, 'BUILD_ID')))
    return;
  console.log('Building the production app…');
  const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
}

/** Waits until `url` answers, failing as soon as the server behind it exits. */
export async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 480; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode}).`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not answer.`);
}

/** A process's resident memory in bytes, from /proc. */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}
