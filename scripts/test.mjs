#!/usr/bin/env node
// `npm test`: every test stage, always all of them, then one summary.
//   1. unit, service and HTTP tests on PGlite           (always)
//   2. the service and HTTP tests again on PostgreSQL   (when TEST_DATABASE_URL is set)
//   3. end-to-end in Chromium                           (when a Chromium is found)
// The last line is `N passed, N failed` (CI reads it). Plain JS, no dependencies, runs on Node ≥ 20.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN_DIR = path.join(ROOT, 'node_modules', '.bin');
const T0 = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[test +${seconds(Date.now() - T0)}] ${msg}`);

// Children must run on the pinned Node 24 even when this file was started by a bare Node 20.
const CHILD_PATH = [BIN_DIR, ...(process.env.PATH ?? '').split(path.delimiter).filter((d) => d && d !== BIN_DIR)].join(path.delimiter);

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

const chromium = findChromium();

const STAGES = [
  {
    name: 'PGlite: unit, service, HTTP',
    args: [],
    env: {},
  },
  {
    name: 'PostgreSQL: service, HTTP',
    args: ['apps/server'],
    env: { TEST_DB: 'postgres' },
    skip: process.env.TEST_DATABASE_URL ? undefined : 'TEST_DATABASE_URL not set',
  },
  {
    name: 'End-to-end (Chromium)',
    args: ['--config', 'e2e/vitest.config.ts'],
    env: chromium ? { CHROMIUM_PATH: chromium } : {},
    skip: chromium ? undefined : 'no Chromium found (install Debian chromium)',
  },
];

/** Counts from vitest's JSON report, or undefined when vitest wrote none. */
function readReport(file) {
  if (!existsSync(file)) return undefined;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    // A file that fails outside any test (import error, failing hook) has no failed test of its own: count it as one.
    const brokenFiles = (r.testResults ?? []).filter(
      (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
    ).length;
    return {
      passed: r.numPassedTests ?? 0,
      failed: (r.numFailedTests ?? 0) + brokenFiles,
      skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
      brokenFiles,
    };
  } catch {
    return undefined;
  }
}

function runStage(stage) {
  if (stage.skip) {
    say(`── ${stage.name}: skipped (${stage.skip})`);
    return { ...stage, status: 'skipped', note: stage.skip, passed: 0, failed: 0, skipped: 0, ms: 0 };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'duodi-test-'));
  const report = path.join(dir, 'vitest.json');
  const args = ['--no-install', 'vitest', 'run', ...stage.args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  say(
    `── ${stage.name}: npx ${args.join(' ')}${
      Object.keys(stage.env).length
        ? ` (${Object.entries(stage.env)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')})`
        : ''
    }`,
  );
  const started = Date.now();
  const res = spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...stage.env, PATH: CHILD_PATH } });
  const ms = Date.now() - started;
  const counts = readReport(report);
  rmSync(dir, { recursive: true, force: true });

  const exit = res.error ? res.error.message : (res.status ?? res.signal);
  const result = { ...stage, ms, passed: 0, failed: 0, skipped: 0, ...counts };
  if (!counts) {
    // Vitest died before reporting (bad config, crash): count the stage as one failure.
    return { ...result, failed: 1, status: 'failed', note: `vitest wrote no report (exit ${exit})` };
  }
  const notes = [];
  if (counts.brokenFiles > 0) notes.push(`${counts.brokenFiles} file(s) failed outside a test, counted as 1 failure each`);
  if (res.status !== 0 && counts.failed === 0) {
    // Every test passed but vitest failed the run (unhandled errors, a failing global teardown): one failure.
    counts.failed = 1;
    result.failed = 1;
    notes.push(`vitest exit ${exit} with no failed test (unhandled errors or set-up/teardown; see its output), counted as 1 failure`);
  } else if (res.status !== 0) {
    notes.push(`vitest exit ${exit}`);
  }
  if (counts.passed + counts.failed === 0) notes.push('no tests ran');
  const failed = res.status !== 0 || counts.failed > 0;
  return { ...result, status: failed ? 'failed' : 'passed', note: notes.join('; ') };
}

let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
});

const results = [];
for (const stage of STAGES) {
  if (interrupted) {
    results.push({ ...stage, status: 'skipped', note: 'interrupted', passed: 0, failed: 0, skipped: 0, ms: 0 });
    continue;
  }
  const r = runStage(stage);
  results.push(r);
  if (r.status !== 'skipped')
    say(`── ${stage.name}: ${r.status} (${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped) in ${seconds(r.ms)}`);
}

// Summary table
const rows = [['stage', 'result', 'passed', 'failed', 'skipped', 'time', 'note']];
for (const r of results) {
  rows.push([
    r.name,
    r.status,
    String(r.passed),
    String(r.failed),
    String(r.skipped),
    r.status === 'skipped' ? '-' : seconds(r.ms),
    r.note ?? '',
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
const line = (row) =>
  row
    .map((cell, i) => cell.padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log('');
console.log(line(rows[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows.slice(1)) console.log(line(row));

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const anyFailed = results.some((r) => r.status === 'failed');
console.log('');
if (anyFailed)
  console.log(
    `Stages failed: ${results
      .filter((r) => r.status === 'failed')
      .map((r) => r.name)
      .join(', ')}`,
  );
if (passed + failed === 0) console.log('No test ran.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(anyFailed || passed + failed === 0 || interrupted ? 1 : 0);
