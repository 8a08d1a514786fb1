// Seeded instances for bench/assignment/run.ts: dense integer matrices, the street-scale dispatch
// (built with the real scorer and top-K pruning) and the exact dense expansion of small dispatches.
import type { DispatchInput } from '../../apps/server/src/modules/demands/matching/dispatch.js';
import { rankCandidates } from '../../apps/server/src/modules/demands/matching/rank-candidates.js';
import type { AvailabilityWindow, DemandProfile, VolunteerProfile } from '../../apps/server/src/modules/demands/matching/score.js';

/** mulberry32: a small, fast, seedable PRNG in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** rows × cols integers uniform in [0, max), row-major. */
export function denseIntegerMatrix(rows: number, cols: number, max: number, seed: number): Float64Array {
  const next = rng(seed);
  const out = new Float64Array(rows * cols);
  for (let k = 0; k < out.length; k++) out[k] = Math.floor(next() * max);
  return out;
}

/** n × n Euclidean distances between two sets of n random points in the unit square (floats). */
export function denseEuclideanMatrix(n: number, seed: number): Float64Array {
  const next = rng(seed);
  const a = Array.from({ length: 2 * n }, next);
  const b = Array.from({ length: 2 * n }, next);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) out[i * n + j] = Math.hypot(a[2 * i]! - b[2 * j]!, a[2 * i + 1]! - b[2 * j + 1]!);
  }
  return out;
}

const SKILLS = ['companionship', 'housework', 'repair', 'electrician', 'medical', 'driving', 'cleaning', 'tutoring'];
const COMMUNITIES = 6;
const GRIDS_PER_COMMUNITY = 8;

export interface StreetOptions {
  demands: number;
  volunteers: number;
  /** Candidates kept per demand after ranking (the pruning K). */
  candidates: number;
  /** Volunteers scored per demand before pruning (a stand-in for the SQL pre-filter). */
  pool: number;
  seed: number;
}

/**
 * A street-scale dispatch: volunteers and demands spread over Duodi street (6 communities × 8
 * grids, ±3 km), demands needing 1–4 volunteers, volunteers taking 1–3. Each demand scores `pool`
 * random volunteers with the real scorer and keeps the best `candidates`; costs are 100 − score in
 * hundredths (integers, so every solver's optimum compares exactly).
 */
