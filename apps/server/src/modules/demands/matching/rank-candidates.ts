// Ranking and pruning: score every volunteer for a demand, drop the excluded ones, keep the best.
// Pure. `GET /demands/{id}/candidates` shows the list; the batch dispatch takes its costs.
import { type CandidatePool, compilePool, scorePool, selectPositions } from './candidate-pool.js';
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

/** Best first: higher score, then the smaller volunteer id (plain code-unit order). */
const better = (a: Pick<RankedCandidate, 'score' | 'volunteerId'>, b: Pick<RankedCandidate, 'score' | 'volunteerId'>) =>
  a.score > b.score || (a.score === b.score && a.volunteerId < b.volunteerId);

/**
 * Ranks volunteers for one demand and keeps the best `limit` (candidate pruning for the dispatch).
 * Only the best `limit` are kept while scanning (a bounded heap whose root is the worst kept), so
 * ranking 20,000 volunteers does not sort 20,000 items.
 */
export function rankCandidates(
  demand: DemandProfile,
  volunteers: readonly { id: string; profile: VolunteerProfile }[],
  limit: number,
): Ranking {
  return rankPool(demand, compilePool(volunteers), limit);
}

/**
 * `rankCandidates` over a compiled pool (compile once, rank many demands): `only` restricts it to
 * those ids, `exclude` drops ids. Scores come from `scorePool` (exactly `scoreOnly`); the reasons are
 * built only for the volunteers the heap keeps.
 */
export function rankPool(
  demand: DemandProfile,
  pool: CandidatePool,
  limit: number,
  options: { exclude?: ReadonlySet<string> | undefined; only?: Iterable<string> | undefined } = {},
): Ranking {
  const prepared = prepareDemand(demand);
  const k = Math.max(0, Math.floor(limit));
  const heap: RankedCandidate[] = [];
  const excluded = scorePool(prepared, pool, selectPositions(pool, options), (i, score) => {
    if (k === 0) return;
    const id = pool.ids[i]!;
    if (heap.length >= k) {
      const worst = heap[0]!;
      if (!(score > worst.score || (score === worst.score && id < worst.volunteerId))) return;
    }
    // Kept (for now): only now are the reasons built.
    const result = scoreCandidate(prepared, pool.profiles[i]!);
    if (!result.eligible) return;
    const item = { volunteerId: id, score: result.score, cost: result.cost, reasons: result.reasons };
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap, heap.length - 1);
    } else {
      heap[0] = item;
      siftDown(heap, 0);
    }
  });
  heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  return { items: heap, excluded };
}

/** Min-heap by rank: the root is the worst item kept. */
function siftUp(heap: RankedCandidate[], i: number) {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!better(heap[parent]!, heap[i]!)) break;
    [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
    i = parent;
  }
}

function siftDown(heap: RankedCandidate[], i: number) {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let worst = i;
    if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l;
    if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r;
    if (worst === i) return;
    [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
    i = worst;
  }
}
