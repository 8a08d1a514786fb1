import type { StatsOverview } from '@duodi/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { Deps } from '../../platform/deps.js';
import * as repo from './stats.repository.js';

/**
 * Headline numbers of the street (public). Demand counts come from the work-order module once it
 * exists; until then no demand has been filed and both are 0.
 */
export async function getOverview(deps: Deps, actor: Actor | undefined): Promise<StatsOverview> {
  const since = new Date(deps.now().getTime() - 30 * 86_400_000);
  const r = await repo.overview(deps.db, actor?.streetId, since);
  return {
    communities: r.communities,
    teams: r.teams,
    volunteers: r.volunteers,
    activeVolunteers30d: r.active30d,
    demandsOpen: 0,
    demandsCompleted: 0,
    verifiedMinutes: r.verified_minutes,
    residents: r.residents,
    households: r.households,
    focusGroupResidents: r.focus,
    partyMembers: r.party,
    units: r.units,
  };
}
