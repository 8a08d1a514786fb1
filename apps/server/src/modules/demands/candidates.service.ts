import { and, eq } from 'drizzle-orm';
import { requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { communities, grids, households } from '../../schema/index.js';
import { type CandidatePool, compilePool, recompileWork } from './matching/candidate-pool.js';
import { rankPool, type RankedCandidate } from './matching/rank-candidates.js';
import type { AvailabilityWindow, DemandProfile, VolunteerProfile } from './matching/score.js';
import { draftDemandsFromChat, type IntakeDraft, type IntakeGrid } from './intake/parse-messages.js';
import * as repo from './demands.repository.js';
import { noShowCounts } from './offers.repository.js';
import { FactsMemo, factsGeneration } from './volunteer-facts-cache.js';
import { isStaffFor } from './demands.policy.js';
import { actorContextOf, visibleDemandFor, volunteerNamesFor } from './demands.service.js';

/** Items that need an adult volunteer (night patrol, escorting a patient). */
const ADULT_ONLY = new Set(['svc_patrol', 'svc_medical_escort']);
const DAY = 86_400_000;
/** No-shows count against reliability for this many days. */
export const NO_SHOW_WINDOW_DAYS = 180;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Everything the scoring knows about the street's active volunteers, loaded once per request. */
export type VolunteerFacts = Map<string, VolunteerProfile>;

/**
 * How long the static facts of a street (20,000 volunteers: skills, languages, home, age, weekly
 * windows) are reused within one process; a profile change reaches the ranking within this time (a
 * ranking is a suggestion; accept checks team membership itself).
 */
export const STATIC_FACTS_TTL_MS = 60_000;
/**
 * How long the assembled facts (with work over 30 days, ratings, completions, no-shows) are reused.
 * Writes of this module in this process (every transition, no-show, dispatch plan) forget them at
 * once (`forgetDynamicFacts`); another process's writes show within this time.
 */
export const DYNAMIC_FACTS_TTL_MS = 10_000;
const staticMemo = new FactsMemo<Map<string, VolunteerProfile>>(STATIC_FACTS_TTL_MS, false);
const factsMemo = new FactsMemo<VolunteerFacts>(DYNAMIC_FACTS_TTL_MS, true);

async function loadStaticProfiles(
  tx: Tx,
  streetId: string,
  now: Date,
  cacheKey: object | undefined,
): Promise<Map<string, VolunteerProfile>> {
  const cached = staticMemo.get(cacheKey, streetId, now.getTime());
  if (cached) return cached;
  const generation = factsGeneration();
  const [pool, availability] = await Promise.all([repo.candidatePool(tx, streetId), repo.availabilityOfStreet(tx, streetId)]);
  const windows = new Map<string, AvailabilityWindow[]>();
  for (const a of availability)
    windows.set(a.volunteerId, [...(windows.get(a.volunteerId) ?? []), { weekday: a.weekday, from: hhmm(a.from), to: hhmm(a.to) }]);
  const year = now.getUTCFullYear();
  const profiles = new Map<string, VolunteerProfile>();
  for (const v of pool) {
    profiles.set(v.id, {
      skills: v.skills,
      languages: v.languages,
      gridId: v.gridId,
      communityId: v.communityId,
      location: null,
      availability: windows.get(v.id) ?? [],
      age: v.birthYear ? year - v.birthYear : null,
      servedLast30Days: 0,
      ratings: { count: 0, average: null },
      completed: 0,
      noShows: 0,
    });
  }
  staticMemo.set(cacheKey, streetId, now.getTime(), profiles, generation);
  return profiles;
}

/**
 * The scoring facts of every active volunteer of the street: skills, languages, grid and community,
 * weekly windows, age, work over the last 30 days, ratings, completed demands and no-shows of the
 * last 180 days (volunteer_no_shows). With `cacheKey` (the database handle) the static facts are
 * reused for STATIC_FACTS_TTL_MS and the assembled facts for DYNAMIC_FACTS_TTL_MS (see above);
 * volunteers without work, ratings or no-shows share the static profile objects.
 */
export async function loadVolunteerFacts(tx: Tx, streetId: string, now: Date, cacheKey?: object): Promise<VolunteerFacts> {
  const remembered = factsMemo.get(cacheKey, streetId, now.getTime());
  if (remembered) return remembered;
  const generation = factsGeneration();
  const [profiles, history, noShows] = await Promise.all([
    loadStaticProfiles(tx, streetId, now, cacheKey),
    repo.workloadAndRatings(tx, streetId, new Date(now.getTime() - 30 * DAY)),
    noShowCounts(tx, streetId, new Date(now.getTime() - NO_SHOW_WINDOW_DAYS * DAY)),
  ]);
  const facts: VolunteerFacts = new Map(profiles);
  for (const h of history) {
    const base = facts.get(h.volunteerId);
    if (!base) continue;
    facts.set(h.volunteerId, {
      ...base,
      servedLast30Days: h.recent,
      ratings: { count: h.ratings, average: h.average },
      completed: h.completed,
    });
  }
  for (const [volunteerId, n] of noShows) {
    const base = facts.get(volunteerId);
    if (base) facts.set(volunteerId, { ...base, noShows: n });
  }
  staticOf.set(facts, profiles);
  factsMemo.set(cacheKey, streetId, now.getTime(), facts, generation);
  return facts;
}

/** The scoring view of a demand from its row, its service item and whether the beneficiary has a Tibetan name. */
export function demandProfileOf(
  demand: repo.DemandRow,
  item: Pick<repo.ServiceItemRow, 'skills' | 'typicalMinutes'> | undefined,
  beneficiary: { tibetanName: boolean } | undefined,
): DemandProfile {
  return {
    requiredSkills: item?.skills ?? [],
    beneficiaryLanguages: beneficiary ? (beneficiary.tibetanName ? ['bo', 'zh'] : ['zh']) : [],
    gridId: demand.gridId,
    communityId: demand.communityId,
    location: null,
    preferredStart: demand.preferredStart,
    preferredEnd: demand.preferredEnd,
    typicalMinutes: item?.typicalMinutes ?? null,
    adultOnly: ADULT_ONLY.has(demand.serviceItemId),
  };
}

/**
 * Ranks the volunteers of `facts` for one demand (the one scoring of `/candidates` and the batch
 * dispatch): `only` restricts the pool (e.g. the assigned team's members), `exclude` drops the
 * volunteers who already accepted it; the best `limit` are kept.
 */
export function rankForDemand(
  profile: DemandProfile,
  facts: VolunteerFacts,
  options: { limit: number; exclude?: ReadonlySet<string>; only?: Iterable<string> },
): RankedCandidate[] {
  return rankPool(profile, poolOf(facts), options.limit, { exclude: options.exclude, only: options.only }).items;
}

/**
 * The facts compiled for ranking (matching/candidate-pool.ts), once per facts map (the remembered
 * facts of a street: once per DYNAMIC_FACTS_TTL_MS or write, not once per request). Facts assembled
 * from remembered static profiles reuse those profiles' compiled pool and recompute only the work
 * and reliability terms. A facts map is not changed after it is loaded.
 */
const pools = new WeakMap<VolunteerFacts | Map<string, VolunteerProfile>, CandidatePool>();
/** The static profiles a facts map was assembled from (same ids, same order). */
const staticOf = new WeakMap<VolunteerFacts, Map<string, VolunteerProfile>>();
const entriesOf = (facts: Map<string, VolunteerProfile>) => Array.from(facts, ([id, profile]) => ({ id, profile }));
function poolOf(facts: VolunteerFacts): CandidatePool {
  let pool = pools.get(facts);
  if (!pool) {
    const profiles = staticOf.get(facts);
    if (profiles) {
      let base = pools.get(profiles);
      if (!base) {
        base = compilePool(entriesOf(profiles));
        pools.set(profiles, base);
      }
      pool = recompileWork(base, entriesOf(facts));
    } else pool = compilePool(entriesOf(facts));
    pools.set(facts, pool);
  }
  return pool;
}

/**
 * Volunteers of the street ranked for a demand (DR-16: explainable, an offer only): skills,
 * language against the beneficiary's, same grid or community, availability in the preferred
 * window, workload over the last 30 days, reliability from ratings and no-shows. Volunteers who already accepted
 * it are left out. Each is named as the staff lists name them (presentNamedPerson). Staff of the
 * demand's place and its team's leader only.
 * @throws unauthenticated | not_found | forbidden
 */
export async function listCandidates(deps: Deps, actorOrNone: Actor | undefined, demandId: string, limit: number) {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  // Reads only, and a ranking is a suggestion: no transaction (its BEGIN and COMMIT were two of the
  // request's round trips); the item, the beneficiary and (when not remembered) the facts are read
  // at once, on separate pool connections with PostgreSQL.
  const db = deps.db;
  const ctx = await actorContextOf(db, actor);
  const { demand, accepted, relations } = await visibleDemandFor(db, ctx, demandId);
  if (!isStaffFor(actor, demand) && !relations.has('team_leader')) throw new AppError('forbidden');
  const [item, beneficiary, facts] = await Promise.all([
    repo.findServiceItem(db, demand.streetId, demand.serviceItemId),
    demand.beneficiaryPersonId ? repo.findPerson(db, demand.streetId, demand.beneficiaryPersonId) : undefined,
    loadVolunteerFacts(db, demand.streetId, now, deps.db),
  ]);
  const profile = demandProfileOf(demand, item, beneficiary ? { tibetanName: Boolean(beneficiary.person.nameBo) } : undefined);
  const items = rankForDemand(profile, facts, { limit, exclude: new Set(accepted) });
  // The kept candidates' names in one query (the facts hold no names; a volunteer whose row is gone is left out).
  const names = await volunteerNamesFor(
    db,
    actor,
    items.map((c) => c.volunteerId),
  );
  return {
    items: items.flatMap(({ volunteerId, score, reasons }) => {
      const volunteer = names.get(volunteerId);
      return volunteer ? [{ volunteerId, volunteer, score, reasons }] : [];
    }),
  };
}

/** Building words of a grid from its households' addresses (`阳光小区2栋`, `洛欧村3组`), without the community name. */
function buildingWordsOf(addresses: readonly string[], communityName: string): string[] {
  const words = new Set<string>();
  for (const a of addresses) {
    const m = /^(.*?[0-9]+(?:栋|组))/u.exec(a);
    if (!m?.[1]) continue;
    const word =
      m[1].startsWith(communityName) && !m[1].slice(communityName.length).match(/^[0-9]/) ? m[1].slice(communityName.length) : m[1];
    words.add(word);
  }
  return [...words];
}

/**
 * Drafts demands from pasted grid-group messages (intake/parse-messages.ts) with the grids of the
 * caller's scope; nothing is created: staff confirm each draft with POST /demands. A grid worker
 * drafts for their grid(s), a community admin for their community, a street admin for the street;
 * `gridId` narrows to one grid of that scope and fills drafts whose grid was not recognised.
 * @throws unauthenticated | forbidden | not_found
 */
export async function draftFromChat(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { text: string; gridId?: string | undefined },
): Promise<{ items: IntakeDraft[] }> {
  const actor = requireActor(actorOrNone);
  const street = actor.assignments.some((a) => a.role === 'street_admin');
  const communityIds = scopeIdsOf(actor, 'community_admin');
  const gridIds = scopeIdsOf(actor, 'grid_worker');
  if (!street && !communityIds.length && !gridIds.length) throw new AppError('forbidden');
  return withTransaction(deps.db, async (tx) => {
    const rows = await tx
      .select({ grid: grids, communityName: communities.name, communityNameBo: communities.nameBo })
      .from(grids)
      .innerJoin(communities, eq(communities.id, grids.communityId))
      .where(eq(grids.streetId, actor.streetId));
    let inScope = rows.filter((r) => street || communityIds.includes(r.grid.communityId) || gridIds.includes(r.grid.id));
    if (input.gridId) {
      if (!rows.some((r) => r.grid.id === input.gridId)) throw new AppError('not_found');
      inScope = inScope.filter((r) => r.grid.id === input.gridId);
      if (!inScope.length) throw new AppError('forbidden');
    }
    const addresses = await tx
      .select({ gridId: households.gridId, address: households.address })
      .from(households)
      .where(and(eq(households.streetId, actor.streetId)));
    const byGrid = new Map<string, string[]>();
    for (const h of addresses) byGrid.set(h.gridId, [...(byGrid.get(h.gridId) ?? []), h.address]);
    const intakeGrids: IntakeGrid[] = inScope.map((r) => ({
      id: r.grid.id,
      code: r.grid.code,
      name: r.grid.name,
      communityName: r.communityName,
      buildingWords: buildingWordsOf(byGrid.get(r.grid.id) ?? [], r.communityName),
      ...(r.grid.nameBo ? { nameBo: r.grid.nameBo } : {}),
      ...(r.communityNameBo ? { communityNameBo: r.communityNameBo } : {}),
    }));
    const drafts = draftDemandsFromChat(input.text, { grids: intakeGrids, now: deps.now() });
    return { items: input.gridId ? drafts.map((d) => ({ ...d, gridId: d.gridId ?? input.gridId! })) : drafts };
  });
}
