// The explainable ranking score of one volunteer for one demand (DR-16). Pure: plain objects in,
// plain objects out. The weights and every sub-score rule are listed in README.md beside this file.

/** Weights of the sub-scores; they sum to 1, so the score is 100 × the weighted mean. */
export const SCORE_WEIGHTS = {
  skills: 0.3,
  distance: 0.2,
  language: 0.15,
  availability: 0.15,
  workload: 0.1,
  reliability: 0.1,
} as const;

/** Beyond this many km (different grids) the distance sub-score is 0. Duodi street spans a few km. */
export const DISTANCE_SCALE_KM = 5;
/** Served demands in the last 30 days at which the workload sub-score halves (1 / (1 + n / 4)). */
export const WORKLOAD_HALF = 4;
/** Bayesian prior for ratings: a newcomer counts as 3 ratings of 4 stars. */
export const RATING_PRIOR = { mean: 4, weight: 3 } as const;
/** When the item has no typical duration, a one-hour overlap counts as fully available. */
export const DEFAULT_SERVICE_MINUTES = 60;

/** Asia/Shanghai (no daylight saving): Lhasa's official time. */
const STREET_UTC_OFFSET_MINUTES = 8 * 60;
const MINUTES_PER_DAY = 24 * 60;

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** A weekly window in street time: ISO weekday 1 (Monday) … 7 (Sunday), `HH:MM` from < to. */
export interface AvailabilityWindow {
  weekday: number;
  from: string;
  to: string;
}

export interface DemandProfile {
  /** Skills the service item requires; empty when anyone may do it. */
  requiredSkills: readonly string[];
  /** Languages of the beneficiary, preferred first; empty when there is no preference. */
  beneficiaryLanguages: readonly string[];
  gridId: string | null;
  communityId: string | null;
  location: GeoPoint | null;
  /** The preferred time (instants); without a start there is no time constraint. */
  preferredStart: Date | string | null;
  preferredEnd: Date | string | null;
  /** The service item's typical duration, used to judge whether an overlap is long enough. */
  typicalMinutes: number | null;
  /** Items such as night patrol or medical escort are for adults only. */
  adultOnly: boolean;
}

export interface VolunteerProfile {
  skills: readonly string[];
  languages: readonly string[];
  gridId: string | null;
  communityId: string | null;
  location: GeoPoint | null;
  /** Declared weekly availability; empty means "not stated", which is not the same as "never". */
  availability: readonly AvailabilityWindow[];
  /** Age in whole years on the day of matching; null when unknown. */
  age: number | null;
  /** Demands served in the last 30 days. */
  servedLast30Days: number;
  ratings: { count: number; average: number | null };
  /** Accepted demands completed and accepted demands not shown up for (all time). */
  completed: number;
  noShows: number;
}

export type ScoreReasons = Record<keyof typeof SCORE_WEIGHTS, number>;

/** Why a volunteer is not offered at all (nobody is force-assigned, DR-16). */
export type Exclusion = 'missing_required_skills' | 'unavailable' | 'minor_for_adult_only' | 'age_unknown_for_adult_only';

export type CandidateScore =
  { eligible: true; score: number; cost: number; reasons: ScoreReasons } | { eligible: false; exclusion: Exclusion };

/** The part of the score that depends on the demand only, computed once per demand. */
export interface PreparedDemand {
  demand: DemandProfile;
  required: ReadonlySet<string>;
  primaryLanguage: string | null;
  otherLanguages: ReadonlySet<string>;
  /** The preferred window cut at day boundaries, in street time; null when there is no window. */
  window: { weekday: number; from: number; to: number }[] | null;
  neededMinutes: number;
}

/** Prepares a demand once so that scoring thousands of volunteers does not repeat its parsing. */
export function prepareDemand(demand: DemandProfile): PreparedDemand {
  const languages = demand.beneficiaryLanguages.filter(isComparableLanguage);
  const window = windowInStreetTime(demand);
  const windowMinutes = window ? window.reduce((sum, piece) => sum + piece.to - piece.from, 0) : 0;
  const typical = demand.typicalMinutes && demand.typicalMinutes > 0 ? demand.typicalMinutes : DEFAULT_SERVICE_MINUTES;
  return {
    demand,
    required: new Set(demand.requiredSkills),
    primaryLanguage: languages[0] ?? null,
    otherLanguages: new Set(languages.slice(1)),
    window,
    neededMinutes: window ? Math.max(1, Math.min(typical, windowMinutes)) : typical,
  };
}

