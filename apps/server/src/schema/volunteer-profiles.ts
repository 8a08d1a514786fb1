import { bigserial, date, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';

// Tables of migrations/0002_volunteer_profiles.sql.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const volunteerAvailability = pgTable(
  'volunteer_availability',
  {
    volunteerId: text('volunteer_id').notNull(),
    streetId: text('street_id').notNull(),
    weekday: smallint('weekday').notNull(),
    fromMinute: integer('from_minute').notNull(),
    toMinute: integer('to_minute').notNull(),
  },
  (t) => [primaryKey({ columns: [t.volunteerId, t.weekday, t.fromMinute] })],
);

export const volunteerGuardians = pgTable('volunteer_guardians', {
  volunteerId: text('volunteer_id').primaryKey(),
  streetId: text('street_id').notNull(),
  name: text('name'),
  phoneEnc: text('phone_enc'),
  phoneHash: text('phone_hash'),
  phoneMasked: text('phone_masked'),
  consentAt: ts('consent_at').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const CONSENT_KINDS = ['privacy_policy', 'sensitive_data', 'public_display', 'guardian'] as const;

export const consents = pgTable('consents', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  streetId: text('street_id').notNull(),
  personId: text('person_id').notNull(),
  kind: text('kind', { enum: CONSENT_KINDS }).notNull(),
  version: text('version').notNull(),
  givenAt: ts('given_at').notNull().defaultNow(),
  recordedByAccountId: text('recorded_by_account_id'),
  withdrawnAt: ts('withdrawn_at'),
});

export const insuranceRecords = pgTable('insurance_records', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  volunteerId: text('volunteer_id').notNull(),
  insurer: text('insurer').notNull(),
  policyNo: text('policy_no').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }).notNull(),
  createdByAccountId: text('created_by_account_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const volunteerNumberCounters = pgTable('volunteer_number_counters', {
  streetId: text('street_id').primaryKey(),
  lastSerial: integer('last_serial').notNull(),
});

export const deletionRequests = pgTable('deletion_requests', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  personId: text('person_id').notNull(),
  accountId: text('account_id'),
  status: text('status', { enum: ['pending', 'completed'] }).notNull().default('pending'),
  requestedAt: ts('requested_at').notNull().defaultNow(),
  completedAt: ts('completed_at'),
  completedByAccountId: text('completed_by_account_id'),
});
