import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import { isAppError } from '../../platform/errors.js';
import { createTestDb, type TestDb } from '../../../test/test-db.js';
import {
  balanceOf,
  checkLedgerInvariants,
  personAccountId,
  reverseTransfer,
  systemAccountId,
  transfer,
  verifyLedgerChain,
  type Currency,
} from './index.js';

// Random sequences of postings (issuing → person), redemptions (person → rewards sink), transfers
// between people, reversals and retries with repeated keys, run concurrently in separate
// transactions (real PostgreSQL with TEST_DB=postgres, PGlite otherwise). After each run: sums are
// zero per currency, no balance below its floor, each key moved value at most once, every cached
// balance equals the sum of its entries, every account's hash chain verifies.

const STREET = 'duodi';
let t: TestDb;
const people: string[] = [];

type Op =
  | { t: 'post'; to: number; amount: number; key: number; currency: Currency }
  | { t: 'redeem'; from: number; amount: number; key: number; currency: Currency }
  | { t: 'move'; from: number; to: number; amount: number; key: number; currency: Currency }
  | { t: 'reverse'; target: number; key: number };

const currencyArb = fc.constantFrom<Currency>('points', 'time_bank');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constant('post' as const),
    to: fc.nat(4),
    amount: fc.integer({ min: 1, max: 50 }),
    key: fc.nat(30),
    currency: currencyArb,
  }),
  fc.record({
    t: fc.constant('redeem' as const),
    from: fc.nat(4),
    amount: fc.integer({ min: 1, max: 60 }),
    key: fc.nat(30),
    currency: currencyArb,
  }),
  fc.record({
    t: fc.constant('move' as const),
    from: fc.nat(4),
    to: fc.nat(4),
    amount: fc.integer({ min: 1, max: 40 }),
    key: fc.nat(30),
    currency: currencyArb,
  }),
  fc.record({ t: fc.constant('reverse' as const), target: fc.nat(30), key: fc.nat(30) }),
);

beforeAll(async () => {
  t = await createTestDb();
  const rows = await queryRows<{ id: string }>(t.db, sql`SELECT id FROM persons WHERE street_id = ${STREET} ORDER BY id LIMIT 5`);
  people.push(...rows.map((r) => r.id));
});
afterAll(async () => t?.close());

