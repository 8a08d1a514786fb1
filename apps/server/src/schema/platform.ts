import { bigserial, boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const accounts = pgTable('accounts', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  personId: text('person_id').notNull(),
  phoneHash: text('phone_hash').notNull(),
  passwordHash: text('password_hash').notNull(),
  status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
  language: text('language', { enum: ['zh-CN', 'bo', 'en'] }).notNull().default('zh-CN'),
  elderlyMode: boolean('elderly_mode').notNull().default(false),
  lastLoginAt: ts('last_login_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const roleAssignments = pgTable('role_assignments', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  accountId: text('account_id').notNull(),
  role: text('role', {
    enum: ['street_admin', 'community_admin', 'grid_worker', 'team_leader', 'volunteer', 'party_member', 'resident', 'unit_admin', 'merchant'],
  }).notNull(),
  scopeType: text('scope_type', { enum: ['street', 'community', 'grid', 'team', 'unit'] }).notNull(),
  scopeId: text('scope_id').notNull(),
  grantedBy: text('granted_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  revokedAt: ts('revoked_at'),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  accountId: text('account_id').notNull(),
  streetId: text('street_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  revokedAt: ts('revoked_at'),
});

export const loginThrottle = pgTable('login_throttle', {
  phoneHash: text('phone_hash').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: ts('last_failure_at'),
  lockedUntil: ts('locked_until'),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  streetId: text('street_id').notNull(),
  actorAccountId: text('actor_account_id'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  oldValue: jsonb('old_value'),
  newValue: jsonb('new_value'),
  reason: text('reason'),
  at: ts('at').notNull().defaultNow(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const accessLog = pgTable('access_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  streetId: text('street_id').notNull(),
  actorAccountId: text('actor_account_id').notNull(),
  personId: text('person_id').notNull(),
  field: text('field').notNull(),
  purpose: text('purpose'),
  at: ts('at').notNull().defaultNow(),
});

export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
