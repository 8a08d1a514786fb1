import { z } from 'zod';
import { IdSchema, PageQuerySchema } from './schemas.js';

/* ---------- the ledger (points and time-bank coins) ---------- */

export const LEDGER_CURRENCIES = ['points', 'time_bank'] as const;
export type LedgerCurrency = (typeof LEDGER_CURRENCIES)[number];

/**
 * What moved value (the transfer's kind); the web shows a label per type. `time_bank` amounts are
 * coin-minutes (1 verified hour = 60).
 */
export const LEDGER_ENTRY_TYPES = [
  'service_earned',
  'time_deposit',
  'redeem',
  'redeem_refund',
  'adjust',
  'gift_out',
  'donation',
  'escrow_freeze',
  'escrow_release',
  'escrow_refund',
  'reversal',
] as const;

/** `GET /ledger/accounts/me` → items: the caller's own accounts (created on first use, balance 0). */
export const LedgerAccountSchema = z.object({
  id: z.string(),
  kind: z.enum(LEDGER_CURRENCIES),
  balance: z.number().int(),
});
export type LedgerAccount = z.infer<typeof LedgerAccountSchema>;

/** One line of an account's history (`GET /ledger/accounts/{id}/entries`), newest first. */
export const LedgerEntrySchema = z.object({
  id: z.string(),
  transferId: z.string(),
  /** The transfer's kind (LEDGER_ENTRY_TYPES, or another kind a module posts). */
  type: z.string(),
  /** Signed: + into the account, − out of it. */
  delta: z.number().int(),
  balanceAfter: z.number().int(),
  refType: z.string().nullable(),
  refId: z.string().nullable(),
  memo: z.string().nullable(),
  /** Whether this line was later undone by a reversal. */
  reversed: z.boolean(),
  at: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

export const LedgerEntriesQuerySchema = PageQuerySchema;

/* ---------- time bank (DR-13) ---------- */

const coinMinutes = z.number().int().min(1).max(90_000);

/** `POST /time-bank/transfers` + Idempotency-Key: to a registered relative of the same household. */
export const TimeBankTransferBodySchema = z.object({ toPersonId: IdSchema, minutes: coinMinutes }).strict();
export type TimeBankTransferBody = z.infer<typeof TimeBankTransferBodySchema>;

/** `POST /time-bank/donations` + Idempotency-Key: to the street's public pool. */
export const TimeBankDonationBodySchema = z.object({ minutes: coinMinutes }).strict();
export type TimeBankDonationBody = z.infer<typeof TimeBankDonationBodySchema>;

export const TimeBankMoveSchema = z.object({ transferId: z.string(), minutes: z.number().int(), balance: z.number().int() });
export type TimeBankMove = z.infer<typeof TimeBankMoveSchema>;

export const TIME_BANK_WITHDRAWAL_STATUSES = ['escrowed', 'released', 'refunded'] as const;

/**
 * `POST /time-bank/withdrawals` + Idempotency-Key: spend coins on a service for the holder or a
 * registered relative (`beneficiaryPersonId`, default the holder); one of them must be at least the
 * street's withdraw_min_age. The coins are frozen and a demand is created.
 */
export const TimeBankWithdrawalBodySchema = z
  .object({
    minutes: z.number().int().min(1).max(6000),
    serviceItemId: IdSchema,
    description: z.string().trim().min(2).max(500),
    beneficiaryPersonId: IdSchema.optional(),
  })
  .strict();
export type TimeBankWithdrawalBody = z.infer<typeof TimeBankWithdrawalBodySchema>;

export const TimeBankWithdrawalSchema = z.object({
  id: z.string(),
  status: z.enum(TIME_BANK_WITHDRAWAL_STATUSES),
  minutes: z.number().int(),
  holderPersonId: z.string(),
  beneficiaryPersonId: z.string(),
  serviceItemId: z.string(),
  description: z.string(),
  demandId: z.string().nullable(),
  servingVolunteerId: z.string().nullable(),
  expiresAt: z.string(),
  settledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TimeBankWithdrawal = z.infer<typeof TimeBankWithdrawalSchema>;

export const FAMILY_RELATION_KINDS = ['spouse', 'parent', 'child', 'grandparent', 'grandchild', 'sibling'] as const;

/** `GET /time-bank/relatives`: the caller's registered relatives (transfer targets). */
export const TimeBankRelativeSchema = z.object({ personId: z.string(), name: z.string(), relation: z.enum(FAMILY_RELATION_KINDS) });
export type TimeBankRelative = z.infer<typeof TimeBankRelativeSchema>;

/** `POST /time-bank/relations` (community staff of the household): record a relation after checking documents. */
export const FamilyRelationBodySchema = z
  .object({ personId: IdSchema, relativePersonId: IdSchema, relation: z.enum(FAMILY_RELATION_KINDS) })
  .strict()
  .refine((v) => v.personId !== v.relativePersonId, { message: 'invalid_format', path: ['relativePersonId'] });
export type FamilyRelationBody = z.infer<typeof FamilyRelationBodySchema>;
