import type { PointRules } from '@duodi/contracts';
import type { Tx } from '../../platform/db/client.js';
import * as repo from './records.repository.js';

/** The defaults of migration 0009 (a street without a point_rules row uses them). */
export const DEFAULT_RULES: PointRules = {
  pointsPerHour: 10,
  focusGroupBonusPerHour: 5,
  partyCommunityBonusPerHour: 10,
  coinMinutesPerHour: 60,
  depositCapHours: 1500,
  withdrawMinAge: 60,
  withdrawalTimeoutDays: 14,
  correctionDeadlineWorkingDays: 10,
  starThresholdsHours: [100, 300, 600, 1000, 1500],
};

/** The street's point, time-bank and star rules. */
export async function rulesOf(tx: Tx, streetId: string): Promise<PointRules> {
  const row = await repo.findRules(tx, streetId);
  if (!row) return DEFAULT_RULES;
  return {
    pointsPerHour: row.pointsPerHour,
    focusGroupBonusPerHour: row.focusGroupBonusPerHour,
    partyCommunityBonusPerHour: row.partyCommunityBonusPerHour,
    coinMinutesPerHour: row.coinMinutesPerHour,
    depositCapHours: row.depositCapHours,
    withdrawMinAge: row.withdrawMinAge,
    withdrawalTimeoutDays: row.withdrawalTimeoutDays,
    correctionDeadlineWorkingDays: row.correctionDeadlineWorkingDays,
    starThresholdsHours: row.starThresholdsHours,
  };
}

/**
 * Points for `minutes` of verified service (whole points, rounded down): the base rate, plus the
 * focus-group bonus when the service was for a person of a focus group, plus the party-member bonus
 * for a party member's community service (DR-18 "double points" with the default rates).
 */
export function pointsFor(minutes: number, rules: PointRules, flags: { focusGroup: boolean; partyCommunity: boolean }): number {
  const perHour =
    rules.pointsPerHour +
    (flags.focusGroup ? rules.focusGroupBonusPerHour : 0) +
    (flags.partyCommunity ? rules.partyCommunityBonusPerHour : 0);
  return Math.floor((minutes * perHour) / 60);
}

/** Coin-minutes for `minutes` of verified service, and how much of it fits under the deposit cap. */
export function coinsFor(minutes: number, rules: PointRules, balance: number): { deposit: number; overCap: number } {
  const coins = Math.floor((minutes * rules.coinMinutesPerHour) / 60);
  const room = Math.max(0, rules.depositCapHours * rules.coinMinutesPerHour - balance);
  const deposit = Math.min(coins, room);
  return { deposit, overCap: coins - deposit };
}
