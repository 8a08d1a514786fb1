import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';

export interface LedgerInvariantReport {
  /** Currencies whose account balances do not sum to zero. */
  unbalancedCurrencies: string[];
  /** Accounts whose balance is below their floor. */
  belowFloor: string[];
  /** Accounts whose cached balance differs from the sum of their entries. */
  cacheMismatch: string[];
  /** Transfers that do not have exactly two entries summing to zero. */
  badTransfers: string[];
  ok: boolean;
}

/**
 * Checks the ledger's invariants over all streets (or one): per currency the balances sum to zero,
 * no account is below its floor, every cached balance equals the sum of its entries, every transfer
 * has two entries (−amount, +amount). Used by tests, the crash test and the benchmark.
 */
export async function checkLedgerInvariants(tx: Tx, streetId?: string): Promise<LedgerInvariantReport> {
  const street = streetId ? sql`AND a.street_id = ${streetId}` : sql``;
  const unbalanced = await queryRows<{ k: string }>(
    tx,
    sql`SELECT a.street_id || ':' || a.currency AS k FROM ledger_accounts a WHERE true ${street} GROUP BY a.street_id, a.currency HAVING sum(a.balance) <> 0`,
  );
  const belowFloor = await queryRows<{ id: string }>(
    tx,
    sql`SELECT a.id FROM ledger_accounts a WHERE a.floor IS NOT NULL AND a.balance < a.floor ${street}`,
  );
  const mismatch = await queryRows<{ id: string }>(
    tx,
    sql`SELECT a.id FROM ledger_accounts a LEFT JOIN (SELECT account_id, sum(delta) AS s FROM ledger_entries GROUP BY account_id) e ON e.account_id = a.id
        WHERE a.balance <> coalesce(e.s, 0) ${street}`,
  );
  const streetT = streetId ? sql`AND t.street_id = ${streetId}` : sql``;
  const bad = await queryRows<{ id: string }>(
    tx,
    sql`SELECT t.id FROM ledger_transfers t LEFT JOIN ledger_entries e ON e.transfer_id = t.id WHERE true ${streetT}
        GROUP BY t.id, t.amount, t.from_account_id, t.to_account_id
        HAVING count(e.id) <> 2 OR coalesce(sum(e.delta), 1) <> 0
            OR coalesce(sum(e.delta) FILTER (WHERE e.account_id = t.to_account_id), 0) <> t.amount
            OR coalesce(sum(e.delta) FILTER (WHERE e.account_id = t.from_account_id), 0) <> -t.amount`,
  );
  const report = {
    unbalancedCurrencies: unbalanced.map((r) => r.k),
    belowFloor: belowFloor.map((r) => r.id),
    cacheMismatch: mismatch.map((r) => r.id),
    badTransfers: bad.map((r) => r.id),
  };
  return { ...report, ok: Object.values(report).every((v) => v.length === 0) };
}
