import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';

// The ledger is its own append-only, tamper-evident audit log for value movements (DR-23): every
// entry is chained per ACCOUNT. `ledger_post` (migration 0009) computes the hashes under the
// account's row lock; this file computes the same text and hash in TypeScript (the demo seed, the
// verifier). Per entry: actor, time, old value (balance_after − delta), new value (balance_after) and
// reason (kind, memo) are all inside the hash.

export interface ChainEntry {
  accountId: string;
  delta: number;
  balanceAfter: number;
}

export interface ChainTransfer {
  id: string;
  streetId: string;
  idempotencyKey: string;
  fromAccountId: string;
  toAccountId: string;
  amount: number;
  currency: string;
  kind: string;
  refType: string | null;
  refId: string | null;
  memo: string | null;
  actorAccountId: string | null;
  reversesTransferId: string | null;
  /** Millisecond precision (ledger_post truncates it). */
  at: Date;
}

/** JSON text of a string/number/null exactly as PostgreSQL's json_build_array writes an element. */
const j = (v: string | number | null): string => JSON.stringify(v);

/**
 * sha256 hex of the JSON array [prevHash, account, delta, balanceAfter, transfer fields…, at] as
 * PostgreSQL's json_build_array(…)::text writes it (elements joined by ', ').
 */
export function entryHash(prevHash: string, e: ChainEntry, t: ChainTransfer): string {
  const payload = `[${[
    j(prevHash),
    j(e.accountId),
    j(e.delta),
    j(e.balanceAfter),
    j(t.id),
    j(t.streetId),
    j(t.idempotencyKey),
    j(t.fromAccountId),
    j(t.toAccountId),
    j(t.amount),
    j(t.currency),
    j(t.kind),
    j(t.refType),
    j(t.refId),
    j(t.memo),
    j(t.actorAccountId),
    j(t.reversesTransferId),
    j(t.at.toISOString()),
  ].join(', ')}]`;
  return crypto.createHash('sha256').update(payload).digest('hex');
}

interface ChainRow {
  entry_id: number | string;
  account_id: string;
  delta: number | string;
  balance_after: number | string;
  prev_hash: string;
  hash: string;
  created_at: Date | string;
  transfer_id: string;
  street_id: string;
  idempotency_key: string;
  from_account_id: string;
  to_account_id: string;
  amount: number | string;
  currency: string;
  kind: string;
  ref_type: string | null;
  ref_id: string | null;
  memo: string | null;
  actor_account_id: string | null;
  reverses_transfer_id: string | null;
  last_hash: string;
}

export interface LedgerChainReport {
  /** Accounts whose chain does not verify (an entry edited, inserted or removed; or the head differs). */
  brokenAccounts: string[];
  /** Entries checked. */
  entries: number;
  ok: boolean;
}

/**
 * Recomputes every account's chain (of one street, or all): each entry's prev_hash is the previous
 * entry's hash ('genesis' first), each hash matches its row and transfer, and the account's
 * `last_hash` is its newest entry's hash.
 */
export async function verifyLedgerChain(tx: Tx, streetId?: string): Promise<LedgerChainReport> {
  const street = streetId ? sql`WHERE a.street_id = ${streetId}` : sql``;
  const rows = await queryRows<ChainRow>(
    tx,
    sql`SELECT e.id AS entry_id, e.account_id, e.delta, e.balance_after, e.prev_hash, e.hash, e.created_at,
               t.id AS transfer_id, t.street_id, t.idempotency_key, t.from_account_id, t.to_account_id, t.amount, t.currency, t.kind,
               t.ref_type, t.ref_id, t.memo, t.actor_account_id, t.reverses_transfer_id, a.last_hash
          FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id JOIN ledger_transfers t ON t.id = e.transfer_id
          ${street}
         ORDER BY e.account_id, e.id`,
  );
  const heads = await queryRows<{ id: string; last_hash: string }>(tx, sql`SELECT a.id, a.last_hash FROM ledger_accounts a ${street}`);
  const broken = new Set<string>();
  const prevOf = new Map<string, string>();
  for (const r of rows) {
    const prev = prevOf.get(r.account_id) ?? 'genesis';
    const hash = entryHash(
      prev,
      { accountId: r.account_id, delta: Number(r.delta), balanceAfter: Number(r.balance_after) },
      {
        id: r.transfer_id,
        streetId: r.street_id,
        idempotencyKey: r.idempotency_key,
        fromAccountId: r.from_account_id,
        toAccountId: r.to_account_id,
        amount: Number(r.amount),
        currency: r.currency,
        kind: r.kind,
        refType: r.ref_type,
        refId: r.ref_id,
        memo: r.memo,
        actorAccountId: r.actor_account_id,
        reversesTransferId: r.reverses_transfer_id,
        at: new Date(r.created_at),
      },
    );
    if (r.prev_hash !== prev || r.hash !== hash) broken.add(r.account_id);
    prevOf.set(r.account_id, r.hash);
  }
  for (const h of heads) if ((prevOf.get(h.id) ?? 'genesis') !== h.last_hash) broken.add(h.id);
  const brokenAccounts = [...broken].sort();
  return { brokenAccounts, entries: rows.length, ok: brokenAccounts.length === 0 };
}
