-- 0007 notifications: the in-app notification center (one row per recipient and event) and a
-- transactional outbox (one row per notification and delivery channel) that a worker drains.
-- Forward-only. Valid on PostgreSQL 15 and PGlite. Every table carries street_id.

-- One message to one account. Text is not stored: kind + params are rendered from the server
-- catalogs (notifications.<kind with _>) in the reader's language when listed or delivered.
-- params never hold phone or ID numbers (DR-21).
CREATE TABLE notifications (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  recipient_account_id text NOT NULL REFERENCES accounts(id),
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  params jsonb NOT NULL DEFAULT '{}',
  link text,
  ref_type text,
  ref_id text,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_recipient_idx ON notifications (recipient_account_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (recipient_account_id) WHERE read_at IS NULL;
CREATE INDEX notifications_ref_idx ON notifications (ref_type, ref_id) WHERE ref_id IS NOT NULL;

-- Delivery of a notification through one channel, written in the same transaction as the
-- notification (nothing is sent for a rolled-back change). The worker claims due rows with
-- FOR UPDATE SKIP LOCKED; on failure it backs off (next_attempt_at) until `dead`.
CREATE TABLE notification_outbox (
  id text PRIMARY KEY,
  street_id text NOT NULL REFERENCES streets(id),
  notification_id text NOT NULL REFERENCES notifications(id),
  channel text NOT NULL CHECK (channel IN ('sms', 'wechat', 'log')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
  attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (notification_id, channel)
);
CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at) WHERE status IN ('pending', 'failed');
