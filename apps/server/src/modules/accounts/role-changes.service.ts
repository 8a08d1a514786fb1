import type { Role, ScopeType } from '@duodi/contracts';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import * as repo from './role-changes.repository.js';
import { findAccountOfPerson } from './accounts.repository.js';
import { grantRole } from './accounts.service.js';

/**
 * Role changes that follow from other modules' decisions (a team's new leader, a confirmed party
 * report), addressed by person: a person without an account gets no assignment (nobody can sign in
 * as them), and every grant or revocation is audited (DR-23) in the caller's transaction.
 */
export interface PersonRoleChange {
  streetId: string;
  personId: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  byAccountId: string | null;
  reason: string;
  now: Date;
}

/**
 * Grants the role to the person's account unless it already holds it.
 * @returns the account id when a grant was written, null otherwise
 */
export async function grantRoleToPerson(tx: Tx, input: PersonRoleChange): Promise<string | null> {
  const account = await findAccountOfPerson(tx, input.personId);
  if (!account) return null;
  const { personId: _personId, now: _now, ...grant } = input;
  return (await grantRole(tx, { ...grant, accountId: account.id })) ? account.id : null;
}

/**
 * Revokes the person's live assignments of the role: of `scopeId`, or (with `exceptScopeId`) of
 * every other scope. Each revocation is audited.
 * @returns how many assignments were revoked
 */
export async function revokeRoleFromPerson(
  tx: Tx,
  input: Omit<PersonRoleChange, 'scopeId'> & ({ scopeId: string; exceptScopeId?: never } | { scopeId?: never; exceptScopeId: string }),
): Promise<number> {
  const accountId = (await findAccountOfPerson(tx, input.personId))?.id;
  if (!accountId) return 0;
  const revoked = await repo.revokeLiveAssignments(tx, {
    accountId,
    role: input.role,
    scopeType: input.scopeType,
    ...(input.scopeId !== undefined ? { scopeId: input.scopeId } : {}),
    ...(input.exceptScopeId !== undefined ? { exceptScopeId: input.exceptScopeId } : {}),
    now: input.now,
  });
  for (const r of revoked) {
    await appendAudit(tx, {
      streetId: input.streetId,
      actorAccountId: input.byAccountId,
      action: 'role.revoke',
      entityType: 'account',
      entityId: accountId,
      oldValue: { role: r.role, scopeType: r.scopeType, scopeId: r.scopeId },
      reason: input.reason,
    });
  }
  return revoked.length;
}
