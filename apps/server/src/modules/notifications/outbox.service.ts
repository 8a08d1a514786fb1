import type { Db } from '../../platform/db/client.js';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { BaseLogger } from 'pino';
import { logAdapter, type ChannelAdapter } from './adapters.js';
import type { Channel } from './channels.js';
import * as repo from './notifications.repository.js';
import { renderNotification } from './render.js';

/** Waits after the 1st, 2nd, … failed attempt; the attempt after the last wait is the final one. */
export const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000] as const;
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** A claimed row is not due again for this long: a crash mid-send retries it after the lease (at least once). */
export const CLAIM_LEASE_MS = 5 * 60_000;

export interface OutboxDeps {
  db: Db;
  crypto: Pick<FieldCrypto, 'decrypt'>;
  log: Pick<BaseLogger, 'info' | 'warn' | 'error'>;
  adapters: Partial<Record<Channel, ChannelAdapter>>;
  batchSize?: number;
}

export interface DrainResult {
  sent: number;
  failed: number;
  dead: number;
}

export function nextAttemptAfter(attempts: number, now: Date): Date {
  const wait = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0];
  return new Date(now.getTime() + wait);
}

/**
 * Delivers the due outbox rows once: claims a batch (FOR UPDATE SKIP LOCKED, then a short lease so
 * no transaction stays open during network calls), renders each in the recipient's saved language,
 * sends it through its channel's adapter (the log adapter when that channel is not configured) and
 * records sent, or failed with exponential back-off, or dead after MAX_ATTEMPTS, in one short
 * transaction per batch. A crash before that write re-sends the batch after the lease (at least once).
 */
export async function drainOutbox(deps: OutboxDeps, now: Date): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, dead: 0 };
  const batchSize = deps.batchSize ?? 50;
  for (;;) {
    const claimed = await withTransaction(deps.db, async (tx) => {
      const rows = await repo.claimDue(tx, now, batchSize);
      await repo.leaseUntil(tx, rows.map((r) => r.outboxId), new Date(now.getTime() + CLAIM_LEASE_MS));
      return rows;
    });
    const sentIds: string[] = [];
    const failures: { row: (typeof claimed)[number]; attempts: number; dead: boolean; error: string }[] = [];
    for (const row of claimed) {
      const attempts = row.attempts + 1;
      try {
        const adapter = deps.adapters[row.channel] ?? deps.adapters.log ?? logAdapter(deps.log);
        const text = renderNotification(row.language, row.kind, row.params, true);
        const phone = adapter.channel === 'sms' && row.phoneCipher ? deps.crypto.decrypt(row.phoneCipher) : undefined;
        await adapter.send({
          notificationId: row.notificationId,
          kind: row.kind,
          to: phone ? { accountId: row.accountId, phone } : { accountId: row.accountId },
          title: text.title,
          body: text.body,
          link: row.link,
        });
        sentIds.push(row.outboxId);
      } catch (err) {
        failures.push({ row, attempts, dead: attempts >= MAX_ATTEMPTS, error: (err instanceof Error ? err.message : String(err)).slice(0, 200) });
      }
    }
    // One short transaction records the batch's outcomes.
    await withTransaction(deps.db, async (tx) => {
      await repo.markSent(tx, sentIds, now);
      for (const f of failures) {
        await repo.markFailed(tx, f.row.outboxId, { attempts: f.attempts, dead: f.dead, nextAttemptAt: f.dead ? now : nextAttemptAfter(f.attempts, now), error: f.error });
      }
    });
    result.sent += sentIds.length;
    for (const { row, attempts, dead, error } of failures) {
      if (dead) result.dead++;
      else result.failed++;
      deps.log.warn({ outboxId: row.outboxId, notificationId: row.notificationId, kind: row.kind, channel: row.channel, attempts, dead, error }, 'notification delivery failed');
    }
    if (claimed.length < batchSize) return result;
  }
}

export interface OutboxWorker {
  /** Stops the timer and waits for a running drain to finish. */
  stop(): Promise<void>;
}

/** Drains the outbox every `intervalMs` (default 15 s), one drain at a time. */
export function startOutboxWorker(deps: OutboxDeps & { now?: () => Date; intervalMs?: number }): OutboxWorker {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = drainOutbox(deps, (deps.now ?? (() => new Date()))())
      .catch((err: unknown) => deps.log.error({ err }, 'notification outbox drain failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, deps.intervalMs ?? 15_000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
