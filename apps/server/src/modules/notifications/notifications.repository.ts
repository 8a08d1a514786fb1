import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { accounts, notificationOutbox, notifications } from '../../schema/index.js';
import type { Channel } from './channels.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof notificationOutbox.$inferSelect;

export async function insertNotifications(tx: Tx, rows: (typeof notifications.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(notifications).values(rows);
}

export async function insertOutbox(tx: Tx, rows: (typeof notificationOutbox.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(notificationOutbox).values(rows);
}

/** Active accounts of the street among the given ids (unknown or other-street ids are dropped). */
export async function existingAccountIds(tx: Tx, streetId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.streetId, streetId), inArray(accounts.id, ids), eq(accounts.status, 'active')));
  return rows.map((r) => r.id);
}

export async function listForRecipient(
  tx: Tx,
  accountId: string,
  opts: { unreadOnly: boolean; limit: number; after?: { createdAt: Date; id: string } },
): Promise<NotificationRow[]> {
  const where: (SQL | undefined)[] = [eq(notifications.recipientAccountId, accountId)];
  if (opts.unreadOnly) where.push(isNull(notifications.readAt));
  if (opts.after) {
    where.push(
      or(
        lt(notifications.createdAt, opts.after.createdAt),
        and(eq(notifications.createdAt, opts.after.createdAt), lt(notifications.id, opts.after.id)),
      ),
    );
  }
  return tx
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(opts.limit + 1);
}

export async function unreadCount(tx: Tx, accountId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.recipientAccountId, accountId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function findForRecipient(tx: Tx, accountId: string, id: string): Promise<NotificationRow | undefined> {
  const [row] = await tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.recipientAccountId, accountId)))
    .limit(1);
  return row;
}

/** Marks one unread notification read (compare and set on read_at IS NULL). */
export async function markRead(tx: Tx, accountId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
  const [row] = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.recipientAccountId, accountId), isNull(notifications.readAt)))
    .returning();
  return row;
}

export async function markAllRead(tx: Tx, accountId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.recipientAccountId, accountId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/* ---------- outbox worker ---------- */

export interface ClaimedDelivery {
  outboxId: string;
  notificationId: string;
  channel: Channel;
  attempts: number;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  accountId: string;
  language: 'zh-CN' | 'bo' | 'en';
  phoneCipher: string | null;
}

/**
 * Claims up to `limit` due deliveries (pending, or failed and due) and locks them for this
 * transaction; a concurrent worker skips locked rows.
 */
export async function claimDue(tx: Tx, now: Date, limit: number): Promise<ClaimedDelivery[]> {
  return queryRows<ClaimedDelivery>(
    tx,
    sql`SELECT o.id AS "outboxId", o.notification_id AS "notificationId", o.channel, o.attempts,
               n.kind, n.params, n.link, a.id AS "accountId", a.language, p.phone_enc AS "phoneCipher"
          FROM notification_outbox o
          JOIN notifications n ON n.id = o.notification_id
          JOIN accounts a ON a.id = n.recipient_account_id
          JOIN persons p ON p.id = a.person_id
         WHERE o.status IN ('pending', 'failed') AND o.next_attempt_at <= ${now.toISOString()}::timestamptz
         ORDER BY o.next_attempt_at, o.id
         LIMIT ${limit}
           FOR UPDATE OF o SKIP LOCKED`,
  );
}

/** Keeps claimed rows from being claimed again while they are being sent. */
export async function leaseUntil(tx: Tx, outboxIds: string[], until: Date): Promise<void> {
  if (!outboxIds.length) return;
  await tx.update(notificationOutbox).set({ nextAttemptAt: until }).where(inArray(notificationOutbox.id, outboxIds));
}

/** Marks delivered rows sent (one more attempt each); rows no longer pending or failed are left alone. */
export async function markSent(tx: Tx, outboxIds: string[], at: Date): Promise<void> {
  if (!outboxIds.length) return;
  await tx
    .update(notificationOutbox)
    .set({ status: 'sent', sentAt: at, attempts: sql`${notificationOutbox.attempts} + 1`, lastError: null })
    .where(and(inArray(notificationOutbox.id, outboxIds), inArray(notificationOutbox.status, ['pending', 'failed'])));
}

export async function markFailed(
  tx: Tx,
  outboxId: string,
  input: { attempts: number; dead: boolean; nextAttemptAt: Date; error: string },
): Promise<void> {
  await tx
    .update(notificationOutbox)
    .set({ status: input.dead ? 'dead' : 'failed', attempts: input.attempts, nextAttemptAt: input.nextAttemptAt, lastError: input.error })
    .where(and(eq(notificationOutbox.id, outboxId), inArray(notificationOutbox.status, ['pending', 'failed'])));
}

export async function outboxOf(tx: Tx, notificationIds: string[]): Promise<OutboxRow[]> {
  if (!notificationIds.length) return [];
  return tx.select().from(notificationOutbox).where(inArray(notificationOutbox.notificationId, notificationIds));
}
