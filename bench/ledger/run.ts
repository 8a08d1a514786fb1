/**
 * Ledger throughput on a real PostgreSQL server, side by side with pgbench in one run (issue 5):
 *   ledger transfers per second with C concurrent clients, each on its own connection, over random
 *   accounts (each transfer: BEGIN, one `ledger_post` call — both accounts locked in id order, floor
 *   check, transfer row with its idempotency key, two entries hash-chained per account, cached
 *   balances — COMMIT: the production code path of modules/ledger `transfer()` in `withTransaction`)
 *   vs `pgbench -b tpcb-like -c C -j C` on the same server for the same T seconds (and, for
 *   reference, pgbench running the ledger's statements as a plain-SQL script without hashing).
 * Rounds alternate ledger / pgbench (odd rounds ledger first, even rounds pgbench first) so that both
 * see the same machine load; the ratio is the median of the per-round ratios. The last line is
 * `ledger: ratio_vs_pgbench=<median> invariants=<ok|broken>` (invariants: sums, floors, caches,
 * two entries per transfer, and every account's hash chain).
 *
 *   npm run bench:ledger                # uses postgres://postgres@127.0.0.1:5432 or starts a local server
 *   LEDGER_BENCH_URL=postgres://…  LEDGER_BENCH_CLIENTS=2  LEDGER_BENCH_SECONDS=10  LEDGER_BENCH_ROUNDS=5
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, queryRows, type Database } from '../../apps/server/src/platform/db/client.js';
import { migrate } from '../../apps/server/src/platform/db/migrate.js';
import { withTransaction } from '../../apps/server/src/platform/db/tx.js';
import { isAppError } from '../../apps/server/src/platform/errors.js';
import {
  checkLedgerInvariants,
  personAccountId,
  systemAccountId,
  transfer,
  verifyLedgerChain,
} from '../../apps/server/src/modules/ledger/index.js';
import { ledgerMigrations } from '../../apps/server/test/ledger-crash/crash-child.js';

const CLIENTS = Number(process.env.LEDGER_BENCH_CLIENTS ?? 2);
const SECONDS = Number(process.env.LEDGER_BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.LEDGER_BENCH_ROUNDS ?? 5);
const ACCOUNTS = 100;
const STREET = 'bench_street';
const PG_BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'].find((d) =>
  fs.existsSync(path.join(d, 'pgbench')),
);
const bin = (name: string) => (PG_BIN ? path.join(PG_BIN, name) : name);

function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The server to use: LEDGER_BENCH_URL, a local one on 5432, or a throw-away one started here. */
async function server(): Promise<{ url: string; stop: () => void }> {
  const given = process.env.LEDGER_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await reachable(given)) return { url: given, stop: () => undefined };
  if (process.env.LEDGER_BENCH_URL) throw new Error(`cannot reach ${given}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duodi-bench-pg-'));
  const port = await freePort();
  process.stdout.write(`starting a local PostgreSQL in ${dir} on port ${port}\n`);
  execFileSync(bin('initdb'), ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8'], { stdio: 'ignore' });
  execFileSync(
    bin('pg_ctl'),
    ['-D', path.join(dir, 'data'), '-l', path.join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-w', 'start'],
    { stdio: 'ignore' },
  );
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      spawnSync(bin('pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'fast', 'stop'], { stdio: 'ignore' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function prepareLedger(database: Database): Promise<string[]> {
  await migrate(database, ledgerMigrations());
  await database.db.execute(
    sql`INSERT INTO streets (id, code, name, district) VALUES (${STREET}, 'bench', 'bench', 'bench') ON CONFLICT DO NOTHING`,
  );
  const ids: string[] = [];
  await withTransaction(database.db, async (tx) => {
    const issuing = await systemAccountId(tx, STREET, 'issuing', 'points');
    for (let i = 0; i < ACCOUNTS; i++) {
      const id = await personAccountId(tx, STREET, `bench_person_${i}`, 'points');
      await transfer(tx, {
        streetId: STREET,
        currency: 'points',
        fromAccountId: issuing,
        toAccountId: id,
        amount: 1_000_000,
        idempotencyKey: `bench:open:${i}`,
        kind: 'adjust',
      });
      ids.push(id);
    }
  });
  return ids;
}

/** C clients (each its own connection) posting random transfers for SECONDS; answers committed transfers per second. */
async function ledgerRound(clients: Database[], ids: string[], round: number): Promise<number> {
  const deadline = Date.now() + SECONDS * 1000;
  let done = 0;
  const client = async (c: number) => {
    const database = clients[c]!;
    for (let i = 0; Date.now() < deadline; i++) {
      const a = ids[crypto.randomInt(ids.length)]!;
      let b = ids[crypto.randomInt(ids.length)]!;
      if (b === a) b = ids[(ids.indexOf(a) + 1) % ids.length]!;
      try {
        await withTransaction(database.db, (tx) =>
          transfer(tx, {
            streetId: STREET,
            currency: 'points',
            fromAccountId: a,
            toAccountId: b,
            amount: 1 + crypto.randomInt(10),
            idempotencyKey: `bench:${round}:${c}:${i}`,
            kind: 'gift_out',
          }),
        );
        done += 1;
      } catch (err) {
        if (!isAppError(err) || err.code !== 'insufficient_balance') throw err;
      }
    }
  };
  const started = Date.now();
  await Promise.all(clients.map((_, c) => client(c)));
  return done / ((Date.now() - started) / 1000);
}

function pgbenchTps(url: string, args: string[]): number {
  const u = new URL(url);
  const res = spawnSync(
    bin('pgbench'),
    ['-h', u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres', ...args, u.pathname.slice(1)],
    { encoding: 'utf8' },
  );
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(res.stdout) ?? /tps = ([\d.]+)/.exec(res.stdout);
  if (!m) throw new Error(`pgbench failed: ${res.stdout}\n${res.stderr}`);
  return Number(m[1]);
}

/** The ledger's statements as one plain-SQL pgbench script (no hashing, no idempotency key, no application code). */
const PLAIN_SCRIPT = `\\set a random(1, ${ACCOUNTS})
\\set b random(1, ${ACCOUNTS})
\\set amt random(1, 10)
BEGIN;
SELECT id, balance FROM bench_accounts WHERE id IN (:a, :b) ORDER BY id FOR UPDATE;
INSERT INTO bench_transfers (from_id, to_id, amount) VALUES (:a, :b, :amt) RETURNING id;
UPDATE bench_accounts SET balance = balance + CASE WHEN id = :a THEN -:amt ELSE :amt END WHERE id IN (:a, :b) AND :a <> :b;
INSERT INTO bench_entries (account_id, delta) VALUES (:a, -:amt), (:b, :amt);
END;
`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main(): Promise<void> {
  const srv = await server();
  const admin = new pg.Client({ connectionString: srv.url });
  await admin.connect();
  const suffix = crypto.randomBytes(4).toString('hex');
  const ledgerDb = `duodi_bench_ledger_${suffix}`;
  const pgbenchDb = `duodi_bench_pgbench_${suffix}`;
  await admin.query(`CREATE DATABASE ${ledgerDb}`);
  await admin.query(`CREATE DATABASE ${pgbenchDb}`);
  let database: Database | undefined;
  const clientDbs: Database[] = [];
  try {
    const benchUrl = withDb(srv.url, pgbenchDb);
    const init = spawnSync(
      bin('pgbench'),
      ['-i', '-s', '1', '-q', '-h', new URL(srv.url).hostname, '-p', new URL(srv.url).port || '5432', '-U', 'postgres', pgbenchDb],
      { encoding: 'utf8' },
    );
    if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
    const plain = new pg.Client({ connectionString: benchUrl });
    await plain.connect();
    await plain.query(`CREATE TABLE bench_accounts (id int PRIMARY KEY, balance bigint NOT NULL);
      INSERT INTO bench_accounts SELECT g, 1000000 FROM generate_series(1, ${ACCOUNTS}) g;
      CREATE TABLE bench_transfers (id bigserial PRIMARY KEY, from_id int NOT NULL, to_id int NOT NULL, amount bigint NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE bench_entries (id bigserial PRIMARY KEY, account_id int NOT NULL, delta bigint NOT NULL, created_at timestamptz NOT NULL DEFAULT now());`);
    await plain.end();
    const scriptFile = path.join(os.tmpdir(), `duodi-ledger-plain-${suffix}.sql`);
    fs.writeFileSync(scriptFile, PLAIN_SCRIPT);

    database = await openDatabase({ kind: 'postgres', url: withDb(srv.url, ledgerDb), poolSize: 1 });
    const ids = await prepareLedger(database);
    // One connection per ledger client, like pgbench's -c.
    for (let c = 0; c < CLIENTS; c++) clientDbs.push(await openDatabase({ kind: 'postgres', url: withDb(srv.url, ledgerDb), poolSize: 1 }));
    await ledgerRound(clientDbs, ids, -1); // warm-up (JIT of the driver, plan caches)

    const rows: { round: number; ledger: number; tpcb: number; plain: number }[] = [];
    const tpcbArgs = ['-b', 'tpcb-like', '-c', String(CLIENTS), '-j', String(CLIENTS), '-T', String(SECONDS), '-n'];
    const plainArgs = ['-f', scriptFile, '-c', String(CLIENTS), '-j', String(CLIENTS), '-T', String(SECONDS), '-n'];
    for (let r = 0; r < ROUNDS; r++) {
      let ledger: number;
      let tpcb: number;
      if (r % 2 === 0) {
        ledger = await ledgerRound(clientDbs, ids, r);
        tpcb = pgbenchTps(benchUrl, tpcbArgs);
      } else {
        tpcb = pgbenchTps(benchUrl, tpcbArgs);
        ledger = await ledgerRound(clientDbs, ids, r);
      }
      const plainTps = pgbenchTps(benchUrl, plainArgs);
      rows.push({ round: r + 1, ledger, tpcb, plain: plainTps });
      const load = os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ');
      process.stdout.write(
        `round ${r + 1}: ledger ${ledger.toFixed(0)} transfers/s · pgbench tpcb-like ${tpcb.toFixed(0)} tps · pgbench plain transfer script ${plainTps.toFixed(0)} tps · ratio ${(ledger / tpcb).toFixed(2)} · load ${load}\n`,
      );
    }
    fs.rmSync(scriptFile, { force: true });
    const report = await checkLedgerInvariants(database.db, STREET);
    const chain = await verifyLedgerChain(database.db, STREET);
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM ledger_transfers WHERE street_id = ${STREET}`,
    );
    const ratio = median(rows.map((x) => x.ledger / x.tpcb));
    const ratioPlain = median(rows.map((x) => x.ledger / x.plain));
    process.stdout.write(
      `clients=${CLIENTS} seconds=${SECONDS} rounds=${ROUNDS} transfers=${count?.n} · median ledger ${median(rows.map((x) => x.ledger)).toFixed(0)}/s · tpcb-like ${median(rows.map((x) => x.tpcb)).toFixed(0)} tps · plain script ${median(rows.map((x) => x.plain)).toFixed(0)} tps · ratio vs plain ${ratioPlain.toFixed(2)} · chain ${chain.ok ? 'verified' : `broken (${chain.brokenAccounts.length} accounts)`} over ${chain.entries} entries\n`,
    );
    const ok = report.ok && chain.ok;
    process.stdout.write(`ledger: ratio_vs_pgbench=${ratio.toFixed(2)} invariants=${ok ? 'ok' : 'broken'}\n`);
    if (!ok) process.exitCode = 1;
  } finally {
    for (const d of clientDbs) await d.close();
    await database?.close();
    // The pools' Terminate messages are in flight: wait for those backends to exit before the forced
    // DROP, which would otherwise end them and print a warning after the result line.
    for (let i = 0; i < 50; i++) {
      const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [ledgerDb]);
      if (rows[0]?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${ledgerDb} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${pgbenchDb} WITH (FORCE)`);
    await admin.end();
    srv.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
