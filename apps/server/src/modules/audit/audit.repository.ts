import { sql, type SQL } from 'drizzle-orm';
import type { AuditSource } from '@duodi/contracts';
import { queryRows, type Tx } from '../../platform/db/client.js';

/** One line of the list: an audit_log row or a ledger entry shaped like one (`ledger_audit`). */
export interface EntryRow {
  source: AuditSource;
  id: number | string;
  /** `at` in UTC with microseconds: the cursor's key (a JS Date would drop the microseconds). */
  at_key: string;
  at: Date | string;
  actor_account_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  old_value: unknown;
  new_value: unknown;
  reason: string | null;
}

export interface EntryFilter {
  streetId: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  actorAccountId?: string;
  /** [from, to) instants. */
  from?: Date;
  to?: Date;
  q?: string;
  /** Keyset: rows after (at, source, id) in the list's order (at DESC, source DESC, id DESC). */
  after?: { at: string; source: AuditSource; id: number };
  limit: number;
}

const AT_KEY = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The rows of one source after the cursor: ties on `at` are ordered by source (ledger before audit),
 * then id, both descending.
 */
function afterCursor(source: AuditSource, at: SQL, id: SQL, after: EntryFilter['after']): SQL | undefined {
  if (!after) return undefined;
  const cursorAt = sql`${after.at}::timestamptz`;
  if (source < after.source) return sql`${at} <= ${cursorAt}`;
  if (source > after.source) return sql`${at} < ${cursorAt}`;
  return sql`(${at}, ${id}) < (${cursorAt}, ${after.id}::bigint)`;
}

/** The ledger view holds only these; any other action or entity type filter leaves it out. */
const LEDGER_ACTIONS = ['ledger.transfer', 'ledger.reversal'];
const LEDGER_ENTITY_TYPE = 'ledger_account';

/**
 * The street's audit rows and ledger movements, newest first, limit + 1 rows. Each source is read
 * with its own ORDER BY … LIMIT and the two are merged, so neither is sorted in full.
 */
export async function listEntries(tx: Tx, f: EntryFilter): Promise<EntryRow[]> {
  const n = f.limit + 1;
  const pattern = f.q ? likePattern(f.q) : undefined;

  const a: SQL[] = [sql`a.street_id = ${f.streetId}`];
  if (f.action) a.push(sql`a.action = ${f.action}`);
  if (f.entityType) a.push(sql`a.entity_type = ${f.entityType}`);
  if (f.entityId) a.push(sql`a.entity_id = ${f.entityId}`);
  if (f.actorAccountId) a.push(sql`a.actor_account_id = ${f.actorAccountId}`);
  if (f.from) a.push(sql`a.at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) a.push(sql`a.at < ${f.to.toISOString()}::timestamptz`);
  if (pattern) a.push(sql`(a.reason ILIKE ${pattern} OR a.action ILIKE ${pattern} OR a.entity_id ILIKE ${pattern})`);
  const aAfter = afterCursor('audit', sql`a.at`, sql`a.id`, f.after);
  if (aAfter) a.push(aAfter);
  // The innermost query sorts and limits bare rows; the cursor key is computed for the page only.
  const auditPart = sql`(SELECT 'audit'::text AS source, a.id, ${AT_KEY(sql`a.at`)} AS at_key, a.at, a.actor_account_id, a.action,
          a.entity_type, a.entity_id, a.old_value, a.new_value, a.reason
        FROM (SELECT * FROM audit_log a
              WHERE ${sql.join(a, sql` AND `)}
              ORDER BY a.at DESC, a.id DESC
              LIMIT ${n}) a)`;

  const newestFirst = sql`ORDER BY x.at DESC, x.source DESC, x.id DESC LIMIT ${n}`;
  const withLedger = (!f.action || LEDGER_ACTIONS.includes(f.action)) && (!f.entityType || f.entityType === LEDGER_ENTITY_TYPE);
  if (!withLedger) return queryRows<EntryRow>(tx, sql`SELECT * FROM ${auditPart} x ${newestFirst}`);

  const l: SQL[] = [sql`l.street_id = ${f.streetId}`];
  if (f.action) l.push(sql`l.action = ${f.action}`);
  // A person's id finds the movements of their point and time-bank accounts.
  if (f.entityId) {
    l.push(sql`l.entity_id IN (SELECT x.id FROM ledger_accounts x
                 WHERE x.street_id = ${f.streetId} AND (x.id = ${f.entityId} OR (x.owner_kind = 'person' AND x.owner_id = ${f.entityId})))`);
  }
  if (f.actorAccountId) l.push(sql`l.actor_account_id = ${f.actorAccountId}`);
  if (f.from) l.push(sql`l.at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) l.push(sql`l.at < ${f.to.toISOString()}::timestamptz`);
  if (pattern)
    l.push(sql`(l.reason ILIKE ${pattern} OR l.action ILIKE ${pattern} OR l.entity_id ILIKE ${pattern} OR l.transfer_id ILIKE ${pattern})`);
  const lAfter = afterCursor('ledger', sql`l.at`, sql`l.id`, f.after);
  if (lAfter) l.push(lAfter);
  // The page of entries first (the view only); their accounts and JSON shapes after, for those rows alone.
  const ledgerPart = sql`(SELECT 'ledger'::text AS source, l.id, ${AT_KEY(sql`l.at`)} AS at_key, l.at, l.actor_account_id, l.action,
          l.entity_type, l.entity_id,
          jsonb_build_object('balance', l.old_value) AS old_value,
          jsonb_strip_nulls(jsonb_build_object('balance', l.new_value, 'delta', l.delta, 'currency', acc.currency, 'kind', l.kind,
            'account', acc.kind, 'personId', CASE WHEN acc.owner_kind = 'person' THEN acc.owner_id END, 'transferId', l.transfer_id)) AS new_value,
          l.reason
        FROM (SELECT * FROM ledger_audit l
              WHERE ${sql.join(l, sql` AND `)}
              ORDER BY l.at DESC, l.id DESC
              LIMIT ${n}) l
        JOIN ledger_accounts acc ON acc.id = l.entity_id)`;

  return queryRows<EntryRow>(tx, sql`SELECT * FROM (${auditPart} UNION ALL ${ledgerPart}) x ${newestFirst}`);
}

export interface ActorRow {
  id: string;
  name: string;
  roles: string[] | null;
}

/** The accounts that made the listed changes: their person's name and current roles. */
export async function findActors(tx: Tx, streetId: string, accountIds: string[]): Promise<ActorRow[]> {
  if (accountIds.length === 0) return [];
  return queryRows<ActorRow>(
    tx,
    sql`SELECT ac.id, p.name,
          array_remove(array_agg(DISTINCT r.role), NULL) AS roles
        FROM accounts ac
        JOIN persons p ON p.id = ac.person_id
        LEFT JOIN role_assignments r ON r.account_id = ac.id AND r.revoked_at IS NULL
        WHERE ac.street_id = ${streetId} AND ac.id IN (${sql.join(
          accountIds.map((id) => sql`${id}`),
          sql`, `,
        )})
        GROUP BY ac.id, p.name`,
  );
}

/**
 * The verify walk reads one snapshot: rows appended meanwhile are left for the next check, and the
 * audit chain and the ledger are checked as of the same moment.
 */
export async function useReadOnlySnapshot(tx: Tx): Promise<void> {
  await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
}

export async function countLedgerAccounts(tx: Tx, streetId: string): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(tx, sql`SELECT count(*) AS n FROM ledger_accounts WHERE street_id = ${streetId}`);
  return Number(row?.n ?? 0);
}
