import crypto from 'node:crypto';
import type { Demand, DemandOffer, DemandStatus, DispatchPlanBody, DispatchPlanResult, MyOffer, NamedPerson } from '@duodi/contracts';
import { hasRole, requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, type FieldProblem } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { isoOrNull, isoWithOffset } from '../../platform/http/time.js';
import { slaDueAt } from './demand-state.js';
import * as repo from './demands.repository.js';
import * as offersRepo from './offers.repository.js';
import { isStaffFor } from './demands.policy.js';
import { actorContextOf, answer, idempotent, visibleDemandFor, volunteerNamesFor } from './demands.service.js';
import { DEFAULT_OFFER_TTL_MS, offerToTeam } from './offer-effects.service.js';
import { forgetDynamicFacts } from './volunteer-facts-cache.js';
import { notifyDemandOffered, notifyDemandTransition } from '../notifications/index.js';

const newId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;

/* ---------- the volunteer's side ---------- */

function presentOffer(o: offersRepo.OfferRow, volunteer?: NamedPerson): DemandOffer {
  return {
    id: o.id,
    demandId: o.demandId,
    volunteerId: o.volunteerId,
    ...(volunteer ? { volunteer } : {}),
    teamId: o.teamId,
    status: o.status,
    planId: o.planId,
    declineReason: o.declineReason,
    createdAt: isoWithOffset(o.createdAt),
    decidedAt: isoOrNull(o.decidedAt),
  };
}

/**
 * The caller's open offers (as a volunteer) of demands still waiting for volunteers, newest first,
 * with a summary of the demand: no beneficiary, address or phone before accept (DR-21). Someone
 * who is not a volunteer gets an empty list.
 * @throws unauthenticated
 */
export async function listMyOffers(deps: Deps, actorOrNone: Actor | undefined, query: { limit: number; cursor?: string | undefined }, ttlMs = DEFAULT_OFFER_TTL_MS) {
  const actor = requireActor(actorOrNone);
  const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  return withTransaction(deps.db, async (tx): Promise<{ items: MyOffer[]; nextCursor: string | null }> => {
    const ctx = await actorContextOf(tx, actor);
    if (!ctx.volunteerId) return { items: [], nextCursor: null };
    const rows = await offersRepo.myOpenOffers(tx, { volunteerId: ctx.volunteerId, after, limit: query.limit });
    const page = pageFrom(rows, query.limit, (r) => [r.offer.createdAt.toISOString(), r.offer.id]);
    return {
      items: page.items.map(({ offer, demand }) => ({
        id: offer.id,
        status: offer.status,
        teamId: offer.teamId,
        createdAt: isoWithOffset(offer.createdAt),
        expiresAt: isoWithOffset(new Date(offer.createdAt.getTime() + ttlMs)),
        demand: {
          id: demand.id,
          status: demand.status,
          serviceItemId: demand.serviceItemId,
          description: demand.description,
          communityId: demand.communityId,
          gridId: demand.gridId,
          urgency: demand.urgency,
          preferredStart: isoOrNull(demand.preferredStart),
          preferredEnd: isoOrNull(demand.preferredEnd),
          volunteersNeeded: demand.volunteersNeeded,
          acceptedCount: demand.acceptedCount,
          slaDueAt: isoOrNull(demand.slaDueAt),
        },
      })),
      nextCursor: page.nextCursor,
    };
  });
}

/**
 * A volunteer declines their open offer of a demand (DR-16), with an optional reason. The demand
 * does not change; a history row `decline` (status unchanged) tells the team leader, and its note
 * ends with `no_open_offers` when nobody else holds an open offer. No open offer of the caller: 409
 * conflict. Idempotent under an Idempotency-Key.
 * @throws unauthenticated | not_found | conflict | idempotency_key_reused
 */
