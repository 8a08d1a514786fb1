import { boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A problem of one row of an import, stored language-neutral (the message is rendered on read). */
export interface StoredRowError {
  line: number;
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/** 0004: one uploaded volunteer roster or resident list, its dry-run report and its progress. */
export const importJobs = pgTable('import_jobs', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  kind: text('kind', { enum: ['volunteers', 'residents'] }).notNull(),
  format: text('format', { enum: ['xlsx', 'csv'] }).notNull(),
  status: text('status', { enum: ['validating', 'validated', 'importing', 'done', 'failed'] })
    .notNull()
    .default('validating'),
  fileName: text('file_name'),
  fileHash: text('file_hash').notNull(),
  fileSize: integer('file_size').notNull(),
  createdBy: text('created_by').notNull(),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  ok: integer('ok').notNull().default(0),
  bad: integer('bad').notNull().default(0),
  existing: integer('existing').notNull().default(0),
  imported: integer('imported').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  errors: jsonb('errors').$type<StoredRowError[]>().notNull().default([]),
  errorsTruncated: boolean('errors_truncated').notNull().default(false),
  rowsEnc: text('rows_enc'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  validatedAt: ts('validated_at'),
  startedAt: ts('started_at'),
  finishedAt: ts('finished_at'),
});
