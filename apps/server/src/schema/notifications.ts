import { integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';

// Tables of migrations/0007_notifications.sql.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const NOTIFICATION_CHANNELS = ['sms', 'wechat', 'log'] as const;
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'dead'] as const;

export const notifications = pgTable('notifications', {
  id: text('id').primaryKey(),
  streetId: text('street_id').notNull(),
  recipientAccountId: text('recipient_account_id').notNull(),
  kind: text('kind').notNull(),
  params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
  link: text('link'),
  refType: text('ref_type'),
  refId: text('ref_id'),
  readAt: ts('read_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: text('id').primaryKey(),
    streetId: text('street_id').notNull(),
    notificationId: text('notification_id').notNull(),
    channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.notificationId, t.channel)],
);
