import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';

const inList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * DR-18 community-side service of volunteers in [from, to): verified minutes of records served in the
 * period (with a community), and the points the ledger credited for those records — service_earned
 * postings minus their reversals and claw-backs. Points come only from verified service records.
 */
export async function periodService(
  tx: Tx,
  volunteerIds: string[],
  from: Date,
  to: Date,
): Promise<Map<string, { minutes: number; points: number }>> {
  const out = new Map<string, { minutes: number; points: number }>();
  if (!volunteerIds.length) return out;
  const minutes = await queryRows<{ volunteer_id: string; minutes: number | string }>(
    tx,
    sql`SELECT volunteer_id, sum(credited_minutes) AS minutes FROM service_records
        WHERE volunteer_id IN (${inList(volunteerIds)}) AND status = 'verified' AND community_id IS NOT NULL
          AND served_on >= ${day(from)}::date AND served_on < ${day(to)}::date
        GROUP BY volunteer_id`,
  );
  const points = await queryRows<{ volunteer_id: string; points: number | string }>(
    tx,
    sql`SELECT sr.volunteer_id, sum(CASE WHEN t.to_account_id = la.id THEN t.amount ELSE -t.amount END) AS points
        FROM volunteers v
        JOIN ledger_accounts la ON la.street_id = v.street_id AND la.kind = 'person' AND la.owner_id = v.person_id AND la.currency = 'points'
        JOIN ledger_transfers t ON t.to_account_id = la.id OR t.from_account_id = la.id
        LEFT JOIN ledger_transfers orig ON t.ref_type = 'service_record_clawback' AND orig.id = t.ref_id
        JOIN service_records sr ON sr.id = CASE WHEN t.ref_type = 'service_record' THEN t.ref_id ELSE orig.ref_id END
        WHERE v.id IN (${inList(volunteerIds)}) AND t.ref_type IN ('service_record', 'service_record_clawback')
          AND sr.volunteer_id = v.id AND sr.community_id IS NOT NULL
          AND sr.served_on >= ${day(from)}::date AND sr.served_on < ${day(to)}::date
        GROUP BY sr.volunteer_id`,
  );
  for (const id of volunteerIds) out.set(id, { minutes: 0, points: 0 });
  for (const m of minutes) out.get(m.volunteer_id)!.minutes = Number(m.minutes);
  for (const p of points) out.get(p.volunteer_id)!.points = Number(p.points);
  return out;
}

export async function findUnit(tx: Tx, streetId: string, id: string) {
  const [row] = await queryRows<{ id: string; name: string }>(
    tx,
    sql`SELECT id, name FROM units WHERE street_id = ${streetId} AND id = ${id}`,
  );
  return row;
}

export interface UnitMemberRow {
  volunteer_id: string;
  volunteer_no: string;
  name: string;
  report_status: 'confirmed' | 'pending' | null;
  reported_at: Date | string | null;
  community_name: string | null;
  verified_minutes: number;
  status: 'active' | 'no_service' | 'not_reported';
}

/** The unit's in-service party members with their report state in the period (as GET /units/{id}/party-members). */
export async function unitMembers(tx: Tx, streetId: string, unitId: string, from: Date, to: Date): Promise<UnitMemberRow[]> {
  return queryRows<UnitMemberRow>(
    tx,
    sql`SELECT v.id AS volunteer_id, v.volunteer_no, p.name, r.status AS report_status, r.reported_at, c.name AS community_name, v.verified_minutes,
          CASE
            WHEN r.status IS DISTINCT FROM 'confirmed' OR r.reported_at >= ${to.toISOString()}::timestamptz THEN 'not_reported'
            WHEN v.last_service_at >= ${from.toISOString()}::timestamptz AND v.last_service_at < ${to.toISOString()}::timestamptz THEN 'active'
            ELSE 'no_service'
          END AS status
        FROM volunteers v
        JOIN persons p ON p.id = v.person_id
        LEFT JOIN LATERAL (
          SELECT pr.status, pr.reported_at, pr.community_id FROM party_reports pr
          WHERE pr.volunteer_id = v.id AND pr.unit_id = v.unit_id AND pr.status IN ('confirmed', 'pending')
          ORDER BY (pr.status = 'confirmed') DESC, pr.reported_at DESC LIMIT 1
        ) r ON true
        LEFT JOIN communities c ON c.id = r.community_id
        WHERE v.street_id = ${streetId} AND v.unit_id = ${unitId} AND v.party_member AND v.status = 'active'
        ORDER BY v.volunteer_no`,
  );
}

export interface AwardsRow {
  volunteer_id: string;
  volunteer_no: string;
  name: string;
  community_id: string | null;
  minutes: number | string;
  records: number | string;
  avg_rating: number | string | null;
  star: number;
  verified_minutes: number;
}

/** Volunteers ranked by verified minutes served in [from, to), with the average rating of their demands. */
export async function awardsRanking(
  tx: Tx,
  input: { streetId: string; from: Date; to: Date; communityIds?: string[]; limit: number },
): Promise<AwardsRow[]> {
  const where: SQL[] = [sql`v.street_id = ${input.streetId}`];
  if (input.communityIds) where.push(sql`p.community_id IN (${inList(input.communityIds)})`);
  return queryRows<AwardsRow>(
    tx,
    sql`SELECT v.id AS volunteer_id, v.volunteer_no, p.name, p.community_id, s.minutes, s.records, s.avg_rating, v.star, v.verified_minutes
        FROM (
          SELECT sr.volunteer_id, sum(sr.credited_minutes) AS minutes, count(*) AS records, avg(d.rating)::float AS avg_rating
          FROM service_records sr LEFT JOIN demands d ON d.id = sr.demand_id
          WHERE sr.street_id = ${input.streetId} AND sr.status = 'verified'
            AND sr.served_on >= ${day(input.from)}::date AND sr.served_on < ${day(input.to)}::date
          GROUP BY sr.volunteer_id
        ) s
        JOIN volunteers v ON v.id = s.volunteer_id
        JOIN persons p ON p.id = v.person_id
        WHERE ${sql.join(where, sql` AND `)} AND s.minutes > 0
        ORDER BY s.minutes DESC, s.records DESC, v.volunteer_no
        LIMIT ${input.limit}`,
  );
}
