import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';

export const DEFAULT_THRESHOLDS_HOURS = [100, 300, 600, 1000, 1500] as const;

export interface AwardRow {
  id: string;
  street_id: string;
  volunteer_id: string;
  level: number;
  verified_minutes: number;
  status: 'proposed' | 'reviewed' | 'on_notice' | 'awarded' | 'rejected' | 'revoked';
  proposed_at: Date | string;
  reviewed_at: Date | string | null;
  notice_start: string | null;
  notice_end: string | null;
  awarded_at: Date | string | null;
  decided_reason: string | null;
  revoked_at: Date | string | null;
  revoke_reason: string | null;
  version: number;
  volunteer_no: string;
  name: string;
  community_id: string | null;
  account_id: string | null;
  open_objections: number | string;
}

const AWARD_SELECT = sql`SELECT a.id, a.street_id, a.volunteer_id, a.level, a.verified_minutes, a.status, a.proposed_at, a.reviewed_at,
    a.notice_start::text AS notice_start, a.notice_end::text AS notice_end, a.awarded_at, a.decided_reason, a.revoked_at, a.revoke_reason, a.version,
    v.volunteer_no, p.name, p.community_id,
    (SELECT ac.id FROM accounts ac WHERE ac.person_id = v.person_id AND ac.status = 'active' ORDER BY ac.created_at LIMIT 1) AS account_id,
    (SELECT count(*) FROM star_objections o WHERE o.award_id = a.id AND o.status = 'open') AS open_objections
  FROM star_awards a JOIN volunteers v ON v.id = a.volunteer_id JOIN persons p ON p.id = v.person_id`;

export async function thresholdsOf(tx: Tx, streetId: string): Promise<number[]> {
  const [row] = await queryRows<{ t: number[] }>(tx, sql`SELECT star_thresholds_hours AS t FROM point_rules WHERE street_id = ${streetId}`);
  return row?.t?.map(Number) ?? [...DEFAULT_THRESHOLDS_HOURS];
}

export async function blockYearsOf(tx: Tx, streetId: string): Promise<number> {
  const [row] = await queryRows<{ y: number }>(tx, sql`SELECT block_years AS y FROM star_settings WHERE street_id = ${streetId}`);
  return row ? Number(row.y) : 2;
}

/** The thresholds live in point_rules (0009, read by records for volunteers.star); the block period in star_settings. */
export async function saveSettings(
  tx: Tx,
  streetId: string,
  thresholdsHours: number[],
  blockYears: number,
  byAccountId: string,
): Promise<void> {
  const arr = sql`ARRAY[${sql.join(
    thresholdsHours.map((h) => sql`${h}`),
    sql`, `,
  )}]::int[]`;
  await tx.execute(
    sql`INSERT INTO point_rules (street_id, star_thresholds_hours, updated_by_account_id, updated_at) VALUES (${streetId}, ${arr}, ${byAccountId}, now())
        ON CONFLICT (street_id) DO UPDATE SET star_thresholds_hours = EXCLUDED.star_thresholds_hours, updated_by_account_id = EXCLUDED.updated_by_account_id, updated_at = now()`,
  );
  await tx.execute(
    sql`INSERT INTO star_settings (street_id, block_years, updated_by, updated_at) VALUES (${streetId}, ${blockYears}, ${byAccountId}, now())
        ON CONFLICT (street_id) DO UPDATE SET block_years = EXCLUDED.block_years, updated_by = EXCLUDED.updated_by, updated_at = now()`,
  );
}

export async function findAward(tx: Tx, streetId: string, id: string, forUpdate = false): Promise<AwardRow | undefined> {
  if (forUpdate) await tx.execute(sql`SELECT id FROM star_awards WHERE id = ${id} FOR UPDATE`);
  const [row] = await queryRows<AwardRow>(tx, sql`${AWARD_SELECT} WHERE a.street_id = ${streetId} AND a.id = ${id}`);
  return row;
}

