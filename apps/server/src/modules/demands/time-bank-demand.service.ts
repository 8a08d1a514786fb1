import crypto from 'node:crypto';
import type { Tx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { slaDueAt } from './demand-state.js';
import * as repo from './demands.repository.js';
import { isOffIn } from './menu.repository.js';

export interface TimeBankDemandInput {
  streetId: string;
  serviceItemId: string;
  description: string;
  /** The coin holder who asked (their account and person). */
  requesterAccountId: string;
  requesterPersonId: string;
  /** Who is served: the holder or a registered relative; the demand lands in their grid. */
  beneficiaryPersonId: string;
  now: Date;
}

/**
 * Creates a `submitted` demand for a time-bank withdrawal (DR-13) IN THE CALLER'S TRANSACTION — the
 * timebank module freezes the coins in escrow in the same transaction, so either both happen or
 * neither. The demand then follows the ordinary dispatch flow (publish → assign → accept …).
 * @throws validation_failed (unknown or switched-off service item, beneficiary without a grid)
 */
export async function createTimeBankDemand(
  tx: Tx,
  input: TimeBankDemandInput,
): Promise<{ id: string; communityId: string; gridId: string }> {
  const found = await repo.findPerson(tx, input.streetId, input.beneficiaryPersonId);
  const gridId = found?.person.gridId;
  const communityId = found?.person.communityId;
  if (!gridId || !communityId) {
    throw new AppError('validation_failed', {}, { fields: [{ field: 'beneficiaryPersonId', key: 'unknown_reference' }] });
  }
  const item = await repo.findServiceItem(tx, input.streetId, input.serviceItemId);
  if (!item || !item.active || (await isOffIn(tx, input.streetId, item.id, communityId))) {
    throw new AppError('validation_failed', {}, { fields: [{ field: 'serviceItemId', key: 'unknown_reference' }] });
  }
  const demand = await repo.insertDemand(tx, {
    id: `dem_${crypto.randomUUID()}`,
    streetId: input.streetId,
    communityId,
    gridId,
    serviceItemId: item.id,
    description: input.description,
    requesterAccountId: input.requesterAccountId,
    requesterPersonId: input.requesterPersonId,
    beneficiaryPersonId: input.beneficiaryPersonId,
    channel: 'app',
    urgency: 'normal',
    status: 'submitted',
    volunteersNeeded: item.volunteersNeeded,
    slaDueAt: slaDueAt('submitted', 'normal', input.now, null),
    createdAt: input.now,
    updatedAt: input.now,
  });
  await repo.insertHistory(tx, {
    streetId: input.streetId,
    demandId: demand.id,
    action: 'submit',
    fromStatus: null,
    toStatus: 'submitted',
    at: input.now,
    byAccountId: input.requesterAccountId,
    note: 'time_bank_withdrawal',
  });
  return { id: demand.id, communityId, gridId };
}

/** The volunteers who accepted a demand, and its status (for releasing escrowed coins). */
export async function demandServiceState(
  tx: Tx,
  streetId: string,
  demandId: string,
): Promise<{ status: string; volunteerIds: string[] } | undefined> {
  const demand = await repo.findDemand(tx, streetId, demandId);
  if (!demand) return undefined;
  return { status: demand.status, volunteerIds: await repo.acceptedVolunteerIds(tx, demandId) };
}
