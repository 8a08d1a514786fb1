import { and, asc, desc, eq, getTableColumns, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { grids, households, importJobs, persons, teamMembers, teams, volunteers } from '../../schema/index.js';
import { queryRows, type Tx } from '../../platform/db/client.js';

export type ImportJobRow = typeof importJobs.$inferSelect;
type JobStatus = ImportJobRow['status'];

export async function insertJob(tx: Tx, row: typeof importJobs.$inferInsert): Promise<ImportJobRow> {
  const [inserted] = await tx.insert(importJobs).values(row).returning();
  return inserted!;
}

/** A job of the street, without the encrypted rows (they are read only by the commit). */
export async function findJob(tx: Tx, streetId: string, id: string): Promise<ImportJobRow | undefined> {
  const [row] = await tx
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.streetId, streetId)))
    .limit(1);
  return row;
}

export async function listJobs(
  tx: Tx,
  input: { streetId: string; createdBy?: string; kind?: 'volunteers' | 'residents'; after?: [string, string]; limit: number },
) {
  const conds: (SQL | undefined)[] = [eq(importJobs.streetId, input.streetId)];
  if (input.createdBy) conds.push(eq(importJobs.createdBy, input.createdBy));
  if (input.kind) conds.push(eq(importJobs.kind, input.kind));
  if (input.after) {
    const at = new Date(input.after[0]);
    conds.push(or(lt(importJobs.createdAt, at), and(eq(importJobs.createdAt, at), lt(importJobs.id, input.after[1]))));
  }
  const { rowsEnc: _rows, errors: _errors, ...columns } = getTableColumns(importJobs);
  return tx
    .select(columns)
    .from(importJobs)
    .where(and(...conds))
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(input.limit + 1);
}

/** Compare and set on the status: undefined when the job is no longer in `from` (409, or stop the work). */
export async function updateJob(tx: Tx, id: string, from: JobStatus | JobStatus[], set: Partial<typeof importJobs.$inferInsert>) {
  const statusCond = Array.isArray(from) ? inArray(importJobs.status, from) : eq(importJobs.status, from);
  const [row] = await tx
    .update(importJobs)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(importJobs.id, id), statusCond))
    .returning({ id: importJobs.id, status: importJobs.status });
  return row;
}

/** Adds to the commit counters while the job is importing (compare and set). */
export async function addCommitProgress(tx: Tx, id: string, delta: { imported: number; unchanged: number }) {
  const [row] = await tx
    .update(importJobs)
    .set({
      imported: sql`${importJobs.imported} + ${delta.imported}`,
      unchanged: sql`${importJobs.unchanged} + ${delta.unchanged}`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'importing')))
    .returning({ id: importJobs.id });
  return row;
}

export async function listGridsOfStreet(tx: Tx, streetId: string) {
  return tx.select({ id: grids.id, code: grids.code, communityId: grids.communityId }).from(grids).where(eq(grids.streetId, streetId));
}

export async function listTeamsOfStreet(tx: Tx, streetId: string) {
  return tx
    .select({ id: teams.id, name: teams.name, nameBo: teams.nameBo, nameEn: teams.nameEn })
    .from(teams)
    .where(eq(teams.streetId, streetId));
}

/** Which of these ID-number blind indexes belong to a person of the street already. */
export async function existingIdHashes(tx: Tx, streetId: string, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await tx
    .select({ hash: persons.idNumberHash })
    .from(persons)
    .where(and(eq(persons.streetId, streetId), inArray(persons.idNumberHash, hashes)));
  return new Set(rows.map((r) => r.hash!));
}

/** Households of these grids at these addresses (the oldest one when an address repeats). */
export async function findHouseholds(tx: Tx, streetId: string, pairs: { gridId: string; address: string }[]) {
  if (pairs.length === 0) return [];
  return tx
    .select({ id: households.id, gridId: households.gridId, address: households.address })
    .from(households)
    .where(
      and(
        eq(households.streetId, streetId),
        inArray(households.gridId, [...new Set(pairs.map((p) => p.gridId))]),
        inArray(households.address, [...new Set(pairs.map((p) => p.address))]),
      ),
    )
    .orderBy(asc(households.createdAt), asc(households.id));
}

export async function insertHouseholds(tx: Tx, rows: (typeof households.$inferInsert)[]) {
  if (rows.length) await tx.insert(households).values(rows);
}

export async function insertPersons(tx: Tx, rows: (typeof persons.$inferInsert)[]) {
  if (rows.length) await tx.insert(persons).values(rows);
}

export async function insertVolunteers(tx: Tx, rows: (typeof volunteers.$inferInsert)[]) {
  if (rows.length) await tx.insert(volunteers).values(rows);
}

export async function insertTeamMembers(tx: Tx, rows: (typeof teamMembers.$inferInsert)[]) {
  if (rows.length) await tx.insert(teamMembers).values(rows).onConflictDoNothing();
}

/**
 * Takes `n` consecutive serials of DD<year>-<serial> volunteer numbers from the street's counter
 * (the counter row the registration uses, locked until commit); returns the first. Once the counter
 * exists every writer goes through it, so the scan for the highest number already used (which keeps
 * the counter ahead of the demo data) runs only when the counter is created.
 */
export async function takeVolunteerSerials(tx: Tx, streetId: string, n: number): Promise<number> {
  const [bumped] = await queryRows<{ last_serial: number }>(
    tx,
    sql`UPDATE volunteer_number_counters SET last_serial = last_serial + ${n} WHERE street_id = ${streetId} RETURNING last_serial`,
  );
  if (bumped) return Number(bumped.last_serial) - n + 1;
  const maxUsed = sql`(SELECT coalesce(max(substring(v.volunteer_no FROM '-([0-9]+)$')::int), 0) FROM volunteers v WHERE v.street_id = ${streetId})`;
  const [row] = await queryRows<{ last_serial: number }>(
    tx,
    sql`INSERT INTO volunteer_number_counters AS c (street_id, last_serial) VALUES (${streetId}, ${maxUsed} + ${n})
        ON CONFLICT (street_id) DO UPDATE SET last_serial = greatest(c.last_serial, ${maxUsed}) + ${n}
        RETURNING last_serial`,
  );
  return Number(row!.last_serial) - n + 1;
}
