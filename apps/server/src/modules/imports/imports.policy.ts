import type { Actor } from '../../platform/auth/actor.js';
import { hasRole } from '../../platform/auth/actor.js';
import { peopleScopeOf, type PeopleScope } from '../organization/index.js';
import { gridInScope } from '../residents/index.js';

/**
 * Who may import, and which rows: street admin any grid of the street, community admin the grids
 * of their community, grid worker their grid. Everyone else 403. Rows outside are reported.
 * @throws forbidden
 */
export function importScopeOf(actor: Actor): PeopleScope {
  return peopleScopeOf(actor);
}

export const rowInScope = (scope: PeopleScope, grid: { id: string; communityId: string }) =>
  gridInScope(scope, { gridId: grid.id, communityId: grid.communityId });

/** A job is seen (and committed) by the person who uploaded it and by the street's admins; for others it does not exist. */
export function canSeeJob(actor: Actor, job: { createdBy: string; streetId: string }): boolean {
  return job.streetId === actor.streetId && (job.createdBy === actor.accountId || hasRole(actor, 'street_admin'));
}