export function streetInstance(o: StreetOptions): DispatchInput {
  const next = rng(o.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const place = () => {
    const community = int(0, COMMUNITIES - 1);
    const grid = int(0, GRIDS_PER_COMMUNITY - 1);
    return {
      communityId: `c${community}`,
      gridId: `c${community}g${grid}`,
      // Each grid around its own centre, communities side by side along the valley.
      location: { lat: 29.66 + grid * 0.004 + next() * 0.004, lng: 91.1 + community * 0.012 + next() * 0.012 },
    };
  };
  const volunteers = Array.from({ length: o.volunteers }, (_, v) => {
    const age = int(16, 75);
    const availability: AvailabilityWindow[] = [];
    if (next() < 0.75) {
      for (let k = int(1, 4); k > 0; k--) {
        const from = int(8, 18);
        availability.push({
          weekday: int(1, 7),
          from: `${String(from).padStart(2, '0')}:00`,
          to: `${String(from + int(2, 4)).padStart(2, '0')}:00`,
        });
      }
    }
    const ratingCount = int(0, 20);
    const profile: VolunteerProfile = {
      ...place(),
      skills: SKILLS.filter(() => next() < 0.35),
      languages: next() < 0.8 ? ['bo', 'zh'] : ['zh'],
      availability,
      age,
      servedLast30Days: int(0, 8),
      ratings: { count: ratingCount, average: ratingCount ? 3 + next() * 2 : null },
      completed: int(0, 40),
      noShows: next() < 0.1 ? int(1, 3) : 0,
    };
    return { id: `v${String(v).padStart(5, '0')}`, capacity: int(1, 3), profile };
  });

  const demands = Array.from({ length: o.demands }, (_, d) => {
    const day = int(0, 6);
    const start = Date.UTC(2026, 11, 7 + day, 0, 0) + int(0, 6) * 3_600_000; // 08:00–14:00 street time
    const profile: DemandProfile = {
      ...place(),
      requiredSkills: next() < 0.6 ? [pick(SKILLS)] : [],
      beneficiaryLanguages: next() < 0.7 ? ['bo'] : ['zh', 'bo'],
      preferredStart: next() < 0.5 ? new Date(start) : null,
      preferredEnd: new Date(start + 6 * 3_600_000),
      typicalMinutes: pick([60, 90, 120]),
      adultOnly: next() < 0.2,
    };
    if (profile.preferredStart === null) profile.preferredEnd = null;
    const pool = Array.from({ length: o.pool }, () => volunteers[Math.floor(next() * volunteers.length)]!);
    const unique = [...new Map(pool.map((v) => [v.id, v])).values()];
    const ranked = rankCandidates(profile, unique, o.candidates);
    return {
      id: `d${String(d).padStart(4, '0')}`,
      needed: int(1, 4),
      candidates: ranked.items.map((c) => ({ volunteerId: c.volunteerId, cost: Math.round(c.cost * 100) })),
    };
  });
  return { demands, volunteers: volunteers.map(({ id, capacity }) => ({ id, capacity })) };
}

/** A random dispatch with uniform integer costs in [0, 10000) (small instances for the exact checks). */
export function uniformInstance(demands: number, volunteers: number, candidates: number, seed: number): DispatchInput {
  const next = rng(seed);
  return {
    volunteers: Array.from({ length: volunteers }, (_, v) => ({ id: `v${v}`, capacity: 1 + Math.floor(next() * 3) })),
    demands: Array.from({ length: demands }, (_, d) => {
      const chosen = new Set<number>();
      while (chosen.size < Math.min(candidates, volunteers)) chosen.add(Math.floor(next() * volunteers));
      return {
        id: `d${d}`,
        needed: 1 + Math.floor(next() * 4),
        candidates: [...chosen].map((v) => ({ volunteerId: `v${v}`, cost: Math.floor(next() * 10000) })),
      };
    }),
  };
}

/** The instance as flat index arrays (the form the SciPy worker reads). */
export function flatInstance(input: DispatchInput) {
  const index = new Map(input.volunteers.map((v, k) => [v.id, k]));
  const edgeDemand: number[] = [];
  const edgeVolunteer: number[] = [];
  const edgeCost: number[] = [];
  input.demands.forEach((d, k) => {
    for (const c of d.candidates) {
      edgeDemand.push(k);
      edgeVolunteer.push(index.get(c.volunteerId)!);
      edgeCost.push(c.cost);
    }
  });
  return {
    needed: input.demands.map((d) => d.needed),
    capacity: input.volunteers.map((v) => v.capacity),
    edgeDemand,
    edgeVolunteer,
    edgeCost,
  };
}

/**
 * The dispatch as one dense assignment matrix with P per unfilled slot, exact including "never
 * the same volunteer twice on a demand": rows = demand slots + one row per candidate pair;
 * columns = one per pair + volunteer slots + one "unfilled" column per demand slot. A demand slot
 * takes a pair's column (the pair's cost) or its own unfilled column (P); the pair's row then has
 * to take one of the volunteer's slots (0) instead of its own column (0). Forbidden: Infinity.
 * (Candidate lists must not repeat a volunteer.)
 */
export function denseExpansion(input: DispatchInput, P: number): { cost: Float64Array; rows: number; cols: number } {
  const flat = flatInstance(input);
  const E = flat.edgeCost.length;
  const slotDemand: number[] = [];
  flat.needed.forEach((k, d) => {
    for (let s = 0; s < k; s++) slotDemand.push(d);
  });
  const volunteerSlotStart: number[] = [];
  let volunteerSlots = 0;
  for (const c of flat.capacity) {
    volunteerSlotStart.push(volunteerSlots);
    volunteerSlots += c;
  }
  const rows = slotDemand.length + E;
  const cols = E + volunteerSlots + slotDemand.length;
  const cost = new Float64Array(rows * cols).fill(Infinity);
  const edgesOf = flat.needed.map((): number[] => []);
  flat.edgeDemand.forEach((d, e) => edgesOf[d]!.push(e));
  slotDemand.forEach((d, r) => {
    for (const e of edgesOf[d]!) cost[r * cols + e] = flat.edgeCost[e]!;
    cost[r * cols + E + volunteerSlots + r] = P;
  });
  for (let e = 0; e < E; e++) {
    const r = slotDemand.length + e;
    cost[r * cols + e] = 0;
    const v = flat.edgeVolunteer[e]!;
    for (let t = 0; t < flat.capacity[v]!; t++) cost[r * cols + E + volunteerSlotStart[v]! + t] = 0;
  }
  return { cost, rows, cols };
}
