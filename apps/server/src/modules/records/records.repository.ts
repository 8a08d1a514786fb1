import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';
import {
  accounts,
  communities,
  demands,
  persons,
  pointRules,
  serviceRecordCorrections,
  serviceRecords,
  teamMembers,
  teams,
  volunteers,
} from '../../schema/index.js';

export type RecordRow = typeof serviceRecords.$inferSelect;
export type CorrectionRow = typeof serviceRecordCorrections.$inferSelect;
export type RulesRow = typeof pointRules.$inferSelect;
type StaffScope = { communityIds: string[]; teamIds: string[] };

export async function findRules(tx: Tx, streetId: string): Promise<RulesRow | undefined> {
  const [row] = await tx.select().from(pointRules).where(eq(pointRules.streetId, streetId));
  return row;
}

export async function upsertRules(tx: Tx, row: typeof pointRules.$inferInsert): Promise<RulesRow> {
  const { streetId: _street, ...set } = row;
  const [saved] = await tx.insert(pointRules).values(row).onConflictDoUpdate({ target: pointRules.streetId, set }).returning();
  return saved!;
}

export async function findRecord(tx: Tx, streetId: string, id: string): Promise<RecordRow | undefined> {
  const [row] = await tx
    .select()
    .from(serviceRecords)
    .where(and(eq(serviceRecords.streetId, streetId), eq(serviceRecords.id, id)));
  return row;
}

/** Compare and set on the record's version; undefined when another change came first. */
export async function updateRecord(
  tx: Tx,
  id: string,
  version: number,
  set: Partial<typeof serviceRecords.$inferInsert>,
): Promise<RecordRow | undefined> {
  const [row] = await tx
    .update(serviceRecords)
    .set({ ...set, version: version + 1 })
    .where(and(eq(serviceRecords.id, id), eq(serviceRecords.version, version)))
    .returning();
  return row;
}

export async function insertRecord(tx: Tx, row: typeof serviceRecords.$inferInsert): Promise<RecordRow> {
  const [saved] = await tx.insert(serviceRecords).values(row).returning();
  return saved!;
}

export interface VolunteerPlaceRow {
  volunteerId: string;
  personId: string;
  name: string;
  communityId: string | null;
  gridId: string | null;
  teamIds: string[];
  partyMember: boolean;
  verifiedMinutes: number;
  star: number;
  status: string;
}

export async function volunteerPlace(tx: Tx, streetId: string, volunteerId: string): Promise<VolunteerPlaceRow | undefined> {
  const [row] = await tx
    .select({
      volunteerId: volunteers.id,
      personId: volunteers.personId,
      name: persons.name,
      communityId: persons.communityId,
      gridId: persons.gridId,
      partyMember: volunteers.partyMember,
      verifiedMinutes: volunteers.verifiedMinutes,
      star: volunteers.star,
      status: volunteers.status,
    })
    .from(volunteers)
    .innerJoin(persons, eq(persons.id, volunteers.personId))
    .where(and(eq(volunteers.streetId, streetId), eq(volunteers.id, volunteerId)));
  if (!row) return undefined;
  const teams = await tx.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.volunteerId, volunteerId));
  return { ...row, teamIds: teams.map((t) => t.teamId) };
}

export async function volunteerOfPerson(tx: Tx, personId: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.personId, personId));
  return row?.id;
}

export interface LockedVolunteer {
  id: string;
  personId: string;
  partyMember: boolean;
  verifiedMinutes: number;
  star: number;
  lastServiceAt: Date | null;
}

/** Locks the volunteer row: the one order for hour changes is record → volunteer → ledger → audit. */
export async function lockVolunteer(tx: Tx, id: string): Promise<LockedVolunteer> {
  const [row] = await tx
    .select({
      id: volunteers.id,
      personId: volunteers.personId,
      partyMember: volunteers.partyMember,
      verifiedMinutes: volunteers.verifiedMinutes,
      star: volunteers.star,
      lastServiceAt: volunteers.lastServiceAt,
    })
    .from(volunteers)
    .where(eq(volunteers.id, id))
    .for('update');
  if (!row) throw new Error(`volunteer ${id} vanished`);
  return row;
}

