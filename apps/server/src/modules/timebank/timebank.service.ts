import crypto from 'node:crypto';
import {
  maskName,
  type FamilyRelationBody,
  type TimeBankDonationBody,
  type TimeBankMove,
  type TimeBankRelative,
  type TimeBankTransferBody,
  type TimeBankWithdrawal,
  type TimeBankWithdrawalBody,
} from '@duodi/contracts';
import { hasRole, requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { isoOrNull, isoWithOffset } from '../../platform/http/time.js';
import { createTimeBankDemand, demandServiceState } from '../demands/index.js';
import { balanceOf, personAccountId, systemAccountId, transfer } from '../ledger/index.js';
import { notify } from '../notifications/index.js';
import { rulesOf } from '../records/index.js';
import * as repo from './timebank.repository.js';

const newId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;
/** Without an Idempotency-Key every request is new; with one, the ledger answers a retry with the first transfer. */
const keyOf = (prefix: string, actor: Actor, key: string | undefined) => `${prefix}:${actor.accountId}:${key ?? crypto.randomUUID()}`;
const INVERSE: Record<string, TimeBankRelative['relation']> = {
  spouse: 'spouse',
  parent: 'child',
  child: 'parent',
  grandparent: 'grandchild',
  grandchild: 'grandparent',
  sibling: 'sibling',
};

/** Age in whole years at `now` (street time); from the birth date, else the birth year; null when unknown. */
export function ageAt(person: { birthDate: string | null; birthYear: number | null }, now: Date): number | null {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const y = local.getUTCFullYear();
  if (person.birthDate) {
    const [by, bm, bd] = person.birthDate.split('-').map(Number) as [number, number, number];
    const beforeBirthday = local.getUTCMonth() + 1 < bm || (local.getUTCMonth() + 1 === bm && local.getUTCDate() < bd);
    return y - by - (beforeBirthday ? 1 : 0);
  }
  return person.birthYear ? y - person.birthYear : null;
}

async function me(tx: Tx, actor: Actor): Promise<repo.PersonRow> {
  const p = await repo.findPerson(tx, actor.streetId, actor.personId);
  if (!p) throw new AppError('not_found');
  return p;
}

/**
 * DR-13 relation check: the other person is a relative recorded by community staff and lives in the
 * same household. Anything else (unknown person included) is 422 not_a_relative.
 */
async function assertRelative(tx: Tx, streetId: string, self: repo.PersonRow, otherId: string): Promise<repo.PersonRow> {
  const other = await repo.findPerson(tx, streetId, otherId);
  if (!other || other.id === self.id || !self.householdId || self.householdId !== other.householdId) throw new AppError('not_a_relative');
  if (!(await repo.findRelation(tx, self.id, other.id))) throw new AppError('not_a_relative');
  return other;
}

/** The caller's registered relatives in the same household (transfer and withdrawal targets). */
export async function listRelatives(deps: Deps, actorOrNone: Actor | undefined): Promise<{ items: TimeBankRelative[]; nextCursor: null }> {
  const actor = requireActor(actorOrNone);
  const self = await me(deps.db, actor);
  const rows = await repo.relativesOf(deps.db, actor.personId);
  const items = rows
    .filter((r) => self.householdId !== null && r.householdId === self.householdId)
    .map((r) => ({
      personId: r.personId,
      name: r.name,
      relation: (r.mine ? r.relation : INVERSE[r.relation]) as TimeBankRelative['relation'],
    }));
  return { items, nextCursor: null };
}

/**
 * Community staff record a relation after checking the household register (户口簿): the street admin,
 * or the community admin of the person's community. Both must live in the same household.
 * @throws forbidden | not_found | validation_failed
 */
export async function recordRelation(deps: Deps, actorOrNone: Actor | undefined, input: FamilyRelationBody): Promise<TimeBankRelative> {
  const actor = requireActor(actorOrNone);
  if (!hasRole(actor, 'street_admin') && !hasRole(actor, 'community_admin')) throw new AppError('forbidden');
  return withTransaction(deps.db, async (tx) => {
    const person = await repo.findPerson(tx, actor.streetId, input.personId);
    const relative = await repo.findPerson(tx, actor.streetId, input.relativePersonId);
    const inScope = (p: repo.PersonRow | undefined) =>
      p && (hasRole(actor, 'street_admin') || (p.communityId !== null && scopeIdsOf(actor, 'community_admin').includes(p.communityId)));
    if (!inScope(person) || !inScope(relative)) throw new AppError('not_found');
    if (!person!.householdId || person!.householdId !== relative!.householdId) {
      throw new AppError('validation_failed', {}, { fields: [{ field: 'relativePersonId', key: 'not_same_household' }] });
    }
    if (await repo.findRelation(tx, person!.id, relative!.id)) throw new AppError('conflict');
    await repo.insertRelation(tx, {
      streetId: actor.streetId,
      personId: person!.id,
      relativePersonId: relative!.id,
      relation: input.relation,
      recordedByAccountId: actor.accountId,
      createdAt: deps.now(),
    });
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'time_bank.relation_record',
      entityType: 'person',
      entityId: person!.id,
      newValue: { relativePersonId: relative!.id, relation: input.relation },
    });
    return { personId: relative!.id, name: maskName(relative!.name), relation: input.relation };
  });
}

