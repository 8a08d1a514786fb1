import crypto from 'node:crypto';
import { or } from 'drizzle-orm';
import {
  maskName,
  type Demand,
  type DemandCreate,
  type DemandListItem,
  type DemandQuery,
  type DemandStatus,
  type NamedPerson,
} from '@duodi/contracts';
import { communitiesInView, hasRole, requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import { uniqueViolation } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { REWORK_STATUS, escalates, escalationDue, isOpen, nextStatus, slaDueAt, type EscalationLevel } from './demand-state.js';
import { detectEmergency } from './intake/detect-emergency.js';
import { detectFee } from './intake/detect-fee.js';
import * as repo from './demands.repository.js';
import { assertMayTake, canSee, isStaffFor, relationsTo, type ActorContext } from './demands.policy.js';
import { presentDemand, presentDemandListItem, presentNamedPerson } from './demands.presenter.js';
import { isOffIn } from './menu.repository.js';
import { applyOfferEffects, expireStaleOffers } from './offer-effects.service.js';
import { notifyDemandEscalated, notifyDemandTransition, notifyEmergency } from '../notifications/index.js';

const newId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;

/** A demand already past `assigned`: a lost race for it is `conflict`, not `invalid_transition` (STYLE.md). */
const PAST_ASSIGNED: readonly DemandStatus[] = ['accepted', 'in_service', 'completed', 'rated', 'closed'];

/** The caller's volunteer record, teams and led teams, for the policy. */
export async function actorContextOf(tx: Tx, actor: Actor): Promise<ActorContext> {
  const volunteer = await repo.volunteerOfPerson(tx, actor.personId);
  return {
    actor,
    volunteerId: volunteer?.id ?? null,
    memberTeamIds: volunteer?.teamIds ?? [],
    ledTeamCommunities: await repo.teamCommunities(tx, scopeIdsOf(actor, 'team_leader')),
  };
}

/* ---------- idempotency ---------- */

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

/**
 * Runs a write in one transaction under an optional Idempotency-Key (API.md): the same key with the
 * same request answers the first answer and changes nothing; with another request it is 409
 * idempotency_key_reused. Two requests with one key at once: the loser's insert of the key fails,
 * and its retry finds the winner's answer.
 */
export async function idempotent<T>(
  deps: Deps,
  actor: Actor,
  key: string | undefined,
  request: unknown,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const requestHash = crypto.createHash('sha256').update(canonical(request)).digest('hex');
  const attempt = () =>
    withTransaction(deps.db, async (tx) => {
      if (key) {
        const prior = await repo.findIdempotencyKey(tx, actor.accountId, key);
        if (prior) {
          if (prior.requestHash !== requestHash) throw new AppError('idempotency_key_reused');
          return JSON.parse(deps.crypto.decrypt((prior.response as { enc: string }).enc)) as T;
        }
      }
      const result = await work(tx);
      if (key) {
        // The answer may hold a beneficiary's phone (DR-21): stored encrypted like any sensitive field.
        const response = { enc: deps.crypto.encrypt(JSON.stringify(result)) };
        await repo.insertIdempotencyKey(tx, {
          accountId: actor.accountId,
          key,
          streetId: actor.streetId,
          requestHash,
          statusCode: 200,
          response,
        });
      }
      return result;
    });
  try {
    return await attempt();
  } catch (err) {
    if (key && uniqueViolation(err)?.startsWith('idempotency_keys')) return attempt();
    throw err;
  }
}

/* ---------- reading ---------- */

/**
 * The beneficiary as the caller may see them (DR-21): an accepted volunteer gets the phone and the
 * address from accept to close (a logged full view); staff of the place and the resident themselves
 * get the address and the masked phone; everyone else the masked name and phone only.
 */
async function beneficiaryView(
  deps: Deps,
  tx: Tx,
  ctx: ActorContext,
  demand: repo.DemandRow,
  relations: Set<string>,
): Promise<Demand['beneficiary']> {
  if (!demand.beneficiaryPersonId) return null;
  const found = await repo.findPerson(tx, demand.streetId, demand.beneficiaryPersonId);
  if (!found) return null;
  const { person, address } = found;
  const languages: ('bo' | 'zh')[] = person.nameBo ? ['bo', 'zh'] : ['zh'];
  const serving = relations.has('accepted_volunteer') && isOpen(demand.status);
  if (serving) {
    const phone = person.phoneEnc ? deps.crypto.decrypt(person.phoneEnc) : null;
    if (phone) {
      await repo.insertAccessLog(tx, {
        streetId: demand.streetId,
        actorAccountId: ctx.actor.accountId,
        personId: person.id,
        field: 'phone',
        purpose: `demand_service:${demand.id}`,
      });
    }
    return { id: person.id, name: person.name, phone, phoneMasked: person.phoneMasked, address, languages };
  }
  const staffOrSelf = isStaffFor(ctx.actor, demand) || relations.has('requester');
  return {
    id: person.id,
    name: staffOrSelf ? person.name : maskName(person.name),
    phone: null,
    phoneMasked: person.phoneMasked,
    address: staffOrSelf ? address : null,
    languages,
  };
}

/* ---------- names of volunteers and staff ---------- */

/** The teams whose members the caller sees in full beyond their communities (none needed for a street admin, who sees all). */
const nameViewerOf = (actor: Actor): repo.NameViewer =>
  communitiesInView(actor) === 'all'
    ? { ledTeamIds: [], adminCommunityIds: [] }
    : { ledTeamIds: scopeIdsOf(actor, 'team_leader'), adminCommunityIds: scopeIdsOf(actor, 'community_admin') };
/** Rows of the caller's street only, named as the caller may see them, by key. */
const namedBy = (rows: repo.NamedPersonRow[], actor: Actor): Map<string, NamedPerson> => {
  const inView = communitiesInView(actor);
  return new Map(rows.filter((r) => r.streetId === actor.streetId).map((r) => [r.key, presentNamedPerson(r, inView)]));
};

/**
 * Volunteers named as the caller may see them (presentNamedPerson: full or masked, with their
 * community), by volunteer id, in one query for the whole page; unknown ids are left out.
 */
export async function volunteerNamesFor(tx: Tx, actor: Actor, volunteerIds: readonly string[]): Promise<Map<string, NamedPerson>> {
  return namedBy(await repo.volunteerNames(tx, volunteerIds, nameViewerOf(actor)), actor);
}

export async function answer(deps: Deps, tx: Tx, ctx: ActorContext, demand: repo.DemandRow): Promise<Demand> {
  const volunteerIds = await repo.acceptedVolunteerIds(tx, demand.id);
  const relations = relationsTo(ctx, demand, volunteerIds);
  const [history, beneficiary, volunteers, actors] = await Promise.all([
    repo.historyOf(tx, demand.id),
    beneficiaryView(deps, tx, ctx, demand, relations),
    volunteerNamesFor(tx, ctx.actor, volunteerIds),
    repo.historyActorNames(tx, demand.id, nameViewerOf(ctx.actor)),
  ]);
  return presentDemand(demand, volunteerIds, history, beneficiary, deps.now(), { volunteers, actors: namedBy(actors, ctx.actor) });
}

/** A demand the caller may see, with how they stand to it. 404 outside their view. */
export async function visibleDemandFor(tx: Tx, ctx: ActorContext, id: string) {
  const demand = await repo.findDemand(tx, ctx.actor.streetId, id);
  if (!demand) throw new AppError('not_found');
  const accepted = await repo.acceptedVolunteerIds(tx, demand.id);
  const relations = relationsTo(ctx, demand, accepted);
  if (!canSee(ctx, demand, relations)) throw new AppError('not_found');
  return { demand, accepted, relations };
}

/**
 * One demand with its history; the beneficiary's contact as the caller may see it.
 * @throws unauthenticated | not_found
 */
export async function getDemand(deps: Deps, actorOrNone: Actor | undefined, id: string): Promise<Demand> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const ctx = await actorContextOf(tx, actor);
    const { demand } = await visibleDemandFor(tx, ctx, id);
    return answer(deps, tx, ctx, demand);
  });
}

