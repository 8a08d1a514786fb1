import { STAFF_ROLES, type Role } from '@duodi/contracts';

type WithRoles = { roles: readonly Role[] } | null | undefined;

export function hasRole(user: WithRoles, ...roles: Role[]): boolean {
  return Boolean(user?.roles.some((role) => roles.includes(role)));
}

/** Staff roles open the console (`/admin`); everyone else uses the H5. */
export function isStaff(user: WithRoles): boolean {
  return Boolean(user?.roles.some((role) => STAFF_ROLES.includes(role)));
}

/** Who may list residents: the server decides, this only hides links that would end in 403. */
export function canSeeResidents(user: WithRoles): boolean {
  return hasRole(user, 'street_admin', 'community_admin', 'grid_worker');
}

export function isVolunteer(user: WithRoles): boolean {
  return hasRole(user, 'volunteer', 'party_member', 'team_leader');
}

type WithAssignments = { roles: readonly Role[]; assignments: readonly { role: Role; scopeId: string }[] } | null | undefined;

/** The scope ids (community, team, unit …) a user holds a role in. */
export function scopesOf(user: WithAssignments, role: Role): string[] {
  return (user?.assignments ?? []).filter((a) => a.role === role).map((a) => a.scopeId);
}

/** The full ID number (GET /volunteers/{id}/id-number): street admins, and community admins for their community. */
export function canRevealIdNumber(user: WithAssignments, communityId: string | null): boolean {
  if (hasRole(user, 'street_admin')) return true;
  return communityId !== null && scopesOf(user, 'community_admin').includes(communityId);
}

/** Staff who may register a volunteer on someone's behalf (POST /volunteers for another person). */
export function canRegisterOthers(user: WithRoles): boolean {
  return hasRole(user, 'street_admin', 'community_admin', 'grid_worker');
}

/** Street admins create teams anywhere; community admins in their community. */
export function canCreateTeam(user: WithRoles): boolean {
  return hasRole(user, 'street_admin', 'community_admin');
}

/** Staff of a team's place: the street admin, or the community admin of the team's community. */
export function isTeamStaff(user: WithAssignments, teamCommunityId: string | null): boolean {
  if (hasRole(user, 'street_admin')) return true;
  return teamCommunityId !== null && scopesOf(user, 'community_admin').includes(teamCommunityId);
}