const WEIGHT_KEYS = Object.keys(SCORE_WEIGHTS) as (keyof ScoreReasons)[];

/** Scores one volunteer for one demand: `score` 0..100 (higher is better), `cost = 100 − score`. */
export function scoreCandidate(demand: DemandProfile | PreparedDemand, volunteer: VolunteerProfile): CandidateScore {
  const prepared = 'required' in demand ? demand : prepareDemand(demand);
  const reasons = {} as ScoreReasons;
  const result = evaluate(prepared, volunteer, reasons);
  if (typeof result === 'string') return { eligible: false, exclusion: result };
  return { eligible: true, score: result, cost: round(100 - result, 2), reasons };
}

/**
 * The score alone (or the exclusion), exactly `scoreCandidate(…).score`, without building the
 * reasons: ranking 20,000 volunteers builds them only for the ones it keeps.
 */
export function scoreOnly(prepared: PreparedDemand, volunteer: VolunteerProfile): number | Exclusion {
  return evaluate(prepared, volunteer, null);
}

function evaluate(prepared: PreparedDemand, volunteer: VolunteerProfile, out: ScoreReasons | null): number | Exclusion {
  const d = prepared.demand;
  if (d.adultOnly) {
    if (volunteer.age === null) return 'age_unknown_for_adult_only';
    if (volunteer.age < 18) return 'minor_for_adult_only';
  }
  const skills = skillsScore(prepared.required, volunteer.skills);
  if (skills === 0) return 'missing_required_skills';
  const availability = availabilityScore(prepared, volunteer.availability);
  if (availability === 0) return 'unavailable';

  const raw: ScoreReasons = SCRATCH;
  raw.skills = skills;
  raw.distance = distanceScore(d, volunteer);
  raw.language = languageScore(prepared, volunteer.languages);
  raw.availability = availability;
  raw.workload = workloadScore(volunteer);
  raw.reliability = reliabilityScore(volunteer);
  let weighted = 0;
  for (const key of WEIGHT_KEYS) {
    const value = round(raw[key], 3);
    if (out) out[key] = value;
    weighted += SCORE_WEIGHTS[key] * value;
  }
  return round(100 * weighted, 2);
}
/** Reused by `evaluate` (single-threaded; filled and read within one call). */
const SCRATCH: ScoreReasons = { skills: 0, distance: 0, language: 0, availability: 0, workload: 0, reliability: 0 };

/** 1 / (1 + served in 30 days / WORKLOAD_HALF): fewer recent demands rank higher (fairness). */
export const workloadScore = (v: Pick<VolunteerProfile, 'servedLast30Days'>) => 1 / (1 + Math.max(0, v.servedLast30Days) / WORKLOAD_HALF);

/** Share of the required skills the volunteer has (1 when nothing is required). */
export function skillsScore(required: ReadonlySet<string>, skills: readonly string[]): number {
  if (required.size === 0) return 1;
  // Each required skill the volunteer lists counts once (a skill listed twice is still one).
  let matched = 0;
  for (const skill of required) if (skills.includes(skill)) matched++;
  return matched / required.size;
}

/** `other` names no particular language, so it never counts as a match. */
const isComparableLanguage = (language: string) => language !== 'other';

/** 1 for the beneficiary's first language, 0.6 for another of theirs, 0 for none; 1 without a preference. */
export function languageScore(prepared: PreparedDemand, languages: readonly string[]): number {
  if (prepared.primaryLanguage === null) return 1;
  let best = 0;
  for (const language of languages) {
    if (language === prepared.primaryLanguage) return 1;
    if (prepared.otherLanguages.has(language)) best = 0.6;
  }
  return best;
}

/**
 * Same grid: 1. With both locations: 0.9 × (1 − km / DISTANCE_SCALE_KM), floored at 0.
 * Without locations: same community 0.6, elsewhere in the street 0.3.
 */
export function distanceScore(d: DemandProfile, v: VolunteerProfile): number {
  if (d.gridId !== null && d.gridId === v.gridId) return 1;
  if (d.location && v.location) return 0.9 * Math.max(0, 1 - distanceKm(d.location, v.location) / DISTANCE_SCALE_KM);
  if (d.communityId !== null && d.communityId === v.communityId) return 0.6;
  return 0.3;
}

/** Great-circle distance (haversine), km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * How much of the needed time the volunteer's weekly windows cover inside the preferred window:
 * min(1, overlap / needed minutes). No preferred window: 1. Nothing declared: 0.5 (unknown, still
 * offered). Declared windows that miss the preferred window entirely: 0, which excludes.
 */
