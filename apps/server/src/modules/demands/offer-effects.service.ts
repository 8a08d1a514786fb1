// What transitions and dispatch plans do to the offers of a demand (DR-16). Repository calls only,
// inside the caller's transaction; demands.service.ts and offers.service.ts both use it.
import crypto from 'node:crypto';
import type { Tx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './demands.repository.js';
import * as offersRepo from './offers.repository.js';
import { forgetDynamicFacts } from './volunteer-facts-cache.js';

const newId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;
const HOUR = 3_600_000;

/** An offer not answered within this time expires (escalation job); `escalateOverdue(deps, { offerTtlMs })` overrides it. */
export const DEFAULT_OFFER_TTL_MS = 48 * HOUR;

/**
 * Offers an assigned demand to `volunteerIds` (members of the team) or, without them, to every
 * active member of the team (DR-16: an offer, nobody is force-assigned). Volunteers who already
 * accepted it or hold an open offer of it are skipped. A chosen volunteer who is not an active member
 * is 400 (`field`). Returns the newly offered volunteer ids.
 * @throws validation_failed
 */
export async function offerToTeam(
  tx: Tx,
  input: { demand: repo.DemandRow; teamId: string; volunteerIds?: readonly string[] | undefined; actorAccountId: string; planId?: string | null; now: Date; field?: string },
): Promise<string[]> {
  const members = await offersRepo.activeMembersOf(tx, input.teamId);
  if (input.volunteerIds) {
    const memberSet = new Set(members);
    const outside = input.volunteerIds.filter((v) => !memberSet.has(v));
    if (outside.length) throw new AppError('validation_failed', {}, { fields: [{ field: input.field ?? 'volunteerIds', key: 'dispatch_not_team_member' }] });
  }
  const skip = new Set([...(await repo.acceptedVolunteerIds(tx, input.demand.id)), ...(await offersRepo.openOfferVolunteers(tx, input.demand.id))]);
  const chosen = (input.volunteerIds ?? members).filter((v) => !skip.has(v));
  await offersRepo.insertOffers(
    tx,
    chosen.map((volunteerId) => ({
      id: newId('ofr'),
      streetId: input.demand.streetId,
      demandId: input.demand.id,
      volunteerId,
      teamId: input.teamId,
      status: 'offered' as const,
      planId: input.planId ?? null,
      offeredByAccountId: input.actorAccountId,
      createdAt: input.now,
    })),
  );
  return chosen;
}

/**
 * What a transition does to the offers (called by transitionDemand inside its transaction):
 * assign offers the demand to the chosen volunteers or the whole team; accept marks the
 * volunteer's offer accepted and, once the demand is filled, withdraws the other open offers;
 * cancel withdraws the open offers.
 */
export async function applyOfferEffects(
  tx: Tx,
  input: { action: string; demand: repo.DemandRow; volunteerId: string | null; assign?: { teamId: string; volunteerIds?: readonly string[] | undefined }; actorAccountId: string; now: Date },
): Promise<void> {
  const { demand, now } = input;
  // Work, ratings or no-shows may change with any step: the ranking reads them again.
  forgetDynamicFacts();
  if (input.action === 'assign' && input.assign) {
    await offerToTeam(tx, { demand, teamId: input.assign.teamId, volunteerIds: input.assign.volunteerIds, actorAccountId: input.actorAccountId, now });
  } else if (input.action === 'accept' && input.volunteerId) {
    await offersRepo.markAccepted(tx, demand.id, input.volunteerId, now);
    if (demand.status !== 'assigned') await offersRepo.withdrawOpen(tx, demand.id, now);
  } else if (input.action === 'cancel' || input.action === 'reject') {
    await offersRepo.withdrawOpen(tx, demand.id, now);
  }
}

/** Expires offers older than `ttlMs` (run by the escalation job). */
export async function expireStaleOffers(tx: Tx, now: Date, ttlMs: number = DEFAULT_OFFER_TTL_MS): Promise<number> {
  return offersRepo.expireOffers(tx, new Date(now.getTime() - ttlMs), now);
}

