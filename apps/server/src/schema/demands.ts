import { bigserial, boolean, date, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { DEMAND_CHANNELS, DEMAND_OFFER_STATUSES, DEMAND_STATUSES, DEMAND_URGENCIES } from '@duodi/contracts';

// Tables of migrations/0005_demands.sql and 0008_dispatch_menu.sql.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const serviceItems = pgTable(
  'service_items',
  {
    id: text('id').notNull(),
    streetId: text('street_id').notNull(),
    name: text('name').notNull(),
    nameBo: text('name_bo'),
    nameEn: text('name_en'),
    category: text('category').notNull(),
    skills: text('skills').array().notNull().default([]),
    languages: text('languages').array().notNull().default([]),
    typicalMinutes: integer('typical_minutes').notNull(),
    volunteersNeeded: integer('volunteers_needed').notNull().default(1),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    description: text('description'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.streetId, t.id] })],
);

export const demands = pgTable('demands', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  communityId: text('community_id').notNull(),
  gridId: text('grid_id').notNull(),
  serviceItemId: text('service_item_id').notNull(),
  description: text('description').notNull(),
  requesterAccountId: text('requester_account_id'),
  requesterPersonId: text('requester_person_id'),
  beneficiaryPersonId: text('beneficiary_person_id'),
  channel: text('channel', { enum: DEMAND_CHANNELS }).notNull().default('app'),
  urgency: text('urgency', { enum: DEMAND_URGENCIES }).notNull().default('normal'),
  status: text('status', { enum: DEMAND_STATUSES }).notNull().default('submitted'),
  teamId: text('team_id'),
  volunteersNeeded: integer('volunteers_needed').notNull().default(1),
  acceptedCount: integer('accepted_count').notNull().default(0),
  preferredStart: ts('preferred_start'),
  preferredEnd: ts('preferred_end'),
  slaDueAt: ts('sla_due_at'),
  rating: smallint('rating'),
  ratingComment: text('rating_comment'),
  reworkCount: integer('rework_count').notNull().default(0),
  feeFlag: boolean('fee_flag').notNull().default(false),
  feeWords: text('fee_words').array().notNull().default([]),
  emergencyKind: text('emergency_kind'),
  rejectReason: text('reject_reason'),
  cancelReason: text('cancel_reason'),
  followUp: text('follow_up'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const demandHistory = pgTable('demand_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  streetId: text('street_id').notNull(),
  demandId: text('demand_id').notNull(),
  action: text('action').notNull(),
  fromStatus: text('from_status', { enum: DEMAND_STATUSES }),
  toStatus: text('to_status', { enum: DEMAND_STATUSES }).notNull(),
  at: ts('at').notNull().defaultNow(),
  byAccountId: text('by_account_id'),
  note: text('note'),
});

export const demandVolunteers = pgTable(
  'demand_volunteers',
  {
    demandId: text('demand_id').notNull(),
    volunteerId: text('volunteer_id').notNull(),
    streetId: text('street_id').notNull(),
    acceptedAt: ts('accepted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.demandId, t.volunteerId] })],
);

export const serviceRecords = pgTable('service_records', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  volunteerId: text('volunteer_id').notNull(),
  demandId: text('demand_id'),
  activityId: text('activity_id'),
  teamId: text('team_id'),
  communityId: text('community_id'),
  servedOn: date('served_on').notNull(),
  place: text('place'),
  content: text('content').notNull(),
  signinAt: ts('signin_at'),
  signinGeo: text('signin_geo'),
  signoutAt: ts('signout_at'),
  signoutGeo: text('signout_geo'),
  creditedMinutes: integer('credited_minutes').notNull(),
  source: text('source', { enum: ['demand', 'auto', 'backfill', 'import'] }).notNull(),
  reason: text('reason'),
  approverAccountId: text('approver_account_id'),
  evidence: text('evidence').array().notNull().default([]),
  evaluation: text('evaluation'),
  complaintFlag: boolean('complaint_flag').notNull().default(false),
  status: text('status', { enum: ['pending', 'verified', 'rejected'] }).notNull().default('pending'),
  decidedAt: ts('decided_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  // 0009 (records module): who created / decided it, what was credited, complaint zeroing.
  createdByAccountId: text('created_by_account_id'),
  decidedByAccountId: text('decided_by_account_id'),
  decisionReason: text('decision_reason'),
  pointsCredited: integer('points_credited').notNull().default(0),
  coinsDeposited: integer('coins_deposited').notNull().default(0),
  coinsOverCap: integer('coins_over_cap').notNull().default(0),
  creditSeq: integer('credit_seq').notNull().default(0),
  zeroedAt: ts('zeroed_at'),
  version: integer('version').notNull().default(1),
});

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    accountId: text('account_id').notNull(),
    key: text('key').notNull(),
    streetId: text('street_id').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.key] })],
);

/* ---------- 0008_dispatch_menu.sql ---------- */

export const serviceItemTeams = pgTable(
  'service_item_teams',
  {
    streetId: text('street_id').notNull(),
    serviceItemId: text('service_item_id').notNull(),
    teamId: text('team_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.streetId, t.serviceItemId, t.teamId] })],
);

export const serviceItemCommunityOff = pgTable(
  'service_item_community_off',
  {
    streetId: text('street_id').notNull(),
    serviceItemId: text('service_item_id').notNull(),
    communityId: text('community_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.streetId, t.serviceItemId, t.communityId] })],
);

export const dispatchPlans = pgTable('dispatch_plans', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  createdByAccountId: text('created_by_account_id').notNull(),
  communityId: text('community_id'),
  teamId: text('team_id'),
  demandCount: integer('demand_count').notNull(),
  offerCount: integer('offer_count').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const demandOffers = pgTable('demand_offers', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  demandId: text('demand_id').notNull(),
  volunteerId: text('volunteer_id').notNull(),
  teamId: text('team_id').notNull(),
  status: text('status', { enum: DEMAND_OFFER_STATUSES }).notNull().default('offered'),
  planId: text('plan_id'),
  offeredByAccountId: text('offered_by_account_id'),
  declineReason: text('decline_reason'),
  createdAt: ts('created_at').notNull().defaultNow(),
  decidedAt: ts('decided_at'),
});

export const volunteerNoShows = pgTable('volunteer_no_shows', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  demandId: text('demand_id').notNull(),
  volunteerId: text('volunteer_id').notNull(),
  recordedByAccountId: text('recorded_by_account_id').notNull(),
  note: text('note'),
  at: ts('at').notNull().defaultNow(),
});
