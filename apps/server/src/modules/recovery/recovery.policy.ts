import type { Actor } from '../../platform/auth/actor.js';
import { hasRole, scopeIdsOf } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';

/**
 * Whose recovery requests the actor reviews: a street admin all of the street's, a community admin
 * those of persons of their community. Anyone else is refused (403).
 * @throws forbidden
 */
export function reviewScope(actor: Actor): 'all' | string[] {
  if (hasRole(actor, 'street_admin')) return 'all';
  const communityIds = scopeIdsOf(actor, 'community_admin');
  if (!communityIds.length) throw new AppError('forbidden');
  return communityIds;
}

export const inReviewScope = (scope: 'all' | string[], communityId: string | null) =>
  scope === 'all' || (communityId !== null && scope.includes(communityId));
