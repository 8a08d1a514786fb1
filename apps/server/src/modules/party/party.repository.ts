import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PartyMemberStatus, PartyReportStatus } from '@duodi/contracts';
import { communities, grids, partyReports, units, volunteers } from '../../schema/index.js';
import { queryRows, type Tx } from '../../platform/db/client.js';

export type ReportRow = typeof partyReports.$inferSelect;

export async function findVolunteerOfPerson(tx: Tx, personId: string) {
  const [row] = await tx
    .select({
      id: volunteers.id,
      personId: volunteers.personId,
      streetId: volunteers.streetId,
      status: volunteers.status,
      partyMember: volunteers.partyMember,
      unitId: volunteers.unitId,
    })
    .from(volunteers)
    .where(eq(volunteers.personId, personId))
    .limit(1);
  return row;
}

export async function findVolunteer(tx: Tx, id: string) {
  const [row] = await tx.select({ id: volunteers.id, personId: volunteers.personId }).from(volunteers).where(eq(volunteers.id, id)).limit(1);
  return row;
}

export async function findCommunity(tx: Tx, id: string) {
  const [row] = await tx.select({ id: communities.id, streetId: communities.streetId }).from(communities).where(eq(communities.id, id)).limit(1);
  return row;
}

export async function findGrid(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: grids.id, streetId: grids.streetId, communityId: grids.communityId })
    .from(grids)
    .where(eq(grids.id, id))
    .limit(1);
  return row;
}

export async function findUnit(tx: Tx, id: string) {
  const [row] = await tx.select({ id: units.id, streetId: units.streetId }).from(units).where(eq(units.id, id)).limit(1);
  return row;
}

