// Import of 10,000 volunteers from one xlsx file on PGlite: dry run (validate) + commit.
// Run: npx tsx bench/import-volunteers.ts [rows] [--disk]   (results go into bench/README.md by hand)
// --disk: PGlite in a temporary directory (as the server runs it) instead of in memory.
// Bounded: one in-memory database, one file, in-process requests only (no network); stops by itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../apps/server/src/app.js';
import { createFieldCrypto } from '../apps/server/src/platform/crypto/field-crypto.js';
import { openDatabase } from '../apps/server/src/platform/db/client.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { loadDemoData } from '../apps/server/seed/load-demo.js';
import { VOLUNTEER_HEADER, toXlsx, volunteerRows } from '../apps/server/test/import-files.js';

const ROWS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10_000);
const DISK = process.argv.includes('--disk');
const dataDir = DISK ? fs.mkdtempSync(path.join(os.tmpdir(), 'duodi-import-bench-')) : undefined;
const GOAL_S = 30;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ms = (t0: number) => performance.now() - t0;
const s = (v: number) => `${(v / 1000).toFixed(1)} s`;

let t0 = performance.now();
const database = await openDatabase(dataDir ? { kind: 'pglite', dataDir } : { kind: 'pglite-memory' });
await migrate(database);
const crypto = createFieldCrypto('bench-only-data-key-not-for-production');
await loadDemoData(database, crypto);
const app = await buildApp({
  deps: {
    database,
    db: database.db,
    crypto,
    config: { sessionDays: 1, secureCookies: false, bodyLimitBytes: 1024 * 1024 },
    now: () => new Date(),
  },
  logLevel: false,
});
await app.ready();
const setup = ms(t0);

t0 = performance.now();
const file = await toXlsx(VOLUNTEER_HEADER, volunteerRows(ROWS));
const generate = ms(t0);

const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone: '13900000001', password: 'demo1345' } });
const headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` };

type Job = { status: string; total: number; ok: number; bad: number; imported: number; unchanged: number; progress: number };
async function until(id: string, done: (j: Job) => boolean): Promise<{ job: Job; samples: number[] }> {
  const samples: number[] = [];
  for (;;) {
    const job = (await app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers })).json() as Job;
    samples.push(job.progress);
    if (done(job)) return { job, samples };
    await new Promise((r) => setTimeout(r, 100));
  }
}

t0 = performance.now();
const created = await app.inject({
  method: 'POST',
  url: '/api/v1/imports?kind=volunteers',
  headers: { ...headers, 'content-type': XLSX },
  payload: file,
});
if (created.statusCode !== 201) throw new Error(`upload: ${created.statusCode} ${created.body}`);
const { id } = created.json() as { id: string };
const dry = await until(id, (j) => j.status !== 'validating');
const validate = ms(t0);
if (dry.job.status !== 'validated' || dry.job.ok !== ROWS) throw new Error(`dry run: ${JSON.stringify(dry.job)}`);

t0 = performance.now();
const accepted = await app.inject({ method: 'POST', url: `/api/v1/imports/${id}/commit`, headers });
if (accepted.statusCode !== 202) throw new Error(`commit: ${accepted.statusCode} ${accepted.body}`);
const done = await until(id, (j) => j.status !== 'importing');
const commit = ms(t0);
if (done.job.status !== 'done' || done.job.imported !== ROWS) throw new Error(`commit: ${JSON.stringify(done.job)}`);

// A second run of the same file: everything unchanged.
t0 = performance.now();
const again = (
  await app.inject({ method: 'POST', url: '/api/v1/imports?kind=volunteers', headers: { ...headers, 'content-type': XLSX }, payload: file })
).json() as { id: string };
await until(again.id, (j) => j.status !== 'validating');
await app.inject({ method: 'POST', url: `/api/v1/imports/${again.id}/commit`, headers });
const rerun = await until(again.id, (j) => j.status !== 'importing');
const reimport = ms(t0);

await app.close();
await database.close();
if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });

const total = validate + commit;
console.log(
  `PGlite ${DISK ? 'in a temporary directory' : 'in memory'}, rows ${ROWS}, xlsx ${(file.length / 1024).toFixed(0)} KB, Node ${process.version}`,
);
console.log(`| setup (open PGlite, migrate, demo data; not counted) | ${s(setup)} |`);
console.log(`| generate the xlsx (not counted) | ${s(generate)} |`);
console.log(`| upload + dry run (read, check ${ROWS} rows) until validated | ${s(validate)} |`);
console.log(`| commit until done (${done.job.imported} imported) | ${s(commit)} |`);
console.log(`| **validate + commit** | **${s(total)}** (goal < ${GOAL_S} s: ${total < GOAL_S * 1000 ? 'met' : 'MISSED'}) |`);
console.log(`| same file again: dry run + commit (${rerun.job.unchanged} unchanged, ${rerun.job.imported} imported) | ${s(reimport)} |`);
console.log(`progress seen while committing: ${[...new Set(done.samples)].join(', ')}`);
if (total >= GOAL_S * 1000) process.exitCode = 1;
