import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';

// Read-only look-ups of who to tell about a demand, and the names the templates show. Plain SQL on
// the tables of migrations 0001, 0005 and 0008; this module writes none of them.

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/** Accounts of the given persons (the requester and the beneficiary of a demand). */
export async function accountsOfPersons(tx: Tx, personIds: string[]): Promise<string[]> {
  if (!personIds.length) return [];
  return ids(await queryRows<{ id: string }>(tx, sql`SELECT id FROM accounts WHERE person_id IN (${sql.join(personIds.map((p) => sql`${p}`), sql`, `)})`));
}

/** Accounts of the volunteers holding an open offer of the demand (DR-16 offers, migration 0008). */
export async function accountsOfOfferedVolunteers(tx: Tx, demandId: string): Promise<string[]> {
  return ids(
    await queryRows<{ id: string }>(
      tx,
      sql`SELECT a.id FROM demand_offers o JOIN volunteers v ON v.id = o.volunteer_id JOIN accounts a ON a.person_id = v.person_id
           WHERE o.demand_id = ${demandId} AND o.status = 'offered'`,
    ),
  );
}

/** Accounts of volunteers (volunteers.id). */
export async function accountsOfVolunteers(tx: Tx, volunteerIds: readonly string[]): Promise<string[]> {
  if (!volunteerIds.length) return [];
  return ids(
    await queryRows<{ id: string }>(
      tx,
      sql`SELECT a.id FROM volunteers v JOIN accounts a ON a.person_id = v.person_id WHERE v.id IN (${sql.join(volunteerIds.map((v) => sql`${v}`), sql`, `)})`,
    ),
  );
}

/** Accounts holding a role on a scope now (not revoked). */
export async function accountsWithRole(tx: Tx, streetId: string, role: string, scopeType: string, scopeId: string): Promise<string[]> {
  return ids(
    await queryRows<{ id: string }>(
      tx,
      sql`SELECT DISTINCT account_id AS id FROM role_assignments
           WHERE street_id = ${streetId} AND role = ${role} AND scope_type = ${scopeType} AND scope_id = ${scopeId} AND revoked_at IS NULL`,
    ),
  );
}

/** The grid's 网格长 / grid worker (grids.grid_worker_person_id) and holders of the grid_worker role there. */
export async function gridWorkerAccounts(tx: Tx, streetId: string, gridId: string): Promise<string[]> {
  const viaGrid = ids(
    await queryRows<{ id: string }>(tx, sql`SELECT a.id FROM grids g JOIN accounts a ON a.person_id = g.grid_worker_person_id WHERE g.id = ${gridId} AND g.street_id = ${streetId}`),
  );
  return [...viaGrid, ...(await accountsWithRole(tx, streetId, 'grid_worker', 'grid', gridId))];
}

export interface DemandNames {
  service: string;
  serviceBo: string | null;
  serviceEn: string | null;
  community: string;
  communityBo: string | null;
  communityEn: string | null;
  team: string | null;
  teamBo: string | null;
  teamEn: string | null;
}

export async function demandNames(tx: Tx, d: { streetId: string; serviceItemId: string; communityId: string; teamId: string | null }): Promise<DemandNames | undefined> {
  const [row] = await queryRows<DemandNames>(
    tx,
    sql`SELECT s.name AS service, s.name_bo AS "serviceBo", s.name_en AS "serviceEn",
               c.name AS community, c.name_bo AS "communityBo", c.name_en AS "communityEn",
               t.name AS team, t.name_bo AS "teamBo", t.name_en AS "teamEn"
          FROM service_items s
          JOIN communities c ON c.id = ${d.communityId}
          LEFT JOIN teams t ON t.id = ${d.teamId}
         WHERE s.street_id = ${d.streetId} AND s.id = ${d.serviceItemId}`,
  );
  return row;
}

export async function gridNames(tx: Tx, streetId: string, gridId: string): Promise<{ name: string; nameBo: string | null } | undefined> {
  const [row] = await queryRows<{ name: string; nameBo: string | null }>(tx, sql`SELECT name, name_bo AS "nameBo" FROM grids WHERE id = ${gridId} AND street_id = ${streetId}`);
  return row;
}