/** Inserts a report; undefined when the volunteer already has a pending one (partial unique index). */
export async function insertReport(tx: Tx, row: typeof partyReports.$inferInsert) {
  const [inserted] = await tx.insert(partyReports).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function findReport(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = tx.select().from(partyReports).where(eq(partyReports.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findPendingReport(tx: Tx, volunteerId: string) {
  const [row] = await tx
    .select({ id: partyReports.id })
    .from(partyReports)
    .where(and(eq(partyReports.volunteerId, volunteerId), eq(partyReports.status, 'pending')))
    .limit(1);
  return row;
}

export async function findConfirmedReport(tx: Tx, volunteerId: string) {
  const [row] = await tx
    .select()
    .from(partyReports)
    .where(and(eq(partyReports.volunteerId, volunteerId), eq(partyReports.status, 'confirmed')))
    .limit(1);
  return row;
}

/** The volunteer's earlier confirmed report gives way to a newer one (one community and unit at a time). */
export async function supersedeConfirmed(tx: Tx, input: { volunteerId: string; exceptId: string; at: Date }) {
  return tx
    .update(partyReports)
    .set({ status: 'superseded', decidedAt: input.at })
    .where(and(eq(partyReports.volunteerId, input.volunteerId), eq(partyReports.status, 'confirmed'), sql`${partyReports.id} <> ${input.exceptId}`))
    .returning({ id: partyReports.id, communityId: partyReports.communityId, unitId: partyReports.unitId });
}

/** Compare and set: decides a pending report; undefined when it was no longer pending. */
export async function decideReport(tx: Tx, input: { id: string; to: 'confirmed' | 'rejected'; byAccountId: string; at: Date; reason?: string }) {
  const [row] = await tx
    .update(partyReports)
    .set({ status: input.to, decidedByAccountId: input.byAccountId, decidedAt: input.at, reason: input.reason ?? null })
    .where(and(eq(partyReports.id, input.id), eq(partyReports.status, 'pending')))
    .returning();
  return row;
}

export async function setVolunteerParty(tx: Tx, input: { volunteerId: string; partyMember: boolean; unitId: string | null }) {
  await tx.update(volunteers).set({ partyMember: input.partyMember, unitId: input.unitId }).where(eq(volunteers.id, input.volunteerId));
}

/** Puts back the volunteer's party flag and unit, unless they changed since the report (compare and set on the unit). */
export async function restoreVolunteerParty(tx: Tx, input: { volunteerId: string; expectUnitId: string; partyMember: boolean; unitId: string | null }) {
  await tx
    .update(volunteers)
    .set({ partyMember: input.partyMember, unitId: input.unitId })
    .where(and(eq(volunteers.id, input.volunteerId), eq(volunteers.unitId, input.expectUnitId)));
}

export interface ReportListRow {
  id: string;
  volunteer_id: string;
  volunteer_no: string;
  name: string;
  name_bo: string | null;
  community_id: string;
  community_name: string;
  grid_id: string;
  grid_name: string;
  unit_id: string;
  unit_name: string;
  channel: 'cloud' | 'offline';
  status: PartyReportStatus;
  reason: string | null;
  reported_at: Date | string;
  decided_at: Date | string | null;
}

/** Reports newest first; keyset after (reportedAt, id). `communityIds` limits to those communities. */
export async function listReports(
  tx: Tx,
  input: {
    streetId: string;
    communityIds?: string[];
    communityId?: string;
    volunteerId?: string;
    id?: string;
    status?: PartyReportStatus;
    after?: [string, string];
    limit: number;
  },
) {
  const conds: SQL[] = [sql`r.street_id = ${input.streetId}`];
  if (input.communityIds) {
    conds.push(input.communityIds.length ? sql`r.community_id IN (${sql.join(input.communityIds.map((c) => sql`${c}`), sql`, `)})` : sql`false`);
  }
  if (input.communityId) conds.push(sql`r.community_id = ${input.communityId}`);
  if (input.volunteerId) conds.push(sql`r.volunteer_id = ${input.volunteerId}`);
  if (input.id) conds.push(sql`r.id = ${input.id}`);
  if (input.status) conds.push(sql`r.status = ${input.status}`);
  if (input.after) conds.push(sql`(r.reported_at, r.id) < (${input.after[0]}::timestamptz, ${input.after[1]}::text)`);
  return queryRows<ReportListRow>(
    tx,
    sql`SELECT r.id, r.volunteer_id, v.volunteer_no, p.name, p.name_bo, r.community_id, c.name AS community_name,
          r.grid_id, g.name AS grid_name, r.unit_id, u.name AS unit_name, r.channel, r.status, r.reason, r.reported_at, r.decided_at
        FROM party_reports r
        JOIN volunteers v ON v.id = r.volunteer_id
        JOIN persons p ON p.id = v.person_id
        JOIN communities c ON c.id = r.community_id
        JOIN grids g ON g.id = r.grid_id
        JOIN units u ON u.id = r.unit_id
        WHERE ${sql.join(conds, sql` AND `)}
        ORDER BY r.reported_at DESC, r.id DESC
        LIMIT ${input.limit + 1}`,
  );
}

export interface UnitMemberRow {
  volunteer_id: string;
  volunteer_no: string;
  name: string;
  name_bo: string | null;
  verified_minutes: number;
  last_service_at: Date | string | null;
  report_status: 'pending' | 'confirmed' | null;
  report_reported_at: Date | string | null;
  report_community_id: string | null;
  status: PartyMemberStatus;
}

/**
 * The unit's in-service party members (volunteers with party_member and this unit_id) and their
 * DR-18 status in [from, to): not_reported without a report confirmed before the period's end;
 * active with service in the period (volunteers.last_service_at until service records exist);
 * otherwise no_service. Ordered by volunteer number; keyset after it.
 */
export async function listUnitMembers(
  tx: Tx,
  input: { streetId: string; unitId: string; from: Date; to: Date; status?: PartyMemberStatus; afterNo?: string; limit: number },
) {
  const from = input.from.toISOString();
  const to = input.to.toISOString();
  const outer: SQL[] = [sql`true`];
  if (input.status) outer.push(sql`x.status = ${input.status}`);
  if (input.afterNo) outer.push(sql`x.volunteer_no > ${input.afterNo}`);
  return queryRows<UnitMemberRow>(
    tx,
    sql`SELECT * FROM (
          SELECT v.id AS volunteer_id, v.volunteer_no, p.name, p.name_bo, v.verified_minutes, v.last_service_at,
            r.status AS report_status, r.reported_at AS report_reported_at, r.community_id AS report_community_id,
            CASE
              WHEN r.status IS DISTINCT FROM 'confirmed' OR r.reported_at >= ${to}::timestamptz THEN 'not_reported'
              WHEN v.last_service_at >= ${from}::timestamptz AND v.last_service_at < ${to}::timestamptz THEN 'active'
              ELSE 'no_service'
            END AS status
          FROM volunteers v
          JOIN persons p ON p.id = v.person_id
          LEFT JOIN LATERAL (
            SELECT pr.status, pr.reported_at, pr.community_id FROM party_reports pr
            WHERE pr.volunteer_id = v.id AND pr.unit_id = v.unit_id AND pr.status IN ('confirmed', 'pending')
            ORDER BY (pr.status = 'confirmed') DESC, pr.reported_at DESC
            LIMIT 1
          ) r ON true
          WHERE v.street_id = ${input.streetId} AND v.unit_id = ${input.unitId} AND v.party_member AND v.status = 'active'
        ) x
        WHERE ${sql.join(outer, sql` AND `)}
        ORDER BY x.volunteer_no
        LIMIT ${input.limit + 1}`,
  );
}
