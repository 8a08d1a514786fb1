import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';

/** `time_bank` amounts are coin-minutes: one verified hour deposits 60 (DR-13, rate configurable). */
export type Currency = 'points' | 'time_bank';
export type SystemAccountKind = 'issuing' | 'rewards_sink' | 'donation_pool' | 'escrow';

export interface TransferInput {
  streetId: string;
  currency: Currency;
  fromAccountId: string;
  toAccountId: string;
  /** Integer > 0, in points or coin-minutes. */
  amount: number;
  /** Unique per street: the same key never moves value twice. */
  idempotencyKey: string;
  kind: string;
  refType?: string;
  refId?: string;
  memo?: string;
  actorAccountId?: string | null;
}

export interface TransferResult {
  transferId: string;
  replayed: boolean;
}

interface AccountLockRow {
  id: string;
  street_id: string;
  currency: string;
  floor: number | string | null;
  balance: number | string;
}

interface TransferRow {
  id: string;
  street_id: string;
  from_account_id: string;
  to_account_id: string;
  amount: number | string;
  currency: string;
  kind: string;
  ref_type: string | null;
  ref_id: string | null;
  reverses_transfer_id: string | null;
}

const num = (v: number | string | null): number => Number(v);

async function findAccount(tx: Tx, streetId: string, kind: string, ownerId: string, currency: Currency): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM ledger_accounts WHERE street_id = ${streetId} AND kind = ${kind} AND owner_id = ${ownerId} AND currency = ${currency}`,
  );
  return row?.id;
}

async function ensureAccount(
  tx: Tx,
  streetId: string,
  ownerKind: 'person' | 'system',
  kind: string,
  ownerId: string,
  currency: Currency,
): Promise<string> {
  const found = await findAccount(tx, streetId, kind, ownerId, currency);
  if (found) return found;
  const floor = kind === 'issuing' ? null : 0;
  const [inserted] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO ledger_accounts (id, street_id, owner_kind, owner_id, kind, currency, floor)
        VALUES (${`lac_${crypto.randomUUID()}`}, ${streetId}, ${ownerKind}, ${ownerId}, ${kind}, ${currency}, ${floor})
        ON CONFLICT (street_id, kind, owner_id, currency) DO NOTHING RETURNING id`,
  );
  if (inserted) return inserted.id;
  // Another transaction created it at the same moment; its row is visible once it committed.
  const again = await findAccount(tx, streetId, kind, ownerId, currency);
  if (!again) throw new AppError('conflict');
  return again;
}

/** The person's account in a currency of the street, created on first use (floor 0). */
export function personAccountId(tx: Tx, streetId: string, personId: string, currency: Currency): Promise<string> {
  return ensureAccount(tx, streetId, 'person', 'person', personId, currency);
}

/** A street's system account: `issuing` (may go negative), `rewards_sink`, `donation_pool`, `escrow`. */
export function systemAccountId(tx: Tx, streetId: string, kind: SystemAccountKind, currency: Currency): Promise<string> {
  return ensureAccount(tx, streetId, 'system', kind, streetId, currency);
}

/**
 * Takes the street's audit-chain lock before any account lock. appendAudit locks the chain's tail
 * anyway; taking it first gives every value-moving transaction one lock order (audit tail, then
 * accounts by id), so a caller that audited before calling `transfer` cannot deadlock with one that did not.
 */
async function lockAuditTail(tx: Tx, streetId: string): Promise<void> {
  // After waiting, the locked row may no longer be the tail (the holder appended one): lock the newer
  // tail until the locked row is the newest, so that appendAudit later finds the same row locked.
  for (;;) {
    const [locked] = await queryRows<{ id: number }>(
      tx,
      sql`SELECT id FROM audit_log WHERE street_id = ${streetId} ORDER BY id DESC LIMIT 1 FOR UPDATE`,
    );
    if (!locked) return;
    const [newest] = await queryRows<{ id: number }>(tx, sql`SELECT max(id) AS id FROM audit_log WHERE street_id = ${streetId}`);
    if (Number(newest?.id) === Number(locked.id)) return;
  }
}

