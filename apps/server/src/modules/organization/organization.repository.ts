import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { accessLog, communities, grids, households, persons, streets, teams, units } from '../../schema/index.js';
import { queryRows, type Tx } from '../../platform/db/client.js';

export async function findStreet(tx: Tx, streetId: string) {
  const [row] = await tx.select().from(streets).where(eq(streets.id, streetId)).limit(1);
  return row;
}

/** Communities of a street with their grid, volunteer and household counts (one grouped pass per table). */
export async function listCommunities(tx: Tx, streetId: string | undefined) {
  const [rows, counts] = await Promise.all([
    tx
      .select()
      .from(communities)
      .where(streetId ? eq(communities.streetId, streetId) : undefined)
      .orderBy(asc(communities.sortOrder), asc(communities.id)),
    queryRows<{ community_id: string; grids: number; households: number; volunteers: number }>(
      tx,
      sql`SELECT c.id AS community_id,
          coalesce(g.n, 0) AS grids, coalesce(h.n, 0) AS households, coalesce(v.n, 0) AS volunteers
        FROM communities c
        LEFT JOIN (SELECT community_id, count(*)::int AS n FROM grids GROUP BY community_id) g ON g.community_id = c.id
        LEFT JOIN (SELECT community_id, count(*)::int AS n FROM households GROUP BY community_id) h ON h.community_id = c.id
        LEFT JOIN (SELECT p.community_id, count(*)::int AS n FROM volunteers vo JOIN persons p ON p.id = vo.person_id
                   WHERE vo.status = 'active' GROUP BY p.community_id) v ON v.community_id = c.id`,
    ),
  ]);
  const byId = new Map(counts.map((c) => [c.community_id, c]));
  return rows.map((community) => {
    const c = byId.get(community.id);
    return { community, gridCount: c?.grids ?? 0, householdCount: c?.households ?? 0, volunteerCount: c?.volunteers ?? 0 };
  });
}

export async function findCommunity(tx: Tx, id: string) {
  const [row] = await tx.select().from(communities).where(eq(communities.id, id)).limit(1);
  return row;
}

export async function listGrids(tx: Tx, filter: { communityId?: string; ids?: string[] }) {
  const conds: SQL[] = [];
  if (filter.communityId) conds.push(eq(grids.communityId, filter.communityId));
  if (filter.ids) conds.push(inArray(grids.id, filter.ids.length ? filter.ids : ['']));
  return tx
    .select({
      grid: grids,
      workerName: persons.name,
      workerPhoneMasked: persons.phoneMasked,
      householdCount: sql<number>`(SELECT count(*)::int FROM households h WHERE h.grid_id = grids.id)`,
      residentCount: sql<number>`(SELECT count(*)::int FROM persons r WHERE r.grid_id = grids.id AND r.is_resident)`,
    })
    .from(grids)
    .leftJoin(persons, eq(persons.id, grids.gridWorkerPersonId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(grids.code));
}

export async function findGrid(tx: Tx, id: string) {
  const [row] = await tx.select().from(grids).where(eq(grids.id, id)).limit(1);
  return row;
}

export async function listTeams(tx: Tx, filter: { communityId?: string; id?: string }) {
  const conds: SQL[] = [];
  if (filter.communityId) conds.push(eq(teams.communityId, filter.communityId));
  if (filter.id) conds.push(eq(teams.id, filter.id));
  return tx
    .select({
      team: teams,
      leaderName: persons.name,
      leaderVolunteerId: sql<string | null>`(SELECT v.id FROM volunteers v WHERE v.person_id = teams.leader_person_id)`,
      communityName: communities.name,
      memberCount: sql<number>`(SELECT count(*)::int FROM team_members m WHERE m.team_id = teams.id)`,
    })
    .from(teams)
    .leftJoin(persons, eq(persons.id, teams.leaderPersonId))
    .leftJoin(communities, eq(communities.id, teams.communityId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(teams.id));
}

export async function listUnits(tx: Tx) {
  return tx.select().from(units).orderBy(asc(units.id));
}

export interface PeopleScope {
  all: boolean;
  communityIds: string[];
  gridIds: string[];
}

function scopeCondition(scope: PeopleScope): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.communityIds.length) parts.push(inArray(persons.communityId, scope.communityIds));
  if (scope.gridIds.length) parts.push(inArray(persons.gridId, scope.gridIds));
  return parts.length ? or(...parts) : sql`false`;
}

export async function listResidents(
  tx: Tx,
  input: { streetId: string; scope: PeopleScope; communityId?: string; gridId?: string; tagToken?: string; after?: string; limit: number },
) {
  const conds: (SQL | undefined)[] = [eq(persons.streetId, input.streetId), eq(persons.isResident, true), scopeCondition(input.scope)];
  if (input.communityId) conds.push(eq(persons.communityId, input.communityId));
  if (input.gridId) conds.push(eq(persons.gridId, input.gridId));
  if (input.tagToken) conds.push(sql`${persons.focusTagIndex} @> ARRAY[${input.tagToken}]::text[]`);
  if (input.after) conds.push(gt(persons.id, input.after));
  return tx
    .select({ person: persons, address: households.address })
    .from(persons)
    .leftJoin(households, eq(households.id, persons.householdId))
    .where(and(...conds))
    .orderBy(asc(persons.id))
    .limit(input.limit + 1);
}

export async function findResident(tx: Tx, input: { streetId: string; scope: PeopleScope; id: string }) {
  const [row] = await tx
    .select({ person: persons, address: households.address })
    .from(persons)
    .leftJoin(households, eq(households.id, persons.householdId))
    .where(and(eq(persons.id, input.id), eq(persons.streetId, input.streetId), eq(persons.isResident, true), scopeCondition(input.scope)))
    .limit(1);
  return row;
}

export async function listHouseholds(tx: Tx, input: { streetId: string; scope: PeopleScope; communityId?: string; gridId?: string; after?: string; limit: number }) {
  const conds: (SQL | undefined)[] = [eq(households.streetId, input.streetId)];
  if (!input.scope.all) {
    const parts: SQL[] = [];
    if (input.scope.communityIds.length) parts.push(inArray(households.communityId, input.scope.communityIds));
    if (input.scope.gridIds.length) parts.push(inArray(households.gridId, input.scope.gridIds));
    conds.push(parts.length ? or(...parts) : sql`false`);
  }
  if (input.communityId) conds.push(eq(households.communityId, input.communityId));
  if (input.gridId) conds.push(eq(households.gridId, input.gridId));
  if (input.after) conds.push(gt(households.id, input.after));
  return tx
    .select({
      household: households,
      memberCount: sql<number>`(SELECT count(*)::int FROM persons p WHERE p.household_id = households.id)`,
    })
    .from(households)
    .where(and(...conds))
    .orderBy(asc(households.id))
    .limit(input.limit + 1);
}

export async function insertAccessLog(tx: Tx, rows: (typeof accessLog.$inferInsert)[]) {
  if (rows.length) await tx.insert(accessLog).values(rows);
}
