import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { roleAssignments } from '../../schema/index.js';
import type { Tx } from '../../platform/db/client.js';

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
