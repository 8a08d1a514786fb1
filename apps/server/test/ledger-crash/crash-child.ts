// A process that posts ledger transfers in a loop and prints `ACK <key>` after each commit; the crash
// test kills it with SIGKILL at random points (ledger-crash.test.ts). Payloads are a pure function of
// the key, so a restarted process can retry the previous round's keys with the same payload.
// The process itself is crash-main.ts.
import crypto from 'node:crypto';
import { openDatabase, type Database } from '../../src/platform/db/client.js';
import { readMigrations } from '../../src/platform/db/migrate.js';
import { withTransaction } from '../../src/platform/db/tx.js';
import { isAppError } from '../../src/platform/errors.js';
import { personAccountId, systemAccountId, transfer, type Currency } from '../../src/modules/ledger/index.js';

export const CRASH_STREET = 'crash_street';
const PEOPLE = ['cp1', 'cp2', 'cp3', 'cp4'];

/** The deterministic payload of a key: which move, between whom, how much. */
export function payloadOf(key: string): { op: 'post' | 'move' | 'redeem'; from: number; to: number; amount: number; currency: Currency } {
  const h = crypto.createHash('sha256').update(key).digest();
  const op = (['post', 'post', 'move', 'redeem'] as const)[h[0]! % 4]!;
  const from = h[1]! % PEOPLE.length;
  let to = h[2]! % PEOPLE.length;
  if (to === from) to = (to + 1) % PEOPLE.length;
  return { op, from, to, amount: 1 + (h[3]! % 40), currency: h[4]! % 2 === 0 ? 'points' : 'time_bank' };
}

/** Migrations the ledger needs (platform … demands, then 0009), independent of other modules' files. */
export function ledgerMigrations() {
  return readMigrations().filter((m) => /^000[1-6]_/.test(m.name) || m.name.startsWith('0009_'));
}

export async function openCrashDb(target: string): Promise<Database> {
  return target.startsWith('pglite:')
    ? openDatabase({ kind: 'pglite', dataDir: target.slice('pglite:'.length) })
    : openDatabase({ kind: 'postgres', url: target, poolSize: 2 });
}

export async function postKey(database: Database, key: string): Promise<'ack' | 'refused'> {
  const p = payloadOf(key);
  try {
    await withTransaction(database.db, async (tx) => {
      const person = (i: number) => personAccountId(tx, CRASH_STREET, PEOPLE[i]!, p.currency);
      const from = p.op === 'post' ? await systemAccountId(tx, CRASH_STREET, 'issuing', p.currency) : await person(p.from);
      const to = p.op === 'redeem' ? await systemAccountId(tx, CRASH_STREET, 'rewards_sink', p.currency) : await person(p.to);
      await transfer(tx, {
        streetId: CRASH_STREET,
        currency: p.currency,
        fromAccountId: from,
        toAccountId: to,
        amount: p.amount,
        idempotencyKey: key,
        kind: p.op === 'post' ? 'service_earned' : p.op === 'redeem' ? 'redeem' : 'gift_out',
      });
    });
    return 'ack';
  } catch (err) {
    if (isAppError(err) && err.code === 'insufficient_balance') return 'refused';
    throw err;
  }
}