export async function listAwards(
  tx: Tx,
  input: { streetId: string; status?: string; communityIds?: string[]; communityId?: string; after?: [string, string]; limit: number },
): Promise<AwardRow[]> {
  const where: SQL[] = [sql`a.street_id = ${input.streetId}`];
  if (input.status) where.push(sql`a.status = ${input.status}`);
  if (input.communityIds)
    where.push(
      input.communityIds.length
        ? sql`p.community_id IN (${sql.join(
            input.communityIds.map((c) => sql`${c}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (input.communityId) where.push(sql`p.community_id = ${input.communityId}`);
  if (input.after) where.push(sql`(a.proposed_at, a.id) < (${input.after[0]}::timestamptz, ${input.after[1]})`);
  return queryRows<AwardRow>(
    tx,
    sql`${AWARD_SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY a.proposed_at DESC, a.id DESC LIMIT ${input.limit + 1}`,
  );
}

export async function listNotices(tx: Tx, streetId: string, today: string): Promise<AwardRow[]> {
  return queryRows<AwardRow>(
    tx,
    sql`${AWARD_SELECT} WHERE a.street_id = ${streetId} AND a.status = 'on_notice' AND a.notice_start <= ${today}::date ORDER BY a.notice_start DESC, a.id LIMIT 500`,
  );
}

/** Compare and set: moves one award from `from` to `to` at its version; undefined when someone else moved it first. */
export async function moveAward(tx: Tx, id: string, from: string[], version: number, set: SQL): Promise<{ id: string } | undefined> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE star_awards SET ${set}, version = version + 1
        WHERE id = ${id} AND status IN (${sql.join(
          from.map((s) => sql`${s}`),
          sql`, `,
        )}) AND version = ${version} RETURNING id`,
  );
  return row;
}

/** Volunteers whose eligibility level is above their standing award and who have no open award and no block. */
export async function dueForProposal(tx: Tx, streetId: string, now: Date, limit = 5000) {
  return queryRows<{ volunteer_id: string; star: number; verified_minutes: number; awarded: number; account_id: string | null }>(
    tx,
    sql`SELECT v.id AS volunteer_id, v.star, v.verified_minutes,
          coalesce((SELECT max(level) FROM star_awards s WHERE s.volunteer_id = v.id AND s.status = 'awarded'), 0) AS awarded,
          (SELECT ac.id FROM accounts ac WHERE ac.person_id = v.person_id AND ac.status = 'active' ORDER BY ac.created_at LIMIT 1) AS account_id
        FROM volunteers v
        WHERE v.street_id = ${streetId} AND v.status = 'active' AND v.star > 0
          AND v.star > coalesce((SELECT max(level) FROM star_awards s WHERE s.volunteer_id = v.id AND s.status = 'awarded'), 0)
          AND NOT EXISTS (SELECT 1 FROM star_awards s WHERE s.volunteer_id = v.id AND s.status IN ('proposed', 'reviewed', 'on_notice'))
          AND NOT EXISTS (SELECT 1 FROM star_awards s WHERE s.volunteer_id = v.id AND s.level = v.star AND s.status = 'awarded')
          AND NOT EXISTS (SELECT 1 FROM star_blocks b WHERE b.volunteer_id = v.id AND b.blocked_until > ${now.toISOString()}::timestamptz)
        ORDER BY v.id LIMIT ${limit}`,
  );
}

export async function insertProposal(
  tx: Tx,
  row: { id: string; streetId: string; volunteerId: string; level: number; verifiedMinutes: number; at: Date },
): Promise<boolean> {
  const inserted = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO star_awards (id, street_id, volunteer_id, level, verified_minutes, status, proposed_at)
        VALUES (${row.id}, ${row.streetId}, ${row.volunteerId}, ${row.level}, ${row.verifiedMinutes}, 'proposed', ${row.at.toISOString()}::timestamptz)
        ON CONFLICT DO NOTHING RETURNING id`,
  );
  return inserted.length > 0;
}

export async function noticesEnded(tx: Tx, streetId: string, today: string) {
  return queryRows<{ id: string }>(
    tx,
    sql`SELECT a.id FROM star_awards a WHERE a.street_id = ${streetId} AND a.status = 'on_notice' AND a.notice_end < ${today}::date
          AND NOT EXISTS (SELECT 1 FROM star_objections o WHERE o.award_id = a.id AND o.status = 'open') ORDER BY a.id`,
  );
}

