import type { PointRules } from '@duodi/contracts';
import type { Tx } from '../../platform/db/client.js';
import { AppError, isAppError } from '../../platform/errors.js';
import { personAccountId, personBalance, reverseTransfer, systemAccountId, transfer } from '../ledger/index.js';
import * as repo from './records.repository.js';
import { coinsFor, pointsFor } from './point-rules.service.js';
import { starForMinutes } from './star.js';

export interface HoursChange {
  /** The record as saved after the change. */
  record: repo.RecordRow;
  oldMinutes: number;
  newMinutes: number;
  oldStar: number;
  newStar: number;
  points: number;
  coins: number;
  coinsOverCap: number;
}

function serviceEnd(record: repo.RecordRow): Date {
  return record.signoutAt ?? new Date(`${record.servedOn}T12:00:00+08:00`);
}

/**
 * Credits a verified record: the volunteer's verified minutes, last service time and star
 * eligibility; points and time-bank coins (up to the deposit cap) from the street's issuing
 * accounts. Keys carry the crediting number (credit_seq), so a record credited again after a
 * correction or an upheld appeal posts anew, and a retry of the same crediting moves nothing.
 * Lock order: the record (already updated by the caller) → the volunteer → the ledger.
 */
export async function creditRecord(tx: Tx, record: repo.RecordRow, rules: PointRules, actorAccountId: string | null): Promise<HoursChange> {
  const v = await repo.lockVolunteer(tx, record.volunteerId);
  const minutes = record.creditedMinutes;
  const seq = record.creditSeq + 1;
  const focusGroup = record.demandId ? await repo.beneficiaryInFocusGroup(tx, record.demandId) : false;
  const points = pointsFor(minutes, rules, { focusGroup, partyCommunity: v.partyMember && record.communityId !== null });
  const ref = { refType: 'service_record', refId: record.id };
  if (points > 0) {
    await transfer(tx, {
      streetId: record.streetId,
      currency: 'points',
      fromAccountId: await systemAccountId(tx, record.streetId, 'issuing', 'points'),
      toAccountId: await personAccountId(tx, record.streetId, v.personId, 'points'),
      amount: points,
      idempotencyKey: `sr:${record.id}:c${seq}:points`,
      kind: 'service_earned',
      ...ref,
      actorAccountId,
    });
  }
  const { deposit, overCap } = coinsFor(minutes, rules, await personBalance(tx, record.streetId, v.personId, 'time_bank'));
  if (deposit > 0) {
    await transfer(tx, {
      streetId: record.streetId,
      currency: 'time_bank',
      fromAccountId: await systemAccountId(tx, record.streetId, 'issuing', 'time_bank'),
      toAccountId: await personAccountId(tx, record.streetId, v.personId, 'time_bank'),
      amount: deposit,
      idempotencyKey: `sr:${record.id}:c${seq}:coins`,
      kind: 'time_deposit',
      ...ref,
      actorAccountId,
    });
  }
  const newMinutes = v.verifiedMinutes + minutes;
  const newStar = starForMinutes(newMinutes, rules.starThresholdsHours);
  const end = serviceEnd(record);
  const lastServiceAt = minutes > 0 && (!v.lastServiceAt || v.lastServiceAt < end) ? end : v.lastServiceAt;
  await repo.setVolunteerHours(tx, v.id, { verifiedMinutes: newMinutes, star: newStar, lastServiceAt });
  const saved = await repo.updateRecord(tx, record.id, record.version, {
    creditSeq: seq,
    pointsCredited: points,
    coinsDeposited: deposit,
    coinsOverCap: overCap,
  });
  if (!saved) throw new AppError('conflict');
  return {
    record: saved,
    oldMinutes: v.verifiedMinutes,
    newMinutes,
    oldStar: v.star,
    newStar,
    points,
    coins: deposit,
    coinsOverCap: overCap,
  };
}

/**
 * Undoes a record's credit: its points and coin transfers are reversed (when the volunteer has
 * already spent part of them, what is left is taken back — balances never go negative, DR-11), its
 * minutes leave the volunteer's verified minutes and the star eligibility is recomputed.
 */
export async function uncreditRecord(
  tx: Tx,
  record: repo.RecordRow,
  rules: PointRules,
  reason: string,
  actorAccountId: string | null,
): Promise<HoursChange> {
  const v = await repo.lockVolunteer(tx, record.volunteerId);
  let points = 0;
  let coins = 0;
  for (const t of await repo.openCreditTransfers(tx, record.streetId, record.id, record.creditSeq)) {
    let taken = t.amount;
    try {
      await reverseTransfer(tx, { transferId: t.id, idempotencyKey: `sr:${record.id}:rev:${t.id}`, reason, actorAccountId });
    } catch (err) {
      if (!isAppError(err) || err.code !== 'insufficient_balance') throw err;
      taken = Math.min(t.amount, await personBalance(tx, record.streetId, v.personId, t.currency));
      if (taken > 0) {
        await transfer(tx, {
          streetId: record.streetId,
          currency: t.currency,
          fromAccountId: t.toAccountId,
          toAccountId: await systemAccountId(tx, record.streetId, 'issuing', t.currency),
          amount: taken,
          idempotencyKey: `sr:${record.id}:claw:${t.id}`,
          kind: 'adjust',
          refType: 'service_record_clawback',
          refId: t.id,
          memo: reason,
          actorAccountId,
        });
      }
    }
    if (t.currency === 'points') points -= taken;
    else coins -= taken;
  }
  const newMinutes = Math.max(0, v.verifiedMinutes - record.creditedMinutes);
  const newStar = starForMinutes(newMinutes, rules.starThresholdsHours);
  await repo.setVolunteerHours(tx, v.id, { verifiedMinutes: newMinutes, star: newStar });
  const saved = await repo.updateRecord(tx, record.id, record.version, { pointsCredited: 0, coinsDeposited: 0, coinsOverCap: 0 });
  if (!saved) throw new AppError('conflict');
  return { record: saved, oldMinutes: v.verifiedMinutes, newMinutes, oldStar: v.star, newStar, points, coins, coinsOverCap: 0 };
}
