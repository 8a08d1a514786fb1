import { bigint, bigserial, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// Tables of migrations/0009_ledger_records.sql (ledger, point rules, corrections, relations, time bank).

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const LEDGER_CURRENCIES = ['points', 'time_bank'] as const;
export const LEDGER_ACCOUNT_KINDS = ['person', 'issuing', 'rewards_sink', 'donation_pool', 'escrow'] as const;

export const ledgerAccounts = pgTable('ledger_accounts', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  ownerKind: text('owner_kind', { enum: ['person', 'system'] }).notNull(),
  ownerId: text('owner_id').notNull(),
  kind: text('kind', { enum: LEDGER_ACCOUNT_KINDS }).notNull(),
  currency: text('currency', { enum: LEDGER_CURRENCIES }).notNull(),
  floor: bigint('floor', { mode: 'number' }),
  balance: bigint('balance', { mode: 'number' }).notNull().default(0),
  version: integer('version').notNull().default(1),
  /** The hash of the account's newest entry ('genesis' before the first): the head of its chain. */
  lastHash: text('last_hash').notNull().default('genesis'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const ledgerTransfers = pgTable('ledger_transfers', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  idempotencyKey: text('idempotency_key').notNull(),
  fromAccountId: text('from_account_id').notNull(),
  toAccountId: text('to_account_id').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  currency: text('currency', { enum: LEDGER_CURRENCIES }).notNull(),
  kind: text('kind').notNull(),
  refType: text('ref_type'),
  refId: text('ref_id'),
  memo: text('memo'),
  actorAccountId: text('actor_account_id'),
  reversesTransferId: text('reverses_transfer_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const ledgerEntries = pgTable('ledger_entries', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  accountId: text('account_id').notNull(),
  transferId: text('transfer_id').notNull(),
  delta: bigint('delta', { mode: 'number' }).notNull(),
  balanceAfter: bigint('balance_after', { mode: 'number' }).notNull(),
  /** Per-account hash chain (modules/ledger/chain.ts): the ledger is its own audit log for value movements. */
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const pointRules = pgTable('point_rules', {
  streetId: text('street_id').primaryKey(),
  pointsPerHour: integer('points_per_hour').notNull().default(10),
  focusGroupBonusPerHour: integer('focus_group_bonus_per_hour').notNull().default(5),
  partyCommunityBonusPerHour: integer('party_community_bonus_per_hour').notNull().default(10),
  coinMinutesPerHour: integer('coin_minutes_per_hour').notNull().default(60),
  depositCapHours: integer('deposit_cap_hours').notNull().default(1500),
  withdrawMinAge: integer('withdraw_min_age').notNull().default(60),
  withdrawalTimeoutDays: integer('withdrawal_timeout_days').notNull().default(14),
  correctionDeadlineWorkingDays: integer('correction_deadline_working_days').notNull().default(10),
  starThresholdsHours: integer('star_thresholds_hours').array().notNull().default([100, 300, 600, 1000, 1500]),
  updatedByAccountId: text('updated_by_account_id'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const CORRECTION_KINDS = ['correction', 'zeroing', 'appeal'] as const;
export const CORRECTION_STATUSES = ['pending', 'accepted', 'rejected', 'applied'] as const;

export const serviceRecordCorrections = pgTable('service_record_corrections', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  recordId: text('record_id').notNull(),
  kind: text('kind', { enum: CORRECTION_KINDS }).notNull(),
  requestedByAccountId: text('requested_by_account_id').notNull(),
  oldMinutes: integer('old_minutes').notNull(),
  requestedMinutes: integer('requested_minutes'),
  newMinutes: integer('new_minutes'),
  reason: text('reason').notNull(),
  status: text('status', { enum: CORRECTION_STATUSES }).notNull().default('pending'),
  resolutionReason: text('resolution_reason'),
  resolvedByAccountId: text('resolved_by_account_id'),
  resolvedAt: ts('resolved_at'),
  dueAt: ts('due_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const FAMILY_RELATIONS = ['spouse', 'parent', 'child', 'grandparent', 'grandchild', 'sibling'] as const;

export const familyRelations = pgTable(
  'family_relations',
  {
    streetId: text('street_id').notNull(),
    personId: text('person_id').notNull(),
    relativePersonId: text('relative_person_id').notNull(),
    relation: text('relation', { enum: FAMILY_RELATIONS }).notNull(),
    recordedByAccountId: text('recorded_by_account_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.relativePersonId] })],
);

export const WITHDRAWAL_STATUSES = ['escrowed', 'released', 'refunded'] as const;

export const timeBankWithdrawals = pgTable('time_bank_withdrawals', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  holderPersonId: text('holder_person_id').notNull(),
  beneficiaryPersonId: text('beneficiary_person_id').notNull(),
  requestedByAccountId: text('requested_by_account_id').notNull(),
  minutes: integer('minutes').notNull(),
  serviceItemId: text('service_item_id').notNull(),
  description: text('description').notNull(),
  demandId: text('demand_id'),
  status: text('status', { enum: WITHDRAWAL_STATUSES }).notNull().default('escrowed'),
  escrowTransferId: text('escrow_transfer_id').notNull(),
  settleTransferId: text('settle_transfer_id'),
  servingVolunteerId: text('serving_volunteer_id'),
  expiresAt: ts('expires_at').notNull(),
  settledAt: ts('settled_at'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
});
