import type { Actor } from '../../platform/auth/actor.js';
import { hasRole, scopeIdsOf } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';

/** Where a volunteer lives in the organization: what the scope rules look at. */
export interface VolunteerPlace {
  personId: string;
  communityId: string | null;
  gridId: string | null;
  teamIds: string[];
}

/**
 * How much of a volunteer profile the actor sees:
 * - `self`: the volunteer; `staff`: street admin, community admin of the volunteer's community,
 *   grid worker of the volunteer's grid: everything masked (ID and phone masks, guardian, insurance).
 * - `team`: a leader of one of the volunteer's teams: no ID at all, masked phone, insurance.
 * - null: anyone else; the volunteer does not exist for them (404).
 */
export type ViewLevel = 'self' | 'staff' | 'team';

export function isStaffInScope(actor: Actor, v: VolunteerPlace): boolean {
  if (hasRole(actor, 'street_admin')) return true;
  if (v.communityId && scopeIdsOf(actor, 'community_admin').includes(v.communityId)) return true;
  return Boolean(v.gridId && scopeIdsOf(actor, 'grid_worker').includes(v.gridId));
}

export function viewLevelOf(actor: Actor, v: VolunteerPlace): ViewLevel | null {
  if (actor.personId === v.personId) return 'self';
  if (isStaffInScope(actor, v)) return 'staff';
  const led = scopeIdsOf(actor, 'team_leader');
  if (v.teamIds.some((t) => led.includes(t))) return 'team';
  return null;
}

/** Profile view: 404 outside every scope. @throws not_found */
export function assertCanView(actor: Actor, v: VolunteerPlace): ViewLevel {
  const level = viewLevelOf(actor, v);
  if (!level) throw new AppError('not_found');
  return level;
}

/**
 * Profile edits: the volunteer and staff in scope; a team leader sees the profile but may not
 * change it (403). @throws not_found | forbidden
 */
export function assertCanEdit(actor: Actor, v: VolunteerPlace): void {
  const level = assertCanView(actor, v);
  if (level === 'team') throw new AppError('forbidden');
}

/** Insurance records: the volunteer, staff in scope and the leaders of the volunteer's teams (teams buy insurance). */
export const assertCanManageInsurance = (actor: Actor, v: VolunteerPlace): void => void assertCanView(actor, v);

/**
 * The full ID number (DR-21 need-to-know): street admins, and community admins of the volunteer's
 * community. Any other role is refused (403) before anything is looked up or logged; a community
 * admin of another community does not see the volunteer at all (404).
 * @throws forbidden | not_found
 */
export function assertIdNumberRole(actor: Actor): void {
  if (!hasRole(actor, 'street_admin') && !hasRole(actor, 'community_admin')) throw new AppError('forbidden');
}

export function assertIdNumberScope(actor: Actor, v: VolunteerPlace): void {
  if (hasRole(actor, 'street_admin')) return;
  if (v.communityId && scopeIdsOf(actor, 'community_admin').includes(v.communityId)) return;
  throw new AppError('not_found');
}

/** Roles that register other people as volunteers. */
export const isRegistrar = (actor: Actor) =>
  hasRole(actor, 'street_admin') || hasRole(actor, 'community_admin') || hasRole(actor, 'grid_worker');

/**
 * A grid a staff member may place a volunteer in (register someone there, or move a volunteer
 * there): street admin any grid of the street, community admin the grids of their community,
 * grid worker their own grid. @throws forbidden
 */
export function assertGridForStaff(actor: Actor, grid: { id: string; communityId: string }): void {
  if (hasRole(actor, 'street_admin')) return;
  if (scopeIdsOf(actor, 'community_admin').includes(grid.communityId)) return;
  if (scopeIdsOf(actor, 'grid_worker').includes(grid.id)) return;
  throw new AppError('forbidden');
}

/**
 * PIPL deletion requests: street admins see and complete all, community admins those of their
 * community's people; any other role is refused. @throws forbidden
 */
export function deletionScopeOf(actor: Actor): 'all' | string[] {
  if (hasRole(actor, 'street_admin')) return 'all';
  const ids = scopeIdsOf(actor, 'community_admin');
  if (!ids.length) throw new AppError('forbidden');
  return ids;
}