async function lockAccounts(tx: Tx, a: string, b: string): Promise<Map<string, AccountLockRow>> {
  const rows = await queryRows<AccountLockRow>(
    tx,
    sql`SELECT id, street_id, currency, floor, balance FROM ledger_accounts WHERE id IN (${a}, ${b}) ORDER BY id FOR UPDATE`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

async function findTransferByKey(tx: Tx, streetId: string, key: string): Promise<TransferRow | undefined> {
  const [row] = await queryRows<TransferRow>(
    tx,
    sql`SELECT id, street_id, from_account_id, to_account_id, amount, currency, kind, ref_type, ref_id, reverses_transfer_id
        FROM ledger_transfers WHERE street_id = ${streetId} AND idempotency_key = ${key}`,
  );
  return row;
}

function samePayload(row: TransferRow, input: TransferInput, reverses: string | null): boolean {
  return (
    row.from_account_id === input.fromAccountId &&
    row.to_account_id === input.toAccountId &&
    num(row.amount) === input.amount &&
    row.currency === input.currency &&
    row.kind === input.kind &&
    (row.ref_type ?? undefined) === input.refType &&
    (row.ref_id ?? undefined) === input.refId &&
    row.reverses_transfer_id === reverses
  );
}

async function post(tx: Tx, input: TransferInput, reverses: string | null): Promise<TransferResult> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new AppError('validation_failed', {}, { fields: [{ field: 'amount', key: 'invalid_format' }] });
  }
  if (input.fromAccountId === input.toAccountId) {
    throw new AppError('validation_failed', {}, { fields: [{ field: 'toAccountId', key: 'invalid_format' }] });
  }
  await lockAuditTail(tx, input.streetId);
  const accounts = await lockAccounts(tx, input.fromAccountId, input.toAccountId);
  const from = accounts.get(input.fromAccountId);
  const to = accounts.get(input.toAccountId);
  if (!from || !to || from.street_id !== input.streetId || to.street_id !== input.streetId) throw new AppError('not_found');
  if (from.currency !== input.currency || to.currency !== input.currency) throw new AppError('conflict');

  // Replays are answered before the balance check: a retried transfer that already moved value
  // must not fail because the value is gone now.
  const prior = await findTransferByKey(tx, input.streetId, input.idempotencyKey);
  if (prior) {
    if (!samePayload(prior, input, reverses)) throw new AppError('idempotency_key_reused');
    return { transferId: prior.id, replayed: true };
  }
  if (reverses) {
    const [other] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM ledger_transfers WHERE reverses_transfer_id = ${reverses}`);
    if (other) throw new AppError('conflict');
  }
  if (from.floor !== null && num(from.balance) - input.amount < num(from.floor)) throw new AppError('insufficient_balance');

  const transferId = `ltr_${crypto.randomUUID()}`;
  await tx.execute(
    sql`INSERT INTO ledger_transfers (id, street_id, idempotency_key, from_account_id, to_account_id, amount, currency, kind, ref_type, ref_id, memo, actor_account_id, reverses_transfer_id)
        VALUES (${transferId}, ${input.streetId}, ${input.idempotencyKey}, ${input.fromAccountId}, ${input.toAccountId}, ${input.amount}, ${input.currency}, ${input.kind},
                ${input.refType ?? null}, ${input.refId ?? null}, ${input.memo ?? null}, ${input.actorAccountId ?? null}, ${reverses})`,
  );
  await tx.execute(
    sql`WITH moved AS (
          UPDATE ledger_accounts
             SET balance = balance + CASE WHEN id = ${input.fromAccountId} THEN ${-input.amount}::bigint ELSE ${input.amount}::bigint END,
                 version = version + 1
           WHERE id IN (${input.fromAccountId}, ${input.toAccountId})
       RETURNING id, balance)
        INSERT INTO ledger_entries (account_id, transfer_id, delta, balance_after)
        SELECT moved.id, ${transferId}, CASE WHEN moved.id = ${input.fromAccountId} THEN ${-input.amount}::bigint ELSE ${input.amount}::bigint END, moved.balance
          FROM moved ORDER BY CASE WHEN moved.id = ${input.fromAccountId} THEN 0 ELSE 1 END`,
  );
  await appendAudit(tx, {
    streetId: input.streetId,
    actorAccountId: input.actorAccountId ?? null,
    action: reverses ? 'ledger.reversal' : 'ledger.transfer',
    entityType: 'ledger_transfer',
    entityId: transferId,
    newValue: {
      from: input.fromAccountId,
      to: input.toAccountId,
      amount: input.amount,
      currency: input.currency,
      kind: input.kind,
      refType: input.refType ?? null,
      refId: input.refId ?? null,
      reverses,
    },
    ...(input.memo ? { reason: input.memo } : {}),
  });
  return { transferId, replayed: false };
}

/**
 * Moves `amount` from one account to another in the caller's transaction: both accounts locked in id
 * order, the floor checked, one transfer row and two entries appended, the cached balances updated,
 * an audit row written. The same idempotency key again answers `replayed: true` and moves nothing;
 * with a different payload it is 409 idempotency_key_reused. A non-issuing account going below 0 is
 * 422 insufficient_balance.
 */
export function transfer(tx: Tx, input: TransferInput): Promise<TransferResult> {
  return post(tx, input, null);
}

/** Undoes a transfer by posting its mirror image (never by editing it); a transfer is reversed at most once (409 conflict). */
export async function reverseTransfer(
  tx: Tx,
  input: { transferId: string; idempotencyKey: string; reason: string; actorAccountId?: string | null },
): Promise<TransferResult> {
  const [orig] = await queryRows<TransferRow>(
    tx,
    sql`SELECT id, street_id, from_account_id, to_account_id, amount, currency, kind, ref_type, ref_id, reverses_transfer_id
        FROM ledger_transfers WHERE id = ${input.transferId}`,
  );
  if (!orig) throw new AppError('not_found');
  return post(
    tx,
    {
      streetId: orig.street_id,
      currency: orig.currency as Currency,
      fromAccountId: orig.to_account_id,
      toAccountId: orig.from_account_id,
      amount: num(orig.amount),
      idempotencyKey: input.idempotencyKey,
      kind: 'reversal',
      ...(orig.ref_type ? { refType: orig.ref_type } : {}),
      ...(orig.ref_id ? { refId: orig.ref_id } : {}),
      memo: input.reason,
      actorAccountId: input.actorAccountId ?? null,
    },
    orig.id,
  );
}

/** The cached balance of an account (equal to the sum of its entries). */
export async function balanceOf(tx: Tx, accountId: string): Promise<number> {
  const [row] = await queryRows<{ balance: number | string }>(tx, sql`SELECT balance FROM ledger_accounts WHERE id = ${accountId}`);
  if (!row) throw new AppError('not_found');
  return num(row.balance);
}

/** The balance of a person's account, 0 when it does not exist yet (does not create it). */
export async function personBalance(tx: Tx, streetId: string, personId: string, currency: Currency): Promise<number> {
  const [row] = await queryRows<{ balance: number | string }>(
    tx,
    sql`SELECT balance FROM ledger_accounts WHERE street_id = ${streetId} AND kind = 'person' AND owner_id = ${personId} AND currency = ${currency}`,
  );
  return row ? num(row.balance) : 0;
}