export function availabilityScore(prepared: PreparedDemand, windows: readonly AvailabilityWindow[]): number {
  if (prepared.window === null) return 1;
  if (windows.length === 0) return 0.5;
  const byDay = windowsByWeekday(windows);
  let overlap = 0;
  for (const piece of prepared.window) {
    // The volunteer's windows of that weekday, sorted, so that overlapping declarations count once.
    const day = byDay.get(piece.weekday);
    if (!day) continue;
    let coveredTo = piece.from;
    for (let i = 0; i < day.length; i += 2) {
      const start = Math.max(day[i]!, coveredTo);
      const end = Math.min(day[i + 1]!, piece.to);
      if (end > start) {
        overlap += end - start;
        coveredTo = end;
      }
    }
  }
  return Math.min(1, overlap / prepared.neededMinutes);
}

/**
 * A volunteer's windows per weekday as sorted [from, to, from, to, …] minutes. Remembered per
 * windows array (a weak cache: the same array, e.g. of cached profiles, is parsed once); the result
 * depends on the array's contents only, so the scoring stays a pure function.
 */
const parsedWindows = new WeakMap<readonly AvailabilityWindow[], Map<number, number[]>>();
function windowsByWeekday(windows: readonly AvailabilityWindow[]): Map<number, number[]> {
  const known = parsedWindows.get(windows);
  if (known) return known;
  const pairs = new Map<number, [number, number][]>();
  for (const w of windows) pairs.set(w.weekday, [...(pairs.get(w.weekday) ?? []), [hhmmToMinutes(w.from), hhmmToMinutes(w.to)]]);
  const byDay = new Map<number, number[]>();
  for (const [weekday, list] of pairs) byDay.set(weekday, list.sort((a, b) => a[0] - b[0]).flat());
  parsedWindows.set(windows, byDay);
  return byDay;
}

const hhmmToMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The preferred window in street time, cut into per-day pieces (at most 7 days: a longer window
 * contains every weekday). Without a start there is no window; without an end the window is one
 * typical duration long.
 */
function windowInStreetTime(d: DemandProfile): { weekday: number; from: number; to: number }[] | null {
  if (d.preferredStart === null) return null;
  const start = toStreetMinutes(d.preferredStart);
  const typical = d.typicalMinutes && d.typicalMinutes > 0 ? d.typicalMinutes : DEFAULT_SERVICE_MINUTES;
  const end = d.preferredEnd === null ? start + typical : Math.min(toStreetMinutes(d.preferredEnd), start + 7 * MINUTES_PER_DAY);
  if (!(end > start)) return null;
  const pieces: { weekday: number; from: number; to: number }[] = [];
  for (let dayStart = Math.floor(start / MINUTES_PER_DAY) * MINUTES_PER_DAY; dayStart < end; dayStart += MINUTES_PER_DAY) {
    const from = Math.max(start, dayStart) - dayStart;
    const to = Math.min(end, dayStart + MINUTES_PER_DAY) - dayStart;
    // Day 0 of the epoch (1970-01-01) was a Thursday: ISO weekday 4.
    const weekday = ((((dayStart / MINUTES_PER_DAY + 3) % 7) + 7) % 7) + 1;
    if (to > from) pieces.push({ weekday, from, to });
  }
  return pieces;
}

/** Minutes since 1970-01-01 00:00 street time. */
function toStreetMinutes(instant: Date | string): number {
  const ms = (instant instanceof Date ? instant : new Date(instant)).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${String(instant)}`);
  return Math.floor(ms / 60_000) + STREET_UTC_OFFSET_MINUTES;
}

/**
 * Ratings (Bayesian mean with RATING_PRIOR, mapped 1..5 → 0..1) times attendance
 * ((completed + 2) / (completed + noShows + 2): a newcomer starts at 1, each no-show lowers it).
 */
export function reliabilityScore(v: Pick<VolunteerProfile, 'ratings' | 'completed' | 'noShows'>): number {
  const count = Math.max(0, v.ratings.count);
  const average = count > 0 && v.ratings.average !== null ? Math.min(5, Math.max(1, v.ratings.average)) : RATING_PRIOR.mean;
  const mean = (average * count + RATING_PRIOR.mean * RATING_PRIOR.weight) / (count + RATING_PRIOR.weight);
  const completed = Math.max(0, v.completed);
  const attendance = (completed + 2) / (completed + Math.max(0, v.noShows) + 2);
  return ((mean - 1) / 4) * attendance;
}

export const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
