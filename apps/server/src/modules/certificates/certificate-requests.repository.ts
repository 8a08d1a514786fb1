import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';

/* ---------- staff list of issued certificates ---------- */

export interface StaffCertificateRow {
  id: string;
  number: string;
  volunteer_id: string;
  volunteer_no: string;
  name: string;
  language: 'zh' | 'bo' | 'bilingual';
  verified_minutes: number;
  issuer_kind: 'community' | 'street';
  issuer_id: string;
  issuer_name: string;
  issued_at: Date | string;
  revoked_at: Date | string | null;
  revoke_reason: string | null;
}

/** Scope: 'all' (street admin) or the communities whose issued certificates the caller may see. */
export async function listCertificates(
  tx: Tx,
  q: {
    streetId: string;
    communityIds: 'all' | string[];
    volunteerId?: string;
    communityId?: string;
    revoked?: boolean;
    after?: [string, string];
    limit: number;
  },
): Promise<StaffCertificateRow[]> {
  const where: SQL[] = [sql`c.street_id = ${q.streetId}`];
  if (q.communityIds !== 'all')
    where.push(
      q.communityIds.length
        ? sql`c.issuer_kind = 'community' AND c.issuer_id IN (${sql.join(
            q.communityIds.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (q.volunteerId) where.push(sql`c.volunteer_id = ${q.volunteerId}`);
  if (q.communityId) where.push(sql`c.issuer_kind = 'community' AND c.issuer_id = ${q.communityId}`);
  if (q.revoked !== undefined) where.push(q.revoked ? sql`c.revoked_at IS NOT NULL` : sql`c.revoked_at IS NULL`);
  if (q.after) where.push(sql`(c.issued_at, c.id) < (${q.after[0]}::timestamptz, ${q.after[1]})`);
  return queryRows<StaffCertificateRow>(
    tx,
    sql`SELECT c.id, c.number, c.volunteer_id, v.volunteer_no, p.name, c.language, c.verified_minutes, c.issuer_kind, c.issuer_id, c.issuer_name,
               c.issued_at, c.revoked_at, c.revoke_reason
        FROM certificates c JOIN volunteers v ON v.id = c.volunteer_id JOIN persons p ON p.id = v.person_id
        WHERE ${sql.join(where, sql` AND `)} ORDER BY c.issued_at DESC, c.id DESC LIMIT ${q.limit + 1}`,
  );
}

/* ---------- certificate requests ---------- */

export interface RequestRow {
  id: string;
  street_id: string;
  volunteer_id: string;
  volunteer_no: string;
  person_id: string;
  name: string;
  language: 'zh' | 'bo' | 'bilingual';
  period_from: string | null;
  period_to: string | null;
  issuer_kind: 'community' | 'street';
  issuer_id: string;
  status: 'pending' | 'issued' | 'declined';
  certificate_number: string | null;
  decline_reason: string | null;
  created_at: Date | string;
  decided_at: Date | string | null;
  version: number;
}

const REQUEST_SELECT = sql`SELECT r.id, r.street_id, r.volunteer_id, v.volunteer_no, v.person_id, p.name, r.language,
    r.period_from::text AS period_from, r.period_to::text AS period_to, r.issuer_kind, r.issuer_id, r.status,
    c.number AS certificate_number, r.decline_reason, r.created_at, r.decided_at, r.version
  FROM certificate_requests r JOIN volunteers v ON v.id = r.volunteer_id JOIN persons p ON p.id = v.person_id
  LEFT JOIN certificates c ON c.id = r.certificate_id`;

export async function volunteerOfPerson(tx: Tx, streetId: string, personId: string): Promise<{ id: string } | undefined> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM volunteers WHERE street_id = ${streetId} AND person_id = ${personId} ORDER BY id LIMIT 1`,
  );
  return row;
}

export async function hasIssuer(tx: Tx, streetId: string, kind: 'community' | 'street', id: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    tx,
    sql`SELECT 1 AS one FROM certificate_issuers WHERE street_id = ${streetId} AND issuer_kind = ${kind} AND issuer_id = ${id}`,
  );
  return rows.length > 0;
}

