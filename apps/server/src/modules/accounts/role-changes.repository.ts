import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { accounts, roleAssignments } from '../../schema/index.js';
import type { Tx } from '../../platform/db/client.js';

export async function findAccountIdOfPerson(tx: Tx, personId: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, personId)).limit(1);
  return row?.id;
}

export async function findLiveAssignment(tx: Tx, input: { accountId: string; role: string; scopeType: string; scopeId: string }) {
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

export async function insertLiveAssignment(tx: Tx, row: typeof roleAssignments.$inferInsert) {
  await tx.insert(roleAssignments).values(row);
}

/**
 * Revokes the account's live assignments of a role: of one scope, or of every scope but one.
 * Returns what was revoked.
 */
export async function revokeLiveAssignments(
  tx: Tx,
  input: { accountId: string; role: string; scopeType: string; scopeId?: string; exceptScopeId?: string; now: Date },
) {
  return tx
    .update(roleAssignments)
    .set({ revokedAt: input.now })
    .where(
      and(
        eq(roleAssignments.accountId, input.accountId),
        sql`${roleAssignments.role} = ${input.role}`,
        sql`${roleAssignments.scopeType} = ${input.scopeType}`,
        input.scopeId !== undefined ? eq(roleAssignments.scopeId, input.scopeId) : undefined,
        input.exceptScopeId !== undefined ? ne(roleAssignments.scopeId, input.exceptScopeId) : undefined,
        isNull(roleAssignments.revokedAt),
      ),
    )
    .returning({ id: roleAssignments.id, role: roleAssignments.role, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId });
}
