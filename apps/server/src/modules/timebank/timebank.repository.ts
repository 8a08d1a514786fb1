import { and, asc, eq, lt, or } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import { accounts, familyRelations, persons, timeBankWithdrawals, volunteers } from '../../schema/index.js';

export type WithdrawalRow = typeof timeBankWithdrawals.$inferSelect;

export interface PersonRow {
  id: string;
  name: string;
  householdId: string | null;
  communityId: string | null;
  birthDate: string | null;
  birthYear: number | null;
}

export async function findPerson(tx: Tx, streetId: string, id: string): Promise<PersonRow | undefined> {
  const [row] = await tx
    .select({
      id: persons.id,
      name: persons.name,
      householdId: persons.householdId,
      communityId: persons.communityId,
      birthDate: persons.birthDate,
      birthYear: persons.birthYear,
    })
    .from(persons)
    .where(and(eq(persons.streetId, streetId), eq(persons.id, id)));
  return row;
}

/** The recorded relation between two persons, in either direction. */
export async function findRelation(tx: Tx, a: string, b: string): Promise<{ relation: string } | undefined> {
  const [row] = await tx
    .select({ relation: familyRelations.relation })
    .from(familyRelations)
    .where(
      or(
        and(eq(familyRelations.personId, a), eq(familyRelations.relativePersonId, b)),
        and(eq(familyRelations.personId, b), eq(familyRelations.relativePersonId, a)),
      ),
    );
  return row;
}

/** The person's recorded relatives, as seen from the person (relation reversed for rows recorded the other way). */
export async function relativesOf(
  tx: Tx,
  personId: string,
): Promise<{ personId: string; name: string; householdId: string | null; relation: string; mine: boolean }[]> {
  const forward = await tx
    .select({ personId: persons.id, name: persons.name, householdId: persons.householdId, relation: familyRelations.relation })
    .from(familyRelations)
    .innerJoin(persons, eq(persons.id, familyRelations.relativePersonId))
    .where(eq(familyRelations.personId, personId));
  const backward = await tx
    .select({ personId: persons.id, name: persons.name, householdId: persons.householdId, relation: familyRelations.relation })
    .from(familyRelations)
    .innerJoin(persons, eq(persons.id, familyRelations.personId))
    .where(eq(familyRelations.relativePersonId, personId));
  return [...forward.map((r) => ({ ...r, mine: true })), ...backward.map((r) => ({ ...r, mine: false }))];
}

export async function insertRelation(tx: Tx, row: typeof familyRelations.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(familyRelations).values(row).onConflictDoNothing().returning({ personId: familyRelations.personId });
  return inserted.length > 0;
}

export async function insertWithdrawal(tx: Tx, row: typeof timeBankWithdrawals.$inferInsert): Promise<WithdrawalRow> {
  const [saved] = await tx.insert(timeBankWithdrawals).values(row).returning();
  return saved!;
}

export async function findWithdrawal(tx: Tx, streetId: string, id: string): Promise<WithdrawalRow | undefined> {
  const [row] = await tx
    .select()
    .from(timeBankWithdrawals)
    .where(and(eq(timeBankWithdrawals.streetId, streetId), eq(timeBankWithdrawals.id, id)));
  return row;
}

export async function withdrawalByEscrow(tx: Tx, escrowTransferId: string): Promise<WithdrawalRow | undefined> {
  const [row] = await tx.select().from(timeBankWithdrawals).where(eq(timeBankWithdrawals.escrowTransferId, escrowTransferId));
  return row;
}

/** Compare and set from `escrowed`. */
export async function settleWithdrawal(
  tx: Tx,
  id: string,
  version: number,
  set: { status: 'released' | 'refunded'; settleTransferId: string | null; servingVolunteerId?: string | null; settledAt: Date },
): Promise<WithdrawalRow | undefined> {
  const [row] = await tx
    .update(timeBankWithdrawals)
    .set({ ...set, version: version + 1 })
    .where(and(eq(timeBankWithdrawals.id, id), eq(timeBankWithdrawals.version, version), eq(timeBankWithdrawals.status, 'escrowed')))
    .returning();
  return row;
}

export async function withdrawalsOf(tx: Tx, streetId: string, personId: string): Promise<WithdrawalRow[]> {
  return tx
    .select()
    .from(timeBankWithdrawals)
    .where(
      and(
        eq(timeBankWithdrawals.streetId, streetId),
        or(eq(timeBankWithdrawals.holderPersonId, personId), eq(timeBankWithdrawals.beneficiaryPersonId, personId)),
      ),
    )
    .orderBy(asc(timeBankWithdrawals.createdAt))
    .limit(200);
}

export async function expiredWithdrawals(tx: Tx, now: Date): Promise<WithdrawalRow[]> {
  return tx
    .select()
    .from(timeBankWithdrawals)
    .where(and(eq(timeBankWithdrawals.status, 'escrowed'), lt(timeBankWithdrawals.expiresAt, now)))
    .orderBy(asc(timeBankWithdrawals.expiresAt))
    .limit(500);
}

export async function personOfVolunteer(tx: Tx, volunteerId: string): Promise<string | undefined> {
  const [row] = await tx.select({ personId: volunteers.personId }).from(volunteers).where(eq(volunteers.id, volunteerId));
  return row?.personId;
}

export async function accountIdsOfPerson(tx: Tx, personId: string): Promise<string[]> {
  const rows = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, personId));
  return rows.map((r) => r.id);
}
