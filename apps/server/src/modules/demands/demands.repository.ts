import { and, asc, desc, eq, gte, inArray, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { DemandStatus } from '@duodi/contracts';
import {
  accessLog,
  communities,
  demandHistory,
  demands,
  demandVolunteers,
  grids,
  households,
  idempotencyKeys,
  persons,
  serviceItems,
  serviceRecords,
  teamMembers,
  teams,
  volunteerAvailability,
  volunteers,
} from '../../schema/index.js';
import { queryRows, type Tx } from '../../platform/db/client.js';

export type DemandRow = typeof demands.$inferSelect;
export type ServiceItemRow = typeof serviceItems.$inferSelect;
export type HistoryRow = typeof demandHistory.$inferSelect;

export async function listServiceItems(tx: Tx, streetId: string): Promise<ServiceItemRow[]> {
  return tx
    .select()
    .from(serviceItems)
    .where(and(eq(serviceItems.streetId, streetId), eq(serviceItems.active, true)))
    .orderBy(asc(serviceItems.sortOrder), asc(serviceItems.id));
}

export async function findServiceItem(tx: Tx, streetId: string, id: string): Promise<ServiceItemRow | undefined> {
  const [row] = await tx
    .select()
    .from(serviceItems)
    .where(and(eq(serviceItems.streetId, streetId), eq(serviceItems.id, id), eq(serviceItems.active, true)))
    .limit(1);
  return row;
}

export async function findGrid(tx: Tx, streetId: string, id: string) {
  const [row] = await tx
    .select()
    .from(grids)
    .where(and(eq(grids.streetId, streetId), eq(grids.id, id)))
    .limit(1);
  return row;
}

export async function gridsOfStreet(tx: Tx, streetId: string) {
  return tx.select().from(grids).where(eq(grids.streetId, streetId)).orderBy(asc(grids.id));
}

export async function findPerson(tx: Tx, streetId: string, id: string) {
  const [row] = await tx
    .select({ person: persons, address: households.address })
    .from(persons)
    .leftJoin(households, eq(households.id, persons.householdId))
    .where(and(eq(persons.streetId, streetId), eq(persons.id, id)))
    .limit(1);
  return row;
}

export async function findTeam(tx: Tx, streetId: string, id: string) {
  const [row] = await tx
    .select()
    .from(teams)
    .where(and(eq(teams.streetId, streetId), eq(teams.id, id)))
    .limit(1);
  return row;
}

/** The caller's volunteer record (if any) and the teams it belongs to. */
export async function volunteerOfPerson(tx: Tx, personId: string): Promise<{ id: string; teamIds: string[] } | undefined> {
  const [v] = await tx
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(and(eq(volunteers.personId, personId), eq(volunteers.status, 'active')))
    .limit(1);
  if (!v) return undefined;
  const rows = await tx.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.volunteerId, v.id));
  return { id: v.id, teamIds: rows.map((r) => r.teamId) };
}

/** Communities of teams (null for street-level teams). */
export async function teamCommunities(tx: Tx, teamIds: string[]): Promise<(string | null)[]> {
  if (!teamIds.length) return [];
  const rows = await tx.select({ communityId: teams.communityId }).from(teams).where(inArray(teams.id, teamIds));
  return rows.map((r) => r.communityId);
}

