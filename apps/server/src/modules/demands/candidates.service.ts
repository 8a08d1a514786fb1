import { and, eq } from 'drizzle-orm';
import { requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { communities, grids, households } from '../../schema/index.js';
import { rankCandidates } from './matching/rank-candidates.js';
import type { AvailabilityWindow, DemandProfile, VolunteerProfile } from './matching/score.js';
import { draftDemandsFromChat, type IntakeDraft, type IntakeGrid } from './intake/parse-messages.js';
import * as repo from './demands.repository.js';
import { isStaffFor } from './demands.policy.js';
import { actorContextOf, visibleDemandFor } from './demands.service.js';

/** Items that need an adult volunteer (night patrol, escorting a patient). */
const ADULT_ONLY = new Set(['svc_patrol', 'svc_medical_escort']);
const DAY = 86_400_000;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * Volunteers of the street ranked for a demand (DR-16: explainable, an offer only): skills,
 * language against the beneficiary's, same grid or community, availability in the preferred
 * window, workload over the last 30 days, reliability from ratings. Volunteers who already accepted
 * it are left out. Staff of the demand's place and its team's leader only.
 * @throws unauthenticated | not_found | forbidden
 */
export async function listCandidates(deps: Deps, actorOrNone: Actor | undefined, demandId: string, limit: number) {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const ctx = await actorContextOf(tx, actor);
    const { demand, accepted, relations } = await visibleDemandFor(tx, ctx, demandId);
    if (!isStaffFor(actor, demand) && !relations.has('team_leader')) throw new AppError('forbidden');
    const item = await repo.findServiceItem(tx, demand.streetId, demand.serviceItemId);
    const beneficiary = demand.beneficiaryPersonId ? await repo.findPerson(tx, demand.streetId, demand.beneficiaryPersonId) : undefined;
    const profile: DemandProfile = {
      requiredSkills: item?.skills ?? [],
      beneficiaryLanguages: beneficiary ? (beneficiary.person.nameBo ? ['bo', 'zh'] : ['zh']) : [],
      gridId: demand.gridId,
      communityId: demand.communityId,
      location: null,
      preferredStart: demand.preferredStart,
      preferredEnd: demand.preferredEnd,
      typicalMinutes: item?.typicalMinutes ?? null,
      adultOnly: ADULT_ONLY.has(demand.serviceItemId),
    };
    const [pool, availability, history] = await Promise.all([
      repo.candidatePool(tx, demand.streetId),
      repo.availabilityOfStreet(tx, demand.streetId),
      repo.workloadAndRatings(tx, demand.streetId, new Date(now.getTime() - 30 * DAY)),
    ]);
    const windows = new Map<string, AvailabilityWindow[]>();
    for (const a of availability) windows.set(a.volunteerId, [...(windows.get(a.volunteerId) ?? []), { weekday: a.weekday, from: hhmm(a.from), to: hhmm(a.to) }]);
    const stats = new Map(history.map((h) => [h.volunteerId, h]));
    const taken = new Set(accepted);
    const year = now.getUTCFullYear();
    const volunteers = pool
      .filter((v) => !taken.has(v.id))
      .map((v) => {
        const s = stats.get(v.id);
        const p: VolunteerProfile = {
          skills: v.skills,
          languages: v.languages,
          gridId: v.gridId,
          communityId: v.communityId,
          location: null,
          availability: windows.get(v.id) ?? [],
          age: v.birthYear ? year - v.birthYear : null,
          servedLast30Days: s?.recent ?? 0,
          ratings: { count: s?.ratings ?? 0, average: s?.average ?? null },
          completed: s?.completed ?? 0,
          // No-shows are not recorded yet (a volunteer who accepted and never started); counted as none.
          noShows: 0,
        };
        return { id: v.id, profile: p };
      });
    const ranking = rankCandidates(profile, volunteers, limit);
    return { items: ranking.items.map(({ volunteerId, score, reasons }) => ({ volunteerId, score, reasons })) };
  });
}

/** Building words of a grid from its households' addresses (`阳光小区2栋`, `洛欧村3组`), without the community name. */
function buildingWordsOf(addresses: readonly string[], communityName: string): string[] {
  const words = new Set<string>();
  for (const a of addresses) {
    const m = /^(.*?[0-9]+(?:栋|组))/u.exec(a);
    if (!m?.[1]) continue;
    const word = m[1].startsWith(communityName) && !m[1].slice(communityName.length).match(/^[0-9]/) ? m[1].slice(communityName.length) : m[1];
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
export async function draftFromChat(deps: Deps, actorOrNone: Actor | undefined, input: { text: string; gridId?: string | undefined }): Promise<{ items: IntakeDraft[] }> {
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
