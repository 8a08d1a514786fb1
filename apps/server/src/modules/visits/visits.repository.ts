import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  accounts,
  carePlans,
  grids,
  households,
  persons,
  roleAssignments,
  serviceItems,
  teamMembers,
  teams,
  visitCampaigns,
  visits,
  volunteers,
} from '../../schema/index.js';
import type { Tx } from '../../platform/db/client.js';

export type CampaignRow = typeof visitCampaigns.$inferSelect;
export type VisitRow = typeof visits.$inferSelect;
export type CarePlanRow = typeof carePlans.$inferSelect;

export async function findGrids(tx: Tx, streetId: string, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({
      id: grids.id,
      communityId: grids.communityId,
      name: grids.name,
      nameBo: grids.nameBo,
      gridWorkerPersonId: grids.gridWorkerPersonId,
    })
    .from(grids)
    .where(and(eq(grids.streetId, streetId), inArray(grids.id, ids)))
    .orderBy(asc(grids.code));
}

export async function findTeam(tx: Tx, streetId: string, id: string) {
  const [row] = await tx
    .select({ id: teams.id, communityId: teams.communityId })
    .from(teams)
    .where(and(eq(teams.streetId, streetId), eq(teams.id, id)))
    .limit(1);
  return row;
}

export async function serviceItemExists(tx: Tx, streetId: string, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: serviceItems.id })
    .from(serviceItems)
    .where(and(eq(serviceItems.streetId, streetId), eq(serviceItems.id, id), eq(serviceItems.active, true)))
    .limit(1);
  return Boolean(row);
}

export async function insertCampaign(tx: Tx, row: typeof visitCampaigns.$inferInsert): Promise<CampaignRow> {
  const [out] = await tx.insert(visitCampaigns).values(row).returning();
  return out!;
}

export async function findCampaign(tx: Tx, streetId: string, id: string): Promise<CampaignRow | undefined> {
  const [row] = await tx
    .select()
    .from(visitCampaigns)
    .where(and(eq(visitCampaigns.streetId, streetId), eq(visitCampaigns.id, id)))
    .limit(1);
  return row;
}

export const campaignVisibility = {
  communities: (ids: string[]) => (ids.length ? inArray(visitCampaigns.communityId, ids) : undefined),
  teams: (ids: string[]) => (ids.length ? inArray(visitCampaigns.teamId, ids) : undefined),
  grids: (ids: string[]) =>
    ids.length
      ? sql`${visitCampaigns.gridIds} && ARRAY[${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )}]::text[]`
      : undefined,
};

export async function listCampaigns(
  tx: Tx,
  q: {
    streetId: string;
    visibility: SQL | undefined;
    communityId?: string | undefined;
    gridId?: string | undefined;
    after?: [string, string] | undefined;
    limit: number;
  },
): Promise<CampaignRow[]> {
  const conds: (SQL | undefined)[] = [eq(visitCampaigns.streetId, q.streetId), q.visibility];
  if (q.communityId) conds.push(eq(visitCampaigns.communityId, q.communityId));
  if (q.gridId) conds.push(campaignVisibility.grids([q.gridId]));
  if (q.after)
    conds.push(
      or(lt(visitCampaigns.startsOn, q.after[0]), and(eq(visitCampaigns.startsOn, q.after[0]), lt(visitCampaigns.id, q.after[1]))),
    );
  return tx
    .select()
    .from(visitCampaigns)
    .where(and(...conds))
    .orderBy(desc(visitCampaigns.startsOn), desc(visitCampaigns.id))
    .limit(q.limit + 1);
}

/** Campaigns covering a grid on a day (YYYY-MM-DD). */
export async function activeCampaignsForGrid(tx: Tx, gridId: string, day: string): Promise<CampaignRow[]> {
  return tx
    .select()
    .from(visitCampaigns)
    .where(and(campaignVisibility.grids([gridId]), lte(visitCampaigns.startsOn, day), gte(visitCampaigns.endsOn, day)))
    .orderBy(desc(visitCampaigns.startsOn), asc(visitCampaigns.id));
}

export async function findHousehold(tx: Tx, streetId: string, id: string) {
  const [row] = await tx
    .select({ id: households.id, communityId: households.communityId, gridId: households.gridId, address: households.address })
    .from(households)
    .where(and(eq(households.streetId, streetId), eq(households.id, id)))
    .limit(1);
  return row;
}

export async function insertVisit(tx: Tx, row: typeof visits.$inferInsert): Promise<VisitRow> {
  const [out] = await tx.insert(visits).values(row).returning();
  return out!;
}

export async function findVisit(tx: Tx, streetId: string, id: string): Promise<VisitRow | undefined> {
  const [row] = await tx
    .select()
    .from(visits)
    .where(and(eq(visits.streetId, streetId), eq(visits.id, id)))
    .limit(1);
  return row;
}

