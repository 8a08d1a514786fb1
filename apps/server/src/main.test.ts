import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type OpenOptions } from './platform/db/client.js';
import { migrate } from './platform/db/migrate.js';
import { TEST_DATA_KEY, postgresUrl, usePostgres, withDatabase } from '../test/test-env.js';

// The server's first start on an empty database (main.ts from source, as `npm run dev` runs it): the demo data
// is loaded by a worker process (demo-load.worker.ts) and the server then opens the database as on a restart.
// PGlite by default; PostgreSQL (DATABASE_URL, DEMO_DATA=1) when TEST_DB=postgres.
const root = path.resolve(import.meta.dirname, '../../..');
const kind = usePostgres() ? 'postgres' : 'pglite';
const dirs: string[] = [];
const databases: string[] = [];
let server: ChildProcess | undefined;

interface Target {
  env: Record<string, string>;
  open: OpenOptions;
  dataDir: string;
}

/** An empty database of the kind under test (a temp DATA_DIR, or a new database on the test server). */
async function emptyTarget(): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duodi-first-start-'));
  dirs.push(dataDir);
  if (kind === 'pglite') return { dataDir, env: { DATA_DIR: dataDir, DATABASE_URL: '' }, open: { kind: 'pglite', dataDir } };
  const name = `duodi_first_${process.pid}_${databases.length}`;
  const admin = new pg.Client({ connectionString: postgresUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  databases.push(name);
  const url = withDatabase(postgresUrl(), name);
  return { dataDir, env: { DATA_DIR: dataDir, DATABASE_URL: url }, open: { kind: 'postgres', url, poolSize: 1 } };
}

interface Run {
  proc: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function startMain(target: Target): Run {
  const port = 4400 + Math.floor(Math.random() * 500);
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      ...target.env,
      DATA_KEY: TEST_DATA_KEY,
      DEMO_DATA: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = proc;
  let output = '';
  proc.stdout!.on('data', (d) => (output += String(d)));
  proc.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, port, output: () => output, exited };
}

async function waitServing(run: Run): Promise<void> {
  const deadline = Date.now() + 200_000;
  let exited = false;
  void run.exited.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`server exited: ${run.output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${run.port}/healthz`)).ok) return;
    } catch {
      /* starting */
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${run.output()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Command lines of the processes whose parent is `pid` (Linux /proc; under tsx one is esbuild's service). */
function childrenOf(pid: number): string[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        // "pid (comm) state ppid …": the command name may hold spaces, so read after the last ')'.
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) return [];
        return [fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').replaceAll('\0', ' ')];
      } catch {
        return []; // exited meanwhile
      }
    });
}

afterEach(() => {
  server?.kill('SIGKILL');
  server = undefined;
});

afterAll(async () => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  if (databases.length) {
    const admin = new pg.Client({ connectionString: postgresUrl() });
    await admin.connect();
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});

describe(`server first start on an empty ${kind} database`, () => {
  it(
    'loads the demo data in a worker process, shows its progress, then serves it (the worker gone; on PGlite the lock held)',
    { timeout: 300_000 },
    async () => {
      const target = await emptyTarget();
      const run = startMain(target);
      await waitServing(run);

      expect(run.output()).toMatch(/migrations applied: 0001_platform/);
      expect(run.output()).toMatch(/ {2}persons 4268\/4268\n/);
      expect(run.output()).toMatch(/demo data loaded: \{"seed":1345/);
      const overview = (await (await fetch(`http://127.0.0.1:${run.port}/api/v1/stats/overview`)).json()) as {
        volunteers: number;
        communities: number;
      };
      expect(overview).toMatchObject({ volunteers: 1345, communities: 6 });
      const login = await fetch(`http://127.0.0.1:${run.port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '13900000001', password: 'demo1345' }),
      });
      expect(login.status).toBe(200);
      expect(
        childrenOf(run.proc.pid!).filter((cmd) => cmd.includes('demo-load.worker')),
        'the worker process has exited',
      ).toEqual([]);
      const lockFile = path.join(target.dataDir, 'server.lock');
      if (kind === 'pglite') expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(run.proc.pid));
      else expect(fs.existsSync(lockFile)).toBe(false);

      run.proc.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(fs.existsSync(lockFile)).toBe(false);
    },
  );

  it(
    'exits with the worker error when the load fails, after showing its progress, and releases the lock',
    { timeout: 300_000 },
    async () => {
      const target = await emptyTarget();
      // A migrated database without a street, but with the loader's own marker row: the load refuses after building the data set.
      const database = await openDatabase(target.open);
      await migrate(database);
      await database.execScript(`INSERT INTO app_meta (key, value) VALUES ('demo_data', '{}')`);
      await database.close();

      const run = startMain(target);
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(/ {2}encrypt 4268\/4268\n/);
      expect(run.output()).toMatch(
        /start-up failed: loading the demo data failed: demo data is already loaded \(app_meta.demo_data exists\)/,
      );
      expect(run.output()).not.toMatch(/demo data loaded|serving http/);
      expect(fs.existsSync(path.join(target.dataDir, 'server.lock'))).toBe(false);

      // Nothing of the failed load was kept: the database still has no street.
      const after = await openDatabase(target.open);
      try {
        expect(await queryRows(after.db, sql`SELECT count(*)::int AS n FROM streets`)).toEqual([{ n: 0 }]);
      } finally {
        await after.close();
      }
    },
  );
});
