import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from './assignment.js';
import { type DispatchInput, type DispatchResult, greedyDispatch, suggestDispatch } from './dispatch.js';

type Edge = { d: number; v: number; cost: number };

/** The deduplicated candidate pairs of an instance (lowest cost per pair, Infinity dropped). */
function pairsOf(input: DispatchInput): Edge[] {
  const best = new Map<string, Edge>();
  input.demands.forEach((demand, d) => {
    for (const c of demand.candidates) {
      const v = input.volunteers.findIndex((x) => x.id === c.volunteerId);
      if (c.cost === Infinity || input.volunteers[v]!.capacity === 0) continue;
      const key = `${d}:${v}`;
      const seen = best.get(key);
      if (!seen || c.cost < seen.cost) best.set(key, { d, v, cost: c.cost });
    }
  });
  return [...best.values()];
}

/** Every subset of candidate pairs: the best (filled, cost) under `better`. */
function bruteForce(input: DispatchInput, better: (a: { filled: number; cost: number }, b: { filled: number; cost: number }) => boolean) {
  const edges = pairsOf(input);
  let best = { filled: 0, cost: 0 };
  for (let mask = 1; mask < 1 << edges.length; mask++) {
    const perDemand = new Array<number>(input.demands.length).fill(0);
    const perVolunteer = new Array<number>(input.volunteers.length).fill(0);
    let ok = true;
    let filled = 0;
    let cost = 0;
    for (let k = 0; k < edges.length && ok; k++) {
      if (!(mask & (1 << k))) continue;
      const { d, v } = edges[k]!;
      ok = ++perDemand[d]! <= input.demands[d]!.needed && ++perVolunteer[v]! <= input.volunteers[v]!.capacity;
      filled++;
      cost += edges[k]!.cost;
    }
    if (ok && better({ filled, cost }, best)) best = { filled, cost };
  }
  return best;
}

const lexicographic = (a: { filled: number; cost: number }, b: { filled: number; cost: number }) =>
  a.filled > b.filled || (a.filled === b.filled && a.cost < b.cost);

function expectFeasible(input: DispatchInput, result: DispatchResult) {
  const demand = new Map(input.demands.map((d) => [d.id, d]));
  const capacity = new Map(input.volunteers.map((v) => [v.id, v.capacity]));
  const perDemand = new Map<string, Set<string>>();
  const perVolunteer = new Map<string, number>();
  let cost = 0;
  for (const a of result.assignments) {
    const d = demand.get(a.demandId)!;
    const offered = d.candidates.filter((c) => c.volunteerId === a.volunteerId && c.cost !== Infinity);
    expect(offered.length, `${a.volunteerId} is a candidate of ${a.demandId}`).toBeGreaterThan(0);
    expect(a.cost).toBe(Math.min(...offered.map((c) => c.cost)));
    const set = perDemand.get(a.demandId) ?? new Set();
    expect(set.has(a.volunteerId), 'same volunteer twice on one demand').toBe(false);
    set.add(a.volunteerId);
    perDemand.set(a.demandId, set);
    perVolunteer.set(a.volunteerId, (perVolunteer.get(a.volunteerId) ?? 0) + 1);
    cost += a.cost;
  }
  for (const d of input.demands) expect(perDemand.get(d.id)?.size ?? 0).toBeLessThanOrEqual(d.needed);
  for (const [v, n] of perVolunteer) expect(n).toBeLessThanOrEqual(capacity.get(v)!);
  const needed = input.demands.reduce((sum, d) => sum + d.needed, 0);
  expect(result.filledSlots).toBe(result.assignments.length);
  expect(result.unfilledSlots).toBe(needed - result.filledSlots);
  expect(result.unfilled.reduce((sum, u) => sum + u.slots, 0)).toBe(result.unfilledSlots);
  expect(result.cost).toBeCloseTo(cost, 9);
}

/** Small random instances: ids deliberately not in sorted order, duplicates and Infinity among the candidates. */
const smallInstance = (maxDemands: number, maxVolunteers: number, maxCandidates: number) =>
  fc
    .record({
      needed: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: maxDemands }),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: maxVolunteers }),
    })
    .chain(({ needed, capacity }) =>
      fc
        .tuple(
          ...needed.map(() =>
            fc.array(
              fc.record({
                v: fc.integer({ min: 0, max: capacity.length - 1 }),
                cost: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -5, max: 20 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }),
              }),
              { maxLength: maxCandidates },
            ),
          ),
        )
        .map((lists): DispatchInput => ({
          demands: needed.map((k, d) => ({
            id: `d${(d * 7) % 10}${d}`,
            needed: k,
            candidates: lists[d]!.map((c) => ({ volunteerId: `v${(c.v * 3) % 10}${c.v}`, cost: c.cost })),
          })),
          volunteers: capacity.map((c, v) => ({ id: `v${(v * 3) % 10}${v}`, capacity: c })),
        })),
    );