export async function updateVisitNeeds(tx: Tx, id: string, fromVersion: number, needs: VisitRow['needs']): Promise<boolean> {
  const out = await tx
    .update(visits)
    .set({ needs, version: sql`${visits.version} + 1` })
    .where(and(eq(visits.id, id), eq(visits.version, fromVersion)))
    .returning({ id: visits.id });
  return out.length > 0;
}

export const visitVisibility = {
  communities: (ids: string[]) => (ids.length ? inArray(visits.communityId, ids) : undefined),
  grids: (ids: string[]) => (ids.length ? inArray(visits.gridId, ids) : undefined),
  visitor: (accountId: string) => eq(visits.visitorAccountId, accountId),
  campaigns: (ids: string[]) => (ids.length ? inArray(visits.campaignId, ids) : undefined),
};

export async function listVisits(
  tx: Tx,
  q: {
    streetId: string;
    visibility: SQL | undefined;
    gridId?: string | undefined;
    campaignId?: string | undefined;
    householdId?: string | undefined;
    after?: [string, string] | undefined;
    limit: number;
  },
) {
  const conds: (SQL | undefined)[] = [eq(visits.streetId, q.streetId), q.visibility];
  if (q.gridId) conds.push(eq(visits.gridId, q.gridId));
  if (q.campaignId) conds.push(eq(visits.campaignId, q.campaignId));
  if (q.householdId) conds.push(eq(visits.householdId, q.householdId));
  if (q.after) conds.push(or(lt(visits.at, new Date(q.after[0])), and(eq(visits.at, new Date(q.after[0])), lt(visits.id, q.after[1]))));
  return tx
    .select({ visit: visits, address: households.address, visitorName: persons.name })
    .from(visits)
    .innerJoin(households, eq(households.id, visits.householdId))
    .innerJoin(persons, eq(persons.id, visits.visitorPersonId))
    .where(and(...conds))
    .orderBy(desc(visits.at), desc(visits.id))
    .limit(q.limit + 1);
}

/** Households of a grid with their last visit at which someone was home. */
export async function coverage(tx: Tx, gridId: string, q: { after?: string | undefined; limit: number; overdueBefore?: Date | undefined }) {
  const last = tx
    .select({ householdId: visits.householdId, lastAt: sql<Date>`max(${visits.at})`.as('last_at') })
    .from(visits)
    .where(and(eq(visits.gridId, gridId), eq(visits.present, true)))
    .groupBy(visits.householdId)
    .as('last');
  const conds: (SQL | undefined)[] = [eq(households.gridId, gridId)];
  if (q.after) conds.push(gt(households.id, q.after));
  if (q.overdueBefore) conds.push(or(sql`"last"."last_at" is null`, sql`"last"."last_at" < ${q.overdueBefore.toISOString()}::timestamptz`));
  const rows = await tx
    .select({ id: households.id, address: households.address, lastAt: last.lastAt })
    .from(households)
    .leftJoin(last, eq(last.householdId, households.id))
    .where(and(...conds))
    .orderBy(asc(households.id))
    .limit(q.limit + 1);
  return rows.map((r) => ({ ...r, lastAt: r.lastAt ? new Date(r.lastAt) : null }));
}

/** Per grid: households, and those with a visit (someone home) since `since`. */
export async function gridCounts(tx: Tx, gridIds: string[], since: Date): Promise<Map<string, { households: number; visited: number }>> {
  const out = new Map<string, { households: number; visited: number }>();
  if (!gridIds.length) return out;
  const rows = await tx
    .select({
      gridId: households.gridId,
      households: sql<number>`count(*)::int`,
      visited: sql<number>`count(*) filter (where exists (select 1 from visits v where v.household_id = "households"."id" and v.present and v.at >= ${since.toISOString()}::timestamptz))::int`,
    })
    .from(households)
    .where(inArray(households.gridId, gridIds))
    .groupBy(households.gridId);
  for (const r of rows) out.set(r.gridId, { households: Number(r.households), visited: Number(r.visited) });
  return out;
}

/** Campaign figures per grid and per period (Lhasa time). */
export async function campaignFigures(tx: Tx, campaignId: string, from: Date | undefined, to: Date | undefined, period: 'week' | 'month') {
  const conds: (SQL | undefined)[] = [eq(visits.campaignId, campaignId)];
  if (from) conds.push(gte(visits.at, from));
  if (to) conds.push(lt(visits.at, to));
  const figures = {
    inquiriesAnswered: sql<number>`coalesce(sum(${visits.inquiriesAnswered}), 0)::int`,
    homeVisits: sql<number>`(count(*) filter (where ${visits.present}))::int`,
    visits: sql<number>`count(*)::int`,
  };
  const byGrid = await tx
    .select({ gridId: visits.gridId, ...figures })
    .from(visits)
    .where(and(...conds))
    .groupBy(visits.gridId);
  const bucket = sql<string>`to_char(date_trunc(${period}, ${visits.at} at time zone 'Asia/Shanghai'), ${period === 'week' ? 'IYYY-"W"IW' : 'YYYY-MM'})`;
  const byPeriod = await tx
    .select({ period: bucket, ...figures })
    .from(visits)
    .where(and(...conds))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const num = <T extends { inquiriesAnswered: number; homeVisits: number; visits: number }>(r: T) => ({
    ...r,
    inquiriesAnswered: Number(r.inquiriesAnswered),
    homeVisits: Number(r.homeVisits),
    visits: Number(r.visits),
  });
  return { byGrid: byGrid.map(num), byPeriod: byPeriod.map(num) };
}

