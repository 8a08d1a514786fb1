import crypto from 'node:crypto';
import { or } from 'drizzle-orm';
import { type z } from 'zod';
import type {
  CampaignOverview,
  CoverageItem,
  CoverageSchema,
  Visit,
  VisitCampaign,
  VisitCampaignCreate,
  VisitCreate,
} from '@duodi/contracts';
import { hasRole, requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { isoOrNull, isoWithOffset } from '../../platform/http/time.js';
import { createDemand } from '../demands/index.js';
import * as repo from './visits.repository.js';

export const newId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;
/** Lhasa calendar date (UTC+8), YYYY-MM-DD. */
export const streetDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;
/** A visit may be logged up to 30 days late (paper notes typed in later), never ahead of the clock. */
const VISIT_MAX_AGE_MS = 30 * DAY_MS;
const CLOCK_SKEW_MS = 5 * 60_000;

/** The address with its last number masked (桑伊社区3栋2单元501室 → 桑伊社区3栋2单元***室). */
export function maskAddress(address: string): string {
  const m = /(\d+)(\D*)$/.exec(address);
  if (!m) return address;
  return `${address.slice(0, m.index)}${'*'.repeat(m[1]!.length)}${m[2]}`;
}

/* ---------- who may do what ---------- */

/** Staff of a place: the street admin, the community's admin, the grid's worker. */
export function isStaffFor(actor: Actor, place: { communityId: string | null; gridId?: string | undefined }): boolean {
  if (hasRole(actor, 'street_admin')) return true;
  if (place.communityId && scopeIdsOf(actor, 'community_admin').includes(place.communityId)) return true;
  return place.gridId !== undefined && scopeIdsOf(actor, 'grid_worker').includes(place.gridId);
}

const isStaff = (actor: Actor) => hasRole(actor, 'street_admin') || hasRole(actor, 'community_admin') || hasRole(actor, 'grid_worker');

/** Outside a staff member's area is 404 (it does not exist for them); anyone else lacks the role (403). */
const refuse = (actor: Actor) => new AppError(isStaff(actor) ? 'not_found' : 'forbidden');

async function teamsOf(tx: Tx, actor: Actor): Promise<string[]> {
  return [...new Set([...scopeIdsOf(actor, 'team_leader'), ...(await repo.teamIdsOfPerson(tx, actor.personId))])];
}

/* ---------- campaigns ---------- */

function presentCampaign(c: repo.CampaignRow, today: string): VisitCampaign {
  return {
    id: c.id,
    name: c.name,
    nameBo: c.nameBo,
    communityId: c.communityId,
    teamId: c.teamId,
    gridIds: c.gridIds,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    cycleDays: c.cycleDays,
    active: c.startsOn <= today && today <= c.endsOn,
  };
}

/**
 * A door-to-door campaign (幸福敲敲门 / 布谷响铃) over grids: a community admin over grids of their
 * community, or the street admin; optionally run by a team (its members then log visits there).
 * @throws unauthenticated | forbidden | not_found | validation_failed
 */
export async function createCampaign(deps: Deps, actorOrNone: Actor | undefined, input: VisitCampaignCreate): Promise<VisitCampaign> {
  const actor = requireActor(actorOrNone);
  if (!hasRole(actor, 'street_admin') && !hasRole(actor, 'community_admin')) throw new AppError('forbidden');
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const found = await repo.findGrids(tx, actor.streetId, input.gridIds);
    if (found.length !== input.gridIds.length)
      throw new AppError('validation_failed', {}, { fields: [{ field: 'gridIds', key: 'unknown_reference' }] });
    if (found.some((g) => !isStaffFor(actor, { communityId: g.communityId }))) throw new AppError('not_found');
    const communities = [...new Set(found.map((g) => g.communityId))];
    const communityId = communities.length === 1 ? communities[0]! : null;
    let teamId: string | null = null;
    if (input.teamId) {
      const team = await repo.findTeam(tx, actor.streetId, input.teamId);
      if (!team || (team.communityId !== null && team.communityId !== communityId)) {
        throw new AppError('validation_failed', {}, { fields: [{ field: 'teamId', key: 'unknown_reference' }] });
      }
      teamId = team.id;
    }
    const row = await repo.insertCampaign(tx, {
      id: newId('vcp'),
      streetId: actor.streetId,
      communityId,
      teamId,
      name: input.name,
      nameBo: input.nameBo,
      gridIds: found.map((g) => g.id),
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      cycleDays: input.cycleDays,
      createdByAccountId: actor.accountId,
      createdAt: now,
    });
    return presentCampaign(row, streetDate(now));
  });
}

