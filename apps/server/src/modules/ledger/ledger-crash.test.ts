import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { verifyLedgerChain } from './chain.repository.js';
import { checkLedgerInvariants } from './invariants.repository.js';
import { CRASH_STREET, openCrashDb, payloadOf } from '../../../test/ledger-crash/crash-child.js';
import { postgresUrl, usePostgres, withDatabase } from '../../../test/test-env.js';

// Kills a process that posts ledger transfers with SIGKILL at random points, several rounds; each
// restart first retries the previous round's keys with the same payloads. Every transfer the process
// acknowledged must be there exactly once with its payload, the ledger invariants must hold and every
// account's hash chain must verify.
// Runs on PGlite (a temporary DATA_DIR) and, when TEST_DATABASE_URL is set, on PostgreSQL.

const root = path.resolve(import.meta.dirname, '../../../../..');
const childScript = path.join(root, 'apps/server/test/ledger-crash/crash-main.ts');
const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const c of cleanups) await c();
});

interface Round {
  acked: string[];
  highest: number;
}

/** Starts the child, waits until it acknowledged something, kills it after a random delay. */
function runRound(target: string, round: number, retry: string | undefined): Promise<Round> {
  const proc = spawn(process.execPath, ['--import', 'tsx', childScript], {
    cwd: root,
    env: { ...process.env, LEDGER_CRASH_DB: target, LEDGER_CRASH_ROUND: String(round), ...(retry ? { LEDGER_CRASH_RETRY: retry } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  const acked: string[] = [];
  let highest = -1;
  let buffer = '';
  let errors = '';
  let killTimer: NodeJS.Timeout | undefined;
  let ready = false;
  let roundAcks = 0;
  const killAfter = 5 + crypto.randomInt(11);
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      buffer += String(d);
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [word, key] = line.split(' ');
        if (word === 'ACK' && key) acked.push(key);
        if ((word === 'ACK' || word === 'REFUSED') && key?.startsWith(`round${round}-`))
          highest = Math.max(highest, Number(key.split('-')[1]));
        if (word === 'READY') ready = true;
        // Killed at a random point after a random number (5…15) of this round's acknowledgements, whatever the machine's speed.
        if (ready && word === 'ACK' && key?.startsWith(`round${round}-`) && ++roundAcks >= killAfter && !killTimer) {
          killTimer = setTimeout(() => proc.kill('SIGKILL'), crypto.randomInt(250));
        }
      }
    });
    proc.stderr!.on('data', (d: Buffer) => (errors += String(d)));
    proc.once('exit', (code, signal) => {
      children.delete(proc);
      clearTimeout(killTimer);
      if (signal === 'SIGKILL') resolve({ acked, highest });
      else reject(new Error(`crash child exited ${code}: ${errors}`));
    });
  });
}

async function crashRounds(target: string): Promise<void> {
  const acknowledged = new Set<string>();
  let retry: string | undefined;
  for (let round = 0; round < 4; round++) {
    const r = await runRound(target, round, retry);
    for (const k of r.acked) acknowledged.add(k);
    // The next process retries this round's keys, including the one in flight when it was killed.
    retry = `round${round}:${r.highest + 2}`;
  }
  // A last clean pass of the retries, then check from outside.
  const database = await openCrashDb(target);
  try {
    expect(acknowledged.size).toBeGreaterThan(20);
    const rows = await queryRows<{ idempotency_key: string; amount: number | string; currency: string; n: number }>(
      database.db,
      sql`SELECT t.idempotency_key, t.amount, t.currency, count(e.id)::int AS n FROM ledger_transfers t JOIN ledger_entries e ON e.transfer_id = t.id
          WHERE t.street_id = ${CRASH_STREET} GROUP BY t.id`,
    );
    const byKey = new Map(rows.map((r) => [r.idempotency_key, r]));
    expect(byKey.size).toBe(rows.length);
    for (const key of acknowledged) {
      const row = byKey.get(key);
      expect(row, `acknowledged transfer ${key} was lost`).toBeDefined();
      expect(row!.n).toBe(2);
      expect(Number(row!.amount)).toBe(payloadOf(key).amount);
      expect(row!.currency).toBe(payloadOf(key).currency);
    }
    const report = await checkLedgerInvariants(database.db, CRASH_STREET);
    expect(report).toMatchObject({ ok: true });
    // Every account's hash chain verifies: no half-written entry survived a kill.
    expect(await verifyLedgerChain(database.db, CRASH_STREET)).toMatchObject({ ok: true });
  } finally {
    await database.close();
  }
}

describe('ledger crash safety', () => {
  it('keeps every acknowledged transfer exactly once on PGlite after SIGKILLs and restarts', { timeout: 300_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duodi-ledger-crash-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    await crashRounds(`pglite:${dir}`);
  });

  // Registered only on a PostgreSQL run (TEST_DB=postgres); the PGlite case above always runs.
  if (usePostgres())
    it('keeps every acknowledged transfer exactly once on PostgreSQL after SIGKILLs and restarts', { timeout: 300_000 }, async () => {
      const url = postgresUrl();
      const name = `duodi_crash_${crypto.randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      cleanups.push(async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      });
      await crashRounds(withDatabase(url, name));
    });
});
