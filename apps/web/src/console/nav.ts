import type { Role } from '@duodi/contracts';

export type ConsoleSection = 'dashboard' | 'communities' | 'teams' | 'volunteers' | 'residents' | 'units' | 'me';

/** The console menu, and which staff roles see each entry (the server still decides on every call). */
export const CONSOLE_NAV: { section: ConsoleSection; path: string; roles: readonly Role[] | 'all' }[] = [
  { section: 'dashboard', path: '/', roles: 'all' },
  { section: 'communities', path: '/communities', roles: 'all' },
  { section: 'teams', path: '/teams', roles: 'all' },
  { section: 'volunteers', path: '/volunteers', roles: ['street_admin', 'community_admin', 'grid_worker', 'team_leader'] },
  { section: 'residents', path: '/residents', roles: ['street_admin', 'community_admin', 'grid_worker'] },
  { section: 'units', path: '/units', roles: ['street_admin', 'community_admin', 'unit_admin'] },
  { section: 'me', path: '/me', roles: 'all' },
];

export function navFor(roles: readonly Role[]) {
  return CONSOLE_NAV.filter((item) => item.roles === 'all' || item.roles.some((role) => roles.includes(role)));
}
