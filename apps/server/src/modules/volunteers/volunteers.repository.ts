import { and, asc, desc, eq, gt, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import {
  accessLog,
  consents,
  deletionRequests,
  grids,
  insuranceRecords,
  persons,
  teamMembers,
  teams,
  volunteerAvailability,
  volunteerGuardians,
  volunteers,
} from '../../schema/index.js';
import { queryRows, type Tx } from '../../platform/db/client.js';

export interface VolunteerFilter {
  streetId: string;
  communityId?: string;
  teamId?: string;
  skill?: string;
  q?: string;
  afterNo?: string;
  limit: number;
}

/** Escapes LIKE wildcards so a search for "50%" matches the text, not everything. */
const likeSafe = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listVolunteers(tx: Tx, f: VolunteerFilter) {
  const conds: (SQL | undefined)[] = [eq(volunteers.streetId, f.streetId), eq(volunteers.status, 'active')];
  if (f.communityId) conds.push(eq(persons.communityId, f.communityId));
  if (f.teamId) conds.push(sql`EXISTS (SELECT 1 FROM team_members m WHERE m.volunteer_id = volunteers.id AND m.team_id = ${f.teamId})`);
  if (f.skill) conds.push(sql`volunteers.skills @> ARRAY[${f.skill}]::text[]`);
  if (f.q) {
    const q = likeSafe(f.q);
    conds.push(
      or(
        ilike(persons.name, `%${q}%`),
        ilike(persons.nameBo, `%${q}%`),
        /^[a-z]+$/i.test(f.q) ? ilike(persons.nameInitials, `${q.toLowerCase()}%`) : undefined,
        eq(volunteers.volunteerNo, f.q),
      ),
    );
  }
  if (f.afterNo) conds.push(gt(volunteers.volunteerNo, f.afterNo));
  return tx
    .select({
      id: volunteers.id,
      volunteerNo: volunteers.volunteerNo,
      name: persons.name,
      nameBo: persons.nameBo,
      communityId: persons.communityId,
      gridId: persons.gridId,
      phoneMasked: persons.phoneMasked,
      idNumberMasked: persons.idNumberMasked,
      skills: volunteers.skills,
      languages: volunteers.languages,
      star: volunteers.star,
      verifiedMinutes: volunteers.verifiedMinutes,
      teamIds: sql<string[]>`coalesce((SELECT array_agg(m.team_id ORDER BY m.team_id) FROM team_members m WHERE m.volunteer_id = volunteers.id), '{}')`,
    })
    .from(volunteers)
    .innerJoin(persons, eq(persons.id, volunteers.personId))
    .where(and(...conds))
    .orderBy(asc(volunteers.volunteerNo))
    .limit(f.limit + 1);
}

// ---------------------------------------------------------------------------------------------
// Registration and profiles (0002)

export async function findGrid(tx: Tx, id: string) {
  const [row] = await tx.select({ id: grids.id, streetId: grids.streetId, communityId: grids.communityId }).from(grids).where(eq(grids.id, id)).limit(1);
  return row;
}

/** The person holding an ID number (by blind index), with their volunteer id if any. */
export async function findPersonByIdNumber(tx: Tx, input: { streetId: string; idType: string; idNumberHash: string }) {
  const [row] = await tx
    .select({ personId: persons.id, volunteerId: volunteers.id })
    .from(persons)
    .leftJoin(volunteers, eq(volunteers.personId, persons.id))
    .where(and(eq(persons.streetId, input.streetId), sql`${persons.idType} = ${input.idType}`, eq(persons.idNumberHash, input.idNumberHash)))
    .limit(1);
  return row;
}

export async function findPerson(tx: Tx, id: string) {
  const [row] = await tx.select().from(persons).where(eq(persons.id, id)).limit(1);
  return row;
}

export async function findVolunteerOfPerson(tx: Tx, personId: string) {
  const [row] = await tx.select().from(volunteers).where(eq(volunteers.personId, personId)).limit(1);
  return row;
}

/**
 * Takes the next serial of DD<year>-<serial> for a street. The upsert locks the counter row until
 * commit, so concurrent registrations queue here and get consecutive serials; `greatest` keeps the
 * counter ahead of numbers written by any other path (demo data, imports).
 */
export async function nextVolunteerSerial(tx: Tx, streetId: string): Promise<number> {
  const maxUsed = sql`(SELECT coalesce(max(substring(v.volunteer_no FROM '-([0-9]+)$')::int), 0) FROM volunteers v WHERE v.street_id = ${streetId})`;
  const [row] = await queryRows<{ last_serial: number }>(
    tx,
    sql`INSERT INTO volunteer_number_counters AS c (street_id, last_serial) VALUES (${streetId}, ${maxUsed} + 1)
        ON CONFLICT (street_id) DO UPDATE SET last_serial = greatest(c.last_serial, ${maxUsed}) + 1
        RETURNING last_serial`,
  );
  return Number(row!.last_serial);
}

export async function insertPerson(tx: Tx, row: typeof persons.$inferInsert) {
  await tx.insert(persons).values(row);
}

export async function updatePerson(tx: Tx, id: string, patch: Partial<typeof persons.$inferInsert>) {
  await tx.update(persons).set(patch).where(eq(persons.id, id));
}

export async function insertVolunteer(tx: Tx, row: typeof volunteers.$inferInsert) {
  await tx.insert(volunteers).values(row);
}

export async function updateVolunteer(tx: Tx, id: string, patch: Partial<typeof volunteers.$inferInsert>) {
  await tx.update(volunteers).set(patch).where(eq(volunteers.id, id));
}

export async function replaceAvailability(tx: Tx, input: { volunteerId: string; streetId: string; windows: { weekday: number; fromMinute: number; toMinute: number }[] }) {
  await tx.delete(volunteerAvailability).where(eq(volunteerAvailability.volunteerId, input.volunteerId));
  if (input.windows.length)
    await tx
      .insert(volunteerAvailability)
      .values(input.windows.map((w) => ({ ...w, volunteerId: input.volunteerId, streetId: input.streetId })))
      .onConflictDoNothing();
}

export async function listAvailability(tx: Tx, volunteerId: string) {
  return tx
    .select({ weekday: volunteerAvailability.weekday, fromMinute: volunteerAvailability.fromMinute, toMinute: volunteerAvailability.toMinute })
    .from(volunteerAvailability)
    .where(eq(volunteerAvailability.volunteerId, volunteerId))
    .orderBy(asc(volunteerAvailability.weekday), asc(volunteerAvailability.fromMinute));
}

export async function insertGuardian(tx: Tx, row: typeof volunteerGuardians.$inferInsert) {
  await tx.insert(volunteerGuardians).values(row);
}

export async function findGuardian(tx: Tx, volunteerId: string) {
  const [row] = await tx.select().from(volunteerGuardians).where(eq(volunteerGuardians.volunteerId, volunteerId)).limit(1);
  return row;
}

export async function clearGuardian(tx: Tx, volunteerId: string) {
  await tx
    .update(volunteerGuardians)
    .set({ name: null, phoneEnc: null, phoneHash: null, phoneMasked: null })
    .where(eq(volunteerGuardians.volunteerId, volunteerId));
}

export async function insertConsents(tx: Tx, rows: (typeof consents.$inferInsert)[]) {
  if (rows.length) await tx.insert(consents).values(rows);
}

export async function listConsents(tx: Tx, personId: string) {
  return tx.select().from(consents).where(eq(consents.personId, personId)).orderBy(asc(consents.givenAt), asc(consents.id));
}

export async function withdrawConsents(tx: Tx, personId: string, now: Date) {
  await tx.update(consents).set({ withdrawnAt: now }).where(and(eq(consents.personId, personId), isNull(consents.withdrawnAt)));
}

/** A volunteer of the street with their person and where they stand (community, grid, teams). */
export async function findVolunteerDetail(tx: Tx, input: { streetId: string; id: string }) {
  const [row] = await tx
    .select({
      volunteer: volunteers,
      person: persons,
      teamIds: sql<string[]>`coalesce((SELECT array_agg(m.team_id ORDER BY m.team_id) FROM team_members m WHERE m.volunteer_id = volunteers.id), '{}')`,
    })
    .from(volunteers)
    .innerJoin(persons, eq(persons.id, volunteers.personId))
    .where(and(eq(volunteers.id, input.id), eq(volunteers.streetId, input.streetId)))
    .limit(1);
  return row;
}

export async function listTeamsOfVolunteer(tx: Tx, volunteerId: string) {
  return tx
    .select({ id: teams.id, name: teams.name, role: teamMembers.role, joinedAt: teamMembers.joinedAt })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.volunteerId, volunteerId))
    .orderBy(asc(teams.id));
}