/** Runs one op in its own transaction; expected refusals (balance, reused key, double reversal) are fine. */
async function run(op: Op, round: number, acks: Map<string, string>): Promise<void> {
  try {
    await withTransaction(t.db, async (tx) => {
      const key = `r${round}-k${op.t === 'reverse' ? `rev${op.key}` : op.key}`;
      if (op.t === 'reverse') {
        const [target] = await queryRows<{ id: string }>(
          tx,
          sql`SELECT id FROM ledger_transfers WHERE street_id = ${STREET} AND idempotency_key = ${`r${round}-k${op.target}`}`,
        );
        if (!target) return;
        const r = await reverseTransfer(tx, { transferId: target.id, idempotencyKey: key, reason: 'property test' });
        acks.set(key, r.transferId);
        return;
      }
      const person = (i: number) => personAccountId(tx, STREET, people[i]!, op.currency);
      const from = op.t === 'post' ? await systemAccountId(tx, STREET, 'issuing', op.currency) : await person(op.from);
      const to =
        op.t === 'redeem'
          ? await systemAccountId(tx, STREET, 'rewards_sink', op.currency)
          : op.t === 'post'
            ? await person(op.to)
            : await person(op.to);
      if (from === to) return;
      const r = await transfer(tx, {
        streetId: STREET,
        currency: op.currency,
        fromAccountId: from,
        toAccountId: to,
        amount: op.amount,
        idempotencyKey: key,
        kind: op.t === 'post' ? 'service_earned' : op.t === 'redeem' ? 'redeem' : 'gift_out',
      });
      const prev = acks.get(key);
      if (prev !== undefined) expect(r.transferId).toBe(prev);
      acks.set(key, r.transferId);
    });
  } catch (err) {
    if (isAppError(err) && ['insufficient_balance', 'idempotency_key_reused', 'conflict'].includes(err.code)) return;
    // Concurrent first use of one account: the loser of the unique insert retries in a new transaction.
    const code = (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    if (code === '23505' || code === '40P01') return;
    throw err;
  }
}

describe('ledger properties', () => {
  it('keeps sums at zero, balances above floors, caches equal to entries and each key moving value once under concurrent random operations', async () => {
    let round = 0;
    let acknowledged = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), async (ops) => {
        round += 1;
        const acks = new Map<string, string>();
        // Every op twice (a retry with the same key), all at once, in separate transactions.
        await Promise.all([...ops, ...ops].map((op) => run(op, round, acks)));
        const report = await checkLedgerInvariants(t.db, STREET);
        expect(report).toMatchObject({ ok: true });
        // Each acknowledged key has exactly one transfer with two entries.
        const rows = await queryRows<{ key: string; n: number }>(
          t.db,
          sql`SELECT t.idempotency_key AS key, count(e.id)::int AS n FROM ledger_transfers t JOIN ledger_entries e ON e.transfer_id = t.id
              WHERE t.street_id = ${STREET} AND t.idempotency_key LIKE ${`r${round}-%`} GROUP BY t.idempotency_key`,
        );
        acknowledged += acks.size;
        for (const [key, id] of acks) {
          expect(rows.find((r) => r.key === key)?.n).toBe(2);
          const [tr] = await queryRows<{ id: string }>(
            t.db,
            sql`SELECT id FROM ledger_transfers WHERE street_id = ${STREET} AND idempotency_key = ${key}`,
          );
          expect(tr?.id).toBe(id);
        }
      }),
      { numRuns: 25 },
    );
    expect(acknowledged).toBeGreaterThan(25);
    // Every account's chain (the ledger's own audit, written under concurrent posting) verifies,
    // and no audit_log row is written per transfer any more.
    const chain = await verifyLedgerChain(t.db, STREET);
    expect(chain).toMatchObject({ ok: true, brokenAccounts: [] });
    expect(chain.entries).toBeGreaterThanOrEqual(2 * acknowledged);
    const [audited] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('ledger.transfer', 'ledger.reversal')`,
    );
    expect(audited!.n).toBe(0);
  });

  it('keeps actor, time, old and new value and reason of each movement in the chain, and detects an edited or forged entry', async () => {
    const rollback = new Error('rollback');
    await expect(
      withTransaction(t.db, async (tx) => {
        const issuing = await systemAccountId(tx, STREET, 'issuing', 'points');
        const a = await personAccountId(tx, STREET, people[3]!, 'points');
        const before = await balanceOf(tx, a);
        const [actor] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM accounts ORDER BY id LIMIT 1`);
        const moved = await transfer(tx, {
          streetId: STREET,
          currency: 'points',
          fromAccountId: issuing,
          toAccountId: a,
          amount: 7,
          idempotencyKey: 'chain-audit-1',
          kind: 'adjust',
          memo: '补记 "quoted" \\ reason\nline ཀ',
          actorAccountId: actor!.id,
        });
        const [row] = await queryRows<{
          actor_account_id: string;
          old_value: number | string;
          new_value: number | string;
          reason: string;
          at: Date;
        }>(
          tx,
          sql`SELECT actor_account_id, old_value, new_value, reason, at FROM ledger_audit WHERE transfer_id = ${moved.transferId} AND entity_id = ${a}`,
        );
        expect(row).toMatchObject({ actor_account_id: actor!.id, reason: '补记 "quoted" \\ reason\nline ཀ' });
        expect([Number(row!.old_value), Number(row!.new_value)]).toEqual([before, before + 7]);
        expect((await verifyLedgerChain(tx, STREET)).ok).toBe(true);
        // A forged entry (not chained) and an edited memo (triggers off, as only a superuser could) are both caught.
        await tx.execute(sql`ALTER TABLE ledger_transfers DISABLE TRIGGER ledger_transfers_append_only`);
        await tx.execute(sql`UPDATE ledger_transfers SET memo = 'edited' WHERE id = ${moved.transferId}`);
        expect((await verifyLedgerChain(tx, STREET)).brokenAccounts).toEqual([issuing, a].sort());
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    await expect(
      withTransaction(t.db, async (tx) => {
        const a = await personAccountId(tx, STREET, people[4]!, 'points');
        const [tr] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM ledger_transfers WHERE street_id = ${STREET} LIMIT 1`);
        await tx.execute(
          sql`INSERT INTO ledger_entries (account_id, transfer_id, delta, balance_after, prev_hash, hash) VALUES (${a}, ${tr!.id}, 1, 1, 'genesis', 'forged')`,
        );
        expect((await verifyLedgerChain(tx, STREET)).brokenAccounts).toContain(a);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect((await verifyLedgerChain(t.db, STREET)).ok).toBe(true);
  });

  it('refuses a transfer that would take a person below zero and changes nothing', async () => {
    await withTransaction(t.db, async (tx) => {
      const a = await personAccountId(tx, STREET, people[0]!, 'points');
      const sink = await systemAccountId(tx, STREET, 'rewards_sink', 'points');
      const before = await balanceOf(tx, a);
      await expect(
        transfer(tx, {
          streetId: STREET,
          currency: 'points',
          fromAccountId: a,
          toAccountId: sink,
          amount: before + 1,
          idempotencyKey: 'too-much',
          kind: 'redeem',
        }),
      ).rejects.toMatchObject({ code: 'insufficient_balance' });
      expect(await balanceOf(tx, a)).toBe(before);
    });
  });

  it('answers 409 idempotency_key_reused for the same key with another amount', async () => {
    await withTransaction(t.db, async (tx) => {
      const issuing = await systemAccountId(tx, STREET, 'issuing', 'points');
      const a = await personAccountId(tx, STREET, people[1]!, 'points');
      const first = await transfer(tx, {
        streetId: STREET,
        currency: 'points',
        fromAccountId: issuing,
        toAccountId: a,
        amount: 5,
        idempotencyKey: 'reuse-1',
        kind: 'adjust',
      });
      const again = await transfer(tx, {
        streetId: STREET,
        currency: 'points',
        fromAccountId: issuing,
        toAccountId: a,
        amount: 5,
        idempotencyKey: 'reuse-1',
        kind: 'adjust',
      });
      expect(again).toEqual({ transferId: first.transferId, replayed: true });
      await expect(
        transfer(tx, {
          streetId: STREET,
          currency: 'points',
          fromAccountId: issuing,
          toAccountId: a,
          amount: 6,
          idempotencyKey: 'reuse-1',
          kind: 'adjust',
        }),
      ).rejects.toMatchObject({ code: 'idempotency_key_reused' });
    });
  });

  it('refuses to update or delete entries and transfers (append-only)', async () => {
    await expect(t.db.execute(sql`UPDATE ledger_entries SET delta = delta + 1`)).rejects.toThrow();
    await expect(t.db.execute(sql`DELETE FROM ledger_transfers`)).rejects.toThrow();
    expect((await checkLedgerInvariants(t.db)).ok).toBe(true);
  });

  it('reverses a transfer at most once', async () => {
    await withTransaction(t.db, async (tx) => {
      const issuing = await systemAccountId(tx, STREET, 'issuing', 'time_bank');
      const a = await personAccountId(tx, STREET, people[2]!, 'time_bank');
      const before = await balanceOf(tx, a);
      const tr = await transfer(tx, {
        streetId: STREET,
        currency: 'time_bank',
        fromAccountId: issuing,
        toAccountId: a,
        amount: 60,
        idempotencyKey: 'rev-once',
        kind: 'time_deposit',
      });
      await reverseTransfer(tx, { transferId: tr.transferId, idempotencyKey: 'rev-once-r1', reason: 'test' });
      expect(await balanceOf(tx, a)).toBe(before);
      await expect(reverseTransfer(tx, { transferId: tr.transferId, idempotencyKey: 'rev-once-r2', reason: 'test' })).rejects.toMatchObject(
        { code: 'conflict' },
      );
    });
  });
});