/** A random instance at a chosen size from a seed (for the larger checks). */
function randomInstance(seed: number, demands: number, volunteers: number, candidates: number): DispatchInput {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    volunteers: Array.from({ length: volunteers }, (_, v) => ({ id: `v${v}`, capacity: 1 + Math.floor(next() * 3) })),
    demands: Array.from({ length: demands }, (_, d) => {
      const chosen = new Set<number>();
      while (chosen.size < Math.min(candidates, volunteers)) chosen.add(Math.floor(next() * volunteers));
      return {
        id: `d${d}`,
        needed: 1 + Math.floor(next() * 4),
        candidates: [...chosen].map((v) => ({ volunteerId: `v${v}`, cost: Math.floor(next() * 100) })),
      };
    }),
  };
}

/**
 * The same instance as one dense assignment matrix, exact including "never the same volunteer
 * twice": rows = demand slots + one row per pair, columns = one per pair + volunteer slots + one
 * "unfilled" column per demand slot. A slot takes a pair's column (its cost) or its unfilled column
 * (P); the pair's own row then has to move to one of the volunteer's slots.
 */
function viaAssignment(input: DispatchInput, P: number): number {
  const edges = pairsOf(input);
  const slotRows: number[] = [];
  input.demands.forEach((d, index) => {
    for (let k = 0; k < d.needed; k++) slotRows.push(index);
  });
  const volunteerSlots: number[] = [];
  input.volunteers.forEach((v, index) => {
    for (let k = 0; k < v.capacity; k++) volunteerSlots.push(index);
  });
  const rows = slotRows.length + edges.length;
  const cols = edges.length + volunteerSlots.length + slotRows.length;
  const cost = new Float64Array(rows * cols).fill(Infinity);
  slotRows.forEach((d, r) => {
    edges.forEach((e, k) => {
      if (e.d === d) cost[r * cols + k] = e.cost;
    });
    cost[r * cols + edges.length + volunteerSlots.length + r] = P;
  });
  edges.forEach((e, k) => {
    const r = slotRows.length + k;
    cost[r * cols + k] = 0;
    volunteerSlots.forEach((v, t) => {
      if (v === e.v) cost[r * cols + edges.length + t] = 0;
    });
  });
  const result = solveAssignment(cost, rows, cols);
  if (!result.feasible) throw new Error('the expansion is always feasible');
  return result.totalCost;
}

