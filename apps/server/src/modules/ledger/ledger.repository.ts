import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';

export interface AccountRow {
  id: string;
  street_id: string;
  owner_kind: string;
  owner_id: string;
  currency: 'points' | 'time_bank';
  balance: number | string;
}

export async function findAccount(tx: Tx, streetId: string, id: string): Promise<AccountRow | undefined> {
  const [row] = await queryRows<AccountRow>(
    tx,
    sql`SELECT id, street_id, owner_kind, owner_id, currency, balance FROM ledger_accounts WHERE street_id = ${streetId} AND id = ${id}`,
  );
  return row;
}

export interface EntryRow {
  id: number | string;
  transfer_id: string;
  kind: string;
  delta: number | string;
  balance_after: number | string;
  ref_type: string | null;
  ref_id: string | null;
  memo: string | null;
  reversed: boolean;
  created_at: Date | string;
}

/** An account's entries, newest first, keyset-paginated on the entry id. */
export async function entriesOf(tx: Tx, accountId: string, beforeId: number | undefined, limit: number): Promise<EntryRow[]> {
  const before = beforeId !== undefined ? sql`AND e.id < ${beforeId}` : sql``;
  return queryRows<EntryRow>(
    tx,
    sql`SELECT e.id, e.transfer_id, t.kind, e.delta, e.balance_after, t.ref_type, t.ref_id, t.memo, e.created_at,
               EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.reverses_transfer_id = t.id) AS reversed
          FROM ledger_entries e JOIN ledger_transfers t ON t.id = e.transfer_id
         WHERE e.account_id = ${accountId} ${before}
         ORDER BY e.id DESC LIMIT ${limit + 1}`,
  );
}
