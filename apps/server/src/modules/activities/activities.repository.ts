import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { ActivityStatus } from '@duodi/contracts';
import {
  accounts,
  activities,
  activityHistory,
  activitySignups,
  activityTokenUses,
  insuranceRecords,
  persons,
  serviceItems,
  serviceRecords,
  streets,
  teamMembers,
  teams,
  volunteers,
} from '../../schema/index.js';
import type { Tx } from '../../platform/db/client.js';

export type ActivityRow = typeof activities.$inferSelect;
export type ActivityInsert = typeof activities.$inferInsert;
export type SignupRow = typeof activitySignups.$inferSelect;
export type HistoryRow = typeof activityHistory.$inferSelect;

export async function findTeam(tx: Tx, streetId: string, id: string) {
  const [row] = await tx
    .select({ id: teams.id, communityId: teams.communityId, name: teams.name })
    .from(teams)
    .where(and(eq(teams.streetId, streetId), eq(teams.id, id)))
    .limit(1);
  return row;
}

export async function findServiceItem(tx: Tx, streetId: string, id: string) {
  const [row] = await tx
    .select({ id: serviceItems.id, category: serviceItems.category })
    .from(serviceItems)
    .where(and(eq(serviceItems.streetId, streetId), eq(serviceItems.id, id), eq(serviceItems.active, true)))
    .limit(1);
  return row;
}

/** The caller's volunteer record with what eligibility needs, and their teams. */
export async function volunteerOfPerson(tx: Tx, personId: string) {
  const [row] = await tx
    .select({
      id: volunteers.id,
      status: volunteers.status,
      skills: volunteers.skills,
      birthDate: persons.birthDate,
      birthYear: persons.birthYear,
    })
    .from(volunteers)
    .innerJoin(persons, eq(persons.id, volunteers.personId))
    .where(eq(volunteers.personId, personId))
    .limit(1);
  if (!row) return undefined;
  const memberships = await tx.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.volunteerId, row.id));
  return { ...row, teamIds: memberships.map((m) => m.teamId) };
}

/** Serializes one volunteer's sign-ups (overlap check) across concurrent requests. */
export async function lockVolunteer(tx: Tx, volunteerId: string): Promise<void> {
  await tx.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.id, volunteerId)).for('update');
}

export async function insertActivities(tx: Tx, rows: ActivityInsert[]): Promise<ActivityRow[]> {
  return tx.insert(activities).values(rows).returning();
}

