import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { RecoveryStatus } from '@duodi/contracts';
import { persons, recoveryRequests, recoveryThrottle, streets } from '../../schema/index.js';
import { queryRows, type Tx } from '../../platform/db/client.js';

/**
 * Counts one more attempt for the key atomically (a window older than `windowMs` starts again at 1)
 * and returns the count and the window start after the update.
 */
export async function countAttempt(tx: Tx, input: { key: string; now: Date; windowMs: number }) {
  const windowStart = new Date(input.now.getTime() - input.windowMs).toISOString();
  const nowIso = input.now.toISOString();
  const [row] = await tx
    .insert(recoveryThrottle)
    .values({ key: input.key, attempts: 1, windowStart: input.now })
    .onConflictDoUpdate({
      target: recoveryThrottle.key,
      set: {
        attempts: sql`CASE WHEN ${recoveryThrottle.windowStart} <= ${windowStart}::timestamptz THEN 1 ELSE ${recoveryThrottle.attempts} + 1 END`,
        windowStart: sql`CASE WHEN ${recoveryThrottle.windowStart} <= ${windowStart}::timestamptz THEN ${nowIso}::timestamptz ELSE ${recoveryThrottle.windowStart} END`,
      },
    })
    .returning();
  return row!;
}

export async function findStreetById(tx: Tx, id: string) {
  const [row] = await tx.select({ id: streets.id }).from(streets).where(eq(streets.id, id)).limit(1);
  return row;
}

/** The one street of a single-street deployment, or undefined when there are none or several. */
export async function findOnlyStreet(tx: Tx) {
  const rows = await tx.select({ id: streets.id }).from(streets).limit(2);
  return rows.length === 1 ? rows[0] : undefined;
}

/** The person holding this ID number in the street (blind index), unless pseudonymised. */
export async function findPersonByIdNumber(tx: Tx, input: { streetId: string; idType: string; idNumberHash: string }) {
  const [row] = await tx
    .select({
      id: persons.id,
      name: persons.name,
      nameBo: persons.nameBo,
      communityId: persons.communityId,
      pseudonymisedAt: persons.pseudonymisedAt,
    })
    .from(persons)
    .where(
      and(eq(persons.streetId, input.streetId), sql`${persons.idType} = ${input.idType}`, eq(persons.idNumberHash, input.idNumberHash)),
    )
    .limit(1);
  return row;
}

/** A newer request replaces the person's pending one. */
export async function supersedePending(tx: Tx, personId: string, at: Date) {
  await tx
    .update(recoveryRequests)
    .set({ status: 'superseded', decidedAt: at })
    .where(and(eq(recoveryRequests.personId, personId), eq(recoveryRequests.status, 'pending')));
}

export async function insertRequest(tx: Tx, row: typeof recoveryRequests.$inferInsert) {
  await tx.insert(recoveryRequests).values(row);
}

/** Pending requests past their expiry become `expired`. */
export async function expirePending(tx: Tx, streetId: string, now: Date) {
  await tx
    .update(recoveryRequests)
    .set({ status: 'expired', decidedAt: now })
    .where(
      and(
        eq(recoveryRequests.streetId, streetId),
        eq(recoveryRequests.status, 'pending'),
        sql`${recoveryRequests.expiresAt} <= ${now.toISOString()}::timestamptz`,
      ),
    );
}

export async function findRequest(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = tx.select().from(recoveryRequests).where(eq(recoveryRequests.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Compare-and-set from pending (and not yet expired) to the decision; undefined when lost. */
export async function decideRequest(
  tx: Tx,
  input: { id: string; to: 'approved' | 'rejected'; byAccountId: string; at: Date; reason?: string; accountId?: string },
) {
  const [row] = await tx
    .update(recoveryRequests)
    .set({
      status: input.to,
      decidedByAccountId: input.byAccountId,
      decidedAt: input.at,
      reason: input.reason ?? null,
      ...(input.accountId ? { accountId: input.accountId } : {}),
    })
    .where(
      and(
        eq(recoveryRequests.id, input.id),
        eq(recoveryRequests.status, 'pending'),
        sql`${recoveryRequests.expiresAt} > ${input.at.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: recoveryRequests.id });
  return row;
}

export interface RequestListRow {
  id: string;
  name: string;
  name_bo: string | null;
  name_matches: boolean;
  id_type: 'resident_id' | 'passport' | 'hk_macao_pass' | 'other';
  id_number_masked: string | null;
  phone_masked: string;
  community_id: string | null;
  community_name: string | null;
  has_account: boolean;
  status: RecoveryStatus;
  reason: string | null;
  created_at: Date | string;
  expires_at: Date | string;
  decided_at: Date | string | null;
}

/** Requests of the street (optionally of some communities only), newest first, limit + 1 rows. */
export async function listRequests(
  tx: Tx,
  input: { streetId: string; communityIds?: string[]; id?: string; status?: RecoveryStatus; after?: [string, string]; limit: number },
) {
  const where: SQL[] = [sql`r.street_id = ${input.streetId}`];
  if (input.id) where.push(sql`r.id = ${input.id}`);
  if (input.communityIds) {
    where.push(
      input.communityIds.length
        ? sql`r.community_id IN (${sql.join(
            input.communityIds.map((c) => sql`${c}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  }
  if (input.status) where.push(sql`r.status = ${input.status}`);
  if (input.after) where.push(sql`(r.created_at, r.id) < (${input.after[0]}::timestamptz, ${input.after[1]})`);
  return queryRows<RequestListRow>(
    tx,
    sql`SELECT r.id, p.name, p.name_bo, r.name_matches, p.id_type, p.id_number_masked, r.phone_masked, r.community_id,
               c.name AS community_name, EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = r.person_id) AS has_account,
               r.status, r.reason, r.created_at, r.expires_at, r.decided_at
          FROM recovery_requests r
          JOIN persons p ON p.id = r.person_id
          LEFT JOIN communities c ON c.id = r.community_id
         WHERE ${sql.join(where, sql` AND `)}
         ORDER BY r.created_at DESC, r.id DESC
         LIMIT ${input.limit + 1}`,
  );
}