export async function findDemand(tx: Tx, streetId: string, id: string, lock = false): Promise<DemandRow | undefined> {
  const q = tx
    .select()
    .from(demands)
    .where(and(eq(demands.streetId, streetId), eq(demands.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function acceptedVolunteerIds(tx: Tx, demandId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: demandVolunteers.volunteerId })
    .from(demandVolunteers)
    .where(eq(demandVolunteers.demandId, demandId))
    .orderBy(asc(demandVolunteers.acceptedAt), asc(demandVolunteers.volunteerId));
  return rows.map((r) => r.id);
}

export async function volunteerIdsOf(tx: Tx, demandIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!demandIds.length) return map;
  const rows = await tx
    .select({ demandId: demandVolunteers.demandId, id: demandVolunteers.volunteerId })
    .from(demandVolunteers)
    .where(inArray(demandVolunteers.demandId, demandIds))
    .orderBy(asc(demandVolunteers.acceptedAt), asc(demandVolunteers.volunteerId));
  for (const r of rows) map.set(r.demandId, [...(map.get(r.demandId) ?? []), r.id]);
  return map;
}

export async function historyOf(tx: Tx, demandId: string): Promise<HistoryRow[]> {
  return tx.select().from(demandHistory).where(eq(demandHistory.demandId, demandId)).orderBy(asc(demandHistory.id));
}

export async function insertDemand(tx: Tx, row: typeof demands.$inferInsert): Promise<DemandRow> {
  const [inserted] = await tx.insert(demands).values(row).returning();
  return inserted!;
}

export async function insertHistory(tx: Tx, row: typeof demandHistory.$inferInsert): Promise<void> {
  await tx.insert(demandHistory).values(row);
}

/**
 * Compare and set: changes the demand only when its status and version are still the ones the
 * caller read; undefined when someone else changed it first.
 */
export async function updateDemand(
  tx: Tx,
  input: { id: string; fromStatus: DemandStatus; fromVersion: number; set: Partial<typeof demands.$inferInsert>; now: Date },
): Promise<DemandRow | undefined> {
  const [row] = await tx
    .update(demands)
    .set({ ...input.set, version: sql`${demands.version} + 1`, updatedAt: input.now })
    .where(and(eq(demands.id, input.id), eq(demands.status, input.fromStatus), eq(demands.version, input.fromVersion)))
    .returning();
  return row;
}

/**
 * Takes one volunteer slot of an `assigned` demand. The WHERE re-checks the row after any
 * concurrent writer commits (READ COMMITTED), so of two volunteers racing for the last slot exactly
 * one UPDATE matches; the demand becomes `accepted` when the last slot is taken.
 */
export async function takeSlot(tx: Tx, input: { id: string; now: Date; slaDueAt: Date | null }): Promise<DemandRow | undefined> {
  const [row] = await tx
    .update(demands)
    .set({
      acceptedCount: sql`${demands.acceptedCount} + 1`,
      status: sql`CASE WHEN ${demands.acceptedCount} + 1 >= ${demands.volunteersNeeded} THEN 'accepted' ELSE 'assigned' END`,
      slaDueAt: sql`CASE WHEN ${demands.acceptedCount} + 1 >= ${demands.volunteersNeeded} THEN ${input.slaDueAt} ELSE ${demands.slaDueAt} END`,
      version: sql`${demands.version} + 1`,
      updatedAt: input.now,
    })
    .where(and(eq(demands.id, input.id), eq(demands.status, 'assigned'), lt(demands.acceptedCount, demands.volunteersNeeded)))
    .returning();
  return row;
}

export async function insertDemandVolunteer(tx: Tx, row: typeof demandVolunteers.$inferInsert): Promise<void> {
  await tx.insert(demandVolunteers).values(row);
}

export async function insertServiceRecords(tx: Tx, rows: (typeof serviceRecords.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(serviceRecords).values(rows);
}

export async function insertAccessLog(tx: Tx, row: typeof accessLog.$inferInsert): Promise<void> {
  await tx.insert(accessLog).values(row);
}

/* ---------- lists ---------- */

export interface DemandListFilter {
  streetId: string;
  /** OR of the caller's visibility conditions; undefined = the whole street. */
  visibility: SQL | undefined;
  status?: DemandStatus | undefined;
  communityId?: string | undefined;
  gridId?: string | undefined;
  teamId?: string | undefined;
  urgency?: 'normal' | 'urgent' | undefined;
  overdue?: boolean | undefined;
  /** Words of the description (ILIKE) or the exact id. */
  q?: string | undefined;
  /** Blind index of a focus tag the beneficiary carries. */
  focusTagToken?: string | undefined;
  now: Date;
  after?: [string, string] | undefined;
  limit: number;
}

const CLOSED: DemandStatus[] = ['closed', 'rejected', 'cancelled'];

export async function listDemands(tx: Tx, f: DemandListFilter): Promise<DemandRow[]> {
  const conds: (SQL | undefined)[] = [eq(demands.streetId, f.streetId), f.visibility];
  if (f.status) conds.push(eq(demands.status, f.status));
  if (f.communityId) conds.push(eq(demands.communityId, f.communityId));
  if (f.gridId) conds.push(eq(demands.gridId, f.gridId));
  if (f.teamId) conds.push(eq(demands.teamId, f.teamId));
  if (f.urgency) conds.push(eq(demands.urgency, f.urgency));
  if (f.overdue === true) conds.push(and(lt(demands.slaDueAt, f.now), notInArray(demands.status, CLOSED)));
  if (f.overdue === false) conds.push(or(gte(demands.slaDueAt, f.now), sql`${demands.slaDueAt} IS NULL`, inArray(demands.status, CLOSED)));
  if (f.q) conds.push(or(sql`${demands.description} ILIKE ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`, eq(demands.id, f.q)));
  if (f.focusTagToken) {
    conds.push(sql`EXISTS (SELECT 1 FROM persons p WHERE p.id = ${demands.beneficiaryPersonId} AND p.focus_tag_index @> ARRAY[${f.focusTagToken}]::text[])`);
  }
  if (f.after) {
    const [createdAt, id] = f.after;
    conds.push(sql`(${demands.createdAt}, ${demands.id}) < (${new Date(createdAt)}, ${id})`);
  }
  return tx
    .select()
    .from(demands)
    .where(and(...conds))
    .orderBy(desc(demands.createdAt), desc(demands.id))
    .limit(f.limit + 1);
}

export const visibility = {
  communities: (ids: string[]) => (ids.length ? inArray(demands.communityId, ids) : undefined),
  grids: (ids: string[]) => (ids.length ? inArray(demands.gridId, ids) : undefined),
  teams: (ids: string[]) => (ids.length ? inArray(demands.teamId, ids) : undefined),
  publishedIn: (communityIds: (string | null)[]) => {
    if (!communityIds.length) return undefined;
    const streetLevel = communityIds.includes(null);
    const ids = communityIds.filter((c): c is string => c !== null);
    return and(eq(demands.status, 'published'), streetLevel ? undefined : inArray(demands.communityId, ids.length ? ids : ['-']));
  },
  acceptedBy: (volunteerId: string) =>
    sql`EXISTS (SELECT 1 FROM demand_volunteers dv WHERE dv.demand_id = ${demands.id} AND dv.volunteer_id = ${volunteerId})`,
  person: (personId: string) => or(eq(demands.requesterPersonId, personId), eq(demands.beneficiaryPersonId, personId)),
};

/* ---------- idempotency ---------- */

export async function findIdempotencyKey(tx: Tx, accountId: string, key: string) {
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.accountId, accountId), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row;
}

export async function insertIdempotencyKey(tx: Tx, row: typeof idempotencyKeys.$inferInsert): Promise<void> {
  await tx.insert(idempotencyKeys).values(row);
}

/* ---------- matching inputs ---------- */

export async function candidatePool(tx: Tx, streetId: string) {
  return tx
    .select({
      id: volunteers.id,
      skills: volunteers.skills,
      languages: volunteers.languages,
      gridId: persons.gridId,
      communityId: persons.communityId,
      birthYear: persons.birthYear,
    })
    .from(volunteers)
    .innerJoin(persons, eq(persons.id, volunteers.personId))
    .where(and(eq(volunteers.streetId, streetId), eq(volunteers.status, 'active')));
}

export async function availabilityOfStreet(tx: Tx, streetId: string) {
  return tx
    .select({ volunteerId: volunteerAvailability.volunteerId, weekday: volunteerAvailability.weekday, from: volunteerAvailability.fromMinute, to: volunteerAvailability.toMinute })
    .from(volunteerAvailability)
    .where(eq(volunteerAvailability.streetId, streetId));
}

/** Per volunteer: demands accepted since `since`, completed demands, and their ratings. */
export async function workloadAndRatings(tx: Tx, streetId: string, since: Date) {
  return tx
    .select({
      volunteerId: demandVolunteers.volunteerId,
      recent: sql<number>`count(*) FILTER (WHERE ${demandVolunteers.acceptedAt} >= ${since})::int`,
      completed: sql<number>`count(*) FILTER (WHERE ${demands.status} IN ('completed', 'rated', 'closed'))::int`,
      cancelledAfterAccept: sql<number>`count(*) FILTER (WHERE ${demands.status} = 'cancelled')::int`,
      ratings: sql<number>`count(${demands.rating})::int`,
      average: sql<number | null>`avg(${demands.rating})::float8`,
    })
    .from(demandVolunteers)
    .innerJoin(demands, eq(demands.id, demandVolunteers.demandId))
    .where(eq(demandVolunteers.streetId, streetId))
    .groupBy(demandVolunteers.volunteerId);
}

/* ---------- escalation ---------- */

/**
 * History rows that leave the status as it was (a declined offer, a no-show with others still
 * serving) are not steps: they do not restart the escalation count. Escalation rows themselves are kept.
 */
const isStepOrEscalation = sql`(${demandHistory.action} = 'escalate' OR ${demandHistory.fromStatus} IS DISTINCT FROM ${demandHistory.toStatus})`;

/** Open demands past their deadline, with the escalation rows written since their last step. */
export async function overdueDemands(tx: Tx, now: Date) {
  const rows = await tx
    .select()
    .from(demands)
    .where(and(lt(demands.slaDueAt, now), inArray(demands.status, ['submitted', 'published', 'assigned', 'accepted', 'in_service', 'completed', 'rated'])))
    .orderBy(asc(demands.id));
  if (!rows.length) return [];
  const history = await tx
    .select({ demandId: demandHistory.demandId, action: demandHistory.action, note: demandHistory.note })
    .from(demandHistory)
    .where(and(inArray(demandHistory.demandId, rows.map((r) => r.id)), isStepOrEscalation))
    .orderBy(asc(demandHistory.id));
  const reached = new Map<string, string | null>();
  for (const h of history) reached.set(h.demandId, h.action === 'escalate' ? h.note : null);
  return rows.map((demand) => ({ demand, reached: reached.get(demand.id) ?? null }));
}

/** The escalation level reached since the demand's last step (null when none). */
export async function reachedEscalation(tx: Tx, demandId: string): Promise<string | null> {
  const [last] = await tx
    .select({ action: demandHistory.action, note: demandHistory.note })
    .from(demandHistory)
    .where(and(eq(demandHistory.demandId, demandId), isStepOrEscalation))
    .orderBy(desc(demandHistory.id))
    .limit(1);
  return last?.action === 'escalate' ? last.note : null;
}

/* ---------- batch dispatch ---------- */

/**
 * Open demands that still need volunteers: `assigned` with slots left, and (when `published` is
 * set) `published` ones; narrowed to communities and/or teams. Sorted by id.
 */
export async function demandsNeedingVolunteers(
  tx: Tx,
  f: { streetId: string; communityIds?: string[] | undefined; teamIds?: string[] | undefined; published: boolean },
): Promise<DemandRow[]> {
  const statusCond = f.published
    ? or(and(eq(demands.status, 'assigned'), lt(demands.acceptedCount, demands.volunteersNeeded)), eq(demands.status, 'published'))
    : and(eq(demands.status, 'assigned'), lt(demands.acceptedCount, demands.volunteersNeeded));
  const conds: (SQL | undefined)[] = [eq(demands.streetId, f.streetId), statusCond];
  if (f.communityIds) conds.push(f.communityIds.length ? inArray(demands.communityId, f.communityIds) : sql`false`);
  if (f.teamIds) conds.push(f.teamIds.length ? inArray(demands.teamId, f.teamIds) : sql`false`);
  return tx.select().from(demands).where(and(...conds)).orderBy(asc(demands.id));
}

export async function findCommunity(tx: Tx, streetId: string, id: string) {
  const [row] = await tx
    .select({ id: communities.id })
    .from(communities)
    .where(and(eq(communities.streetId, streetId), eq(communities.id, id)))
    .limit(1);
  return row;
}

/** Volunteer ids per team. */
export async function membersOfTeams(tx: Tx, teamIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!teamIds.length) return map;
  const rows = await tx.select({ teamId: teamMembers.teamId, volunteerId: teamMembers.volunteerId }).from(teamMembers).where(inArray(teamMembers.teamId, teamIds));
  for (const r of rows) map.set(r.teamId, [...(map.get(r.teamId) ?? []), r.volunteerId]);
  return map;
}