/**
 * Gives coins to a registered relative of the same household (DR-13). Accepts Idempotency-Key.
 * @throws not_a_relative | insufficient_balance | idempotency_key_reused
 */
export async function transferToRelative(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: TimeBankTransferBody,
  key: string | undefined,
): Promise<TimeBankMove> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const self = await me(tx, actor);
    const other = await assertRelative(tx, actor.streetId, self, input.toPersonId);
    const from = await personAccountId(tx, actor.streetId, self.id, 'time_bank');
    const moved = await transfer(tx, {
      streetId: actor.streetId,
      currency: 'time_bank',
      fromAccountId: from,
      toAccountId: await personAccountId(tx, actor.streetId, other.id, 'time_bank'),
      amount: input.minutes,
      idempotencyKey: keyOf('tbg', actor, key),
      kind: 'gift_out',
      refType: 'person',
      refId: other.id,
      actorAccountId: actor.accountId,
    });
    if (!moved.replayed) {
      await notify(tx, {
        streetId: actor.streetId,
        recipientAccountIds: await repo.accountIdsOfPerson(tx, other.id),
        kind: 'time_bank.received',
        params: { name: self.name, hours: Math.round(input.minutes / 6) / 10 },
        link: '/time-bank',
        refType: 'ledger_transfer',
        refId: moved.transferId,
      });
    }
    return { transferId: moved.transferId, minutes: input.minutes, balance: await balanceOf(tx, from) };
  });
}

/** Gives coins to the street's public pool. Accepts Idempotency-Key. @throws insufficient_balance | idempotency_key_reused */
export async function donate(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: TimeBankDonationBody,
  key: string | undefined,
): Promise<TimeBankMove> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const from = await personAccountId(tx, actor.streetId, actor.personId, 'time_bank');
    const moved = await transfer(tx, {
      streetId: actor.streetId,
      currency: 'time_bank',
      fromAccountId: from,
      toAccountId: await systemAccountId(tx, actor.streetId, 'donation_pool', 'time_bank'),
      amount: input.minutes,
      idempotencyKey: keyOf('tbd', actor, key),
      kind: 'donation',
      actorAccountId: actor.accountId,
    });
    return { transferId: moved.transferId, minutes: input.minutes, balance: await balanceOf(tx, from) };
  });
}

function presentWithdrawal(w: repo.WithdrawalRow): TimeBankWithdrawal {
  return {
    id: w.id,
    status: w.status,
    minutes: w.minutes,
    holderPersonId: w.holderPersonId,
    beneficiaryPersonId: w.beneficiaryPersonId,
    serviceItemId: w.serviceItemId,
    description: w.description,
    demandId: w.demandId,
    servingVolunteerId: w.servingVolunteerId,
    expiresAt: isoWithOffset(w.expiresAt),
    settledAt: isoOrNull(w.settledAt),
    createdAt: isoWithOffset(w.createdAt),
  };
}