export async function awardedLevel(tx: Tx, volunteerId: string): Promise<number> {
  const [row] = await queryRows<{ l: number | null }>(
    tx,
    sql`SELECT max(level) AS l FROM star_awards WHERE volunteer_id = ${volunteerId} AND status = 'awarded'`,
  );
  return Number(row?.l ?? 0);
}

export async function activeBlock(tx: Tx, volunteerId: string, now: Date) {
  const [row] = await queryRows<{ id: string; blocked_until: Date | string }>(
    tx,
    sql`SELECT id, blocked_until FROM star_blocks WHERE volunteer_id = ${volunteerId} AND blocked_until > ${now.toISOString()}::timestamptz ORDER BY blocked_until DESC LIMIT 1`,
  );
  return row;
}

export async function insertBlock(
  tx: Tx,
  row: { id: string; streetId: string; volunteerId: string; reason: string; from: Date; until: Date; by: string },
) {
  await tx.execute(
    sql`INSERT INTO star_blocks (id, street_id, volunteer_id, reason, blocked_from, blocked_until, created_by)
        VALUES (${row.id}, ${row.streetId}, ${row.volunteerId}, ${row.reason}, ${row.from.toISOString()}::timestamptz, ${row.until.toISOString()}::timestamptz, ${row.by})`,
  );
}

export async function openAwardsOf(tx: Tx, volunteerId: string) {
  return queryRows<{ id: string; status: string; version: number; level: number }>(
    tx,
    sql`SELECT id, status, version, level FROM star_awards WHERE volunteer_id = ${volunteerId} AND status IN ('proposed', 'reviewed', 'on_notice') FOR UPDATE`,
  );
}

export interface ObjectionRow {
  id: string;
  award_id: string;
  street_id: string;
  text: string;
  status: 'open' | 'upheld' | 'dismissed';
  created_at: Date | string;
  resolved_at: Date | string | null;
  resolution_note: string | null;
}

export async function insertObjection(
  tx: Tx,
  row: { id: string; streetId: string; awardId: string; accountId: string; text: string; at: Date },
) {
  await tx.execute(
    sql`INSERT INTO star_objections (id, street_id, award_id, account_id, text, created_at)
        VALUES (${row.id}, ${row.streetId}, ${row.awardId}, ${row.accountId}, ${row.text}, ${row.at.toISOString()}::timestamptz)`,
  );
}

export async function findObjection(tx: Tx, streetId: string, id: string): Promise<ObjectionRow | undefined> {
  const [row] = await queryRows<ObjectionRow>(tx, sql`SELECT * FROM star_objections WHERE street_id = ${streetId} AND id = ${id}`);
  return row;
}

export async function listObjections(tx: Tx, awardId: string): Promise<ObjectionRow[]> {
  return queryRows<ObjectionRow>(tx, sql`SELECT * FROM star_objections WHERE award_id = ${awardId} ORDER BY created_at, id`);
}

export async function resolveObjection(tx: Tx, id: string, decision: 'upheld' | 'dismissed', note: string, by: string, at: Date) {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE star_objections SET status = ${decision}, resolution_note = ${note}, resolved_by = ${by}, resolved_at = ${at.toISOString()}::timestamptz
        WHERE id = ${id} AND status = 'open' RETURNING id`,
  );
  return row;
}

export async function findVolunteer(tx: Tx, streetId: string, id: string) {
  const [row] = await queryRows<{ id: string; star: number; verified_minutes: number; community_id: string | null; person_id: string }>(
    tx,
    sql`SELECT v.id, v.star, v.verified_minutes, p.community_id, v.person_id FROM volunteers v JOIN persons p ON p.id = v.person_id WHERE v.street_id = ${streetId} AND v.id = ${id}`,
  );
  return row;
}

/** The awards (every status) of a person's volunteer records, newest proposal first. */
export async function listAwardsOfPerson(tx: Tx, streetId: string, personId: string): Promise<AwardRow[]> {
  return queryRows<AwardRow>(
    tx,
    sql`${AWARD_SELECT} WHERE a.street_id = ${streetId} AND v.person_id = ${personId} ORDER BY a.proposed_at DESC, a.id DESC LIMIT 200`,
  );
}