/* ---------- care plans ---------- */

export async function findResident(tx: Tx, streetId: string, personId: string) {
  const [row] = await tx
    .select({
      id: persons.id,
      name: persons.name,
      communityId: persons.communityId,
      gridId: persons.gridId,
      householdId: persons.householdId,
    })
    .from(persons)
    .where(and(eq(persons.streetId, streetId), eq(persons.id, personId)))
    .limit(1);
  return row;
}

export async function lastPresentVisit(tx: Tx, householdId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ at: sql<Date | null>`max(${visits.at})` })
    .from(visits)
    .where(and(eq(visits.householdId, householdId), eq(visits.present, true)));
  return row?.at ? new Date(row.at) : null;
}

export async function insertCarePlan(tx: Tx, row: typeof carePlans.$inferInsert): Promise<CarePlanRow> {
  const [out] = await tx.insert(carePlans).values(row).returning();
  return out!;
}

export async function listCarePlans(
  tx: Tx,
  q: { streetId: string; visibility: SQL | undefined; gridId?: string | undefined; after?: string | undefined; limit: number },
) {
  const conds: (SQL | undefined)[] = [eq(carePlans.streetId, q.streetId), q.visibility];
  if (q.gridId) conds.push(eq(carePlans.gridId, q.gridId));
  if (q.after) conds.push(gt(carePlans.id, q.after));
  return tx
    .select({ plan: carePlans, residentName: persons.name })
    .from(carePlans)
    .innerJoin(persons, eq(persons.id, carePlans.residentPersonId))
    .where(and(...conds))
    .orderBy(asc(carePlans.id))
    .limit(q.limit + 1);
}

export async function findCarePlan(tx: Tx, streetId: string, id: string) {
  const [row] = await tx
    .select({ plan: carePlans, residentName: persons.name })
    .from(carePlans)
    .innerJoin(persons, eq(persons.id, carePlans.residentPersonId))
    .where(and(eq(carePlans.streetId, streetId), eq(carePlans.id, id)))
    .limit(1);
  return row;
}

export const carePlanVisibility = {
  communities: (ids: string[]) => (ids.length ? inArray(carePlans.communityId, ids) : undefined),
  grids: (ids: string[]) => (ids.length ? inArray(carePlans.gridId, ids) : undefined),
};

/** A visit with someone home counts for the visit plans of its household: next due = visit + every. */
export async function completeVisitPlans(tx: Tx, householdId: string, at: Date): Promise<void> {
  await tx
    .update(carePlans)
    .set({
      lastDoneAt: at,
      nextDueAt: sql`${at}::timestamptz + make_interval(days => ${carePlans.everyDays})`,
      version: sql`${carePlans.version} + 1`,
    })
    .where(
      and(
        eq(carePlans.householdId, householdId),
        eq(carePlans.kind, 'visit'),
        eq(carePlans.active, true),
        or(isNull(carePlans.lastDoneAt), lt(carePlans.lastDoneAt, at)),
      ),
    );
}

export async function duePlans(tx: Tx, now: Date, limit: number): Promise<CarePlanRow[]> {
  return tx
    .select()
    .from(carePlans)
    .where(and(eq(carePlans.active, true), lte(carePlans.nextDueAt, now)))
    .orderBy(asc(carePlans.nextDueAt), asc(carePlans.id))
    .limit(limit);
}

export async function updateCarePlan(
  tx: Tx,
  id: string,
  fromVersion: number,
  set: Partial<typeof carePlans.$inferInsert>,
): Promise<boolean> {
  const out = await tx
    .update(carePlans)
    .set({ ...set, version: sql`${carePlans.version} + 1` })
    .where(and(eq(carePlans.id, id), eq(carePlans.version, fromVersion)))
    .returning({ id: carePlans.id });
  return out.length > 0;
}

/** Accounts holding the grid-worker role of a grid (told about due and missed visits). */
export async function gridWorkerAccounts(tx: Tx, gridId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: roleAssignments.accountId })
    .from(roleAssignments)
    .innerJoin(accounts, eq(accounts.id, roleAssignments.accountId))
    .where(and(eq(roleAssignments.role, 'grid_worker'), eq(roleAssignments.scopeId, gridId), isNull(roleAssignments.revokedAt)));
  return rows.map((r) => r.id);
}

/** Teams the person is a member of (as a volunteer). */
export async function teamIdsOfPerson(tx: Tx, personId: string): Promise<string[]> {
  const rows = await tx
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(volunteers, eq(volunteers.id, teamMembers.volunteerId))
    .where(eq(volunteers.personId, personId));
  return rows.map((r) => r.teamId);
}
