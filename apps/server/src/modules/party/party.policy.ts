import type { Actor } from '../../platform/auth/actor.js';
import { hasRole, scopeIdsOf } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';

/**
 * Whose party reports the actor reviews: a street admin all of the street's, a community admin
 * those naming their community. Anyone else is refused (403).
 * @throws forbidden
 */
export function reviewScope(actor: Actor): 'all' | string[] {
  if (hasRole(actor, 'street_admin')) return 'all';
  const communityIds = scopeIdsOf(actor, 'community_admin');
  if (!communityIds.length) throw new AppError('forbidden');
  return communityIds;
}

export const inReviewScope = (scope: 'all' | string[], communityId: string) => scope === 'all' || scope.includes(communityId);

/**
 * The unit's party-member list is for the unit's own admins and street admins; a unit admin of
 * another unit is refused (403: units are public, the list is not theirs).
 * @throws forbidden
 */
export function assertCanViewUnit(actor: Actor, unitId: string | undefined): void {
  if (hasRole(actor, 'street_admin')) return;
  const units = scopeIdsOf(actor, 'unit_admin');
  if (units.length === 0 || (unitId !== undefined && !units.includes(unitId))) throw new AppError('forbidden');
}