/**
 * Demands the caller may see, newest first: street admin all; community admin their community;
 * grid worker their grid; team leader their teams' and the published ones they may claim; volunteer
 * their teams' and the ones they accepted; anyone the ones they ordered or that are for them.
 * @throws unauthenticated | validation_failed
 */
export async function listDemands(
  deps: Deps,
  actorOrNone: Actor | undefined,
  query: DemandQuery,
): Promise<{ items: DemandListItem[]; nextCursor: string | null }> {
  const actor = requireActor(actorOrNone);
  const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const now = deps.now();
  // Focus groups are sensitive (DR-21): only staff who manage residents filter by them.
  if (query.focusTag && !(['street_admin', 'community_admin', 'grid_worker'] as const).some((r) => hasRole(actor, r)))
    throw new AppError('forbidden');
  return withTransaction(deps.db, async (tx) => {
    const ctx = await actorContextOf(tx, actor);
    let visibility: ReturnType<typeof repo.visibility.person> | undefined;
    if (!hasRole(actor, 'street_admin')) {
      visibility = or(
        repo.visibility.person(actor.personId),
        repo.visibility.communities(scopeIdsOf(actor, 'community_admin')),
        repo.visibility.grids(scopeIdsOf(actor, 'grid_worker')),
        repo.visibility.teams([...scopeIdsOf(actor, 'team_leader'), ...ctx.memberTeamIds]),
        repo.visibility.publishedIn(ctx.ledTeamCommunities),
        ctx.volunteerId ? repo.visibility.acceptedBy(ctx.volunteerId) : undefined,
      );
    }
    const mine = query.mine === 'true' || query.mine === '1';
    const rows = await repo.listDemands(tx, {
      streetId: actor.streetId,
      visibility: mine ? repo.visibility.person(actor.personId) : visibility,
      status: query.status,
      communityId: query.communityId,
      gridId: query.gridId,
      teamId: query.teamId,
      urgency: query.urgency,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true' || query.overdue === '1',
      q: query.q,
      focusTagToken: query.focusTag ? deps.crypto.blindIndex('focus', query.focusTag) : undefined,
      now,
      after,
      limit: query.limit,
    });
    const page = pageFrom(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
    const volunteerIds = await repo.volunteerIdsOf(
      tx,
      page.items.map((r) => r.id),
    );
    return { items: page.items.map((r) => presentDemandListItem(r, volunteerIds.get(r.id) ?? [], now)), nextCursor: page.nextCursor };
  });
}

/* ---------- ordering ---------- */

/**
 * Orders a service (点单): a resident for themselves in their own grid, or staff of the grid (grid
 * worker, community admin, street admin) for a beneficiary there. Text that asks for payment is
 * accepted and flagged for review (DR-17). An emergency is refused with 110/119/120 guidance and
 * an alert for the grid (DR-19): it is not a volunteer service.
 * @throws unauthenticated | forbidden | not_found | validation_failed | emergency_not_volunteer_service | idempotency_key_reused
 */
export async function createDemand(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: DemandCreate,
  idempotencyKey?: string,
): Promise<Demand> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  const emergency = detectEmergency(input.description);
  if (emergency) {
    await withTransaction(deps.db, async (tx) => {
      const grid = await orderPlace(tx, actor, input);
      // The alert for the grid (DR-19); the notifications outbox will deliver it to the grid leader.
      await appendAudit(tx, {
        streetId: actor.streetId,
        actorAccountId: actor.accountId,
        action: 'demand.emergency_alert',
        entityType: 'grid',
        entityId: grid.id,
        newValue: {
          kind: emergency.kind,
          call: emergency.call,
          cues: emergency.cues,
          channel: input.channel ?? null,
          gridWorkerPersonId: grid.gridWorkerPersonId,
        },
      });
      await notifyEmergency(tx, {
        streetId: actor.streetId,
        gridId: grid.id,
        communityId: grid.communityId,
        call: emergency.call,
        actorAccountId: actor.accountId,
      });
    });
    throw new AppError('emergency_not_volunteer_service', { call: emergency.call, kind: emergency.kind });
  }
  return idempotent(deps, actor, idempotencyKey, { op: 'create', input }, async (tx) => {
    const grid = await orderPlace(tx, actor, input);
    const item = await repo.findServiceItem(tx, actor.streetId, input.serviceItemId);
    // An item the community switched off for itself cannot be ordered there (项目清单, menu.service.ts).
    if (!item || (await isOffIn(tx, actor.streetId, item.id, grid.communityId))) {
      throw new AppError('validation_failed', {}, { fields: [{ field: 'serviceItemId', key: 'unknown_reference' }] });
    }
    const staff = isStaffFor(actor, { communityId: grid.communityId, gridId: grid.id });
    const fee = detectFee(input.description);
    const urgency = input.urgency ?? 'normal';
    const preferredEnd = input.preferredEnd ? new Date(input.preferredEnd) : null;
    const demand = await repo.insertDemand(tx, {
      id: newId('dem'),
      streetId: actor.streetId,
      communityId: grid.communityId,
      gridId: grid.id,
      serviceItemId: item.id,
      description: input.description,
      requesterAccountId: actor.accountId,
      requesterPersonId: staff ? null : actor.personId,
      beneficiaryPersonId: staff ? (input.beneficiaryId ?? null) : actor.personId,
      channel: input.channel ?? (staff ? 'phone' : 'app'),
      urgency,
      status: 'submitted',
      volunteersNeeded: input.volunteersNeeded ?? item.volunteersNeeded,
      preferredStart: input.preferredStart ? new Date(input.preferredStart) : null,
      preferredEnd,
      slaDueAt: slaDueAt('submitted', urgency, now, preferredEnd),
      feeFlag: fee.length > 0,
      feeWords: fee,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertHistory(tx, {
      streetId: actor.streetId,
      demandId: demand.id,
      action: 'submit',
      fromStatus: null,
      toStatus: 'submitted',
      at: now,
      byAccountId: actor.accountId,
      note: fee.length > 0 ? 'fee_flag' : null,
    });
    return answer(deps, tx, await actorContextOf(tx, actor), demand);
  });
}

/**
 * The grid of an order and who may place it there: staff of the grid, or a resident in their own
 * grid for themselves. The beneficiary must live in that grid.
 */
async function orderPlace(tx: Tx, actor: Actor, input: DemandCreate) {
  const grid = await repo.findGrid(tx, actor.streetId, input.gridId);
  if (!grid) throw new AppError('not_found');
  if (isStaffFor(actor, { communityId: grid.communityId, gridId: grid.id })) {
    if (input.beneficiaryId) {
      const found = await repo.findPerson(tx, actor.streetId, input.beneficiaryId);
      if (!found || !found.person.gridId || !found.person.communityId) throw new AppError('not_found');
      if (!isStaffFor(actor, { communityId: found.person.communityId, gridId: found.person.gridId })) throw new AppError('not_found');
      if (found.person.gridId !== grid.id) {
        throw new AppError('validation_failed', {}, { fields: [{ field: 'beneficiaryId', key: 'household_not_in_grid' }] });
      }
    }
    return grid;
  }
  if (hasRole(actor, 'resident') && actor.homeGridId === grid.id && (!input.beneficiaryId || input.beneficiaryId === actor.personId))
    return grid;
  throw new AppError('forbidden');
}

/* ---------- transitions ---------- */

export type TransitionInput =
  | { action: 'publish' | 'accept' | 'start'; note?: string | undefined }
  | { action: 'reject' | 'cancel'; reason: string; note?: string | undefined }
  | { action: 'assign'; teamId: string; volunteerIds?: string[] | undefined; note?: string | undefined }
  | { action: 'complete'; minutes: number; summary: string; note?: string | undefined }
  | { action: 'rate'; score: number; comment?: string | undefined; note?: string | undefined }
  | { action: 'close'; followUp?: string | undefined; note?: string | undefined };

/** Lhasa date (UTC+8) of an instant, YYYY-MM-DD. */
const streetDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Moves a demand one step along its lifecycle (API.md) in one transaction with compare and set,
 * and records who did it in the history. Idempotent under an Idempotency-Key.
 * @throws unauthenticated | not_found | forbidden | invalid_transition | conflict | validation_failed | idempotency_key_reused
 */
export async function transitionDemand(
  deps: Deps,
  actorOrNone: Actor | undefined,
  demandId: string,
  input: TransitionInput,
  idempotencyKey?: string,
): Promise<Demand> {
  const actor = requireActor(actorOrNone);
  const { action } = input;
  try {
    return await transitionOnce(deps, actor, demandId, input, idempotencyKey);
  } catch (err) {
    // The same volunteer accepting twice at once: the (demand, volunteer) key decides.
    if (action === 'accept' && uniqueViolation(err)?.startsWith('demand_volunteers'))
      throw new AppError('conflict', { reason: 'already_accepted' });
    throw err;
  }
}

async function transitionOnce(
  deps: Deps,
  actor: Actor,
  demandId: string,
  input: TransitionInput,
  idempotencyKey?: string,
): Promise<Demand> {
  const { action } = input;
  return idempotent(deps, actor, idempotencyKey, { op: action, demandId, input }, async (tx) => {
    const now = deps.now();
    const ctx = await actorContextOf(tx, actor);
    const { demand, accepted, relations } = await visibleDemandFor(tx, ctx, demandId);
    assertMayTake(ctx, action, relations, input.action === 'assign' ? input.teamId : undefined);
    if (action === 'accept' && PAST_ASSIGNED.includes(demand.status)) throw new AppError('conflict', { reason: 'status_changed' });
    const to = nextStatus(demand.status, action, input.action === 'rate' ? { score: input.score, reworkCount: demand.reworkCount } : {});

    let updated: repo.DemandRow | undefined;
    let note = input.note ?? null;
    const cas = (set: Parameters<typeof repo.updateDemand>[1]['set']) =>
      repo.updateDemand(tx, { id: demand.id, fromStatus: demand.status, fromVersion: demand.version, set, now });
    const sla = slaDueAt(to, demand.urgency, now, demand.preferredEnd);

    switch (input.action) {
      case 'accept': {
        if (ctx.volunteerId === null) throw new AppError('forbidden');
        if (accepted.includes(ctx.volunteerId)) throw new AppError('conflict', { reason: 'already_accepted' });
        updated = await repo.takeSlot(tx, { id: demand.id, now, slaDueAt: slaDueAt('accepted', demand.urgency, now, demand.preferredEnd) });
        if (updated)
          await repo.insertDemandVolunteer(tx, {
            demandId: demand.id,
            volunteerId: ctx.volunteerId,
            streetId: demand.streetId,
            acceptedAt: now,
          });
        break;
      }
      case 'assign': {
        const team = await repo.findTeam(tx, actor.streetId, input.teamId);
        if (!team) throw new AppError('validation_failed', {}, { fields: [{ field: 'teamId', key: 'unknown_team' }] });
        if (team.communityId !== null && team.communityId !== demand.communityId) {
          throw new AppError('validation_failed', {}, { fields: [{ field: 'teamId', key: 'invalid_value' }] });
        }
        updated = await cas({ status: to, teamId: team.id, slaDueAt: sla });
        break;
      }
      case 'reject':
        updated = await cas({ status: to, rejectReason: input.reason, slaDueAt: null });
        note = input.note ? `${input.reason} — ${input.note}` : input.reason;
        break;
      case 'cancel':
        updated = await cas({ status: to, cancelReason: input.reason, slaDueAt: null });
        note = input.note ? `${input.reason} — ${input.note}` : input.reason;
        break;
      case 'complete': {
        updated = await cas({ status: to, slaDueAt: sla });
        if (updated) {
          const volunteerIds = await repo.acceptedVolunteerIds(tx, demand.id);
          const records = volunteerIds.map((volunteerId) => ({
            id: newId('sr'),
            streetId: demand.streetId,
            volunteerId,
            demandId: demand.id,
            teamId: demand.teamId,
            communityId: demand.communityId,
            servedOn: streetDate(now),
            content: input.summary,
            creditedMinutes: input.minutes,
            source: 'demand' as const,
            status: 'pending' as const,
            createdAt: now,
          }));
          await repo.insertServiceRecords(tx, records);
          for (const r of records) {
            await appendAudit(tx, {
              streetId: demand.streetId,
              actorAccountId: actor.accountId,
              action: 'service_record.create_pending',
              entityType: 'service_record',
              entityId: r.id,
              newValue: { volunteerId: r.volunteerId, demandId: demand.id, minutes: r.creditedMinutes },
            });
          }
        }
        break;
      }
      case 'rate': {
        const rework = to === REWORK_STATUS;
        updated = await cas({
          status: to,
          rating: input.score,
          ratingComment: input.comment ?? null,
          slaDueAt: sla,
          ...(rework ? { reworkCount: demand.reworkCount + 1 } : {}),
        });
        const parts = [`score ${input.score}`, rework ? 'rework (重办)' : null, input.note ?? null].filter(Boolean);
        note = parts.join(' — ');
        break;
      }
      case 'close':
        updated = await cas({ status: to, followUp: input.followUp ?? null, slaDueAt: null });
        break;
      default:
        updated = await cas({ status: to, slaDueAt: sla });
    }
    if (!updated) throw new AppError('conflict', { reason: 'status_changed' });
    // DR-16 offers: assign offers it to the chosen volunteers or the team, accept/cancel settle them (offers.service.ts).
    await applyOfferEffects(tx, {
      action,
      demand: updated,
      volunteerId: ctx.volunteerId,
      ...(input.action === 'assign' ? { assign: { teamId: input.teamId, volunteerIds: input.volunteerIds } } : {}),
      actorAccountId: actor.accountId,
      now,
    });
    await repo.insertHistory(tx, {
      streetId: demand.streetId,
      demandId: demand.id,
      action,
      fromStatus: demand.status,
      toStatus: updated.status,
      at: now,
      byAccountId: actor.accountId,
      note,
    });
    // The resident is told of the step, offered volunteers of an assignment (notifications outbox).
    const reason = input.action === 'reject' || input.action === 'cancel' ? input.reason : undefined;
    await notifyDemandTransition(tx, { demand: updated, action, fromStatus: demand.status, reason, actorAccountId: actor.accountId });
    return answer(deps, tx, ctx, updated);
  });
}

/**
 * DR-14 escalation job: each open demand past its deadline is escalated to the community, and more
 * than a day past it (urgent: 2 h) to the street, once per level and step; each escalation is a
 * history row (`escalate`, status unchanged, note = level) that staff lists and detail show. A demand
 * that moved on (new step, new deadline) since it was read is left alone. Safe to run repeatedly.
 * The notifications outbox (still to come) will tell the community and street admins. Offers older
 * than `offerTtlMs` (default 48 h) expire in the same run.
 */
export async function escalateOverdue(
  deps: Deps,
  options: { offerTtlMs?: number } = {},
): Promise<{ community: number; street: number; expiredOffers: number }> {
  const now = deps.now();
  const counts = { community: 0, street: 0, expiredOffers: 0 };
  await withTransaction(deps.db, async (tx) => {
    // Offers nobody answered in time lapse (DR-16); the leader sees them as expired.
    counts.expiredOffers = await expireStaleOffers(tx, now, options.offerTtlMs);
    for (const { demand, reached } of await repo.overdueDemands(tx, now)) {
      const due = escalationDue(demand.status, demand.urgency, demand.slaDueAt, now);
      if (!escalates(reached as EscalationLevel | null, due) || !due) continue;
      // Compare and set: lock the row and write only if it is still the step that was read.
      const current = await repo.findDemand(tx, demand.streetId, demand.id, true);
      if (!current || current.status !== demand.status || current.version !== demand.version) continue;
      // Another instance of the job may have escalated it meanwhile: read the level again under the lock.
      if (!escalates((await repo.reachedEscalation(tx, demand.id)) as EscalationLevel | null, due)) continue;
      await repo.insertHistory(tx, {
        streetId: demand.streetId,
        demandId: demand.id,
        action: 'escalate',
        fromStatus: demand.status,
        toStatus: demand.status,
        at: now,
        byAccountId: null,
        note: due,
      });
      await notifyDemandEscalated(tx, { demand: current, level: due });
      counts[due]++;
    }
  });
  return counts;
}
