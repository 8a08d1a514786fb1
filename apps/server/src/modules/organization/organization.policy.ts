import type { Actor } from '../../platform/auth/actor.js';
import { hasRole, scopeIdsOf } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import type { PeopleScope } from './organization.repository.js';

/**
 * Whose residents and households the actor may list: a street admin the whole street, a community
 * admin their community, a grid worker their grid. Everyone else is refused (403).
 * @throws forbidden
 */
export function peopleScopeOf(actor: Actor): PeopleScope {
  if (hasRole(actor, 'street_admin')) return { all: true, communityIds: [], gridIds: [] };
  const communityIds = scopeIdsOf(actor, 'community_admin');
  const gridIds = scopeIdsOf(actor, 'grid_worker');
  if (!communityIds.length && !gridIds.length) throw new AppError('forbidden');
  return { all: false, communityIds, gridIds };
}

/** A filter on a community the actor has no part of is refused outright rather than answered empty. */
export function assertCommunityInScope(actor: Actor, scope: PeopleScope, communityId: string) {
  if (scope.all || scope.communityIds.includes(communityId)) return;
  const viaGrid = actor.assignments.some((a) => a.role === 'grid_worker' && a.communityId === communityId);
  if (!viaGrid) throw new AppError('forbidden');
}

export function assertGridInScope(scope: PeopleScope, grid: { id: string; communityId: string }) {
  if (scope.all || scope.gridIds.includes(grid.id) || scope.communityIds.includes(grid.communityId)) return;
  throw new AppError('forbidden');
}
