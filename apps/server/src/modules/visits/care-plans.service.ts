import { or } from 'drizzle-orm';
import { maskName, type CarePlan, type CarePlanCreate, type CarePlanUpdate } from '@duodi/contracts';
import { hasRole, requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { isoOrNull, isoWithOffset } from '../../platform/http/time.js';
import { actorOfAccount } from '../accounts/index.js';
import { createDemand } from '../demands/index.js';
import { notify } from '../notifications/index.js';
import * as repo from './visits.repository.js';
import { isStaffFor, newId, streetDate } from './visits.service.js';

const DAY_MS = 86_400_000;
/** A visit is missed when not done within a day after it was due. */
export const MISSED_AFTER_MS = DAY_MS;
const BATCH = 200;

function presentPlan(p: repo.CarePlanRow, residentName: string, now: Date): CarePlan {
  return {
    id: p.id,
    residentId: p.residentPersonId,
    residentName,
    householdId: p.householdId,
    gridId: p.gridId,
    kind: p.kind,
    everyDays: p.everyDays,
    serviceItemId: p.serviceItemId,
    nextDueAt: isoWithOffset(p.nextDueAt),
    due: p.nextDueAt <= now,
    lastDoneAt: isoOrNull(p.lastDoneAt),
    lastDemandId: p.lastDemandId,
    missedCount: p.missedCount,
    lastMissedAt: isoOrNull(p.lastMissedAt),
    active: p.active,
  };
}

/**
 * A recurring care plan for a resident (an elderly person living alone: a visit every 7 days), by
 * the grid worker of their grid or their community's admin. A visit plan is first due `everyDays`
 * after the last visit with someone home (now when never visited); a demand plan is due now.
 * @throws unauthenticated | forbidden | not_found | validation_failed
 */
export async function createCarePlan(deps: Deps, actorOrNone: Actor | undefined, input: CarePlanCreate): Promise<CarePlan> {
  const actor = requireActor(actorOrNone);
  if (!hasRole(actor, 'grid_worker') && !hasRole(actor, 'community_admin')) throw new AppError('forbidden');
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const resident = await repo.findResident(tx, actor.streetId, input.residentId);
    if (!resident || !resident.gridId || !resident.communityId) throw new AppError('not_found');
    const inScope =
      scopeIdsOf(actor, 'grid_worker').includes(resident.gridId) || scopeIdsOf(actor, 'community_admin').includes(resident.communityId);
    if (!inScope) throw new AppError('not_found');
    if (input.serviceItemId && !(await repo.serviceItemExists(tx, actor.streetId, input.serviceItemId))) {
      throw new AppError('validation_failed', {}, { fields: [{ field: 'serviceItemId', key: 'unknown_reference' }] });
    }
    let nextDueAt = now;
    if (input.kind === 'visit' && resident.householdId) {
      const last = await repo.lastPresentVisit(tx, resident.householdId);
      if (last) nextDueAt = new Date(Math.max(now.getTime(), last.getTime() + input.everyDays * DAY_MS));
    }
    const row = await repo.insertCarePlan(tx, {
      id: newId('cpl'),
      streetId: actor.streetId,
      communityId: resident.communityId,
      gridId: resident.gridId,
      householdId: resident.householdId,
      residentPersonId: resident.id,
      kind: input.kind,
      everyDays: input.everyDays,
      serviceItemId: input.serviceItemId ?? null,
      nextDueAt,
      createdByAccountId: actor.accountId,
      createdAt: now,
    });
    return presentPlan(row, resident.name, now);
  });
}

/**
 * Care plans of the caller's area (grid worker: their grids; community admin: their community;
 * street admin: all) with next due and missed visits. A `gridId` outside the area is 404.
 * @throws unauthenticated | forbidden | not_found | validation_failed
 */
export async function listCarePlans(
  deps: Deps,
  actorOrNone: Actor | undefined,
  q: { gridId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: CarePlan[]; nextCursor: string | null }> {
  const actor = requireActor(actorOrNone);
  if (!hasRole(actor, 'street_admin') && !hasRole(actor, 'community_admin') && !hasRole(actor, 'grid_worker'))
    throw new AppError('forbidden');
  const after = decodeCursor(q.cursor, 1) as [string] | undefined;
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    if (q.gridId) {
      const [grid] = await repo.findGrids(tx, actor.streetId, [q.gridId]);
      if (!grid || !isStaffFor(actor, { communityId: grid.communityId, gridId: grid.id })) throw new AppError('not_found');
    }
    const visibility = hasRole(actor, 'street_admin')
      ? undefined
      : or(
          repo.carePlanVisibility.communities(scopeIdsOf(actor, 'community_admin')),
          repo.carePlanVisibility.grids(scopeIdsOf(actor, 'grid_worker')),
        );
    const rows = await repo.listCarePlans(tx, {
      streetId: actor.streetId,
      visibility,
      gridId: q.gridId,
      after: after?.[0],
      limit: q.limit,
    });
    const page = pageFrom(rows, q.limit, (r) => [r.plan.id]);
    // Lists mask names (DR-21); the grid's staff know their residents by the masked name and the household.
    return { items: page.items.map((r) => presentPlan(r.plan, maskName(r.residentName), now)), nextCursor: page.nextCursor };
  });
}

