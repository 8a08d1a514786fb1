import type { Tx } from '../../platform/db/client.js';
import * as repo from './demand-events.repository.js';
import { notify } from './notify.service.js';

// Who is told what about a demand (called by modules/demands inside its transactions):
// - the resident (the requester's and the beneficiary's accounts) of each step;
// - the volunteers holding an open offer when a demand is assigned to their team (DR-16);
// - staff of escalations (DR-14): community admins of the demand's community, and street admins at street level;
// - the grid worker (网格长) of an emergency at once (DR-19).
// The one who acted is not told of their own action.

/** The fields of a demand row these notifications read. */
export interface DemandFacts {
  id: string;
  streetId: string;
  communityId: string;
  gridId: string;
  serviceItemId: string;
  requesterPersonId: string | null;
  beneficiaryPersonId: string | null;
  teamId: string | null;
  status: string;
}

const STEP_OF_ACTION: Readonly<Record<string, string>> = {
  publish: 'published',
  reject: 'rejected',
  assign: 'assigned',
  accept: 'accepted',
  start: 'in_service',
  complete: 'completed',
  close: 'closed',
  cancel: 'cancelled',
};

/** The resident-facing step of a transition: `rate` only tells of rework (重办); a multi-volunteer accept that leaves it `assigned` tells nothing. */
export function demandStepOf(action: string, fromStatus: string, toStatus: string): string | undefined {
  if (action === 'rate') return toStatus !== 'rated' && toStatus !== 'closed' ? 'rework' : undefined;
  if (action === 'accept' && toStatus !== 'accepted') return undefined;
  if (fromStatus === toStatus) return undefined;
  return STEP_OF_ACTION[action];
}

type Params = Record<string, string | number>;

async function namesOf(tx: Tx, demand: DemandFacts): Promise<Params> {
  const n = await repo.demandNames(tx, demand);
  if (!n) return {};
  const params: Params = { service: n.service, community: n.community };
  if (n.serviceBo) params['service.bo'] = n.serviceBo;
  if (n.serviceEn) params['service.en'] = n.serviceEn;
  if (n.communityBo) params['community.bo'] = n.communityBo;
  if (n.communityEn) params['community.en'] = n.communityEn;
  if (n.team) params.team = n.team;
  if (n.teamBo) params['team.bo'] = n.teamBo;
  if (n.teamEn) params['team.en'] = n.teamEn;
  return params;
}

const others = (accountIds: string[], actorAccountId: string | null) => accountIds.filter((id) => id !== actorAccountId);

/**
 * After a transition: tells the resident of the step, and on `assign` the volunteers offered the
 * demand (`offeredVolunteerIds` when the caller knows the new offers, else every open offer).
 * Call it after the demand row and its offers were written, in the same transaction.
 */
export async function notifyDemandTransition(
  tx: Tx,
  input: { demand: DemandFacts; action: string; fromStatus: string; reason?: string | undefined; actorAccountId: string | null; offeredVolunteerIds?: readonly string[] },
): Promise<void> {
  const { demand } = input;
  const step = demandStepOf(input.action, input.fromStatus, demand.status);
  const offered =
    input.action === 'assign'
      ? others(
          input.offeredVolunteerIds ? await repo.accountsOfVolunteers(tx, input.offeredVolunteerIds) : await repo.accountsOfOfferedVolunteers(tx, demand.id),
          input.actorAccountId,
        )
      : [];
  const personIds = [demand.requesterPersonId, demand.beneficiaryPersonId].filter((p): p is string => p !== null);
  const residents = step ? others(await repo.accountsOfPersons(tx, personIds), input.actorAccountId) : [];
  if (!residents.length && !offered.length) return;
  const params = await namesOf(tx, demand);
  if (input.reason !== undefined) params.reason = input.reason;
  if (step && residents.length) {
    await notify(tx, { streetId: demand.streetId, recipientAccountIds: residents, kind: `demand.status.${step}`, params, link: `/orders/${demand.id}`, refType: 'demand', refId: demand.id });
  }
  if (offered.length) {
    await notify(tx, { streetId: demand.streetId, recipientAccountIds: offered, kind: 'demand.offer', params, link: '/offers', refType: 'demand', refId: demand.id });
  }
}

/**
 * Tells volunteers (volunteers.id) of new offers of a demand made outside a transition, e.g. by a
 * dispatch plan for a demand already assigned. Call it after the offers were written.
 */
export async function notifyDemandOffered(tx: Tx, input: { demand: DemandFacts; volunteerIds: readonly string[]; actorAccountId: string | null }): Promise<void> {
  const offered = others(await repo.accountsOfVolunteers(tx, input.volunteerIds), input.actorAccountId);
  if (!offered.length) return;
  await notify(tx, { streetId: input.demand.streetId, recipientAccountIds: offered, kind: 'demand.offer', params: await namesOf(tx, input.demand), link: '/offers', refType: 'demand', refId: input.demand.id });
}

/** DR-14: an overdue demand escalated to the community (its admins) or the street (street admins and the community's admins). */
export async function notifyDemandEscalated(tx: Tx, input: { demand: DemandFacts; level: 'community' | 'street' }): Promise<void> {
  const { demand, level } = input;
  const recipients = await repo.accountsWithRole(tx, demand.streetId, 'community_admin', 'community', demand.communityId);
  if (level === 'street') recipients.push(...(await repo.accountsWithRole(tx, demand.streetId, 'street_admin', 'street', demand.streetId)));
  if (!recipients.length) return;
  await notify(tx, {
    streetId: demand.streetId,
    recipientAccountIds: recipients,
    kind: `demand.escalated.${level}`,
    params: await namesOf(tx, demand),
    link: `/admin/demands/${demand.id}`,
    refType: 'demand',
    refId: demand.id,
  });
}

/**
 * DR-19: an emergency reported in a grid (no demand is created): the grid worker (网格长) is told at
 * once; a grid without one falls back to the community's admins.
 */
export async function notifyEmergency(tx: Tx, input: { streetId: string; gridId: string; communityId: string; call: string; actorAccountId: string | null }): Promise<void> {
  let recipients = others(await repo.gridWorkerAccounts(tx, input.streetId, input.gridId), input.actorAccountId);
  if (!recipients.length) recipients = others(await repo.accountsWithRole(tx, input.streetId, 'community_admin', 'community', input.communityId), input.actorAccountId);
  if (!recipients.length) return;
  const grid = await repo.gridNames(tx, input.streetId, input.gridId);
  const params: Params = { call: input.call, grid: grid?.name ?? input.gridId };
  if (grid?.nameBo) params['grid.bo'] = grid.nameBo;
  await notify(tx, { streetId: input.streetId, recipientAccountIds: recipients, kind: 'demand.emergency', params, link: '/grid-orders', refType: 'grid', refId: input.gridId });
}
