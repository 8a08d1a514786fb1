import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { CertificateContent } from './certificate-content.js';

export interface HolderRow {
  id: string;
  volunteer_no: string;
  star: number;
  person_id: string;
  name: string;
  name_bo: string | null;
  id_type: CertificateContent['holder']['idType'];
  id_number_masked: string | null;
  community_id: string | null;
}

export async function findHolder(tx: Tx, streetId: string, volunteerId: string): Promise<HolderRow | undefined> {
  const [row] = await queryRows<HolderRow>(
    tx,
    sql`SELECT v.id, v.volunteer_no, v.star, v.person_id, p.name, p.name_bo, p.id_type, p.id_number_masked, p.community_id
        FROM volunteers v JOIN persons p ON p.id = v.person_id WHERE v.street_id = ${streetId} AND v.id = ${volunteerId}`,
  );
  return row;
}

function recordScope(input: { volunteerId: string; communityId: string | null; from?: string | undefined; to?: string | undefined }): SQL {
  const where: SQL[] = [sql`volunteer_id = ${input.volunteerId}`, sql`status = 'verified'`];
  if (input.communityId) where.push(sql`community_id = ${input.communityId}`);
  if (input.from) where.push(sql`served_on >= ${input.from}::date`);
  if (input.to) where.push(sql`served_on <= ${input.to}::date`);
  return sql.join(where, sql` AND `);
}

/** Verified minutes of the volunteer's records (of one community, or all), in the period, and the main kinds of service. */
export async function recordedService(
  tx: Tx,
  input: { volunteerId: string; communityId: string | null; from?: string | undefined; to?: string | undefined },
) {
  const where = recordScope(input);
  const [sum] = await queryRows<{ minutes: number | string | null; n: number | string }>(
    tx,
    sql`SELECT coalesce(sum(credited_minutes), 0) AS minutes, count(*) AS n FROM service_records WHERE ${where}`,
  );
  const top = await queryRows<{ content: string }>(
    tx,
    sql`SELECT content FROM service_records WHERE ${where} GROUP BY content ORDER BY sum(credited_minutes) DESC, content LIMIT 3`,
  );
  return { minutes: Number(sum?.minutes ?? 0), records: Number(sum?.n ?? 0), contents: top.map((t) => t.content) };
}

export async function hasRecordsIn(tx: Tx, volunteerId: string, communityId: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    tx,
    sql`SELECT 1 AS one FROM service_records WHERE volunteer_id = ${volunteerId} AND community_id = ${communityId} LIMIT 1`,
  );
  return rows.length > 0;
}

export interface IssuerRow {
  name: string;
  name_bo: string | null;
  credit_code: string;
  responsible_person: string;
  contact: string;
  code: string;
}

/** The issuer's registered §9 details (certificate_issuers); undefined when the organisation has not been set up. */
export async function findIssuer(tx: Tx, streetId: string, kind: 'community' | 'street', id: string): Promise<IssuerRow | undefined> {
  const [row] = await queryRows<IssuerRow>(
    tx,
    kind === 'community'
      ? sql`SELECT i.name, i.name_bo, i.credit_code, i.responsible_person, i.contact, c.code
            FROM certificate_issuers i JOIN communities c ON c.id = i.issuer_id
            WHERE i.street_id = ${streetId} AND i.issuer_kind = 'community' AND i.issuer_id = ${id}`
      : sql`SELECT i.name, i.name_bo, i.credit_code, i.responsible_person, i.contact, 'ST' AS code
            FROM certificate_issuers i WHERE i.street_id = ${streetId} AND i.issuer_kind = 'street' AND i.issuer_id = ${id}`,
  );
  return row;
}

/** The next serial of the street's year (row-locked counter). */
export async function nextSerial(tx: Tx, streetId: string, year: number): Promise<number> {
  const [row] = await queryRows<{ last_no: number }>(
    tx,
    sql`INSERT INTO certificate_counters (street_id, year, last_no) VALUES (${streetId}, ${year}, 1)
        ON CONFLICT (street_id, year) DO UPDATE SET last_no = certificate_counters.last_no + 1 RETURNING last_no`,
  );
  return Number(row!.last_no);
}

