import { AUDIT_SOURCES, type AuditActor, type AuditEntry, type AuditLogQuery, type AuditSource, type AuditVerify } from '@duodi/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { requireActor } from '../../platform/auth/actor.js';
import { walkAuditChain } from '../../platform/audit/audit.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { STREET_UTC_OFFSET_MINUTES } from '../../platform/http/time.js';
import { verifyLedgerChain } from '../ledger/index.js';
import * as repo from './audit.repository.js';
import { assertCanReadAudit } from './audit.policy.js';
import { entryId, presentActor, presentEntry } from './audit.presenter.js';

type Page<T> = { items: T[]; nextCursor: string | null };

/** Audit rows read per round trip while walking the chain (bounded memory however long the log). */
const CHAIN_BATCH = 2000;

const invalid = (field: string, key: string) => new AppError('validation_failed', {}, { fields: [{ field, key }] });

function afterKey(cursor: string | undefined): repo.EntryFilter['after'] {
  const key = decodeCursor(cursor, 3);
  if (!key) return undefined;
  const [at, source, id] = key;
  if (
    typeof at !== 'string' ||
    Number.isNaN(Date.parse(at)) ||
    !AUDIT_SOURCES.includes(source as AuditSource) ||
    typeof id !== 'number' ||
    !Number.isSafeInteger(id)
  ) {
    throw invalid('cursor', 'invalid_format');
  }
  return { at, source: source as AuditSource, id };
}

const DAY_MS = 86_400_000;
/** Midnight of a street date (YYYY-MM-DD, UTC+08:00). */
const streetMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - STREET_UTC_OFFSET_MINUTES * 60_000);

/** `from`/`to` are street dates, both included: [from 00:00, the day after `to` 00:00). */
function dateRange(from: string | undefined, to: string | undefined): { from?: Date; to?: Date } {
  if (from && to && from > to) throw invalid('to', 'from_before_to');
  return {
    ...(from ? { from: streetMidnight(from) } : {}),
    ...(to ? { to: new Date(streetMidnight(to).getTime() + DAY_MS) } : {}),
  };
}

/**
 * DR-23: the street's audit log with the ledger's movements, newest first, filtered by action,
 * entity, actor, dates and words; personal data in the values masked. Street admins only.
 * @throws unauthenticated | forbidden | validation_failed (bad cursor, `to` before `from`)
 */
export async function listAuditLog(deps: Deps, actorOrNone: Actor | undefined, input: AuditLogQuery): Promise<Page<AuditEntry>> {
  const actor = requireActor(actorOrNone);
  assertCanReadAudit(actor);
  const after = afterKey(input.cursor);
  const range = dateRange(input.from, input.to);
  const rows = await repo.listEntries(deps.db, {
    streetId: actor.streetId,
    limit: input.limit,
    ...(input.action ? { action: input.action } : {}),
    ...(input.entityType ? { entityType: input.entityType } : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
    ...(input.actor ? { actorAccountId: input.actor } : {}),
    ...(input.q ? { q: input.q } : {}),
    ...range,
    ...(after ? { after } : {}),
  });
  const page = pageFrom(rows, input.limit, (r) => [r.at_key, r.source, Number(r.id)]);
  const accountIds = [...new Set(page.items.map((r) => r.actor_account_id).filter((id): id is string => id !== null))];
  const actors = new Map<string, AuditActor>(
    (await repo.findActors(deps.db, actor.streetId, accountIds)).map((a) => [a.id, presentActor(a)]),
  );
  return { items: page.items.map((r) => presentEntry(r, actors)), nextCursor: page.nextCursor };
}

/**
 * Recomputes the street's audit chain row by row (each hash from the previous one, as appendAudit
 * wrote it) and the ledger's per-account chains (the ledger's own verifyLedgerChain), in one
 * read-only snapshot. Street admins only.
 * @throws unauthenticated | forbidden
 */
export async function verifyAuditLog(deps: Deps, actorOrNone: Actor | undefined): Promise<AuditVerify> {
  const actor = requireActor(actorOrNone);
  assertCanReadAudit(actor);
  return withTransaction(deps.db, async (tx) => {
    await repo.useReadOnlySnapshot(tx);
    const chain = await walkAuditChain(tx, actor.streetId, CHAIN_BATCH);
    const firstBrokenId = chain.firstBrokenId === null ? null : entryId({ source: 'audit', id: chain.firstBrokenId });
    const ledger = await verifyLedgerChain(tx, actor.streetId);
    const accountsChecked = await repo.countLedgerAccounts(tx, actor.streetId);
    return {
      ok: firstBrokenId === null,
      checked: chain.checked,
      firstBrokenId,
      ledger: {
        ok: ledger.ok,
        accountsChecked,
        entriesChecked: ledger.entries,
        firstBrokenAccount: ledger.brokenAccounts[0] ?? null,
        brokenAccounts: ledger.brokenAccounts.length,
      },
    };
  });
}
