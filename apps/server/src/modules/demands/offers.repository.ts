import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { demandOffers, demands, demandVolunteers, dispatchPlans, teamMembers, volunteerNoShows, volunteers } from '../../schema/index.js';
import type { Tx } from '../../platform/db/client.js';

export type OfferRow = typeof demandOffers.$inferSelect;

/** Active volunteers of a team. */
export async function activeMembersOf(tx: Tx, teamId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: teamMembers.volunteerId })
    .from(teamMembers)
    .innerJoin(volunteers, eq(volunteers.id, teamMembers.volunteerId))
    .where(and(eq(teamMembers.teamId, teamId), eq(volunteers.status, 'active')))
    .orderBy(asc(teamMembers.volunteerId));
  return rows.map((r) => r.id);
}

/** Volunteers holding an open offer of the demand. */
export async function openOfferVolunteers(tx: Tx, demandId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: demandOffers.volunteerId })
    .from(demandOffers)
    .where(and(eq(demandOffers.demandId, demandId), eq(demandOffers.status, 'offered')));
  return rows.map((r) => r.id);
}

export async function insertOffers(tx: Tx, rows: (typeof demandOffers.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(demandOffers).values(rows);
}

export async function insertPlan(tx: Tx, row: typeof dispatchPlans.$inferInsert): Promise<void> {
  await tx.insert(dispatchPlans).values(row);
}

export async function setPlanCounts(tx: Tx, id: string, demandCount: number, offerCount: number): Promise<void> {
  await tx.update(dispatchPlans).set({ demandCount, offerCount }).where(eq(dispatchPlans.id, id));
}

/** The volunteer's open offer of a demand (locked), if any. */
export async function findOpenOffer(tx: Tx, demandId: string, volunteerId: string): Promise<OfferRow | undefined> {
  const [row] = await tx
    .select()
    .from(demandOffers)
    .where(and(eq(demandOffers.demandId, demandId), eq(demandOffers.volunteerId, volunteerId), eq(demandOffers.status, 'offered')))
    .limit(1)
    .for('update');
  return row;
}

/** Compare and set: offered → `to`; undefined when it was no longer open. */
export async function decideOffer(tx: Tx, input: { id: string; to: OfferRow['status']; reason?: string | null; now: Date }): Promise<OfferRow | undefined> {
  const [row] = await tx
    .update(demandOffers)
    .set({ status: input.to, decidedAt: input.now, ...(input.reason !== undefined ? { declineReason: input.reason } : {}) })
    .where(and(eq(demandOffers.id, input.id), eq(demandOffers.status, 'offered')))
    .returning();
  return row;
}

/**
 * The volunteer accepted the demand: their latest offer of it (open, declined or expired) becomes
 * accepted. Nothing when they had none (any member of the assigned team may accept).
 */
export async function markAccepted(tx: Tx, demandId: string, volunteerId: string, now: Date): Promise<void> {
  const [latest] = await tx
    .select({ id: demandOffers.id })
    .from(demandOffers)
    .where(and(eq(demandOffers.demandId, demandId), eq(demandOffers.volunteerId, volunteerId), inArray(demandOffers.status, ['offered', 'declined', 'expired'])))
    .orderBy(desc(demandOffers.createdAt), desc(demandOffers.id))
    .limit(1);
  if (latest) await tx.update(demandOffers).set({ status: 'accepted', decidedAt: now }).where(eq(demandOffers.id, latest.id));
}

/** Withdraws the open offers of a demand (filled, cancelled); optionally only one volunteer's accepted one. */
export async function withdrawOpen(tx: Tx, demandId: string, now: Date): Promise<number> {
  const rows = await tx
    .update(demandOffers)
    .set({ status: 'withdrawn', decidedAt: now })
    .where(and(eq(demandOffers.demandId, demandId), eq(demandOffers.status, 'offered')))
    .returning({ id: demandOffers.id });
  return rows.length;
}

export async function withdrawAccepted(tx: Tx, demandId: string, volunteerId: string, now: Date): Promise<void> {
  await tx
    .update(demandOffers)
    .set({ status: 'withdrawn', decidedAt: now })
    .where(and(eq(demandOffers.demandId, demandId), eq(demandOffers.volunteerId, volunteerId), eq(demandOffers.status, 'accepted')));
}

/** Expires open offers created before `before`; returns how many. */
export async function expireOffers(tx: Tx, before: Date, now: Date): Promise<number> {
  const rows = await tx
    .update(demandOffers)
    .set({ status: 'expired', decidedAt: now })
    .where(and(eq(demandOffers.status, 'offered'), lt(demandOffers.createdAt, before)))
    .returning({ id: demandOffers.id });
  return rows.length;
}

/** A volunteer's open offers of demands still waiting for volunteers, newest first (keyset on created_at, id). */
export async function myOpenOffers(tx: Tx, input: { volunteerId: string; after?: [string, string] | undefined; limit: number }) {
  const conds = [
    eq(demandOffers.volunteerId, input.volunteerId),
    eq(demandOffers.status, 'offered'),
    eq(demands.status, 'assigned'),
    lt(demands.acceptedCount, demands.volunteersNeeded),
  ];
  if (input.after) conds.push(sql`(${demandOffers.createdAt}, ${demandOffers.id}) < (${new Date(input.after[0])}, ${input.after[1]})`);
  return tx
    .select({ offer: demandOffers, demand: demands })
    .from(demandOffers)
    .innerJoin(demands, eq(demands.id, demandOffers.demandId))
    .where(and(...conds))
    .orderBy(desc(demandOffers.createdAt), desc(demandOffers.id))
    .limit(input.limit + 1);
}

export async function offersOfDemand(tx: Tx, demandId: string): Promise<OfferRow[]> {
  return tx.select().from(demandOffers).where(eq(demandOffers.demandId, demandId)).orderBy(asc(demandOffers.createdAt), asc(demandOffers.id));
}

/* ---------- no-shows ---------- */

export async function insertNoShow(tx: Tx, row: typeof volunteerNoShows.$inferInsert): Promise<void> {
  await tx.insert(volunteerNoShows).values(row);
}

export async function deleteDemandVolunteer(tx: Tx, demandId: string, volunteerId: string): Promise<boolean> {
  const rows = await tx
    .delete(demandVolunteers)
    .where(and(eq(demandVolunteers.demandId, demandId), eq(demandVolunteers.volunteerId, volunteerId)))
    .returning({ id: demandVolunteers.volunteerId });
  return rows.length > 0;
}

/** Compare and set on (status, version): one slot freed; the status becomes `to`. */
export async function freeSlot(
  tx: Tx,
  input: { id: string; fromStatus: (typeof demands.$inferSelect)['status']; fromVersion: number; to: (typeof demands.$inferSelect)['status']; slaDueAt: Date | null; now: Date },
) {
  const [row] = await tx
    .update(demands)
    .set({
      status: input.to,
      acceptedCount: sql`${demands.acceptedCount} - 1`,
      slaDueAt: input.slaDueAt,
      version: sql`${demands.version} + 1`,
      updatedAt: input.now,
    })
    .where(and(eq(demands.id, input.id), eq(demands.status, input.fromStatus), eq(demands.version, input.fromVersion), sql`${demands.acceptedCount} > 0`))
    .returning();
  return row;
}

/** No-shows per volunteer of the street since `since`. */
export async function noShowCounts(tx: Tx, streetId: string, since: Date): Promise<Map<string, number>> {
  const rows = await tx
    .select({ volunteerId: volunteerNoShows.volunteerId, n: sql<number>`count(*)::int` })
    .from(volunteerNoShows)
    .where(and(eq(volunteerNoShows.streetId, streetId), gte(volunteerNoShows.at, since)))
    .groupBy(volunteerNoShows.volunteerId);
  return new Map(rows.map((r) => [r.volunteerId, r.n]));
}
