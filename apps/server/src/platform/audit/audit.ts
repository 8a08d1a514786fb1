import crypto from 'node:crypto';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { auditLog } from '../../schema/index.js';
import type { Tx } from '../db/client.js';

/** JSON with object keys sorted at every level, so a jsonb round trip (which reorders keys) hashes the same. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

/** sha256 hex of a row's canonical JSON with the previous row's hash: what `hash` holds (verifiers recompute it). */
export function rowHash(prevHash: string, r: { streetId: string; actorAccountId: string | null; action: string; entityType: string; entityId: string; oldValue: unknown; newValue: unknown; reason: string | null; at: Date }): string {
  const payload = canonical([prevHash, r.streetId, r.actorAccountId, r.action, r.entityType, r.entityId, r.oldValue ?? null, r.newValue ?? null, r.reason, r.at.toISOString()]);
  return crypto.createHash('sha256').update(payload).digest('hex');
}

export interface AuditEntry {
  streetId: string;
  actorAccountId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string;
}

/**
 * DR-23: appends to the audit log inside the caller's transaction. Each row carries the hash of
 * the previous row of its street, so an edited or deleted row breaks the chain.
 */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  // One writer per street at a time, until the transaction ends. Locking the last row (FOR UPDATE) is not enough
  // on PostgreSQL: a transaction that waited for it re-reads that same row after the other commits and chains to
  // it, so two rows would share one predecessor. After this lock, the read below sees every committed row.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`audit_log:${entry.streetId}`}, 0))`);
  const [prev] = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.streetId, entry.streetId))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .for('update');
  const prevHash = prev?.hash ?? 'genesis';
  const at = new Date();
  const hash = rowHash(prevHash, { ...entry, oldValue: entry.oldValue ?? null, newValue: entry.newValue ?? null, reason: entry.reason ?? null, at });
  await tx.insert(auditLog).values({
    streetId: entry.streetId,
    actorAccountId: entry.actorAccountId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    oldValue: entry.oldValue ?? null,
    newValue: entry.newValue ?? null,
    reason: entry.reason ?? null,
    at,
    prevHash,
    hash,
  });
}

/**
 * Recomputes the chain of a street in id order, `batch` rows per read (bounded memory however long the log):
 * how many rows it checked, and the first whose link or hash is wrong. An edited row breaks its own link (the
 * rows after it still link to its stored hash), so that row is the one changed, or the one after a deleted row.
 */
export async function walkAuditChain(tx: Tx, streetId: string, batch = 2000): Promise<{ checked: number; firstBrokenId: number | null }> {
  let prevHash = 'genesis';
  let checked = 0;
  let firstBrokenId: number | null = null;
  let afterId = 0;
  for (;;) {
    const rows = await tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.streetId, streetId), gt(auditLog.id, afterId)))
      .orderBy(asc(auditLog.id))
      .limit(batch);
    for (const r of rows) {
      checked += 1;
      if (firstBrokenId === null && (r.prevHash !== prevHash || r.hash !== rowHash(prevHash, r))) firstBrokenId = r.id;
      prevHash = r.hash;
      afterId = r.id;
    }
    if (rows.length < batch) return { checked, firstBrokenId };
  }
}

/** The id of the first broken row of a street's chain, or null when intact. */
export async function verifyAuditChain(tx: Tx, streetId: string): Promise<number | null> {
  return (await walkAuditChain(tx, streetId)).firstBrokenId;
}
