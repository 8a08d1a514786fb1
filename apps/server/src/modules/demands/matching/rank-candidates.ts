// Ranking and pruning: score every volunteer for a demand, drop the excluded ones, keep the best.
// Pure. `GET /demands/{id}/candidates` shows the list; the batch dispatch takes its costs.
import { type DemandProfile, type Exclusion, prepareDemand, type ScoreReasons, scoreCandidate, type VolunteerProfile } from './score.js';

export interface RankedCandidate {
  volunteerId: string;
  score: number;
  cost: number;
  reasons: ScoreReasons;
}

export interface Ranking {
  /** Best first: score descending, then volunteer id (plain code-unit order) for stable ties. */
  items: RankedCandidate[];
  /** How many volunteers each exclusion removed (for "why is X not listed?"). */
  excluded: Partial<Record<Exclusion, number>>;
}

/** Ranks volunteers for one demand and keeps the best `limit` (candidate pruning for the dispatch). */
export function rankCandidates(
  demand: DemandProfile,
  volunteers: readonly { id: string; profile: VolunteerProfile }[],
  limit: number,
): Ranking {
  const prepared = prepareDemand(demand);
  const items: RankedCandidate[] = [];
  const excluded: Partial<Record<Exclusion, number>> = {};
  for (const { id, profile } of volunteers) {
    const result = scoreCandidate(prepared, profile);
    if (result.eligible) items.push({ volunteerId: id, score: result.score, cost: result.cost, reasons: result.reasons });
    else excluded[result.exclusion] = (excluded[result.exclusion] ?? 0) + 1;
  }
  items.sort((a, b) => b.score - a.score || (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0));
  return { items: items.slice(0, Math.max(0, limit)), excluded };
}
