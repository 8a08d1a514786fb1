import { date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 0012: a volunteer's request for a service-record certificate (DR-09), decided by the issuing organisation's staff. */
export const certificateRequests = pgTable('certificate_requests', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  volunteerId: text('volunteer_id').notNull(),
  language: text('language', { enum: ['zh', 'bo', 'bilingual'] })
    .notNull()
    .default('bilingual'),
  periodFrom: date('period_from', { mode: 'string' }),
  periodTo: date('period_to', { mode: 'string' }),
  issuerKind: text('issuer_kind', { enum: ['community', 'street'] }).notNull(),
  issuerId: text('issuer_id').notNull(),
  status: text('status', { enum: ['pending', 'issued', 'declined'] })
    .notNull()
    .default('pending'),
  certificateId: text('certificate_id'),
  declineReason: text('decline_reason'),
  requestedBy: text('requested_by'),
  decidedBy: text('decided_by'),
  decidedAt: ts('decided_at'),
  createdAt: ts('created_at').notNull(),
  version: integer('version').notNull().default(1),
});
