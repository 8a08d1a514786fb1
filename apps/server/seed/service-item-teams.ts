/**
 * 资源清单 of the demo menu: which teams provide each service item. An item is provided by the
 * article's named teams (NAMED_TEAM_NAMES) whose service domains include the item's category; when
 * no named team covers it, by every team with that domain, so each item has real providers. Pure and
 * deterministic (the order of TEAMS).
 */
import type { TeamDomain } from '@duodi/contracts';
import { NAMED_TEAM_NAMES, TEAMS, type TeamFact } from './duodi.js';

export interface MenuItemFact {
  id: string;
  category: TeamDomain;
}

export function buildServiceItemTeams(
  menu: readonly MenuItemFact[],
  teams: readonly TeamFact[] = TEAMS,
  named: readonly string[] = NAMED_TEAM_NAMES,
): { serviceItemId: string; teamId: string }[] {
  const namedTeams = teams.filter((t) => named.includes(t.name));
  return menu.flatMap((item) => {
    const byNamed = namedTeams.filter((t) => t.domains.includes(item.category));
    const providers = byNamed.length ? byNamed : teams.filter((t) => t.domains.includes(item.category));
    return providers.map((t) => ({ serviceItemId: item.id, teamId: t.id }));
  });
}
