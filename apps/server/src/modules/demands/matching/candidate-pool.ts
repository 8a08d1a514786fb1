// The volunteers of a ranking compiled once into flat arrays, so that ranking 20,000 of them for a
// demand is a tight loop over numbers (issue 4: GET /demands/{id}/candidates p95 < 50 ms). Pure.
//
// What depends on the volunteer only (age, grid, community, workload, reliability) is computed at
// compile time. Skills, languages and weekly windows repeat a lot across volunteers: each distinct
// list is one group, and a demand scores each group once with the functions of score.ts. The sum is
// then taken exactly as `scoreOnly` takes it (same rounded sub-scores, same order of additions), so
// the scores are identical, not merely close (the property test in score.test.ts compares them).
import {
  availabilityScore,
  distanceScore,
  type Exclusion,
  languageScore,
  type PreparedDemand,
  reliabilityScore,
  round,
  SCORE_WEIGHTS,
  skillsScore,
  type VolunteerProfile,
  workloadScore,
} from './score.js';

export interface CandidatePool {
  readonly size: number;
  readonly ids: readonly string[];
  readonly profiles: readonly VolunteerProfile[];
  /** Position of each id (the first one when an id repeats). */
  readonly position: ReadonlyMap<string, number>;
  /** Per volunteer: index of its skills / languages / windows list among the distinct lists. */
  readonly skillsGroup: Int32Array;
  readonly languagesGroup: Int32Array;
  readonly windowsGroup: Int32Array;
  readonly skillsLists: readonly (readonly string[])[];
  readonly languagesLists: readonly (readonly string[])[];
  readonly windowsLists: readonly VolunteerProfile['availability'][];
  /** Grid and community as indexes into `places` (-1: none). */
  readonly grid: Int32Array;
  readonly community: Int32Array;
  readonly places: ReadonlyMap<string, number>;
  /** Whether any volunteer has a location (then the distance needs the profile). */
  readonly anyLocation: boolean;
  /** Age in years, NaN when unknown. */
  readonly age: Float64Array;
  /** The weighted workload and reliability terms (weight × sub-score rounded to 3 digits). */
  readonly workloadTerm: Float64Array;
  readonly reliabilityTerm: Float64Array;
}

/** The grouping key of a list, remembered per array (cached profiles share their arrays). */
const keys = new WeakMap<object, string>();
function keyOf(list: object): string {
  let key = keys.get(list);
  if (key === undefined) {
    key = JSON.stringify(list);
    keys.set(list, key);
  }
  return key;
}

