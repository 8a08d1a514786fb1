import type { Actor } from '../../platform/auth/actor.js';
import { hasRole, scopeIdsOf } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';

/** The parts of a team that decide who may act on it. */
export interface TeamScope {
  streetId: string;
  communityId: string | null;
  leaderPersonId: string | null;
}

/** The caller's standing in one team. */
export interface TeamStanding {
  /** Street admin of the team's street, or community admin of the team's community. */
  staff: boolean;
  leader: boolean;
  deputy: boolean;
  /** The caller's volunteer id, when the caller is a volunteer. */
  volunteerId: string | null;
}

/** Street admins act on every team of their street; community admins on the teams of their community. */
export function staffInScope(actor: Actor, team: TeamScope): boolean {
  if (team.streetId !== actor.streetId) return false;
  if (hasRole(actor, 'street_admin')) return true;
  return team.communityId !== null && scopeIdsOf(actor, 'community_admin').includes(team.communityId);
}

/** Brand page, logo, leader hand-over: staff in scope and the team's leader. */
export const canEditTeam = (s: TeamStanding) => s.staff || s.leader;
/** Applications, invitations, deputies' help: staff in scope, the leader and the deputies. */
export const canManageMembers = (s: TeamStanding) => s.staff || s.leader || s.deputy;
/** Deputies are appointed by staff in scope and the leader. */
export const canAppointDeputies = (s: TeamStanding) => s.staff || s.leader;
/** The roster (a data export) is for staff in scope and the leader. */
export const canExportRoster = (s: TeamStanding) => s.staff || s.leader;

/** @throws forbidden */
export function assertAllowed(allowed: boolean): void {
  if (!allowed) throw new AppError('forbidden');
}

/**
 * Street admins create teams anywhere in their street (community or street level); community
 * admins only in their own community.
 * @throws forbidden
 */
export function assertCanCreateTeam(actor: Actor, communityId: string | null): void {
  if (hasRole(actor, 'street_admin')) return;
  if (communityId !== null && scopeIdsOf(actor, 'community_admin').includes(communityId)) return;
  throw new AppError('forbidden');
}

/**
 * Moving a team to another community (or to the street level) is for street admins.
 * @throws forbidden
 */
export function assertCanMoveTeam(actor: Actor, from: string | null, to: string | null): void {
  if (from === to) return;
  if (!hasRole(actor, 'street_admin')) throw new AppError('forbidden');
}
