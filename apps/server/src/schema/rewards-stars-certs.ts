import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 0010: partner merchants of the 爱心超市. */
export const merchants = pgTable('merchants', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  name: text('name').notNull(),
  nameBo: text('name_bo'),
  nameEn: text('name_en'),
  accountId: text('account_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const rewards = pgTable('rewards', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  communityId: text('community_id'),
  merchantId: text('merchant_id').notNull(),
  name: text('name').notNull(),
  nameBo: text('name_bo'),
  nameEn: text('name_en'),
  pointsCost: integer('points_cost').notNull(),
  stock: integer('stock').notNull(),
  minStar: integer('min_star').notNull().default(0),
  perPeriodLimit: integer('per_period_limit'),
  limitPeriod: text('limit_period', { enum: ['month', 'quarter', 'year'] })
    .notNull()
    .default('quarter'),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const redemptions = pgTable('redemptions', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  rewardId: text('reward_id').notNull(),
  merchantId: text('merchant_id').notNull(),
  volunteerId: text('volunteer_id').notNull(),
  accountId: text('account_id').notNull(),
  quantity: integer('quantity').notNull(),
  points: integer('points').notNull(),
  pickupCode: text('pickup_code').notNull(),
  status: text('status', { enum: ['pending_pickup', 'redeemed', 'cancelled'] })
    .notNull()
    .default('pending_pickup'),
  transferId: text('transfer_id'),
  refundTransferId: text('refund_transfer_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  redeemedAt: ts('redeemed_at'),
  redeemedBy: text('redeemed_by'),
  cancelledAt: ts('cancelled_at'),
  cancelledBy: text('cancelled_by'),
  cancelReason: text('cancel_reason'),
});

export const starSettings = pgTable('star_settings', {
  streetId: text('street_id').primaryKey(),
  blockYears: integer('block_years').notNull().default(2),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

export const starAwards = pgTable('star_awards', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  volunteerId: text('volunteer_id').notNull(),
  level: integer('level').notNull(),
  verifiedMinutes: integer('verified_minutes').notNull(),
  status: text('status', { enum: ['proposed', 'reviewed', 'on_notice', 'awarded', 'rejected', 'revoked'] })
    .notNull()
    .default('proposed'),
  proposedAt: ts('proposed_at').notNull().defaultNow(),
  reviewedAt: ts('reviewed_at'),
  reviewedBy: text('reviewed_by'),
  noticeStart: date('notice_start', { mode: 'string' }),
  noticeEnd: date('notice_end', { mode: 'string' }),
  awardedAt: ts('awarded_at'),
  awardedBy: text('awarded_by'),
  decidedReason: text('decided_reason'),
  revokedAt: ts('revoked_at'),
  revokedBy: text('revoked_by'),
  revokeReason: text('revoke_reason'),
  version: integer('version').notNull().default(1),
});

export const starObjections = pgTable('star_objections', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  awardId: text('award_id').notNull(),
  accountId: text('account_id').notNull(),
  text: text('text').notNull(),
  status: text('status', { enum: ['open', 'upheld', 'dismissed'] })
    .notNull()
    .default('open'),
  createdAt: ts('created_at').notNull().defaultNow(),
  resolvedAt: ts('resolved_at'),
  resolvedBy: text('resolved_by'),
  resolutionNote: text('resolution_note'),
});

export const starBlocks = pgTable('star_blocks', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  volunteerId: text('volunteer_id').notNull(),
  reason: text('reason').notNull(),
  blockedFrom: ts('blocked_from').notNull(),
  blockedUntil: ts('blocked_until').notNull(),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const certificates = pgTable('certificates', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  number: text('number').notNull(),
  volunteerId: text('volunteer_id').notNull(),
  language: text('language', { enum: ['zh', 'bo', 'bilingual'] })
    .notNull()
    .default('bilingual'),
  periodFrom: date('period_from', { mode: 'string' }),
  periodTo: date('period_to', { mode: 'string' }),
  verifiedMinutes: integer('verified_minutes').notNull(),
  star: integer('star').notNull().default(0),
  issuerKind: text('issuer_kind', { enum: ['community', 'street'] }).notNull(),
  issuerId: text('issuer_id').notNull(),
  issuerName: text('issuer_name').notNull(),
  content: jsonb('content').notNull(),
  contentHash: text('content_hash').notNull(),
  issuedAt: ts('issued_at').notNull(),
  issuedBy: text('issued_by'),
  revokedAt: ts('revoked_at'),
  revokedBy: text('revoked_by'),
  revokeReason: text('revoke_reason'),
});

export const certificateCounters = pgTable(
  'certificate_counters',
  {
    streetId: text('street_id').notNull(),
    year: integer('year').notNull(),
    lastNo: integer('last_no').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.streetId, t.year] })],
);

export const certificateIssuers = pgTable(
  'certificate_issuers',
  {
    streetId: text('street_id').notNull(),
    issuerKind: text('issuer_kind', { enum: ['community', 'street'] }).notNull(),
    issuerId: text('issuer_id').notNull(),
    name: text('name').notNull(),
    nameBo: text('name_bo'),
    creditCode: text('credit_code').notNull(),
    responsiblePerson: text('responsible_person').notNull(),
    contact: text('contact').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.streetId, t.issuerKind, t.issuerId] })],
);
