import type { SuggestDispatchBody, SuggestDispatchResult } from '@duodi/contracts';
import { hasRole, requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { demandProfileOf, loadVolunteerFacts, rankForDemand } from './candidates.service.js';
import * as repo from './demands.repository.js';
import { volunteerNamesFor } from './demands.service.js';
import type { RankedCandidate } from './matching/rank-candidates.js';
import { greedyDispatch, suggestDispatch, type DispatchInput } from './matching/dispatch.js';

/**
 * The cost of an open slot: the cost of a volunteer scoring 0. Every cost lies in 0..100, so the
 * solver minimises Σ (100 − score) + 100 per open slot, i.e. it maximises the total score of the
 * suggestion; greedy is measured the same way, so `totalCost ≤ greedyCost` always holds.
 */
export const OPEN_SLOT_COST = 100;
/** A volunteer with fewer than this many unfinished demands may be suggested twice in one batch. */
export const LIGHT_LOAD_BELOW = 2;

/** Capacity of a volunteer in one batch: 2 while they hold fewer than 2 unfinished demands, else 1. */
export const dispatchCapacity = (activeDemands: number) => (activeDemands < LIGHT_LOAD_BELOW ? 2 : 1);

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Which demands the caller may have a suggestion for. Staff (street admin: the street or one
 * community; community admin: their communities) get the published and the assigned demands of the
 * place, `teamId` narrowing to the assigned ones of that team. A team leader gets the assigned
 * demands of the team(s) they lead. Unknown community or team: 404; outside the caller's scope: 403.
 */
async function scopeOf(tx: Tx, actor: Actor, body: SuggestDispatchBody) {
  if (body.communityId && !(await repo.findCommunity(tx, actor.streetId, body.communityId))) throw new AppError('not_found');
  if (body.teamId && !(await repo.findTeam(tx, actor.streetId, body.teamId))) throw new AppError('not_found');
  const admin = scopeIdsOf(actor, 'community_admin');
  const led = scopeIdsOf(actor, 'team_leader');
  if (hasRole(actor, 'street_admin')) {
    return { communityIds: body.communityId ? [body.communityId] : undefined, teamIds: body.teamId ? [body.teamId] : undefined, published: !body.teamId };
  }
  if (body.communityId ? admin.includes(body.communityId) : admin.length > 0) {
    return { communityIds: body.communityId ? [body.communityId] : admin, teamIds: body.teamId ? [body.teamId] : undefined, published: !body.teamId };
  }
  if (led.length && (!body.teamId || led.includes(body.teamId)) && !body.communityId) {
    return { communityIds: undefined, teamIds: body.teamId ? [body.teamId] : led, published: false };
  }
  throw new AppError('forbidden');
}

/**
 * 建议派单: a suggested set of volunteers for every open demand in the caller's scope that still
 * needs volunteers, optimal for the total score (matching/dispatch.ts), with the greedy baseline's
 * cost beside it. Candidates are scored exactly as `GET /demands/{id}/candidates`; an assigned
 * demand is offered to its team's members only (only they can accept it), a published one to the
 * street's volunteers. Reads only: nothing is assigned, and volunteers still accept themselves (DR-16).
 * @throws unauthenticated | forbidden | not_found
 */
export async function suggestDispatchFor(deps: Deps, actorOrNone: Actor | undefined, body: SuggestDispatchBody): Promise<SuggestDispatchResult> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const scope = await scopeOf(tx, actor, body);
    const started = performance.now();
    const demands = await repo.demandsNeedingVolunteers(tx, { streetId: actor.streetId, ...scope });
    const [facts, items, accepted, members, active, tibetan] = await Promise.all([
      loadVolunteerFacts(tx, actor.streetId, now, deps.db),
      repo.listServiceItems(tx, actor.streetId),
      repo.volunteerIdsOf(tx, demands.map((d) => d.id)),
      repo.membersOfTeams(tx, [...new Set(demands.flatMap((d) => (d.status === 'assigned' && d.teamId ? [d.teamId] : [])))]),
      repo.activeDemandCounts(tx, actor.streetId),
      repo.tibetanNamed(tx, actor.streetId, [...new Set(demands.flatMap((d) => (d.beneficiaryPersonId ? [d.beneficiaryPersonId] : [])))]),
    ]);
    const itemById = new Map(items.map((i) => [i.id, i]));
    const ranked = new Map<string, Map<string, RankedCandidate>>();
    const input: { demands: DispatchInput['demands'][number][]; volunteers: Map<string, number> } = { demands: [], volunteers: new Map() };
    for (const d of demands) {
      const profile = demandProfileOf(
        d,
        itemById.get(d.serviceItemId),
        d.beneficiaryPersonId && tibetan.has(d.beneficiaryPersonId) ? { tibetanName: tibetan.get(d.beneficiaryPersonId)! } : undefined,
      );
      const only = d.status === 'assigned' ? (d.teamId ? (members.get(d.teamId) ?? []) : []) : undefined;
      const list = rankForDemand(profile, facts, { limit: body.limitPerDemand, exclude: new Set(accepted.get(d.id) ?? []), ...(only ? { only } : {}) });
      ranked.set(d.id, new Map(list.map((c) => [c.volunteerId, c])));
      for (const c of list) input.volunteers.set(c.volunteerId, dispatchCapacity(active.get(c.volunteerId) ?? 0));
      input.demands.push({ id: d.id, needed: Math.max(0, d.volunteersNeeded - d.acceptedCount), candidates: list.map(({ volunteerId, cost }) => ({ volunteerId, cost })) });
    }
    const dispatchInput: DispatchInput = { demands: input.demands, volunteers: [...input.volunteers].map(([id, capacity]) => ({ id, capacity })) };
    const result = suggestDispatch(dispatchInput, { unfilledPenalty: OPEN_SLOT_COST });
    const greedy = greedyDispatch(dispatchInput);
    const computedMs = round2(performance.now() - started);
    const chosen = new Map<string, string[]>();
    for (const a of result.assignments) chosen.set(a.demandId, [...(chosen.get(a.demandId) ?? []), a.volunteerId]);
    // The suggested volunteers' names, one query for the whole suggestion (after computedMs: not part of the solving).
    const names = await volunteerNamesFor(tx, actor, [...new Set(result.assignments.map((a) => a.volunteerId))]);
    return {
      items: input.demands.map((d) => {
        const volunteers = (chosen.get(d.id) ?? []).flatMap((v) => {
          const { volunteerId, score, reasons } = ranked.get(d.id)!.get(v)!;
          const volunteer = names.get(volunteerId);
          return volunteer ? [{ volunteerId, volunteer, score, reasons }] : [];
        });
        return { demandId: d.id, volunteers, unfilled: d.needed - volunteers.length };
      }),
      totalCost: round2(result.cost + OPEN_SLOT_COST * result.unfilledSlots),
      greedyCost: round2(greedy.cost + OPEN_SLOT_COST * greedy.unfilledSlots),
      computedMs,
    };
  });
}