export async function insertCertificate(
  tx: Tx,
  row: {
    id: string;
    streetId: string;
    number: string;
    volunteerId: string;
    language: string;
    periodFrom: string | null;
    periodTo: string | null;
    verifiedMinutes: number;
    star: number;
    issuerKind: string;
    issuerId: string;
    issuerName: string;
    content: CertificateContent;
    contentHash: string;
    issuedAt: Date;
    issuedBy: string | null;
  },
): Promise<void> {
  await tx.execute(
    sql`INSERT INTO certificates (id, street_id, number, volunteer_id, language, period_from, period_to, verified_minutes, star, issuer_kind, issuer_id, issuer_name, content, content_hash, issued_at, issued_by)
        VALUES (${row.id}, ${row.streetId}, ${row.number}, ${row.volunteerId}, ${row.language}, ${row.periodFrom}::date, ${row.periodTo}::date, ${row.verifiedMinutes}, ${row.star},
                ${row.issuerKind}, ${row.issuerId}, ${row.issuerName}, ${JSON.stringify(row.content)}::jsonb, ${row.contentHash}, ${row.issuedAt.toISOString()}::timestamptz, ${row.issuedBy})`,
  );
}

export interface CertificateRow {
  id: string;
  street_id: string;
  number: string;
  volunteer_id: string;
  language: 'zh' | 'bo' | 'bilingual';
  verified_minutes: number;
  star: number;
  issuer_kind: 'community' | 'street';
  issuer_id: string;
  issuer_name: string;
  content: CertificateContent;
  content_hash: string;
  issued_at: Date | string;
  revoked_at: Date | string | null;
  revoke_reason: string | null;
  holder_person_id: string;
}

const CERT_SELECT = sql`SELECT c.id, c.street_id, c.number, c.volunteer_id, c.language, c.verified_minutes, c.star, c.issuer_kind, c.issuer_id, c.issuer_name,
    c.content, c.content_hash, c.issued_at, c.revoked_at, c.revoke_reason, v.person_id AS holder_person_id
  FROM certificates c JOIN volunteers v ON v.id = c.volunteer_id`;

export async function findByNumber(tx: Tx, number: string, forUpdate = false): Promise<CertificateRow | undefined> {
  if (forUpdate) await tx.execute(sql`SELECT id FROM certificates WHERE number = ${number} FOR UPDATE`);
  const [row] = await queryRows<CertificateRow>(tx, sql`${CERT_SELECT} WHERE c.number = ${number}`);
  return row;
}

export async function listOfPerson(tx: Tx, streetId: string, personId: string): Promise<CertificateRow[]> {
  return queryRows<CertificateRow>(
    tx,
    sql`${CERT_SELECT} WHERE c.street_id = ${streetId} AND v.person_id = ${personId} ORDER BY c.issued_at DESC, c.id DESC LIMIT 200`,
  );
}

export async function revoke(tx: Tx, id: string, by: string, reason: string, at: Date): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE certificates SET revoked_at = ${at.toISOString()}::timestamptz, revoked_by = ${by}, revoke_reason = ${reason} WHERE id = ${id} AND revoked_at IS NULL RETURNING id`,
  );
  return rows.length > 0;
}

export async function streetAndCommunityNames(tx: Tx, streetId: string, communityId: string | null) {
  const [row] = await queryRows<{
    street: string;
    street_bo: string | null;
    community: string | null;
    community_bo: string | null;
    community_code: string | null;
  }>(
    tx,
    sql`SELECT s.name AS street, s.name_bo AS street_bo, c.name AS community, c.name_bo AS community_bo, c.code AS community_code
        FROM streets s LEFT JOIN communities c ON c.id = ${communityId} AND c.street_id = s.id WHERE s.id = ${streetId}`,
  );
  return row;
}
