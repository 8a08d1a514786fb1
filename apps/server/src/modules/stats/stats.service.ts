import type { StatsOverview } from '@duodi/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { Deps } from '../../platform/deps.js';
import * as repo from './stats.repository.js';

/**
 * Headline numbers of the street (public). Demands open: submitted to in service; completed:
 * completed, rated or closed (the service was given).
 */
export async function getOverview(deps: Deps, actor: Actor | undefined): Promise<StatsOverview> {
  const since = new Date(deps.now().getTime() - 30 * 86_400_000);
  const r = await repo.overview(deps.db, actor?.streetId, since);
  return {
    communities: r.communities,
    teams: r.teams,
    volunteers: r.volunteers,
    activeVolunteers30d: r.active30d,
    demandsOpen: r.demands_open,
    demandsCompleted: r.demands_completed,
    verifiedMinutes: r.verified_minutes,
    residents: r.residents,
    households: r.households,
    focusGroupResidents: r.focus,
    partyMembers: r.party,
    units: r.units,
  };
}