export async function declineOffer(
  deps: Deps,
  actorOrNone: Actor | undefined,
  demandId: string,
  input: { reason?: string | undefined },
  idempotencyKey?: string,
): Promise<{ offer: DemandOffer; openOffers: number }> {
  const actor = requireActor(actorOrNone);
  return idempotent(deps, actor, idempotencyKey, { op: 'decline', demandId, input }, async (tx) => {
    const now = deps.now();
    const ctx = await actorContextOf(tx, actor);
    const { demand } = await visibleDemandFor(tx, ctx, demandId);
    const open = ctx.volunteerId ? await offersRepo.findOpenOffer(tx, demand.id, ctx.volunteerId) : undefined;
    if (!open) throw new AppError('conflict', { reason: 'no_open_offer' });
    const declined = await offersRepo.decideOffer(tx, { id: open.id, to: 'declined', reason: input.reason ?? null, now });
    if (!declined) throw new AppError('conflict', { reason: 'status_changed' });
    const openOffers = (await offersRepo.openOfferVolunteers(tx, demand.id)).length;
    const note = [input.reason ?? null, openOffers === 0 ? 'no_open_offers' : null].filter(Boolean).join(' — ') || null;
    await repo.insertHistory(tx, { streetId: demand.streetId, demandId: demand.id, action: 'decline', fromStatus: demand.status, toStatus: demand.status, at: now, byAccountId: actor.accountId, note });
    return { offer: presentOffer(declined), openOffers };
  });
}

/**
 * The offers of a demand, oldest first, each volunteer named (presentNamedPerson): staff of its
 * place and its team's leader. Others who see the demand 403, the rest 404.
 * @throws unauthenticated | not_found | forbidden
 */
export async function listDemandOffers(deps: Deps, actorOrNone: Actor | undefined, demandId: string): Promise<{ items: DemandOffer[] }> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const ctx = await actorContextOf(tx, actor);
    const { demand, relations } = await visibleDemandFor(tx, ctx, demandId);
    if (!isStaffFor(actor, demand) && !relations.has('team_leader')) throw new AppError('forbidden');
    const offers = await offersRepo.offersOfDemand(tx, demand.id);
    const names = await volunteerNamesFor(tx, actor, [...new Set(offers.map((o) => o.volunteerId))]);
    return { items: offers.map((o) => presentOffer(o, names.get(o.volunteerId))) };
  });
}

/* ---------- no-shows ---------- */

/**
 * A volunteer who accepted did not come: the leader of the demand's team, its community admin or a
 * street admin records it. The volunteer leaves the demand (their slot is free again; with nobody
 * left the demand goes back to `assigned` for the team to accept anew), a `no_show` history row and
 * a row in volunteer_no_shows (180 days of them lower the reliability score) are written, audited.
 * Only while `accepted` or `in_service` (else 409 invalid_transition) and only for one of its
 * accepted volunteers (else 400 `volunteerId`).
 * @throws unauthenticated | not_found | forbidden | invalid_transition | validation_failed | conflict
 */
export async function recordNoShow(
  deps: Deps,
  actorOrNone: Actor | undefined,
  demandId: string,
  input: { volunteerId: string; note?: string | undefined },
  idempotencyKey?: string,
): Promise<Demand> {
  const actor = requireActor(actorOrNone);
  return idempotent(deps, actor, idempotencyKey, { op: 'no_show', demandId, input }, async (tx) => {
    const now = deps.now();
    const ctx = await actorContextOf(tx, actor);
    const { demand, accepted, relations } = await visibleDemandFor(tx, ctx, demandId);
    if (!relations.has('team_leader') && !relations.has('community_admin') && !relations.has('street_admin')) throw new AppError('forbidden');
    if (demand.status !== 'accepted' && demand.status !== 'in_service') throw new AppError('invalid_transition');
    if (!accepted.includes(input.volunteerId)) {
      throw new AppError('validation_failed', {}, { fields: [{ field: 'volunteerId', key: 'dispatch_not_on_demand' }] });
    }
    const left = accepted.length - 1;
    const to: DemandStatus = left === 0 ? 'assigned' : demand.status;
    const updated = await offersRepo.freeSlot(tx, {
      id: demand.id,
      fromStatus: demand.status,
      fromVersion: demand.version,
      to,
      slaDueAt: to === demand.status ? demand.slaDueAt : slaDueAt(to, demand.urgency, now, demand.preferredEnd),
      now,
    });
    if (!updated || !(await offersRepo.deleteDemandVolunteer(tx, demand.id, input.volunteerId))) throw new AppError('conflict', { reason: 'status_changed' });
    await offersRepo.withdrawAccepted(tx, demand.id, input.volunteerId, now);
    forgetDynamicFacts();
    await offersRepo.insertNoShow(tx, { id: newId('nos'), streetId: demand.streetId, demandId: demand.id, volunteerId: input.volunteerId, recordedByAccountId: actor.accountId, note: input.note ?? null, at: now });
    await repo.insertHistory(tx, {
      streetId: demand.streetId,
      demandId: demand.id,
      action: 'no_show',
      fromStatus: demand.status,
      toStatus: updated.status,
      at: now,
      byAccountId: actor.accountId,
      note: input.note ? `${input.volunteerId} — ${input.note}` : input.volunteerId,
    });
    await appendAudit(tx, {
      streetId: demand.streetId,
      actorAccountId: actor.accountId,
      action: 'demand.no_show',
      entityType: 'volunteer',
      entityId: input.volunteerId,
      newValue: { demandId: demand.id, from: demand.status, to: updated.status },
      ...(input.note ? { reason: input.note } : {}),
    });
    return answer(deps, tx, ctx, updated);
  });
}

