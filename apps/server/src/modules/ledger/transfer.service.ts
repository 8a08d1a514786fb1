import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
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

type Outcome = 'posted' | 'replayed' | 'key_reused' | 'insufficient' | 'not_found' | 'currency' | 'already_reversed';

async function post(tx: Tx, input: TransferInput, reverses: string | null): Promise<TransferResult> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new AppError('validation_failed', {}, { fields: [{ field: 'amount', key: 'invalid_format' }] });
  }
  if (input.fromAccountId === input.toAccountId) {
    throw new AppError('validation_failed', {}, { fields: [{ field: 'toAccountId', key: 'invalid_format' }] });
  }
  // One round trip: account locks (id order), floor check, transfer with its key (a replay answers
  // the first transfer), entries chained per account, balances (migration 0009 ledger_post).
  const transferId = `ltr_${crypto.randomUUID()}`;
  const [row] = await queryRows<{ outcome: Outcome; transfer_id: string | null }>(
    tx,
    sql`SELECT outcome, transfer_id FROM ledger_post(${transferId}, ${input.streetId}, ${input.idempotencyKey}, ${input.fromAccountId},
        ${input.toAccountId}, ${input.amount}::bigint, ${input.currency}, ${input.kind}, ${input.refType ?? null}, ${input.refId ?? null},
        ${input.memo ? input.memo : null}, ${input.actorAccountId ?? null}, ${reverses})`,
  );
  switch (row?.outcome) {
    case 'posted':
      return { transferId, replayed: false };
    case 'replayed':
      return { transferId: row.transfer_id!, replayed: true };
    case 'key_reused':
      throw new AppError('idempotency_key_reused');
    case 'insufficient':
      throw new AppError('insufficient_balance');
    case 'not_found':
      throw new AppError('not_found');
    default:
      throw new AppError('conflict');
  }
}

/**
 * Moves `amount` from one account to another in the caller's transaction: both accounts locked in id
 * order, the floor checked, one transfer row and two entries appended (each chained to its account's
 * previous entry: the ledger is the audit log of value movements, DR-23), the cached balances updated.
 * The same idempotency key again answers `replayed: true` and moves nothing;
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
