import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';

/** One round trip for the street dashboard's headline numbers. */
export async function overview(tx: Tx, streetId: string | undefined, since30d: Date) {
  const street = streetId ? sql`street_id = ${streetId}` : sql`true`;
  const rows = await queryRows<{
    communities: number;
    teams: number;
    volunteers: number;
    active30d: number;
    verified_minutes: number;
    residents: number;
    households: number;
    focus: number;
    party: number;
    units: number;
    demands_open: number;
    demands_completed: number;
  }>(
    tx,
    sql`SELECT
      (SELECT count(*)::int FROM communities WHERE ${street}) AS communities,
      (SELECT count(*)::int FROM teams WHERE ${street}) AS teams,
      (SELECT count(*)::int FROM volunteers WHERE ${street} AND status = 'active') AS volunteers,
      (SELECT count(*)::int FROM volunteers WHERE ${street} AND status = 'active' AND last_service_at >= ${since30d.toISOString()}::timestamptz) AS active30d,
      (SELECT coalesce(sum(verified_minutes), 0)::int FROM volunteers WHERE ${street}) AS verified_minutes,
      (SELECT count(*)::int FROM persons WHERE ${street} AND is_resident) AS residents,
      (SELECT count(*)::int FROM households WHERE ${street}) AS households,
      (SELECT count(*)::int FROM persons WHERE ${street} AND is_resident AND cardinality(focus_tag_index) > 0) AS focus,
      (SELECT count(*)::int FROM volunteers WHERE ${street} AND party_member) AS party,
      (SELECT count(*)::int FROM units WHERE ${street}) AS units,
      (SELECT count(*)::int FROM demands WHERE ${street} AND status IN ('submitted', 'published', 'assigned', 'accepted', 'in_service')) AS demands_open,
      (SELECT count(*)::int FROM demands WHERE ${street} AND status IN ('completed', 'rated', 'closed')) AS demands_completed`);
  return rows[0]!;
}