/** Per volunteer of the street: how many demands they hold that are not finished (assigned, accepted, in service). */
export async function activeDemandCounts(tx: Tx, streetId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ volunteerId: demandVolunteers.volunteerId, n: sql<number>`count(*)::int` })
    .from(demandVolunteers)
    .innerJoin(demands, eq(demands.id, demandVolunteers.demandId))
    .where(and(eq(demandVolunteers.streetId, streetId), inArray(demands.status, ['assigned', 'accepted', 'in_service'])))
    .groupBy(demandVolunteers.volunteerId);
  return new Map(rows.map((r) => [r.volunteerId, r.n]));
}

/** Whether each person has a Tibetan name (the beneficiary's languages for the scoring). */
export async function tibetanNamed(tx: Tx, streetId: string, personIds: string[]): Promise<Map<string, boolean>> {
  if (!personIds.length) return new Map();
  const rows = await tx
    .select({ id: persons.id, nameBo: persons.nameBo })
    .from(persons)
    .where(and(eq(persons.streetId, streetId), inArray(persons.id, personIds)));
  return new Map(rows.map((r) => [r.id, Boolean(r.nameBo)]));
}

/* ---------- names for the dispatch screens ---------- */

/** Whose teams' members the caller sees by name in full (as a team's member list shows them). */
export interface NameViewer {
  /** Teams the caller leads. */
  ledTeamIds: string[];
  /** Communities the caller is community admin of: the members of those communities' teams. */
  adminCommunityIds: string[];
}