/**
 * Spends coins on a service for the holder or a registered relative (DR-13): allowed when one of
 * them is at least the street's withdraw_min_age (default 60). The coins are frozen in escrow and a
 * demand enters the dispatch flow, in one transaction. Accepts Idempotency-Key.
 * @throws below_withdraw_age | not_a_relative | insufficient_balance | validation_failed | idempotency_key_reused
 */
export async function requestWithdrawal(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: TimeBankWithdrawalBody,
  key: string | undefined,
): Promise<TimeBankWithdrawal> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const self = await me(tx, actor);
    const beneficiary =
      input.beneficiaryPersonId && input.beneficiaryPersonId !== self.id
        ? await assertRelative(tx, actor.streetId, self, input.beneficiaryPersonId)
        : self;
    const rules = await rulesOf(tx, actor.streetId);
    const now = deps.now();
    const oldEnough = [self, beneficiary].some((p) => (ageAt(p, now) ?? -1) >= rules.withdrawMinAge);
    if (!oldEnough) throw new AppError('below_withdraw_age', { age: rules.withdrawMinAge });
    const frozen = await transfer(tx, {
      streetId: actor.streetId,
      currency: 'time_bank',
      fromAccountId: await personAccountId(tx, actor.streetId, self.id, 'time_bank'),
      toAccountId: await systemAccountId(tx, actor.streetId, 'escrow', 'time_bank'),
      amount: input.minutes,
      idempotencyKey: keyOf('tbw', actor, key),
      kind: 'escrow_freeze',
      refType: 'time_bank_withdrawal',
      refId: `${input.serviceItemId}:${beneficiary.id}`,
      actorAccountId: actor.accountId,
    });
    if (frozen.replayed) {
      const prior = await repo.withdrawalByEscrow(tx, frozen.transferId);
      if (!prior) throw new AppError('conflict');
      return presentWithdrawal(prior);
    }
    const demand = await createTimeBankDemand(tx, {
      streetId: actor.streetId,
      serviceItemId: input.serviceItemId,
      description: input.description,
      requesterAccountId: actor.accountId,
      requesterPersonId: self.id,
      beneficiaryPersonId: beneficiary.id,
      now,
    });
    const w = await repo.insertWithdrawal(tx, {
      id: newId('tbw'),
      streetId: actor.streetId,
      holderPersonId: self.id,
      beneficiaryPersonId: beneficiary.id,
      requestedByAccountId: actor.accountId,
      minutes: input.minutes,
      serviceItemId: input.serviceItemId,
      description: input.description,
      demandId: demand.id,
      status: 'escrowed',
      escrowTransferId: frozen.transferId,
      expiresAt: new Date(now.getTime() + rules.withdrawalTimeoutDays * 86_400_000),
      createdAt: now,
    });
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'time_bank.withdrawal_request',
      entityType: 'time_bank_withdrawal',
      entityId: w.id,
      newValue: { minutes: w.minutes, demandId: demand.id, beneficiaryPersonId: beneficiary.id, escrowTransferId: frozen.transferId },
    });
    return presentWithdrawal(w);
  });
}

/** The caller's withdrawals, as holder or beneficiary, oldest first. */
export async function listMyWithdrawals(
  deps: Deps,
  actorOrNone: Actor | undefined,
): Promise<{ items: TimeBankWithdrawal[]; nextCursor: null }> {
  const actor = requireActor(actorOrNone);
  const rows = await repo.withdrawalsOf(deps.db, actor.streetId, actor.personId);
  return { items: rows.map(presentWithdrawal), nextCursor: null };
}

/**
 * The recipient (beneficiary or holder) confirms the service was given: the escrowed coins go to the
 * volunteers who served (split evenly, remainder to the first). The demand must be completed.
 * @throws not_found | invalid_transition | conflict
 */