/** Campaigns the caller works on or oversees: staff of their area, the teams' leaders and members. */
async function campaignVisibility(tx: Tx, actor: Actor) {
  if (hasRole(actor, 'street_admin')) return undefined;
  return (
    or(
      repo.campaignVisibility.communities(scopeIdsOf(actor, 'community_admin')),
      repo.campaignVisibility.grids(scopeIdsOf(actor, 'grid_worker')),
      repo.campaignVisibility.teams(await teamsOf(tx, actor)),
    ) ?? repo.campaignVisibility.teams(['-'])
  );
}

/** @throws unauthenticated | validation_failed */
export async function listCampaigns(
  deps: Deps,
  actorOrNone: Actor | undefined,
  q: { communityId?: string | undefined; gridId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: VisitCampaign[]; nextCursor: string | null }> {
  const actor = requireActor(actorOrNone);
  const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
  const today = streetDate(deps.now());
  return withTransaction(deps.db, async (tx) => {
    const rows = await repo.listCampaigns(tx, {
      streetId: actor.streetId,
      visibility: await campaignVisibility(tx, actor),
      communityId: q.communityId,
      gridId: q.gridId,
      after,
      limit: q.limit,
    });
    const page = pageFrom(rows, q.limit, (r) => [r.startsOn, r.id]);
    return { items: page.items.map((r) => presentCampaign(r, today)), nextCursor: page.nextCursor };
  });
}

/**
 * The campaign overview: per grid households, visited within the cycle (someone home), overdue,
 * inquiries answered (解答咨询) and home visits (入户走访) in [from, to); the same figures per week or month.
 * Staff of its area and its team's leader; 404 otherwise.
 * @throws unauthenticated | not_found | forbidden
 */
export async function campaignOverview(
  deps: Deps,
  actorOrNone: Actor | undefined,
  id: string,
  q: { period: 'week' | 'month'; from?: string | undefined; to?: string | undefined },
): Promise<CampaignOverview> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const c = await repo.findCampaign(tx, actor.streetId, id);
    if (!c) throw new AppError('not_found');
    const leads = c.teamId !== null && scopeIdsOf(actor, 'team_leader').includes(c.teamId);
    const staff = isStaffFor(actor, { communityId: c.communityId }) || c.gridIds.some((g) => scopeIdsOf(actor, 'grid_worker').includes(g));
    if (!staff && !leads) {
      if (c.teamId && (await teamsOf(tx, actor)).includes(c.teamId)) throw new AppError('forbidden');
      throw new AppError('not_found');
    }
    const grids = await repo.findGrids(tx, actor.streetId, c.gridIds);
    const counts = await repo.gridCounts(tx, c.gridIds, new Date(now.getTime() - c.cycleDays * DAY_MS));
    const from = q.from ? new Date(`${q.from}T00:00:00+08:00`) : undefined;
    const to = q.to ? new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + DAY_MS) : undefined;
    const figures = await repo.campaignFigures(tx, c.id, from, to, q.period);
    const zero = { inquiriesAnswered: 0, homeVisits: 0, visits: 0 };
    const perGrid = grids.map((g) => {
      const n = counts.get(g.id) ?? { households: 0, visited: 0 };
      const f = figures.byGrid.find((x) => x.gridId === g.id) ?? zero;
      return {
        gridId: g.id,
        name: g.name,
        nameBo: g.nameBo,
        households: n.households,
        visitedInCycle: n.visited,
        overdue: n.households - n.visited,
        inquiriesAnswered: f.inquiriesAnswered,
        homeVisits: f.homeVisits,
        visits: f.visits,
      };
    });
    const sum = (k: keyof (typeof perGrid)[number]) => perGrid.reduce((s, g) => s + (g[k] as number), 0);
    return {
      campaign: presentCampaign(c, streetDate(now)),
      grids: perGrid,
      totals: {
        households: sum('households'),
        visitedInCycle: sum('visitedInCycle'),
        overdue: sum('overdue'),
        inquiriesAnswered: sum('inquiriesAnswered'),
        homeVisits: sum('homeVisits'),
        visits: sum('visits'),
      },
      periods: figures.byPeriod.map((p) => ({
        period: p.period,
        inquiriesAnswered: p.inquiriesAnswered,
        homeVisits: p.homeVisits,
        visits: p.visits,
      })),
    };
  });
}

/* ---------- visits ---------- */

