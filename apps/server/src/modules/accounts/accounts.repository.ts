import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import {
  accounts,
  communities,
  grids,
  loginThrottle,
  persons,
  roleAssignments,
  sessions,
  streets,
  teamMembers,
  teams,
  units,
  volunteers,
} from '../../schema/index.js';
import type { Tx } from '../../platform/db/client.js';

export async function findAccountByPhoneHash(tx: Tx, phoneHash: string) {
  const [row] = await tx.select().from(accounts).where(eq(accounts.phoneHash, phoneHash)).limit(1);
  return row;
}

export async function findThrottle(tx: Tx, phoneHash: string) {
  const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.phoneHash, phoneHash)).limit(1);
  return row;
}

/**
 * Counts one more failure atomically (a failure older than the window starts a new run) and
 * locks the phone once `maxFailures` is reached. Returns the row after the update.
 */
export async function recordFailure(tx: Tx, input: { phoneHash: string; now: Date; windowMs: number; maxFailures: number; lockMs: number }) {
  const { phoneHash, now, windowMs, maxFailures, lockMs } = input;
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  const lockedUntil = new Date(now.getTime() + lockMs);
  const lockedUntilIso = lockedUntil.toISOString();
  const [row] = await tx
    .insert(loginThrottle)
    .values({ phoneHash, failures: 1, lastFailureAt: now, lockedUntil: maxFailures <= 1 ? lockedUntil : null })
    .onConflictDoUpdate({
      target: loginThrottle.phoneHash,
      set: {
        failures: sql`CASE WHEN ${loginThrottle.lastFailureAt} < ${windowStart}::timestamptz THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
        lastFailureAt: now,
        lockedUntil: sql`CASE WHEN (CASE WHEN ${loginThrottle.lastFailureAt} < ${windowStart}::timestamptz THEN 1 ELSE ${loginThrottle.failures} + 1 END) >= ${maxFailures} THEN ${lockedUntilIso}::timestamptz ELSE NULL END`,
      },
    })
    .returning();
  return row!;
}

export async function clearThrottle(tx: Tx, phoneHash: string) {
  await tx.delete(loginThrottle).where(eq(loginThrottle.phoneHash, phoneHash));
}

export async function insertSession(tx: Tx, row: typeof sessions.$inferInsert) {
  await tx.insert(sessions).values(row);
}

export async function revokeSession(tx: Tx, tokenHash: string, now: Date) {
  await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

export async function touchLogin(tx: Tx, accountId: string, now: Date) {
  await tx.update(accounts).set({ lastLoginAt: now }).where(eq(accounts.id, accountId));
}

/** The account and person behind a live session, or undefined. */
export async function findSessionAccount(tx: Tx, tokenHash: string, now: Date) {
  const [row] = await tx
    .select({ account: accounts, person: persons })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), eq(accounts.status, 'active')))
    .limit(1);
  return row;
}

export async function findAccount(tx: Tx, accountId: string) {
  const [row] = await tx
    .select({ account: accounts, person: persons })
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(eq(accounts.id, accountId))
    .limit(1);
  return row;
}

export async function listAssignments(tx: Tx, accountId: string) {
  return tx
    .select({ role: roleAssignments.role, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.accountId, accountId), isNull(roleAssignments.revokedAt)))
    .orderBy(roleAssignments.createdAt, roleAssignments.id);
}

/** Names and communities of the scopes named by a set of assignments, in one round trip per kind. */
export async function describeScopes(tx: Tx, refs: { scopeType: string; scopeId: string }[]) {
  const ids = (type: string) => [...new Set(refs.filter((r) => r.scopeType === type).map((r) => r.scopeId))];
  const [s, c, g, t, u] = await Promise.all([
    ids('street').length ? tx.select({ id: streets.id, name: streets.name }).from(streets).where(inArray(streets.id, ids('street'))) : [],
    ids('community').length ? tx.select({ id: communities.id, name: communities.name }).from(communities).where(inArray(communities.id, ids('community'))) : [],
    ids('grid').length
      ? tx.select({ id: grids.id, name: grids.name, communityId: grids.communityId }).from(grids).where(inArray(grids.id, ids('grid')))
      : [],
    ids('team').length
      ? tx.select({ id: teams.id, name: teams.name, communityId: teams.communityId }).from(teams).where(inArray(teams.id, ids('team')))
      : [],
    ids('unit').length ? tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids('unit'))) : [],
  ]);
  const out = new Map<string, { name: string; communityId: string | null }>();
  for (const r of s) out.set(`street:${r.id}`, { name: r.name, communityId: null });
  for (const r of c) out.set(`community:${r.id}`, { name: r.name, communityId: r.id });
  for (const r of g) out.set(`grid:${r.id}`, { name: r.name, communityId: r.communityId });
  for (const r of t) out.set(`team:${r.id}`, { name: r.name, communityId: r.communityId });
  for (const r of u) out.set(`unit:${r.id}`, { name: r.name, communityId: null });
  return out;
}

export async function findVolunteerOfPerson(tx: Tx, personId: string) {
  const [row] = await tx
    .select({ id: volunteers.id, unitId: volunteers.unitId, status: volunteers.status })
    .from(volunteers)
    .where(eq(volunteers.personId, personId))
    .limit(1);
  return row;
}

export async function listTeamIdsOfVolunteer(tx: Tx, volunteerId: string) {
  const rows = await tx.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.volunteerId, volunteerId));
  return rows.map((r) => r.teamId);
}

export async function updatePreferences(tx: Tx, accountId: string, patch: { language?: 'zh-CN' | 'bo' | 'en'; elderlyMode?: boolean }) {
  await tx.update(accounts).set(patch).where(eq(accounts.id, accountId));
}

export async function findStreetByCode(tx: Tx, code: string) {
  const [row] = await tx.select().from(streets).where(eq(streets.code, code)).limit(1);
  return row;
}

export async function insertStreet(tx: Tx, row: typeof streets.$inferInsert) {
  await tx.insert(streets).values(row);
}

export async function insertPerson(tx: Tx, row: typeof persons.$inferInsert) {
  await tx.insert(persons).values(row);
}

export async function insertAccount(tx: Tx, row: typeof accounts.$inferInsert) {
  await tx.insert(accounts).values(row);
}

export async function insertAssignment(tx: Tx, row: typeof roleAssignments.$inferInsert) {
  await tx.insert(roleAssignments).values(row);
}

/** The one street of a single-street deployment, or undefined when there are none or several. */
export async function findOnlyStreet(tx: Tx) {
  const rows = await tx.select().from(streets).limit(2);
  return rows.length === 1 ? rows[0] : undefined;
}

export async function findStreetById(tx: Tx, id: string) {
  const [row] = await tx.select().from(streets).where(eq(streets.id, id)).limit(1);
  return row;
}

export async function findActiveAssignment(tx: Tx, input: { accountId: string; role: string; scopeType: string; scopeId: string }) {
  const [row] = await tx
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.accountId, input.accountId),
        sql`${roleAssignments.role} = ${input.role}`,
        sql`${roleAssignments.scopeType} = ${input.scopeType}`,
        eq(roleAssignments.scopeId, input.scopeId),
        isNull(roleAssignments.revokedAt),
      ),
    )
    .limit(1);
  return row;
}

export async function findAccountOfPerson(tx: Tx, personId: string) {
  const [row] = await tx.select().from(accounts).where(eq(accounts.personId, personId)).limit(1);
  return row;
}

/** Revokes every live session of an account. */
export async function revokeAllSessions(tx: Tx, accountId: string, now: Date) {
  await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)));
}

/** Revokes the account's live role assignments and returns them. */
export async function revokeAllAssignments(tx: Tx, accountId: string, now: Date) {
  return tx
    .update(roleAssignments)
    .set({ revokedAt: now })
    .where(and(eq(roleAssignments.accountId, accountId), isNull(roleAssignments.revokedAt)))
    .returning({ role: roleAssignments.role, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId });
}

/** Disables the account and frees its phone (the blind index is replaced by a tombstone). */
export async function disableAccount(tx: Tx, accountId: string) {
  await tx.update(accounts).set({ status: 'disabled', phoneHash: `deleted:${accountId}` }).where(eq(accounts.id, accountId));
}

export async function listAllAssignments(tx: Tx, accountId: string) {
  return tx
    .select({ role: roleAssignments.role, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId, createdAt: roleAssignments.createdAt, revokedAt: roleAssignments.revokedAt })
    .from(roleAssignments)
    .where(eq(roleAssignments.accountId, accountId))
    .orderBy(roleAssignments.createdAt, roleAssignments.id);
}

export async function countSessions(tx: Tx, accountId: string, now: Date) {
  const [row] = await tx
    .select({
      total: sql<number>`count(*)::int`,
      active: sql<number>`count(*) FILTER (WHERE ${sessions.revokedAt} IS NULL AND ${sessions.expiresAt} > ${now.toISOString()}::timestamptz)::int`,
    })
    .from(sessions)
    .where(eq(sessions.accountId, accountId));
  return { total: row?.total ?? 0, active: row?.active ?? 0 };
}

/** Replaces an account's sign-in phone (blind index) and password hash. */
export async function updateCredentials(tx: Tx, accountId: string, input: { phoneHash: string; passwordHash: string }) {
  await tx.update(accounts).set(input).where(eq(accounts.id, accountId));
}

export async function findPersonById(tx: Tx, personId: string) {
  const [row] = await tx.select().from(persons).where(eq(persons.id, personId)).limit(1);
  return row;
}

/** The person's contact phone follows their sign-in phone. */
export async function updatePersonPhone(tx: Tx, personId: string, input: { phoneEnc: string; phoneHash: string; phoneMasked: string; updatedAt: Date }) {
  await tx.update(persons).set(input).where(eq(persons.id, personId));
}
