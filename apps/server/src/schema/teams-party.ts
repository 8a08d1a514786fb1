import { boolean, customType, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** bytea as a Node Buffer on both drivers (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

export const teamApplications = pgTable('team_applications', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  teamId: text('team_id').notNull(),
  volunteerId: text('volunteer_id').notNull(),
  message: text('message'),
  status: text('status', { enum: ['pending', 'approved', 'rejected', 'withdrawn'] }).notNull().default('pending'),
  reason: text('reason'),
  decidedByAccountId: text('decided_by_account_id'),
  decidedAt: ts('decided_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const teamInvitations = pgTable('team_invitations', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  teamId: text('team_id').notNull(),
  volunteerId: text('volunteer_id').notNull(),
  message: text('message'),
  status: text('status', { enum: ['pending', 'accepted', 'declined', 'cancelled'] }).notNull().default('pending'),
  invitedByAccountId: text('invited_by_account_id'),
  decidedAt: ts('decided_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const teamLogos = pgTable('team_logos', {
  teamId: text('team_id').primaryKey(),
  streetId: text('street_id').notNull(),
  contentType: text('content_type', { enum: ['image/png', 'image/jpeg', 'image/webp'] }).notNull(),
  bytes: bytea('bytes').notNull(),
  byteSize: integer('byte_size').notNull(),
  sha256: text('sha256').notNull(),
  uploadedByAccountId: text('uploaded_by_account_id'),
  uploadedAt: ts('uploaded_at').notNull().defaultNow(),
});

export const partyReports = pgTable('party_reports', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  volunteerId: text('volunteer_id').notNull(),
  communityId: text('community_id').notNull(),
  gridId: text('grid_id').notNull(),
  unitId: text('unit_id').notNull(),
  channel: text('channel', { enum: ['cloud', 'offline'] }).notNull().default('cloud'),
  status: text('status', { enum: ['pending', 'confirmed', 'rejected', 'superseded'] }).notNull().default('pending'),
  reason: text('reason'),
  prevPartyMember: boolean('prev_party_member').notNull().default(false),
  prevUnitId: text('prev_unit_id'),
  decidedByAccountId: text('decided_by_account_id'),
  decidedAt: ts('decided_at'),
  reportedAt: ts('reported_at').notNull().defaultNow(),
});