export async function listInsurance(tx: Tx, input: { volunteerId: string; after?: [string, string]; limit: number }) {
  const conds: (SQL | undefined)[] = [eq(insuranceRecords.volunteerId, input.volunteerId)];
  if (input.after) {
    const [validTo, id] = input.after;
    conds.push(sql`(${insuranceRecords.validTo}, ${insuranceRecords.id}) < (${validTo}::date, ${id})`);
  }
  return tx
    .select()
    .from(insuranceRecords)
    .where(and(...conds))
    .orderBy(desc(insuranceRecords.validTo), desc(insuranceRecords.id))
    .limit(input.limit + 1);
}

export async function insertInsurance(tx: Tx, row: typeof insuranceRecords.$inferInsert) {
  const [created] = await tx.insert(insuranceRecords).values(row).returning();
  return created!;
}

export async function insertAccessLog(tx: Tx, row: typeof accessLog.$inferInsert) {
  await tx.insert(accessLog).values(row);
}

export async function listAccessLogAbout(tx: Tx, personId: string) {
  return tx.select().from(accessLog).where(eq(accessLog.personId, personId)).orderBy(asc(accessLog.id));
}

// ---------------------------------------------------------------------------------------------
// PIPL deletion requests

export async function findPendingDeletion(tx: Tx, personId: string) {
  const [row] = await tx
    .select()
    .from(deletionRequests)
    .where(and(eq(deletionRequests.personId, personId), eq(deletionRequests.status, 'pending')))
    .limit(1);
  return row;
}

