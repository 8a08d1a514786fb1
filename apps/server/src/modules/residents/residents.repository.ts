import { and, asc, eq, sql } from 'drizzle-orm';
import { accessLog, grids, households, persons } from '../../schema/index.js';
import type { Tx } from '../../platform/db/client.js';

export type PersonRow = typeof persons.$inferSelect;
export type HouseholdRow = typeof households.$inferSelect;
export type GridRow = typeof grids.$inferSelect;

export async function findGrid(tx: Tx, streetId: string, id: string): Promise<GridRow | undefined> {
  const [row] = await tx
    .select()
    .from(grids)
    .where(and(eq(grids.id, id), eq(grids.streetId, streetId)))
    .limit(1);
  return row;
}

export async function findHousehold(tx: Tx, streetId: string, id: string): Promise<HouseholdRow | undefined> {
  const [row] = await tx
    .select()
    .from(households)
    .where(and(eq(households.id, id), eq(households.streetId, streetId)))
    .limit(1);
  return row;
}

export async function insertHousehold(tx: Tx, row: typeof households.$inferInsert): Promise<HouseholdRow> {
  const [inserted] = await tx.insert(households).values(row).returning();
  return inserted!;
}

/** Compare and set: changes the address only when it is still the one the caller read. */
export async function updateHouseholdAddress(tx: Tx, input: { id: string; from: string; to: string }): Promise<HouseholdRow | undefined> {
  const [row] = await tx
    .update(households)
    .set({ address: input.to })
    .where(and(eq(households.id, input.id), eq(households.address, input.from)))
    .returning();
  return row;
}

export async function countHouseholdMembers(tx: Tx, householdId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(persons)
    .where(eq(persons.householdId, householdId));
  return row?.n ?? 0;
}

/** A resident (is_resident) of the street, with the address of their household. */
export async function findResident(
  tx: Tx,
  streetId: string,
  id: string,
): Promise<{ person: PersonRow; address: string | null } | undefined> {
  const [row] = await tx
    .select({ person: persons, address: households.address })
    .from(persons)
    .leftJoin(households, eq(households.id, persons.householdId))
    .where(and(eq(persons.id, id), eq(persons.streetId, streetId), eq(persons.isResident, true)))
    .limit(1);
  return row;
}

/** Any person of the street with this ID-number blind index (whatever the ID type). */
export async function findPersonIdByIdHash(tx: Tx, streetId: string, idHash: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.streetId, streetId), eq(persons.idNumberHash, idHash)))
    .orderBy(asc(persons.id))
    .limit(1);
  return row?.id;
}

export async function insertPerson(tx: Tx, row: typeof persons.$inferInsert): Promise<PersonRow> {
  const [inserted] = await tx.insert(persons).values(row).returning();
  return inserted!;
}

type PersonPatch = Partial<
  Pick<
    PersonRow,
    | 'name'
    | 'nameInitials'
    | 'phoneEnc'
    | 'phoneHash'
    | 'phoneMasked'
    | 'focusTagsEnc'
    | 'focusTagIndex'
    | 'proxyNeeded'
    | 'gridId'
    | 'communityId'
    | 'householdId'
  >
>;

const COLUMNS = {
  name: persons.name,
  phoneHash: persons.phoneHash,
  focusTagsEnc: persons.focusTagsEnc,
  proxyNeeded: persons.proxyNeeded,
  gridId: persons.gridId,
  householdId: persons.householdId,
} as const;

/**
 * Compare and set: the change applies only when the columns in `expect` still hold the values the
 * caller read (NULL-safe); undefined when someone changed them meanwhile (409 conflict).
 */
export async function updatePerson(
  tx: Tx,
  input: { id: string; expect: Partial<Record<keyof typeof COLUMNS, string | boolean | null>>; set: PersonPatch; now: Date },
): Promise<PersonRow | undefined> {
  const conds = Object.entries(input.expect).map(([k, v]) => sql`${COLUMNS[k as keyof typeof COLUMNS]} IS NOT DISTINCT FROM ${v}`);
  const [row] = await tx
    .update(persons)
    .set({ ...input.set, updatedAt: input.now })
    .where(and(eq(persons.id, input.id), ...conds))
    .returning();
  return row;
}

/** DR-21: a full view of sensitive data (here: sensitive focus tags shown back to the caller). */
export async function insertAccessLog(tx: Tx, row: typeof accessLog.$inferInsert) {
  await tx.insert(accessLog).values(row);
}