/** A volunteer's or account's name, community and whether they belong to a team the viewer leads or manages. */
export interface NamedPersonRow {
  /** The volunteer id or the account id asked for. */
  key: string;
  streetId: string;
  name: string;
  nameBo: string | null;
  communityId: string | null;
  communityName: string | null;
  communityNameBo: string | null;
  inViewersTeam: boolean;
}

/** Whether the volunteer `volunteerId` (an SQL expression) is a member of a team the viewer leads or manages. */
function inViewersTeam(volunteerId: SQL, viewer: NameViewer): SQL {
  const teamsOfViewer: SQL[] = [];
  if (viewer.ledTeamIds.length) teamsOfViewer.push(sql`tm.team_id IN ${viewer.ledTeamIds}`);
  if (viewer.adminCommunityIds.length)
    teamsOfViewer.push(sql`tm.team_id IN (SELECT t.id FROM teams t WHERE t.community_id IN ${viewer.adminCommunityIds})`);
  if (!teamsOfViewer.length) return sql`false`;
  return sql`EXISTS (SELECT 1 FROM team_members tm WHERE tm.volunteer_id = ${volunteerId} AND (${sql.join(teamsOfViewer, sql` OR `)}))`;
}

const NAME_COLUMNS = sql`p.name, p.name_bo AS "nameBo", p.community_id AS "communityId", c.name AS "communityName", c.name_bo AS "communityNameBo"`;