export async function hasPending(tx: Tx, volunteerId: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    tx,
    sql`SELECT 1 AS one FROM certificate_requests WHERE volunteer_id = ${volunteerId} AND status = 'pending'`,
  );
  return rows.length > 0;
}

export async function insertRequest(
  tx: Tx,
  r: {
    id: string;
    streetId: string;
    volunteerId: string;
    language: string;
    periodFrom: string | null;
    periodTo: string | null;
    issuerKind: 'community' | 'street';
    issuerId: string;
    requestedBy: string;
    at: Date;
  },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO certificate_requests (id, street_id, volunteer_id, language, period_from, period_to, issuer_kind, issuer_id, requested_by, created_at)
        VALUES (${r.id}, ${r.streetId}, ${r.volunteerId}, ${r.language}, ${r.periodFrom}::date, ${r.periodTo}::date, ${r.issuerKind}, ${r.issuerId},
                ${r.requestedBy}, ${r.at.toISOString()}::timestamptz)
        ON CONFLICT (volunteer_id) WHERE status = 'pending' DO NOTHING RETURNING id`,
  );
  return rows.length > 0;
}

export async function findRequest(tx: Tx, streetId: string, id: string, forUpdate = false): Promise<RequestRow | undefined> {
  if (forUpdate) await tx.execute(sql`SELECT id FROM certificate_requests WHERE id = ${id} AND street_id = ${streetId} FOR UPDATE`);
  const [row] = await queryRows<RequestRow>(tx, sql`${REQUEST_SELECT} WHERE r.street_id = ${streetId} AND r.id = ${id}`);
  return row;
}

export async function listRequestsOfPerson(tx: Tx, streetId: string, personId: string): Promise<RequestRow[]> {
  return queryRows<RequestRow>(
    tx,
    sql`${REQUEST_SELECT} WHERE r.street_id = ${streetId} AND v.person_id = ${personId} ORDER BY r.created_at DESC, r.id DESC LIMIT 200`,
  );
}

export async function listRequests(
  tx: Tx,
  q: { streetId: string; communityIds: 'all' | string[]; status?: string; after?: [string, string]; limit: number },
): Promise<RequestRow[]> {
  const where: SQL[] = [sql`r.street_id = ${q.streetId}`];
  if (q.communityIds !== 'all')
    where.push(
      q.communityIds.length
        ? sql`r.issuer_kind = 'community' AND r.issuer_id IN (${sql.join(
            q.communityIds.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (q.status) where.push(sql`r.status = ${q.status}`);
  if (q.after) where.push(sql`(r.created_at, r.id) < (${q.after[0]}::timestamptz, ${q.after[1]})`);
  return queryRows<RequestRow>(
    tx,
    sql`${REQUEST_SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY r.created_at DESC, r.id DESC LIMIT ${q.limit + 1}`,
  );
}

/** Compare-and-set: pending (at this version) → issued | declined. */
export async function decide(
  tx: Tx,
  id: string,
  version: number,
  set: { status: 'issued'; certificateId: string } | { status: 'declined'; reason: string },
  by: string,
  at: Date,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE certificate_requests SET status = ${set.status},
          certificate_id = ${set.status === 'issued' ? set.certificateId : null},
          decline_reason = ${set.status === 'declined' ? set.reason : null},
          decided_by = ${by}, decided_at = ${at.toISOString()}::timestamptz, version = version + 1
        WHERE id = ${id} AND status = 'pending' AND version = ${version} RETURNING id`,
  );
  return rows.length > 0;
}

export async function accountIdsOfPerson(tx: Tx, personId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(tx, sql`SELECT id FROM accounts WHERE person_id = ${personId} ORDER BY id`);
  return rows.map((r) => r.id);
}

export async function certificateIdOf(tx: Tx, number: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM certificates WHERE number = ${number}`);
  return row!.id;
}
