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
