import type { Me, Role } from '@duodi/contracts';

export type ConsoleSection =
  | 'dashboard'
  | 'communities'
  | 'teams'
  | 'volunteers'
  | 'residents'
  | 'imports'
  | 'partyReports'
  | 'partyMembers'
  | 'units'
  | 'deletionRequests'
  | 'recoveryRequests'
  | 'activities'
  | 'campaigns'
  | 'dispatchBoard'
  | 'demands'
  | 'dispatchSuggestions'
  | 'serviceMenu'
  | 'verification'
  | 'manualRecords'
  | 'corrections'
  | 'pointRules'
  | 'rewardsAdmin'
  | 'stars'
  | 'certificates'
  | 'reports'
  | 'auditLog'
  | 'me';

type NavItem = { section: ConsoleSection; path: string; roles: readonly Role[] | 'all' };

/**
 * The console menu and which staff roles see each entry. This only hides what would end in 403;
 * the server still decides on every call.
 */
export const CONSOLE_NAV: readonly NavItem[] = [
  { section: 'dashboard', path: '/', roles: 'all' },
  { section: 'communities', path: '/communities', roles: 'all' },
  { section: 'teams', path: '/teams', roles: 'all' },
  { section: 'volunteers', path: '/volunteers', roles: ['street_admin', 'community_admin', 'grid_worker', 'team_leader'] },
  { section: 'residents', path: '/residents', roles: ['street_admin', 'community_admin', 'grid_worker'] },
  { section: 'imports', path: '/imports', roles: ['street_admin', 'community_admin', 'grid_worker'] },
  { section: 'partyReports', path: '/party-reports', roles: ['street_admin', 'community_admin'] },
  { section: 'partyMembers', path: '/party-members', roles: ['street_admin', 'unit_admin'] },
  { section: 'units', path: '/units', roles: ['street_admin', 'community_admin', 'unit_admin'] },
  { section: 'deletionRequests', path: '/deletion-requests', roles: ['street_admin', 'community_admin'] },
  { section: 'recoveryRequests', path: '/recovery-requests', roles: ['street_admin', 'community_admin'] },
  { section: 'dispatchBoard', path: '/dispatch', roles: ['street_admin', 'community_admin', 'grid_worker', 'team_leader'] },
  { section: 'demands', path: '/demands', roles: ['street_admin', 'community_admin', 'grid_worker', 'team_leader'] },
  { section: 'dispatchSuggestions', path: '/dispatch-suggestions', roles: ['street_admin', 'community_admin', 'team_leader'] },
  { section: 'serviceMenu', path: '/service-menu', roles: ['street_admin', 'community_admin'] },
  { section: 'activities', path: '/activities', roles: ['street_admin', 'community_admin', 'team_leader'] },
  { section: 'campaigns', path: '/campaigns', roles: ['street_admin', 'community_admin', 'grid_worker', 'team_leader'] },
  { section: 'verification', path: '/verification', roles: ['street_admin', 'community_admin', 'team_leader'] },
  { section: 'manualRecords', path: '/manual-records', roles: ['street_admin', 'community_admin', 'team_leader'] },
  { section: 'corrections', path: '/corrections', roles: ['street_admin', 'community_admin', 'team_leader'] },
  { section: 'pointRules', path: '/point-rules', roles: ['street_admin', 'community_admin'] },
  { section: 'rewardsAdmin', path: '/rewards', roles: ['street_admin', 'community_admin'] },
  { section: 'stars', path: '/stars', roles: ['street_admin', 'community_admin'] },
  { section: 'certificates', path: '/certificates', roles: ['street_admin', 'community_admin'] },
  { section: 'reports', path: '/reports', roles: ['street_admin', 'community_admin', 'unit_admin'] },
  { section: 'auditLog', path: '/audit-log', roles: ['street_admin'] },
  { section: 'me', path: '/me', roles: 'all' },
];

export function navFor(roles: readonly Role[]) {
  return CONSOLE_NAV.filter((item) => item.roles === 'all' || item.roles.some((role) => roles.includes(role)));
}

/** Whether the signed-in user's roles open a section (used by the routes too, to show a clear "not for you"). */
export function canOpen(me: Pick<Me, 'roles'>, section: ConsoleSection): boolean {
  return navFor(me.roles).some((item) => item.section === section);
}
