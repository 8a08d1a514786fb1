import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 0006: 找回账号 requests (new phone encrypted + blind index + mask, new password as scrypt hash). */
export const recoveryRequests = pgTable('recovery_requests', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  personId: text('person_id').notNull(),
  communityId: text('community_id'),
  nameGiven: text('name_given').notNull(),
  nameMatches: boolean('name_matches').notNull(),
  phoneEnc: text('phone_enc').notNull(),
  phoneHash: text('phone_hash').notNull(),
  phoneMasked: text('phone_masked').notNull(),
  passwordHash: text('password_hash').notNull(),
  status: text('status', { enum: ['pending', 'approved', 'rejected', 'expired', 'superseded'] })
    .notNull()
    .default('pending'),
  reason: text('reason'),
  accountId: text('account_id'),
  decidedByAccountId: text('decided_by_account_id'),
  decidedAt: ts('decided_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
});

/** 0006: attempts per ID number / phone blind index in a 24-hour window. */
export const recoveryThrottle = pgTable('recovery_throttle', {
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull(),
  windowStart: ts('window_start').notNull(),
});