/**
 * Pauses (`active: false`) or resumes a plan: the grid worker of its grid, its community's admin or
 * the street admin; staff of another area 404, other roles 403. A paused plan is skipped by the job
 * (no reminders, no demands, nothing counted missed); resuming makes it due from now on at the
 * latest, so the weeks of the pause never count as missed. Compare and set on the plan's version.
 * @throws unauthenticated | forbidden | not_found | conflict
 */
export async function updateCarePlan(deps: Deps, actorOrNone: Actor | undefined, id: string, input: CarePlanUpdate): Promise<CarePlan> {
  const actor = requireActor(actorOrNone);
  const staff = hasRole(actor, 'street_admin') || hasRole(actor, 'community_admin') || hasRole(actor, 'grid_worker');
  if (!staff) throw new AppError('forbidden');
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const found = await repo.findCarePlan(tx, actor.streetId, id);
    if (!found || !isStaffFor(actor, { communityId: found.plan.communityId, gridId: found.plan.gridId })) throw new AppError('not_found');
    const { plan } = found;
    if (plan.active !== input.active) {
      const set: Partial<repo.CarePlanRow> = { active: input.active };
      if (input.active && plan.nextDueAt < now) set.nextDueAt = now;
      if (!(await repo.updateCarePlan(tx, plan.id, plan.version, set))) throw new AppError('conflict', { reason: 'status_changed' });
    }
    const after = await repo.findCarePlan(tx, actor.streetId, id);
    return presentPlan(after!.plan, maskName(after!.residentName), now);
  });
}

/** The next due date after `from` keeping the plan's rhythm: the first one later than `now`. */
function nextAfter(from: Date, everyDays: number, now: Date): Date {
  const step = everyDays * DAY_MS;
  const k = Math.max(1, Math.floor((now.getTime() - from.getTime()) / step) + 1);
  return new Date(from.getTime() + k * step);
}

/**
 * The care-plan job. Demand plans that are due create their demand (channel visit) through the
 * demands module, acting for the account that set up the plan. Visit plans that are due tell the
 * grid workers of the grid once per due date (the visit task); a visit plan not done a day after its
 * due date is flagged missed (missed count, last missed) and moves to its next due date.
 */
export async function runCarePlans(
  deps: Deps,
  now: Date,
): Promise<{ demands: number; reminded: number; missed: number; failed: string[] }> {
  const due = await withTransaction(deps.db, (tx) => repo.duePlans(tx, now, BATCH));
  const out = { demands: 0, reminded: 0, missed: 0, failed: [] as string[] };
  for (const plan of due) {
    try {
      await runPlan(deps, plan, now, out);
    } catch (err) {
      // One plan whose creator lost their role (or whose item was withdrawn) must not stop the others.
      if (!(err instanceof AppError)) throw err;
      out.failed.push(plan.id);
    }
  }
  return out;
}

async function runPlan(
  deps: Deps,
  plan: repo.CarePlanRow,
  now: Date,
  out: { demands: number; reminded: number; missed: number },
): Promise<void> {
  if (plan.kind === 'demand') {
    const actor = await withTransaction(deps.db, (tx) => actorOfAccount(tx, plan.createdByAccountId));
    const key = `care-plan:${plan.id}:${plan.nextDueAt.toISOString()}`.slice(0, 120);
    const demand = await createDemand(
      { ...deps, now: () => now },
      actor,
      {
        serviceItemId: plan.serviceItemId!,
        description: `定期关爱计划 · care plan (${streetDate(plan.nextDueAt)})`,
        gridId: plan.gridId,
        beneficiaryId: plan.residentPersonId,
        channel: 'visit',
      },
      key,
    );
    const done = await withTransaction(deps.db, (tx) =>
      repo.updateCarePlan(tx, plan.id, plan.version, {
        lastDemandId: demand.id,
        lastDoneAt: now,
        nextDueAt: nextAfter(plan.nextDueAt, plan.everyDays, now),
      }),
    );
    if (done) out.demands++;
    return;
  }
  await withTransaction(deps.db, async (tx) => {
    if (plan.nextDueAt.getTime() + MISSED_AFTER_MS < now.getTime()) {
      const ok = await repo.updateCarePlan(tx, plan.id, plan.version, {
        missedCount: plan.missedCount + 1,
        lastMissedAt: now,
        nextDueAt: nextAfter(plan.nextDueAt, plan.everyDays, now),
      });
      if (!ok) return;
      await notify(tx, {
        streetId: plan.streetId,
        recipientAccountIds: await repo.gridWorkerAccounts(tx, plan.gridId),
        kind: 'care_plan.missed',
        params: { due: streetDate(plan.nextDueAt), every: plan.everyDays },
        link: '/care-plans',
        refType: 'care_plan',
        refId: plan.id,
      });
      out.missed++;
      return;
    }
    if (plan.dueNotifiedFor && plan.dueNotifiedFor.getTime() === plan.nextDueAt.getTime()) return;
    if (!(await repo.updateCarePlan(tx, plan.id, plan.version, { dueNotifiedFor: plan.nextDueAt }))) return;
    await notify(tx, {
      streetId: plan.streetId,
      recipientAccountIds: await repo.gridWorkerAccounts(tx, plan.gridId),
      kind: 'care_plan.due',
      params: { due: streetDate(plan.nextDueAt), every: plan.everyDays },
      link: '/care-plans',
      refType: 'care_plan',
      refId: plan.id,
    });
    out.reminded++;
  });
}