export async function setVolunteerHours(
  tx: Tx,
  id: string,
  set: { verifiedMinutes: number; star: number; lastServiceAt?: Date | null },
): Promise<void> {
  await tx.update(volunteers).set(set).where(eq(volunteers.id, id));
}

/** Whether the demand's beneficiary belongs to a focus group (老/小/残/困… tags on the person). */
export async function beneficiaryInFocusGroup(tx: Tx, demandId: string): Promise<boolean> {
  const [row] = await tx
    .select({ tags: persons.focusTagIndex })
    .from(demands)
    .innerJoin(persons, eq(persons.id, demands.beneficiaryPersonId))
    .where(eq(demands.id, demandId));
  return Boolean(row && row.tags.length > 0);
}

/** Sign-in accounts of a person (for notifications). */
export async function accountIdsOfPerson(tx: Tx, personId: string): Promise<string[]> {
  const rows = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, personId));
  return rows.map((r) => r.id);
}

export interface RecordFilter {
  streetId: string;
  volunteerId?: string;
  status?: RecordRow['status'];
  source?: RecordRow['source'];
  /** Staff scope: records of these communities or teams (undefined: the whole street). */
  scope?: StaffScope;
  communityId?: string;
  teamId?: string;
  after?: { createdAt: Date; id: string };
  limit: number;
}

/** Staff scope on a record: one of these communities or teams (neither listed: nothing). */
function inStaffScope(scope: StaffScope): SQL | undefined {
  const parts: SQL[] = [];
  if (scope.communityIds.length) parts.push(inArray(serviceRecords.communityId, scope.communityIds));
  if (scope.teamIds.length) parts.push(inArray(serviceRecords.teamId, scope.teamIds));
  return parts.length ? or(...parts) : sql`false`;
}

/** Keyset page condition of a newest-first list: rows after the cursor's (createdAt, id). */
function olderThan(
  table: typeof serviceRecords | typeof serviceRecordCorrections,
  after: { createdAt: Date; id: string },
): SQL | undefined {
  return or(lt(table.createdAt, after.createdAt), and(eq(table.createdAt, after.createdAt), lt(table.id, after.id)));
}

export async function listRecords(
  tx: Tx,
  f: RecordFilter,
): Promise<(RecordRow & { volunteerName: string; volunteerCommunityId: string | null })[]> {
  const where: (SQL | undefined)[] = [eq(serviceRecords.streetId, f.streetId)];
  if (f.volunteerId) where.push(eq(serviceRecords.volunteerId, f.volunteerId));
  if (f.status) where.push(eq(serviceRecords.status, f.status));
  if (f.source) where.push(eq(serviceRecords.source, f.source));
  if (f.communityId) where.push(eq(serviceRecords.communityId, f.communityId));
  if (f.teamId) where.push(eq(serviceRecords.teamId, f.teamId));
  if (f.scope) where.push(inStaffScope(f.scope));
  if (f.after) where.push(olderThan(serviceRecords, f.after));
  const rows = await tx
    .select({ record: serviceRecords, volunteerName: persons.name, volunteerCommunityId: persons.communityId })
    .from(serviceRecords)
    .innerJoin(volunteers, eq(volunteers.id, serviceRecords.volunteerId))
    .innerJoin(persons, eq(persons.id, volunteers.personId))
    .where(and(...where))
    .orderBy(desc(serviceRecords.createdAt), desc(serviceRecords.id))
    .limit(f.limit + 1);
  return rows.map((r) => ({ ...r.record, volunteerName: r.volunteerName, volunteerCommunityId: r.volunteerCommunityId }));
}