class Groups<T extends object> {
  readonly lists: T[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byList = new Map<T, number>();
  of(list: T): number {
    const same = this.byList.get(list);
    if (same !== undefined) return same;
    const key = keyOf(list);
    let group = this.byKey.get(key);
    if (group === undefined) {
      group = this.lists.length;
      this.lists.push(list);
      this.byKey.set(key, group);
    }
    this.byList.set(list, group);
    return group;
  }
}

export function compilePool(volunteers: readonly { id: string; profile: VolunteerProfile }[]): CandidatePool {
  const size = volunteers.length;
  const skills = new Groups<readonly string[]>();
  const languages = new Groups<readonly string[]>();
  const windows = new Groups<VolunteerProfile['availability']>();
  const places = new Map<string, number>();
  const place = (id: string | null) => {
    if (id === null) return -1;
    let n = places.get(id);
    if (n === undefined) {
      n = places.size;
      places.set(id, n);
    }
    return n;
  };
  const pool = {
    size,
    ids: new Array<string>(size),
    profiles: new Array<VolunteerProfile>(size),
    position: new Map<string, number>(),
    skillsGroup: new Int32Array(size),
    languagesGroup: new Int32Array(size),
    windowsGroup: new Int32Array(size),
    skillsLists: skills.lists,
    languagesLists: languages.lists,
    windowsLists: windows.lists,
    grid: new Int32Array(size),
    community: new Int32Array(size),
    places,
    anyLocation: false,
    age: new Float64Array(size),
    workloadTerm: new Float64Array(size),
    reliabilityTerm: new Float64Array(size),
  };
  for (let i = 0; i < size; i++) {
    const { id, profile: v } = volunteers[i]!;
    pool.ids[i] = id;
    pool.profiles[i] = v;
    if (!pool.position.has(id)) pool.position.set(id, i);
    pool.skillsGroup[i] = skills.of(v.skills);
    pool.languagesGroup[i] = languages.of(v.languages);
    pool.windowsGroup[i] = windows.of(v.availability);
    pool.grid[i] = place(v.gridId);
    pool.community[i] = place(v.communityId);
    if (v.location) pool.anyLocation = true;
    pool.age[i] = v.age === null ? Number.NaN : v.age;
    pool.workloadTerm[i] = SCORE_WEIGHTS.workload * round(workloadScore(v), 3);
    pool.reliabilityTerm[i] = SCORE_WEIGHTS.reliability * round(reliabilityScore(v), 3);
  }
  return pool;
}

/**
 * The pool of `volunteers` reusing `pool`'s compiled lists when every volunteer is the same one at
 * the same position with the same skills, languages and windows arrays, grid, community, age and
 * location (only work, ratings, completions or no-shows changed): then only the workload and
 * reliability terms are computed again. Anything else compiles from scratch.
 */
export function recompileWork(pool: CandidatePool, volunteers: readonly { id: string; profile: VolunteerProfile }[]): CandidatePool {
  if (volunteers.length !== pool.size) return compilePool(volunteers);
  const profiles = new Array<VolunteerProfile>(pool.size);
  const workloadTerm = new Float64Array(pool.size);
  const reliabilityTerm = new Float64Array(pool.size);
  for (let i = 0; i < pool.size; i++) {
    const { id, profile: v } = volunteers[i]!;
    const was = pool.profiles[i]!;
    const same =
      id === pool.ids[i] &&
      (v === was ||
        (v.skills === was.skills &&
          v.languages === was.languages &&
          v.availability === was.availability &&
          v.gridId === was.gridId &&
          v.communityId === was.communityId &&
          v.age === was.age &&
          v.location === was.location));
    if (!same) return compilePool(volunteers);
    profiles[i] = v;
    workloadTerm[i] = v === was ? pool.workloadTerm[i]! : SCORE_WEIGHTS.workload * round(workloadScore(v), 3);
    reliabilityTerm[i] = v === was ? pool.reliabilityTerm[i]! : SCORE_WEIGHTS.reliability * round(reliabilityScore(v), 3);
  }
  return { ...pool, profiles, workloadTerm, reliabilityTerm };
}

/** Which volunteers of the pool to score: all, or the positions of `only`; minus `exclude`. */
export function selectPositions(
  pool: CandidatePool,
  options: { exclude?: ReadonlySet<string> | undefined; only?: Iterable<string> | undefined },
): Int32Array | null {
  const exclude = options.exclude && options.exclude.size > 0 ? options.exclude : null;
  if (!options.only && !exclude) return null;
  const picked: number[] = [];
  if (options.only) {
    const seen = new Set<string>();
    for (const id of options.only) {
      if (seen.has(id)) continue;
      seen.add(id);
      const p = pool.position.get(id);
      if (p !== undefined && !exclude?.has(id)) picked.push(p);
    }
  } else {
    for (let i = 0; i < pool.size; i++) if (!exclude!.has(pool.ids[i]!)) picked.push(i);
  }
  return Int32Array.from(picked);
}

/**
 * Visits the eligible volunteers at `positions` (all when null) with their score (exactly
 * `scoreOnly`), and counts the excluded ones by their first exclusion, as `scoreOnly` names it.
 */
export function scorePool(
  prepared: PreparedDemand,
  pool: CandidatePool,
  positions: Int32Array | null,
  visit: (position: number, score: number) => void,
): Partial<Record<Exclusion, number>> {
  const d = prepared.demand;
  // Raw sub-scores per group (exclusion tests use the raw value), and the weighted rounded terms.
  const skillsRaw = new Float64Array(pool.skillsLists.length);
  const skillsTerm = new Float64Array(skillsRaw.length);
  pool.skillsLists.forEach((list, g) => {
    skillsRaw[g] = skillsScore(prepared.required, list);
    skillsTerm[g] = SCORE_WEIGHTS.skills * round(skillsRaw[g]!, 3);
  });
  const languageTerm = new Float64Array(pool.languagesLists.length);
  pool.languagesLists.forEach((list, g) => (languageTerm[g] = SCORE_WEIGHTS.language * round(languageScore(prepared, list), 3)));
  const availabilityRaw = new Float64Array(pool.windowsLists.length);
  const availabilityTerm = new Float64Array(availabilityRaw.length);
  pool.windowsLists.forEach((list, g) => {
    availabilityRaw[g] = availabilityScore(prepared, list);
    availabilityTerm[g] = SCORE_WEIGHTS.availability * round(availabilityRaw[g]!, 3);
  });
  const demandGrid = d.gridId === null ? -1 : (pool.places.get(d.gridId) ?? -2);
  const demandCommunity = d.communityId === null ? -1 : (pool.places.get(d.communityId) ?? -2);
  const byLocation = d.location !== null && pool.anyLocation;
  const sameGrid = SCORE_WEIGHTS.distance * round(1, 3);
  const sameCommunity = SCORE_WEIGHTS.distance * round(0.6, 3);
  const elsewhere = SCORE_WEIGHTS.distance * round(0.3, 3);

  const excluded: Partial<Record<Exclusion, number>> = {};
  const count = positions ? positions.length : pool.size;
  for (let k = 0; k < count; k++) {
    const i = positions ? positions[k]! : k;
    if (d.adultOnly) {
      const age = pool.age[i]!;
      if (Number.isNaN(age)) {
        excluded.age_unknown_for_adult_only = (excluded.age_unknown_for_adult_only ?? 0) + 1;
        continue;
      }
      if (age < 18) {
        excluded.minor_for_adult_only = (excluded.minor_for_adult_only ?? 0) + 1;
        continue;
      }
    }
    const sg = pool.skillsGroup[i]!;
    if (skillsRaw[sg] === 0) {
      excluded.missing_required_skills = (excluded.missing_required_skills ?? 0) + 1;
      continue;
    }
    const wg = pool.windowsGroup[i]!;
    if (availabilityRaw[wg] === 0) {
      excluded.unavailable = (excluded.unavailable ?? 0) + 1;
      continue;
    }
    const grid = pool.grid[i]!;
    let distance: number;
    if (demandGrid !== -1 && demandGrid === grid) distance = sameGrid;
    else if (byLocation && pool.profiles[i]!.location) distance = SCORE_WEIGHTS.distance * round(distanceScore(d, pool.profiles[i]!), 3);
    else if (demandCommunity !== -1 && demandCommunity === pool.community[i]) distance = sameCommunity;
    else distance = elsewhere;
    // The same additions in the same order as score.ts `evaluate` (0 + first term is exact).
    let weighted = skillsTerm[sg]!;
    weighted += distance;
    weighted += languageTerm[pool.languagesGroup[i]!]!;
    weighted += availabilityTerm[wg]!;
    weighted += pool.workloadTerm[i]!;
    weighted += pool.reliabilityTerm[i]!;
    visit(i, round(100 * weighted, 2));
  }
  return excluded;
}