/* ---------- dispatch plans ---------- */

/**
 * Applies an accepted (or edited) batch suggestion in ONE transaction, all or nothing: for each
 * assignment the demand becomes `assigned` to the team (when it is still `published`; an already
 * assigned demand of that team keeps its status) and the chosen volunteers get offers (they accept
 * themselves, DR-16). Scope: street admin the street; community admin their communities; team leader
 * only teams they lead, and demands those teams may take. Refusals change nothing: unknown or
 * invisible demand 404, outside the role's scope 403, a team or volunteer that does not fit 400,
 * and demands whose state no longer allows the assignment 409 `conflict` with one `errors` entry per
 * such demand (field `assignments.<i>.demandId`). Idempotent under an Idempotency-Key.
 * @throws unauthenticated | forbidden | not_found | validation_failed | conflict | idempotency_key_reused
 */
export async function createDispatchPlan(deps: Deps, actorOrNone: Actor | undefined, body: DispatchPlanBody, idempotencyKey?: string): Promise<DispatchPlanResult> {
  const actor = requireActor(actorOrNone);
  const street = hasRole(actor, 'street_admin');
  const adminOf = scopeIdsOf(actor, 'community_admin');
  const led = scopeIdsOf(actor, 'team_leader');
  if (!street && !adminOf.length && !led.length) throw new AppError('forbidden');
  return idempotent(deps, actor, idempotencyKey, { op: 'dispatch_plan', body }, async (tx) => {
    const now = deps.now();
    const { scope } = body;
    if (scope.communityId && !(await repo.findCommunity(tx, actor.streetId, scope.communityId))) throw new AppError('not_found');
    if (scope.teamId && !(await repo.findTeam(tx, actor.streetId, scope.teamId))) throw new AppError('not_found');
    if (!street && scope.communityId && !adminOf.includes(scope.communityId)) throw new AppError('forbidden');
    if (!street && scope.teamId && !led.includes(scope.teamId) && !adminOf.length) throw new AppError('forbidden');

    const ctx = await actorContextOf(tx, actor);
    const fields: FieldProblem[] = [];
    const conflicts: FieldProblem[] = [];
    const checked: { demand: repo.DemandRow; teamId: string; volunteerIds: string[]; assign: boolean }[] = [];
    // Lock in id order so that two plans over the same demands cannot deadlock.
    const order = body.assignments.map((a, i) => ({ a, i })).sort((x, y) => (x.a.demandId < y.a.demandId ? -1 : x.a.demandId > y.a.demandId ? 1 : 0));
    for (const { a, i } of order) {
      const found = await repo.findDemand(tx, actor.streetId, a.demandId, true);
      if (!found) throw new AppError('not_found');
      const { demand, accepted } = await visibleDemandFor(tx, ctx, a.demandId);
      const team = await repo.findTeam(tx, actor.streetId, a.teamId);
      if (!team) throw new AppError('not_found');
      // Scope: whose demands and teams the caller may dispatch.
      const staffHere = street || adminOf.includes(demand.communityId);
      const leaderHere = led.includes(team.id);
      if (!staffHere && !leaderHere) throw new AppError('forbidden');
      if (scope.communityId && demand.communityId !== scope.communityId) throw new AppError('forbidden');
      if (scope.teamId && team.id !== scope.teamId) throw new AppError('forbidden');
      if (team.communityId !== null && team.communityId !== demand.communityId) {
        fields.push({ field: `assignments.${i}.teamId`, key: 'invalid_value' });
        continue;
      }
      const members = new Set(await offersRepo.activeMembersOf(tx, team.id));
      if (a.volunteerIds.some((v) => !members.has(v))) {
        fields.push({ field: `assignments.${i}.volunteerIds`, key: 'dispatch_not_team_member' });
        continue;
      }
      // State: published (to assign) or assigned to this very team with slots left.
      if (demand.status === 'assigned' && demand.teamId !== team.id) conflicts.push({ field: `assignments.${i}.demandId`, key: 'dispatch_other_team' });
      else if (demand.status !== 'published' && !(demand.status === 'assigned' && demand.acceptedCount < demand.volunteersNeeded)) {
        conflicts.push({ field: `assignments.${i}.demandId`, key: 'dispatch_not_open' });
      } else if (a.volunteerIds.some((v) => accepted.includes(v))) conflicts.push({ field: `assignments.${i}.volunteerIds`, key: 'dispatch_already_accepted' });
      else checked.push({ demand, teamId: team.id, volunteerIds: a.volunteerIds, assign: demand.status === 'published' });
    }
    // Report in the order of the request.
    const byIndex = (x: FieldProblem, y: FieldProblem) => Number(x.field.split('.')[1]) - Number(y.field.split('.')[1]);
    fields.sort(byIndex);
    conflicts.sort(byIndex);
    if (fields.length) throw new AppError('validation_failed', {}, { fields });
    if (conflicts.length) throw new AppError('conflict', { reason: 'dispatch_conflicts', count: conflicts.length }, { fields: conflicts });

    const planId = newId('plan');
    await offersRepo.insertPlan(tx, {
      id: planId,
      streetId: actor.streetId,
      createdByAccountId: actor.accountId,
      communityId: scope.communityId ?? null,
      teamId: scope.teamId ?? null,
      demandCount: 0,
      offerCount: 0,
      createdAt: now,
    });
    const items: DispatchPlanResult['items'] = [];
    let offerCount = 0;
    for (const c of checked) {
      let demand = c.demand;
      if (c.assign) {
        const updated = await repo.updateDemand(tx, {
          id: demand.id,
          fromStatus: 'published',
          fromVersion: demand.version,
          set: { status: 'assigned', teamId: c.teamId, slaDueAt: slaDueAt('assigned', demand.urgency, now, demand.preferredEnd) },
          now,
        });
        if (!updated) throw new AppError('conflict', { reason: 'status_changed' });
        await repo.insertHistory(tx, { streetId: demand.streetId, demandId: demand.id, action: 'assign', fromStatus: 'published', toStatus: 'assigned', at: now, byAccountId: actor.accountId, note: `dispatch_plan ${planId}` });
        demand = updated;
      }
      const offered = await offerToTeam(tx, {
        demand,
        teamId: c.teamId,
        ...(c.volunteerIds.length ? { volunteerIds: c.volunteerIds } : {}),
        actorAccountId: actor.accountId,
        planId,
        now,
      });
      offerCount += offered.length;
      // Notifications: the resident of the assignment, and the newly offered volunteers.
      if (c.assign) await notifyDemandTransition(tx, { demand, action: 'assign', fromStatus: 'published', actorAccountId: actor.accountId, offeredVolunteerIds: offered });
      else await notifyDemandOffered(tx, { demand, volunteerIds: offered, actorAccountId: actor.accountId });
      items.push({ demandId: demand.id, teamId: c.teamId, assigned: c.assign, status: demand.status, offeredVolunteerIds: offered });
    }
    await offersRepo.setPlanCounts(tx, planId, items.length, offerCount);
    items.sort((x, y) => body.assignments.findIndex((a) => a.demandId === x.demandId) - body.assignments.findIndex((a) => a.demandId === y.demandId));
    return { id: planId, items, offerCount, createdAt: isoWithOffset(now) };
  });
}
