import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// `npm test`: the static checks, then every vitest project (unit, database on PGlite and — with
// TEST_DATABASE_URL — PostgreSQL, end to end in Chromium). Ends with one line, `N passed, N failed`,
// counting each static check as one test.

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const resultsFile = path.join(root, '.test-results', 'vitest.json');

const checks: Array<[name: string, command: string, args: string[]]> = [
  ['type-check', bin('tsc'), ['--noEmit']],
  ['lint', bin('eslint'), ['.', '--max-warnings', '0']],
  ['format', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
];

let passed = 0;
let failed = 0;
for (const [name, command, args] of checks) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status === 0) {
    passed++;
    console.log(`✓ ${name}`);
  } else {
    failed++;
    console.log(`✗ ${name} failed`);
  }
}

console.log('\n▶ vitest');
fs.rmSync(resultsFile, { force: true });
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
const vitest = spawnSync(
  bin('vitest'),
  [
    'run',
    '--config',
    'test/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${resultsFile}`,
  ],
  { cwd: root, stdio: 'inherit' },
);
if (fs.existsSync(resultsFile)) {
  const report = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: Array<{ status: string; assertionResults: unknown[] }>;
  };
  passed += report.numPassedTests;
  // A file that failed to load (or a failed global setup) has no test results of its own.
  const brokenFiles = report.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  ).length;
  failed += report.numFailedTests + brokenFiles + report.numPendingTests + report.numTodoTests;
  if (vitest.status !== 0 && report.numFailedTests + brokenFiles === 0) failed++;
} else {
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