function presentVisit(v: repo.VisitRow, address: string, visitorName: string): Visit {
  return {
    id: v.id,
    householdId: v.householdId,
    householdLabel: maskAddress(address),
    gridId: v.gridId,
    communityId: v.communityId,
    campaignId: v.campaignId,
    visitorName,
    at: isoWithOffset(v.at),
    present: v.present,
    inquiries: v.inquiries,
    needs: v.needs.map((n, index) => ({ index, serviceItemId: n.serviceItemId ?? null, description: n.description, demandId: n.demandId })),
  };
}

/**
 * Logs a household visit: the grid worker of the household's grid, or a member (or leader) of the
 * team of a campaign covering that grid today. Visits with someone home count for coverage (DR-20)
 * and for the visit care plans of the household.
 * @throws unauthenticated | forbidden | not_found | validation_failed
 */
export async function createVisit(deps: Deps, actorOrNone: Actor | undefined, input: VisitCreate): Promise<Visit> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  const at = new Date(input.at);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS || at.getTime() < now.getTime() - VISIT_MAX_AGE_MS) {
    throw new AppError('validation_failed', {}, { fields: [{ field: 'at', key: 'invalid_value' }] });
  }
  return withTransaction(deps.db, async (tx) => {
    const household = await repo.findHousehold(tx, actor.streetId, input.householdId);
    if (!household) throw new AppError('not_found');
    const gridWorker = scopeIdsOf(actor, 'grid_worker').includes(household.gridId);
    const active = await repo.activeCampaignsForGrid(tx, household.gridId, streetDate(at));
    const myTeams = await teamsOf(tx, actor);
    const mine = active.filter((c) => c.teamId !== null && myTeams.includes(c.teamId));
    let campaignId: string | null;
    if (input.campaignId) {
      const c = active.find((x) => x.id === input.campaignId);
      if (!c) throw new AppError('validation_failed', {}, { fields: [{ field: 'campaignId', key: 'unknown_reference' }] });
      if (!gridWorker && !mine.includes(c)) throw refuse(actor);
      campaignId = c.id;
    } else if (gridWorker) {
      campaignId = active[0]?.id ?? null;
    } else if (mine.length) {
      campaignId = mine[0]!.id;
    } else {
      throw refuse(actor);
    }
    for (const [i, need] of input.needs.entries()) {
      if (need.serviceItemId && !(await repo.serviceItemExists(tx, actor.streetId, need.serviceItemId))) {
        throw new AppError('validation_failed', {}, { fields: [{ field: `needs.${i}.serviceItemId`, key: 'unknown_reference' }] });
      }
    }
    const row = await repo.insertVisit(tx, {
      id: newId('vis'),
      streetId: actor.streetId,
      communityId: household.communityId,
      gridId: household.gridId,
      householdId: household.id,
      campaignId,
      visitorAccountId: actor.accountId,
      visitorPersonId: actor.personId,
      at,
      present: input.present,
      inquiries: input.inquiries,
      inquiriesAnswered: input.inquiries.filter((q) => q.answered).length,
      needs: input.needs.map((n) => ({
        ...(n.serviceItemId ? { serviceItemId: n.serviceItemId } : {}),
        description: n.description,
        demandId: null,
      })),
      createdAt: now,
    });
    if (input.present) await repo.completeVisitPlans(tx, household.id, at);
    return presentVisit(row, household.address, actor.name);
  });
}