/**
 * Names of volunteers, one query for the whole page (no phone, no ID number). Looked up by primary
 * key only (the caller checks `streetId`): with the street in the condition, a database without
 * statistics (PGlite) scans all of the street's volunteers instead.
 */
export async function volunteerNames(tx: Tx, volunteerIds: readonly string[], viewer: NameViewer): Promise<NamedPersonRow[]> {
  if (!volunteerIds.length) return [];
  return queryRows<NamedPersonRow>(
    tx,
    sql`SELECT v.id AS "key", v.street_id AS "streetId", ${NAME_COLUMNS}, ${inViewersTeam(sql`v.id`, viewer)} AS "inViewersTeam"
        FROM volunteers v JOIN persons p ON p.id = v.person_id LEFT JOIN communities c ON c.id = p.community_id
        WHERE v.id IN ${[...new Set(volunteerIds)]}`,
  );
}

/** Names of the accounts that took the steps of a demand (its history's actors), in one query. */
export async function historyActorNames(tx: Tx, demandId: string, viewer: NameViewer): Promise<NamedPersonRow[]> {
  return queryRows<NamedPersonRow>(
    tx,
    sql`SELECT a.id AS "key", a.street_id AS "streetId", ${NAME_COLUMNS},
               ${inViewersTeam(sql`(SELECT v.id FROM volunteers v WHERE v.person_id = p.id)`, viewer)} AS "inViewersTeam"
        FROM accounts a JOIN persons p ON p.id = a.person_id LEFT JOIN communities c ON c.id = p.community_id
        WHERE a.id IN (SELECT h.by_account_id FROM demand_history h WHERE h.demand_id = ${demandId})`,
  );
}