export async function insertDeletionRequest(tx: Tx, row: typeof deletionRequests.$inferInsert) {
  const [created] = await tx.insert(deletionRequests).values(row).returning();
  return created!;
}

export async function listDeletionRequestsOfPerson(tx: Tx, personId: string) {
  return tx.select().from(deletionRequests).where(eq(deletionRequests.personId, personId)).orderBy(asc(deletionRequests.requestedAt));
}

const deletionSelect = {
  request: deletionRequests,
  name: persons.name,
  communityId: persons.communityId,
  volunteerId: volunteers.id,
  volunteerNo: volunteers.volunteerNo,
};

export async function listDeletionRequests(
  tx: Tx,
  input: { streetId: string; communityIds: 'all' | string[]; status?: 'pending' | 'completed'; after?: [string, string]; limit: number },
) {
  const conds: (SQL | undefined)[] = [eq(deletionRequests.streetId, input.streetId)];
  if (input.communityIds !== 'all') conds.push(inArray(persons.communityId, input.communityIds.length ? input.communityIds : ['']));
  if (input.status) conds.push(eq(deletionRequests.status, input.status));
  if (input.after) {
    const [at, id] = input.after;
    conds.push(sql`(${deletionRequests.requestedAt}, ${deletionRequests.id}) > (${at}::timestamptz, ${id})`);
  }
  return tx
    .select(deletionSelect)
    .from(deletionRequests)
    .innerJoin(persons, eq(persons.id, deletionRequests.personId))
    .leftJoin(volunteers, eq(volunteers.personId, deletionRequests.personId))
    .where(and(...conds))
    .orderBy(asc(deletionRequests.requestedAt), asc(deletionRequests.id))
    .limit(input.limit + 1);
}

export async function findDeletionRequest(tx: Tx, input: { streetId: string; id: string }) {
  const [row] = await tx
    .select(deletionSelect)
    .from(deletionRequests)
    .innerJoin(persons, eq(persons.id, deletionRequests.personId))
    .leftJoin(volunteers, eq(volunteers.personId, deletionRequests.personId))
    .where(and(eq(deletionRequests.id, input.id), eq(deletionRequests.streetId, input.streetId)))
    .limit(1);
  return row;
}

/** Compare and set: pending → completed; undefined when it was no longer pending. */
export async function completeDeletionRequest(tx: Tx, input: { id: string; byAccountId: string; now: Date }) {
  const [row] = await tx
    .update(deletionRequests)
    .set({ status: 'completed', completedAt: input.now, completedByAccountId: input.byAccountId })
    .where(and(eq(deletionRequests.id, input.id), eq(deletionRequests.status, 'pending')))
    .returning();
  return row;
}