const shuffled = <T>(items: readonly T[], seed: number) => {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe(suggestDispatch.name, () => {
  it('is feasible and reaches the brute-force optimum: most slots filled, then least cost', () => {
    fc.assert(
      fc.property(smallInstance(4, 5, 3), (input) => {
        const result = suggestDispatch(input);
        expectFeasible(input, result);
        const best = bruteForce(input, lexicographic);
        expect(result.filledSlots).toBe(best.filled);
        expect(result.cost).toBe(best.cost);
      }),
      { numRuns: 1500 },
    );
  });

  it('minimises cost + P per unfilled slot exactly for a finite penalty P', () => {
    fc.assert(
      fc.property(smallInstance(4, 5, 3), fc.integer({ min: 0, max: 25 }), (input, P) => {
        const needed = input.demands.reduce((sum, d) => sum + d.needed, 0);
        const objective = (x: { filled: number; cost: number }) => x.cost + P * (needed - x.filled);
        const result = suggestDispatch(input, { unfilledPenalty: P });
        expectFeasible(input, result);
        const best = bruteForce(input, (a, b) => objective(a) < objective(b));
        expect(objective({ filled: result.filledSlots, cost: result.cost })).toBe(objective(best));
      }),
      { numRuns: 1500 },
    );
  });

  it('is never worse than greedy: fills at least as many slots, and costs no more when it fills as many', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 80 }),
        (seed, demands, volunteers) => {
          const input = randomInstance(seed, demands, volunteers, 8);
          const optimal = suggestDispatch(input);
          const greedy = greedyDispatch(input);
          expectFeasible(input, optimal);
          expectFeasible(input, greedy);
          expect(optimal.filledSlots).toBeGreaterThanOrEqual(greedy.filledSlots);
          if (optimal.filledSlots === greedy.filledSlots) expect(optimal.cost).toBeLessThanOrEqual(greedy.cost);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with the assignment solver on the dense expansion of mid-size instances', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 400 }), (seed, P) => {
        const input = randomInstance(seed, 12, 25, 5);
        const result = suggestDispatch(input, { unfilledPenalty: P });
        expect(result.cost + P * result.unfilledSlots).toBe(viaAssignment(input, P));
      }),
      { numRuns: 60 },
    );
  });

  it('returns the same suggestion whatever the order of demands, volunteers and candidates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        // Costs 0–4 leave many equally good answers: the tie-breaking must still be stable.
        const base = randomInstance(seed, 25, 30, 6);
        const input: DispatchInput = {
          ...base,
          demands: base.demands.map((d) => ({ ...d, candidates: d.candidates.map((c) => ({ ...c, cost: c.cost % 5 })) })),
        };
        const reordered: DispatchInput = {
          demands: shuffled(input.demands, seed + 1).map((d, k) => ({ ...d, candidates: shuffled(d.candidates, seed + k) })),
          volunteers: shuffled(input.volunteers, seed + 2),
        };
        expect(suggestDispatch(reordered)).toEqual(suggestDispatch(input));
        expect(greedyDispatch(reordered)).toEqual(greedyDispatch(input));
      }),
      { numRuns: 100 },
    );
  });

  it('never puts one volunteer twice on a demand, even when that leaves a slot open', () => {
    const input: DispatchInput = {
      demands: [
        {
          id: 'clean-up',
          needed: 2,
          candidates: [
            { volunteerId: 'a', cost: 1 },
            { volunteerId: 'a', cost: 5 },
          ],
        },
      ],
      volunteers: [{ id: 'a', capacity: 3 }],
    };
    expect(suggestDispatch(input)).toEqual({
      assignments: [{ demandId: 'clean-up', volunteerId: 'a', cost: 1 }],
      unfilled: [{ demandId: 'clean-up', slots: 1 }],
      filledSlots: 1,
      unfilledSlots: 1,
      cost: 1,
    });
  });

  it('moves a volunteer to fill one more slot even when that costs more', () => {
    // Greedy gives the shared volunteer to the cheaper pair and leaves the other demand empty.
    const input: DispatchInput = {
      demands: [
        {
          id: 'd1',
          needed: 1,
          candidates: [
            { volunteerId: 'shared', cost: 1 },
            { volunteerId: 'far', cost: 90 },
          ],
        },
        { id: 'd2', needed: 1, candidates: [{ volunteerId: 'shared', cost: 2 }] },
      ],
      volunteers: [
        { id: 'shared', capacity: 1 },
        { id: 'far', capacity: 1 },
      ],
    };
    expect(greedyDispatch(input).unfilledSlots).toBe(1);
    const result = suggestDispatch(input);
    expect(result.unfilledSlots).toBe(0);
    expect(result.cost).toBe(92);
    // With a small penalty, leaving d2 open (1 + 50) beats filling it (92).
    expect(suggestDispatch(input, { unfilledPenalty: 50 })).toMatchObject({ unfilledSlots: 1, cost: 1 });
  });

  it('handles empty inputs and demands without candidates', () => {
    expect(suggestDispatch({ demands: [], volunteers: [] })).toEqual({
      assignments: [],
      unfilled: [],
      filledSlots: 0,
      unfilledSlots: 0,
      cost: 0,
    });
    const lonely = suggestDispatch({ demands: [{ id: 'd', needed: 2, candidates: [] }], volunteers: [{ id: 'v', capacity: 1 }] });
    expect(lonely.unfilled).toEqual([{ demandId: 'd', slots: 2 }]);
  });

  it('refuses unknown volunteers, repeated ids, bad counts, NaN costs and a negative penalty', () => {
    const volunteers = [{ id: 'v', capacity: 1 }];
    expect(() => suggestDispatch({ demands: [{ id: 'd', needed: 1, candidates: [{ volunteerId: 'x', cost: 1 }] }], volunteers })).toThrow(
      /unknown volunteer x/,
    );
    expect(() =>
      suggestDispatch({
        demands: [
          { id: 'd', needed: 1, candidates: [] },
          { id: 'd', needed: 1, candidates: [] },
        ],
        volunteers,
      }),
    ).toThrow(/twice/);
    expect(() => suggestDispatch({ demands: [], volunteers: [...volunteers, ...volunteers] })).toThrow(/twice/);
    expect(() => suggestDispatch({ demands: [{ id: 'd', needed: 1.5, candidates: [] }], volunteers })).toThrow(/needed/);
    expect(() => suggestDispatch({ demands: [], volunteers: [{ id: 'v', capacity: -1 }] })).toThrow(/capacity/);
    expect(() => suggestDispatch({ demands: [{ id: 'd', needed: 1, candidates: [{ volunteerId: 'v', cost: NaN }] }], volunteers })).toThrow(
      /NaN/,
    );
    expect(() => suggestDispatch({ demands: [], volunteers }, { unfilledPenalty: -1 })).toThrow(/unfilledPenalty/);
  });
});