export async function countPending(tx: Tx, volunteerId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM service_records WHERE volunteer_id = ${volunteerId} AND status = 'pending'`,
  );
  return Number(row?.n ?? 0);
}

/** Open correction requests / appeals of the given records. */
export async function openRequests(tx: Tx, recordIds: string[]): Promise<Map<string, 'correction' | 'appeal'>> {
  if (!recordIds.length) return new Map();
  const rows = await tx
    .select({ recordId: serviceRecordCorrections.recordId, kind: serviceRecordCorrections.kind })
    .from(serviceRecordCorrections)
    .where(and(inArray(serviceRecordCorrections.recordId, recordIds), eq(serviceRecordCorrections.status, 'pending')));
  return new Map(rows.filter((r) => r.kind !== 'zeroing').map((r) => [r.recordId, r.kind as 'correction' | 'appeal']));
}

export async function insertCorrection(tx: Tx, row: typeof serviceRecordCorrections.$inferInsert): Promise<CorrectionRow> {
  const [saved] = await tx.insert(serviceRecordCorrections).values(row).returning();
  return saved!;
}

export async function findCorrection(tx: Tx, streetId: string, id: string): Promise<CorrectionRow | undefined> {
  const [row] = await tx
    .select()
    .from(serviceRecordCorrections)
    .where(and(eq(serviceRecordCorrections.streetId, streetId), eq(serviceRecordCorrections.id, id)));
  return row;
}

export async function resolveCorrection(
  tx: Tx,
  id: string,
  set: {
    status: 'accepted' | 'rejected';
    newMinutes: number | null;
    resolutionReason: string;
    resolvedByAccountId: string;
    resolvedAt: Date;
  },
): Promise<CorrectionRow | undefined> {
  const [row] = await tx
    .update(serviceRecordCorrections)
    .set(set)
    .where(and(eq(serviceRecordCorrections.id, id), eq(serviceRecordCorrections.status, 'pending')))
    .returning();
  return row;
}

/** The latest applied zeroing of a record (its old minutes are what an upheld appeal restores). */
export async function latestZeroing(tx: Tx, recordId: string): Promise<CorrectionRow | undefined> {
  const [row] = await tx
    .select()
    .from(serviceRecordCorrections)
    .where(and(eq(serviceRecordCorrections.recordId, recordId), eq(serviceRecordCorrections.kind, 'zeroing')))
    .orderBy(desc(serviceRecordCorrections.createdAt))
    .limit(1);
  return row;
}

export async function correctionsOfRecord(tx: Tx, recordId: string): Promise<CorrectionRow[]> {
  return tx
    .select()
    .from(serviceRecordCorrections)
    .where(eq(serviceRecordCorrections.recordId, recordId))
    .orderBy(desc(serviceRecordCorrections.createdAt));
}

export interface CorrectionFilter {
  streetId: string;
  scope?: StaffScope;
  status?: CorrectionRow['status'];
  kind?: CorrectionRow['kind'];
  after?: { createdAt: Date; id: string };
  limit: number;
}

export async function listCorrections(tx: Tx, f: CorrectionFilter): Promise<(CorrectionRow & { volunteerId: string })[]> {
  const where: (SQL | undefined)[] = [eq(serviceRecordCorrections.streetId, f.streetId)];
  if (f.status) where.push(eq(serviceRecordCorrections.status, f.status));
  if (f.kind) where.push(eq(serviceRecordCorrections.kind, f.kind));
  if (f.scope) where.push(inStaffScope(f.scope));
  if (f.after) where.push(olderThan(serviceRecordCorrections, f.after));
  const rows = await tx
    .select({ c: serviceRecordCorrections, volunteerId: serviceRecords.volunteerId })
    .from(serviceRecordCorrections)
    .innerJoin(serviceRecords, eq(serviceRecords.id, serviceRecordCorrections.recordId))
    .where(and(...where))
    .orderBy(desc(serviceRecordCorrections.createdAt), desc(serviceRecordCorrections.id))
    .limit(f.limit + 1);
  return rows.map((r) => ({ ...r.c, volunteerId: r.volunteerId }));
}

/**
 * Transfers of a record's crediting number `seq` that are not undone yet (neither reversed nor clawed
 * back), points before time-bank coins: the ledger's lock order across currencies (crediting posts in
 * the same order), so that two transactions crediting and un-crediting cannot deadlock on the issuing accounts.
 */
export async function openCreditTransfers(
  tx: Tx,
  streetId: string,
  recordId: string,
  seq: number,
): Promise<{ id: string; currency: 'points' | 'time_bank'; amount: number; toAccountId: string }[]> {
  const rows = await queryRows<{ id: string; currency: 'points' | 'time_bank'; amount: number | string; to_account_id: string }>(
    tx,
    sql`SELECT t.id, t.currency, t.amount, t.to_account_id FROM ledger_transfers t
        WHERE t.street_id = ${streetId} AND t.idempotency_key IN (${`sr:${recordId}:c${seq}:points`}, ${`sr:${recordId}:c${seq}:coins`})
          AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.reverses_transfer_id = t.id)
          AND NOT EXISTS (SELECT 1 FROM ledger_transfers c WHERE c.ref_type = 'service_record_clawback' AND c.ref_id = t.id)
        ORDER BY t.currency, t.created_at`,
  );
  return rows.map((r) => ({ id: r.id, currency: r.currency, amount: Number(r.amount), toAccountId: r.to_account_id }));
}

/** Whether the community and/or team of a 补录 exist in the street. */
export async function placeExists(
  tx: Tx,
  streetId: string,
  place: { communityId: string | null; teamId: string | null },
): Promise<boolean> {
  if (place.communityId) {
    const [c] = await tx
      .select({ id: communities.id })
      .from(communities)
      .where(and(eq(communities.streetId, streetId), eq(communities.id, place.communityId)));
    if (!c) return false;
  }
  if (place.teamId) {
    const [t] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.streetId, streetId), eq(teams.id, place.teamId)));
    if (!t) return false;
  }
  return true;
}

export async function personsOfVolunteers(tx: Tx, volunteerIds: string[]): Promise<Map<string, string>> {
  if (!volunteerIds.length) return new Map();
  const rows = await tx
    .select({ id: volunteers.id, personId: volunteers.personId })
    .from(volunteers)
    .where(inArray(volunteers.id, volunteerIds));
  return new Map(rows.map((r) => [r.id, r.personId]));
}

/** What the Art. 19 export shows of the volunteer (the ID only as its stored mask). */
export async function exportIdentity(
  tx: Tx,
  volunteerId: string,
): Promise<{ volunteerNo: string; idType: string | null; idNumberMasked: string | null } | undefined> {
  const [row] = await tx
    .select({ volunteerNo: volunteers.volunteerNo, idType: persons.idType, idNumberMasked: persons.idNumberMasked })
    .from(volunteers)
    .innerJoin(persons, eq(persons.id, volunteers.personId))
    .where(eq(volunteers.id, volunteerId));
  return row;
}

/** All records of a volunteer, oldest first, with the names of the organising community and team. */
export async function recordsForExport(
  tx: Tx,
  volunteerId: string,
): Promise<(RecordRow & { communityName: string | null; teamName: string | null })[]> {
  const rows = await tx
    .select({ r: serviceRecords, communityName: communities.name, teamName: teams.name })
    .from(serviceRecords)
    .leftJoin(communities, eq(communities.id, serviceRecords.communityId))
    .leftJoin(teams, eq(teams.id, serviceRecords.teamId))
    .where(eq(serviceRecords.volunteerId, volunteerId))
    .orderBy(serviceRecords.servedOn, serviceRecords.id)
    .limit(20_000);
  return rows.map((x) => ({ ...x.r, communityName: x.communityName, teamName: x.teamName }));
}
