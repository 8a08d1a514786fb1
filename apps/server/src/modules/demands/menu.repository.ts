import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { communities, streets, serviceItemCommunityOff, serviceItems, serviceItemTeams, teams } from '../../schema/index.js';
import type { Tx } from '../../platform/db/client.js';

export type ServiceItemRow = typeof serviceItems.$inferSelect;

/** The street's menu (active only unless `all`), by sort order. */
export async function listItems(tx: Tx, streetId: string, all: boolean): Promise<ServiceItemRow[]> {
  return tx
    .select()
    .from(serviceItems)
    .where(and(eq(serviceItems.streetId, streetId), all ? undefined : eq(serviceItems.active, true)))
    .orderBy(asc(serviceItems.sortOrder), asc(serviceItems.id));
}

/** An item, active or not. */
export async function findItem(tx: Tx, streetId: string, id: string, lock = false): Promise<ServiceItemRow | undefined> {
  const q = tx
    .select()
    .from(serviceItems)
    .where(and(eq(serviceItems.streetId, streetId), eq(serviceItems.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function nextSortOrder(tx: Tx, streetId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${serviceItems.sortOrder}), -1)::int + 1` })
    .from(serviceItems)
    .where(eq(serviceItems.streetId, streetId));
  return row?.n ?? 0;
}

export async function insertItem(tx: Tx, row: typeof serviceItems.$inferInsert): Promise<ServiceItemRow | undefined> {
  const [inserted] = await tx.insert(serviceItems).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function updateItem(tx: Tx, streetId: string, id: string, set: Partial<typeof serviceItems.$inferInsert>): Promise<ServiceItemRow | undefined> {
  const [row] = await tx
    .update(serviceItems)
    .set(set)
    .where(and(eq(serviceItems.streetId, streetId), eq(serviceItems.id, id)))
    .returning();
  return row;
}

/** Team ids per item (资源清单). */
export async function teamsByItem(tx: Tx, streetId: string, itemIds?: string[]): Promise<Map<string, string[]>> {
  const rows = await tx
    .select({ itemId: serviceItemTeams.serviceItemId, teamId: serviceItemTeams.teamId })
    .from(serviceItemTeams)
    .where(and(eq(serviceItemTeams.streetId, streetId), itemIds ? inArray(serviceItemTeams.serviceItemId, itemIds.length ? itemIds : ['-']) : undefined))
    .orderBy(asc(serviceItemTeams.teamId));
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.itemId, [...(map.get(r.itemId) ?? []), r.teamId]);
  return map;
}

/** Communities that switched each item off. */
export async function offByItem(tx: Tx, streetId: string, itemIds?: string[]): Promise<Map<string, string[]>> {
  const rows = await tx
    .select({ itemId: serviceItemCommunityOff.serviceItemId, communityId: serviceItemCommunityOff.communityId })
    .from(serviceItemCommunityOff)
    .where(
      and(
        eq(serviceItemCommunityOff.streetId, streetId),
        itemIds ? inArray(serviceItemCommunityOff.serviceItemId, itemIds.length ? itemIds : ['-']) : undefined,
      ),
    )
    .orderBy(asc(serviceItemCommunityOff.communityId));
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.itemId, [...(map.get(r.itemId) ?? []), r.communityId]);
  return map;
}

export async function isOffIn(tx: Tx, streetId: string, itemId: string, communityId: string): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql<number>`1` })
    .from(serviceItemCommunityOff)
    .where(
      and(eq(serviceItemCommunityOff.streetId, streetId), eq(serviceItemCommunityOff.serviceItemId, itemId), eq(serviceItemCommunityOff.communityId, communityId)),
    )
    .limit(1);
  return Boolean(row);
}

export async function setOff(tx: Tx, row: { streetId: string; serviceItemId: string; communityId: string; createdAt: Date }, off: boolean): Promise<void> {
  if (off) await tx.insert(serviceItemCommunityOff).values(row).onConflictDoNothing();
  else
    await tx
      .delete(serviceItemCommunityOff)
      .where(
        and(
          eq(serviceItemCommunityOff.streetId, row.streetId),
          eq(serviceItemCommunityOff.serviceItemId, row.serviceItemId),
          eq(serviceItemCommunityOff.communityId, row.communityId),
        ),
      );
}

/** Teams of the street by id, with their community. */
export async function teamsOfStreet(tx: Tx, streetId: string, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: teams.id, communityId: teams.communityId })
    .from(teams)
    .where(and(eq(teams.streetId, streetId), inArray(teams.id, ids)));
}

/**
 * Replaces the item's teams among `managed` (the teams the caller manages; undefined = all) with
 * `teamIds`; rows of other teams stay.
 */
export async function replaceItemTeams(
  tx: Tx,
  input: { streetId: string; itemId: string; teamIds: string[]; managed: string[] | undefined; now: Date },
): Promise<void> {
  const { streetId, itemId } = input;
  await tx
    .delete(serviceItemTeams)
    .where(
      and(
        eq(serviceItemTeams.streetId, streetId),
        eq(serviceItemTeams.serviceItemId, itemId),
        input.managed ? inArray(serviceItemTeams.teamId, input.managed.length ? input.managed : ['-']) : undefined,
      ),
    );
  if (input.teamIds.length) {
    await tx
      .insert(serviceItemTeams)
      .values(input.teamIds.map((teamId) => ({ streetId, serviceItemId: itemId, teamId, createdAt: input.now })))
      .onConflictDoNothing();
  }
}

/** Ids of the teams of some communities. */
export async function teamIdsOfCommunities(tx: Tx, streetId: string, communityIds: string[]): Promise<string[]> {
  if (!communityIds.length) return [];
  const rows = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.streetId, streetId), inArray(teams.communityId, communityIds)));
  return rows.map((r) => r.id);
}

export async function findCommunity(tx: Tx, streetId: string, id: string) {
  const [row] = await tx
    .select({ id: communities.id })
    .from(communities)
    .where(and(eq(communities.streetId, streetId), eq(communities.id, id)))
    .limit(1);
  return row;
}

/** The street the public menu belongs to when nobody is signed in (one street per deployment). */
export async function defaultStreetId(tx: Tx): Promise<string | undefined> {
  const [row] = await tx.select({ id: streets.id }).from(streets).orderBy(asc(streets.createdAt), asc(streets.id)).limit(1);
  return row?.id;
}