/** Visits the caller may see, latest first: staff of the area, the campaign's team, and one's own. */
export async function listVisits(
  deps: Deps,
  actorOrNone: Actor | undefined,
  q: {
    gridId?: string | undefined;
    campaignId?: string | undefined;
    householdId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<{ items: Visit[]; nextCursor: string | null }> {
  const actor = requireActor(actorOrNone);
  const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
  return withTransaction(deps.db, async (tx) => {
    const visibility = hasRole(actor, 'street_admin')
      ? undefined
      : or(
          repo.visitVisibility.visitor(actor.accountId),
          repo.visitVisibility.communities(scopeIdsOf(actor, 'community_admin')),
          repo.visitVisibility.grids(scopeIdsOf(actor, 'grid_worker')),
        );
    const rows = await repo.listVisits(tx, {
      streetId: actor.streetId,
      visibility,
      gridId: q.gridId,
      campaignId: q.campaignId,
      householdId: q.householdId,
      after,
      limit: q.limit,
    });
    const page = pageFrom(rows, q.limit, (r) => [r.visit.at.toISOString(), r.visit.id]);
    return { items: page.items.map((r) => presentVisit(r.visit, r.address, r.visitorName)), nextCursor: page.nextCursor };
  });
}

/**
 * Turns a need found on a visit into a demand in one tap (channel visit), through the demands
 * module, by staff of the household's grid. The same need twice answers the same demand.
 * @throws unauthenticated | forbidden | not_found | validation_failed | conflict
 */
export async function needToDemand(
  deps: Deps,
  actorOrNone: Actor | undefined,
  visitId: string,
  index: number,
  body: { serviceItemId?: string | undefined; beneficiaryId?: string | undefined },
): Promise<{ visitId: string; index: number; demandId: string; created: boolean }> {
  const actor = requireActor(actorOrNone);
  const visit = await withTransaction(deps.db, async (tx) => {
    const v = await repo.findVisit(tx, actor.streetId, visitId);
    const canSee = v && (isStaffFor(actor, { communityId: v.communityId, gridId: v.gridId }) || v.visitorAccountId === actor.accountId);
    if (!v || !canSee) throw new AppError('not_found');
    if (!isStaffFor(actor, { communityId: v.communityId, gridId: v.gridId })) throw new AppError('forbidden');
    return v;
  });
  const need = visit.needs[index];
  if (!need) throw new AppError('not_found');
  if (need.demandId) return { visitId, index, demandId: need.demandId, created: false };
  const serviceItemId = body.serviceItemId ?? need.serviceItemId;
  if (!serviceItemId) throw new AppError('validation_failed', {}, { fields: [{ field: 'serviceItemId', key: 'required' }] });
  // A key of the need: a second tap (or a retry) answers the first demand instead of a new one.
  const key = crypto.createHash('sha256').update(`visit-need:${visit.id}:${index}`).digest('hex').slice(0, 32);
  const demand = await createDemand(
    deps,
    actor,
    {
      serviceItemId,
      description: need.description,
      gridId: visit.gridId,
      channel: 'visit',
      ...(body.beneficiaryId ? { beneficiaryId: body.beneficiaryId } : {}),
    },
    key,
  );
  await withTransaction(deps.db, async (tx) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const fresh = await repo.findVisit(tx, actor.streetId, visit.id);
      if (!fresh) throw new AppError('not_found');
      const needs = fresh.needs.map((n, i) => (i === index ? { ...n, demandId: n.demandId ?? demand.id } : n));
      if (await repo.updateVisitNeeds(tx, fresh.id, fresh.version, needs)) return;
    }
    throw new AppError('conflict');
  });
  return { visitId, index, demandId: demand.id, created: true };
}

/* ---------- coverage (DR-20) ---------- */

/**
 * Households of a grid with their last visit at which someone was home; overdue when none within
 * `cycleDays` (default 15). Staff of the grid and the team members of a campaign covering it today.
 * @throws unauthenticated | not_found | forbidden | validation_failed
 */
export async function gridCoverage(
  deps: Deps,
  actorOrNone: Actor | undefined,
  gridId: string,
  q: { cycleDays: number; overdue?: 'true' | 'false' | undefined; cursor?: string | undefined; limit: number },
): Promise<z.infer<typeof CoverageSchema>> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  const after = decodeCursor(q.cursor, 1) as [string] | undefined;
  return withTransaction(deps.db, async (tx) => {
    const [grid] = await repo.findGrids(tx, actor.streetId, [gridId]);
    if (!grid) throw new AppError('not_found');
    if (!isStaffFor(actor, { communityId: grid.communityId, gridId: grid.id })) {
      const myTeams = await teamsOf(tx, actor);
      const onCampaign = (await repo.activeCampaignsForGrid(tx, grid.id, streetDate(now))).some(
        (c) => c.teamId !== null && myTeams.includes(c.teamId),
      );
      if (!onCampaign) throw refuse(actor);
    }
    const cutoff = new Date(now.getTime() - q.cycleDays * DAY_MS);
    const rows = await repo.coverage(tx, grid.id, {
      after: after?.[0],
      limit: q.limit,
      overdueBefore: q.overdue === 'true' ? cutoff : undefined,
    });
    const page = pageFrom(rows, q.limit, (r) => [r.id]);
    const counts = (await repo.gridCounts(tx, [grid.id], cutoff)).get(grid.id) ?? { households: 0, visited: 0 };
    const items: CoverageItem[] = page.items.map((r) => ({
      householdId: r.id,
      householdLabel: maskAddress(r.address),
      lastVisitAt: isoOrNull(r.lastAt),
      overdue: r.lastAt === null || r.lastAt < cutoff,
    }));
    return {
      items,
      nextCursor: page.nextCursor,
      gridId: grid.id,
      cycleDays: q.cycleDays,
      households: counts.households,
      overdueCount: counts.households - counts.visited,
    };
  });
}