export async function confirmWithdrawal(deps: Deps, actorOrNone: Actor | undefined, id: string): Promise<TimeBankWithdrawal> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const w = await repo.findWithdrawal(tx, actor.streetId, id);
    if (!w || (w.holderPersonId !== actor.personId && w.beneficiaryPersonId !== actor.personId)) throw new AppError('not_found');
    if (w.status !== 'escrowed' || !w.demandId) throw new AppError('invalid_transition');
    const state = await demandServiceState(tx, actor.streetId, w.demandId);
    if (!state || !['completed', 'rated', 'closed'].includes(state.status) || state.volunteerIds.length === 0)
      throw new AppError('invalid_transition');
    const volunteerIds = [...state.volunteerIds].sort();
    const escrow = await systemAccountId(tx, actor.streetId, 'escrow', 'time_bank');
    const share = Math.floor(w.minutes / volunteerIds.length);
    let firstTransfer: string | null = null;
    for (const [i, volunteerId] of volunteerIds.entries()) {
      const amount = share + (i === 0 ? w.minutes - share * volunteerIds.length : 0);
      if (amount <= 0) continue;
      const personId = await repo.personOfVolunteer(tx, volunteerId);
      if (!personId) continue;
      const moved = await transfer(tx, {
        streetId: actor.streetId,
        currency: 'time_bank',
        fromAccountId: escrow,
        toAccountId: await personAccountId(tx, actor.streetId, personId, 'time_bank'),
        amount,
        idempotencyKey: `tbw:${w.id}:release:${volunteerId}`,
        kind: 'escrow_release',
        refType: 'time_bank_withdrawal',
        refId: w.id,
        actorAccountId: actor.accountId,
      });
      firstTransfer ??= moved.transferId;
    }
    const settled = await repo.settleWithdrawal(tx, w.id, w.version, {
      status: 'released',
      settleTransferId: firstTransfer,
      servingVolunteerId: volunteerIds[0] ?? null,
      settledAt: deps.now(),
    });
    if (!settled) throw new AppError('conflict');
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'time_bank.withdrawal_release',
      entityType: 'time_bank_withdrawal',
      entityId: w.id,
      oldValue: { status: 'escrowed' },
      newValue: { status: 'released', volunteerIds, minutes: w.minutes },
    });
    return presentWithdrawal(settled);
  });
}

/**
 * Job: withdrawals nobody confirmed before `expires_at` go back to the holder (escrow refund), one
 * transaction each; safe to run concurrently and repeatedly (compare and set + ledger keys).
 * @returns how many were refunded
 */
export async function expireWithdrawals(deps: Deps, now: Date): Promise<number> {
  const due = await repo.expiredWithdrawals(deps.db, now);
  let refunded = 0;
  for (const w of due) {
    const done = await withTransaction(deps.db, async (tx) => {
      const moved = await transfer(tx, {
        streetId: w.streetId,
        currency: 'time_bank',
        fromAccountId: await systemAccountId(tx, w.streetId, 'escrow', 'time_bank'),
        toAccountId: await personAccountId(tx, w.streetId, w.holderPersonId, 'time_bank'),
        amount: w.minutes,
        idempotencyKey: `tbw:${w.id}:refund`,
        kind: 'escrow_refund',
        refType: 'time_bank_withdrawal',
        refId: w.id,
      });
      const settled = await repo.settleWithdrawal(tx, w.id, w.version, {
        status: 'refunded',
        settleTransferId: moved.transferId,
        settledAt: now,
      });
      if (!settled) throw new AppError('conflict');
      await appendAudit(tx, {
        streetId: w.streetId,
        actorAccountId: null,
        action: 'time_bank.withdrawal_refund',
        entityType: 'time_bank_withdrawal',
        entityId: w.id,
        oldValue: { status: 'escrowed' },
        newValue: { status: 'refunded', minutes: w.minutes },
      });
      return true;
    }).catch((err: unknown) => {
      // Confirmed or refunded by someone else meanwhile: nothing to do for this one.
      if (err instanceof AppError && err.code === 'conflict') return false;
      throw err;
    });
    if (done) refunded += 1;
  }
  return refunded;
}