export async function insertHistory(tx: Tx, rows: (typeof activityHistory.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(activityHistory).values(rows);
}

export async function historyOf(tx: Tx, activityId: string): Promise<HistoryRow[]> {
  return tx.select().from(activityHistory).where(eq(activityHistory.activityId, activityId)).orderBy(asc(activityHistory.id));
}

export async function findActivity(tx: Tx, streetId: string, id: string, lock = false): Promise<ActivityRow | undefined> {
  const q = tx
    .select()
    .from(activities)
    .where(and(eq(activities.streetId, streetId), eq(activities.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Compare and set on status and version; undefined when another change came first. */
export async function updateActivity(
  tx: Tx,
  args: { id: string; fromStatus: ActivityStatus; fromVersion: number; set: Partial<ActivityInsert>; now: Date },
): Promise<ActivityRow | undefined> {
  const [row] = await tx
    .update(activities)
    .set({ ...args.set, version: sql`${activities.version} + 1`, updatedAt: args.now })
    .where(and(eq(activities.id, args.id), eq(activities.status, args.fromStatus), eq(activities.version, args.fromVersion)))
    .returning();
  return row;
}

/** Later occurrences of a series still in a status (a series is submitted and approved as a whole). */
export async function seriesSiblings(tx: Tx, seriesId: string, status: ActivityStatus, exceptId: string): Promise<ActivityRow[]> {
  return tx
    .select()
    .from(activities)
    .where(and(eq(activities.seriesId, seriesId), eq(activities.status, status), ne(activities.id, exceptId)))
    .orderBy(asc(activities.seriesIndex));
}

export const visibility = {
  statuses: (s: readonly ActivityStatus[]) => inArray(activities.status, [...s]),
  communities: (ids: string[]) => (ids.length ? inArray(activities.communityId, ids) : undefined),
  streetLevel: () => isNull(activities.communityId),
  teams: (ids: string[]) => (ids.length ? inArray(activities.teamId, ids) : undefined),
};

export async function listActivities(
  tx: Tx,
  q: {
    streetId: string;
    visibility: SQL | undefined;
    status?: ActivityStatus | undefined;
    communityId?: string | undefined;
    teamId?: string | undefined;
    from?: Date | undefined;
    to?: Date | undefined;
    volunteerId?: string | undefined;
    after?: [string, string] | undefined;
    limit: number;
  },
): Promise<ActivityRow[]> {
  const conds: (SQL | undefined)[] = [eq(activities.streetId, q.streetId), q.visibility];
  if (q.status) conds.push(eq(activities.status, q.status));
  if (q.communityId) conds.push(eq(activities.communityId, q.communityId));
  if (q.teamId) conds.push(eq(activities.teamId, q.teamId));
  if (q.from) conds.push(gte(activities.endsAt, q.from));
  if (q.to) conds.push(lt(activities.startsAt, q.to));
  if (q.volunteerId) {
    conds.push(
      sql`exists (select 1 from activity_signups s where s.activity_id = "activities"."id" and s.volunteer_id = ${q.volunteerId} and s.status <> 'cancelled')`,
    );
  }
  if (q.after) {
    const [startsAt, id] = q.after;
    conds.push(or(lt(activities.startsAt, new Date(startsAt)), and(eq(activities.startsAt, new Date(startsAt)), lt(activities.id, id))));
  }
  return tx
    .select()
    .from(activities)
    .where(and(...conds))
    .orderBy(desc(activities.startsAt), desc(activities.id))
    .limit(q.limit + 1);
}

/** Confirmed and waitlisted counts per activity. */
export async function signupCounts(tx: Tx, activityIds: string[]): Promise<Map<string, { confirmed: number; waitlisted: number }>> {
  const out = new Map<string, { confirmed: number; waitlisted: number }>();
  if (!activityIds.length) return out;
  const rows = await tx
    .select({
      activityId: activitySignups.activityId,
      confirmed: sql<number>`count(*) filter (where ${activitySignups.status} = 'confirmed')::int`,
      waitlisted: sql<number>`count(*) filter (where ${activitySignups.status} = 'waitlisted')::int`,
    })
    .from(activitySignups)
    .where(inArray(activitySignups.activityId, activityIds))
    .groupBy(activitySignups.activityId);
  for (const r of rows) out.set(r.activityId, { confirmed: Number(r.confirmed), waitlisted: Number(r.waitlisted) });
  return out;
}

export async function findSignup(tx: Tx, activityId: string, volunteerId: string, lock = false): Promise<SignupRow | undefined> {
  const q = tx
    .select()
    .from(activitySignups)
    .where(and(eq(activitySignups.activityId, activityId), eq(activitySignups.volunteerId, volunteerId)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Position in the waitlist (1 = next to be promoted). */
export async function waitlistPosition(tx: Tx, signup: SignupRow): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(activitySignups)
    .where(
      and(
        eq(activitySignups.activityId, signup.activityId),
        eq(activitySignups.status, 'waitlisted'),
        or(
          lt(activitySignups.signedUpAt, signup.signedUpAt),
          and(eq(activitySignups.signedUpAt, signup.signedUpAt), lte(activitySignups.id, signup.id)),
        ),
      ),
    );
  return Number(row?.n ?? 1);
}

/** A volunteer's sign-ups on some activities, each with its waitlist position (null unless waitlisted). */
export async function signupsWithPositions(
  tx: Tx,
  volunteerId: string,
  activityIds: string[],
): Promise<Map<string, { signup: SignupRow; position: number | null }>> {
  const out = new Map<string, { signup: SignupRow; position: number | null }>();
  if (!activityIds.length) return out;
  const own = await tx
    .select()
    .from(activitySignups)
    .where(and(eq(activitySignups.volunteerId, volunteerId), inArray(activitySignups.activityId, activityIds)));
  const waitlistedOn = own.filter((s) => s.status === 'waitlisted').map((s) => s.activityId);
  const queue = waitlistedOn.length
    ? await tx
        .select({ id: activitySignups.id, activityId: activitySignups.activityId })
        .from(activitySignups)
        .where(and(inArray(activitySignups.activityId, waitlistedOn), eq(activitySignups.status, 'waitlisted')))
        .orderBy(asc(activitySignups.signedUpAt), asc(activitySignups.id))
    : [];
  for (const signup of own) {
    const position =
      signup.status === 'waitlisted'
        ? queue.filter((q) => q.activityId === signup.activityId).findIndex((q) => q.id === signup.id) + 1
        : null;
    out.set(signup.activityId, { signup, position });
  }
  return out;
}

/** Another live sign-up of the volunteer whose activity overlaps the window. */
export async function overlappingSignup(tx: Tx, volunteerId: string, activityId: string, startsAt: Date, endsAt: Date) {
  const [row] = await tx
    .select({ activityId: activities.id, title: activities.title })
    .from(activitySignups)
    .innerJoin(activities, eq(activities.id, activitySignups.activityId))
    .where(
      and(
        eq(activitySignups.volunteerId, volunteerId),
        inArray(activitySignups.status, ['confirmed', 'waitlisted']),
        ne(activities.id, activityId),
        notInArray(activities.status, ['cancelled', 'archived']),
        lt(activities.startsAt, endsAt),
        gt(activities.endsAt, startsAt),
      ),
    )
    .limit(1);
  return row;
}

export async function insertSignup(tx: Tx, row: typeof activitySignups.$inferInsert): Promise<SignupRow> {
  const [out] = await tx.insert(activitySignups).values(row).returning();
  return out!;
}

/** Compare and set on the sign-up's version. */
export async function updateSignup(
  tx: Tx,
  id: string,
  fromVersion: number,
  set: Partial<typeof activitySignups.$inferInsert>,
): Promise<SignupRow | undefined> {
  const [row] = await tx
    .update(activitySignups)
    .set({ ...set, version: sql`${activitySignups.version} + 1` })
    .where(and(eq(activitySignups.id, id), eq(activitySignups.version, fromVersion)))
    .returning();
  return row;
}

export async function firstWaitlisted(tx: Tx, activityId: string): Promise<SignupRow | undefined> {
  const [row] = await tx
    .select()
    .from(activitySignups)
    .where(and(eq(activitySignups.activityId, activityId), eq(activitySignups.status, 'waitlisted')))
    .orderBy(asc(activitySignups.signedUpAt), asc(activitySignups.id))
    .limit(1)
    .for('update');
  return row;
}

export async function roster(tx: Tx, activityId: string) {
  return tx
    .select({ signup: activitySignups, name: persons.name, phoneMasked: persons.phoneMasked, personId: persons.id })
    .from(activitySignups)
    .innerJoin(volunteers, eq(volunteers.id, activitySignups.volunteerId))
    .innerJoin(persons, eq(persons.id, volunteers.personId))
    .where(and(eq(activitySignups.activityId, activityId), ne(activitySignups.status, 'cancelled')))
    .orderBy(asc(activitySignups.status), asc(activitySignups.signedUpAt), asc(activitySignups.id));
}

/** Volunteers among `volunteerIds` with an insurance record covering [fromDate, toDate] (Lhasa dates). */
export async function insuredVolunteers(tx: Tx, volunteerIds: string[], fromDate: string, toDate: string): Promise<Set<string>> {
  if (!volunteerIds.length) return new Set();
  const rows = await tx
    .selectDistinct({ volunteerId: insuranceRecords.volunteerId })
    .from(insuranceRecords)
    .where(
      and(
        inArray(insuranceRecords.volunteerId, volunteerIds),
        lte(insuranceRecords.validFrom, fromDate),
        gte(insuranceRecords.validTo, toDate),
      ),
    );
  return new Set(rows.map((r) => r.volunteerId));
}

/** Records a token (or code slot) use; false when this volunteer already used it for this action. */
export async function useToken(tx: Tx, row: typeof activityTokenUses.$inferInsert): Promise<boolean> {
  const out = await tx.insert(activityTokenUses).values(row).onConflictDoNothing().returning({ nonce: activityTokenUses.nonce });
  return out.length > 0;
}

export async function insertServiceRecord(tx: Tx, row: typeof serviceRecords.$inferInsert): Promise<void> {
  await tx.insert(serviceRecords).values(row);
}

export async function updateServiceRecordMinutes(
  tx: Tx,
  id: string,
  minutes: number,
  signoutAt: Date,
  signoutGeo: string | null,
): Promise<void> {
  await tx
    .update(serviceRecords)
    .set({ creditedMinutes: minutes, signoutAt, signoutGeo })
    .where(and(eq(serviceRecords.id, id), eq(serviceRecords.status, 'pending')));
}

/** Confirmed sign-ups checked in but not out. */
export async function openSessions(tx: Tx, activityId: string): Promise<SignupRow[]> {
  return tx
    .select()
    .from(activitySignups)
    .where(
      and(
        eq(activitySignups.activityId, activityId),
        eq(activitySignups.status, 'confirmed'),
        isNotNull(activitySignups.checkinAt),
        isNull(activitySignups.checkoutAt),
      ),
    )
    .for('update');
}

/** In-progress activities whose end passed before `before` (the job ends them). */
export async function overdueInProgress(tx: Tx, before: Date, limit: number) {
  return tx
    .select({ id: activities.id, streetId: activities.streetId })
    .from(activities)
    .where(and(eq(activities.status, 'in_progress'), lt(activities.endsAt, before)))
    .orderBy(asc(activities.endsAt))
    .limit(limit);
}

/** Confirmed sign-ups not yet reminded whose activity starts in (now, until]. */
export async function dueReminders(tx: Tx, now: Date, until: Date, limit: number) {
  return tx
    .select({
      signupId: activitySignups.id,
      signupVersion: activitySignups.version,
      accountId: accounts.id,
      activity: {
        id: activities.id,
        streetId: activities.streetId,
        title: activities.title,
        titleBo: activities.titleBo,
        startsAt: activities.startsAt,
        placeName: activities.placeName,
      },
    })
    .from(activitySignups)
    .innerJoin(activities, eq(activities.id, activitySignups.activityId))
    .innerJoin(volunteers, eq(volunteers.id, activitySignups.volunteerId))
    .innerJoin(accounts, eq(accounts.personId, volunteers.personId))
    .where(
      and(
        eq(activitySignups.status, 'confirmed'),
        isNull(activitySignups.remindedAt),
        inArray(activities.status, ['recruiting', 'in_progress']),
        gt(activities.startsAt, now),
        lte(activities.startsAt, until),
      ),
    )
    .orderBy(asc(activities.startsAt), asc(activitySignups.id))
    .limit(limit);
}

export async function markReminded(tx: Tx, signupId: string, version: number, at: Date): Promise<boolean> {
  const out = await tx
    .update(activitySignups)
    .set({ remindedAt: at })
    .where(and(eq(activitySignups.id, signupId), eq(activitySignups.version, version), isNull(activitySignups.remindedAt)))
    .returning({ id: activitySignups.id });
  return out.length > 0;
}

/** Account ids of volunteers (for notifications). */
export async function accountIdsOfVolunteers(tx: Tx, volunteerIds: string[]): Promise<string[]> {
  if (!volunteerIds.length) return [];
  const rows = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(volunteers, eq(volunteers.personId, accounts.personId))
    .where(inArray(volunteers.id, volunteerIds));
  return rows.map((r) => r.id);
}

/** Live sign-ups (confirmed or waitlisted) of an activity. */
export async function liveSignups(tx: Tx, activityId: string): Promise<SignupRow[]> {
  return tx
    .select()
    .from(activitySignups)
    .where(and(eq(activitySignups.activityId, activityId), inArray(activitySignups.status, ['confirmed', 'waitlisted'])));
}

export async function defaultStreetId(tx: Tx): Promise<string | undefined> {
  const [row] = await tx.select({ id: streets.id }).from(streets).orderBy(asc(streets.createdAt), asc(streets.id)).limit(1);
  return row?.id;
}
