import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';

export interface RewardRow {
  id: string;
  street_id: string;
  community_id: string | null;
  merchant_id: string;
  name: string;
  name_bo: string | null;
  name_en: string | null;
  points_cost: number;
  stock: number;
  min_star: number;
  per_period_limit: number | null;
  limit_period: 'month' | 'quarter' | 'year';
  active: boolean;
  version: number;
  merchant_name: string;
  merchant_name_bo: string | null;
  merchant_name_en: string | null;
  merchant_account_id: string | null;
}

const REWARD_SELECT = sql`SELECT r.id, r.street_id, r.community_id, r.merchant_id, r.name, r.name_bo, r.name_en, r.points_cost, r.stock, r.min_star,
    r.per_period_limit, r.limit_period, r.active, r.version,
    m.name AS merchant_name, m.name_bo AS merchant_name_bo, m.name_en AS merchant_name_en, m.account_id AS merchant_account_id
  FROM rewards r JOIN merchants m ON m.id = r.merchant_id`;

export async function listRewards(
  tx: Tx,
  input: {
    streetId: string;
    includeInactive: boolean;
    merchantId?: string;
    communityIds?: string[];
    afterKey?: [number, string];
    limit: number;
  },
): Promise<(RewardRow & { sort_order: number })[]> {
  const where: SQL[] = [sql`r.street_id = ${input.streetId}`];
  if (!input.includeInactive) where.push(sql`r.active`);
  if (input.merchantId) where.push(sql`r.merchant_id = ${input.merchantId}`);
  if (input.communityIds) {
    where.push(
      input.communityIds.length
        ? sql`(r.community_id IS NULL OR r.community_id IN (${sql.join(
            input.communityIds.map((c) => sql`${c}`),
            sql`, `,
          )}))`
        : sql`r.community_id IS NULL`,
    );
  }
  if (input.afterKey) where.push(sql`(r.sort_order, r.id) > (${input.afterKey[0]}, ${input.afterKey[1]})`);
  return queryRows<RewardRow & { sort_order: number }>(
    tx,
    sql`SELECT r.id, r.street_id, r.community_id, r.merchant_id, r.name, r.name_bo, r.name_en, r.points_cost, r.stock, r.min_star,
          r.per_period_limit, r.limit_period, r.active, r.version, r.sort_order,
          m.name AS merchant_name, m.name_bo AS merchant_name_bo, m.name_en AS merchant_name_en, m.account_id AS merchant_account_id
        FROM rewards r JOIN merchants m ON m.id = r.merchant_id
        WHERE ${sql.join(where, sql` AND `)} ORDER BY r.sort_order, r.id LIMIT ${input.limit + 1}`,
  );
}

export async function findReward(tx: Tx, streetId: string, id: string): Promise<RewardRow | undefined> {
  const [row] = await queryRows<RewardRow>(tx, sql`${REWARD_SELECT} WHERE r.street_id = ${streetId} AND r.id = ${id}`);
  return row;
}

export async function findMerchant(tx: Tx, streetId: string, id: string) {
  const [row] = await queryRows<{ id: string; name: string; account_id: string | null }>(
    tx,
    sql`SELECT id, name, account_id FROM merchants WHERE street_id = ${streetId} AND id = ${id}`,
  );
  return row;
}

export async function merchantsOfAccount(tx: Tx, accountId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(tx, sql`SELECT id FROM merchants WHERE account_id = ${accountId}`);
  return rows.map((r) => r.id);
}

export async function insertReward(tx: Tx, row: Record<string, unknown> & { id: string }) {
  await tx.execute(
    sql`INSERT INTO rewards (id, street_id, community_id, merchant_id, name, name_bo, name_en, points_cost, stock, min_star, per_period_limit, limit_period, sort_order)
        VALUES (${row.id}, ${row.streetId}, ${row.communityId}, ${row.merchantId}, ${row.name}, ${row.nameBo}, ${row.nameEn}, ${row.pointsCost}, ${row.stock},
                ${row.minStar}, ${row.perPeriodLimit}, ${row.limitPeriod}, (SELECT coalesce(max(sort_order), 0) + 1 FROM rewards WHERE street_id = ${row.streetId}))`,
  );
}

/** Compare and set on the version: undefined when another edit came first. */
export async function updateReward(tx: Tx, id: string, version: number, set: SQL[]): Promise<{ id: string } | undefined> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE rewards SET ${sql.join([...set, sql`version = version + 1`, sql`updated_at = now()`], sql`, `)} WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return row;
}

/** Takes `quantity` from the stock only if that much is left (never below 0). */
export async function takeStock(tx: Tx, id: string, quantity: number): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE rewards SET stock = stock - ${quantity} WHERE id = ${id} AND active AND stock >= ${quantity} RETURNING id`,
  );
  return rows.length > 0;
}

export async function returnStock(tx: Tx, id: string, quantity: number): Promise<void> {
  await tx.execute(sql`UPDATE rewards SET stock = stock + ${quantity} WHERE id = ${id}`);
}

export async function lockVolunteer(tx: Tx, streetId: string, personId: string) {
  const [row] = await queryRows<{ id: string; person_id: string; star: number; status: string }>(
    tx,
    sql`SELECT id, person_id, star, status FROM volunteers WHERE street_id = ${streetId} AND person_id = ${personId} FOR UPDATE`,
  );
  return row;
}

export async function findVolunteerById(tx: Tx, streetId: string, id: string) {
  const [row] = await queryRows<{ id: string; person_id: string; status: string }>(
    tx,
    sql`SELECT id, person_id, status FROM volunteers WHERE street_id = ${streetId} AND id = ${id}`,
  );
  return row;
}

export async function findVolunteerOfPerson(tx: Tx, streetId: string, personId: string) {
  const [row] = await queryRows<{ id: string; person_id: string; status: string }>(
    tx,
    sql`SELECT id, person_id, status FROM volunteers WHERE street_id = ${streetId} AND person_id = ${personId}`,
  );
  return row;
}

export async function redeemedInPeriod(tx: Tx, rewardId: string, volunteerId: string, from: Date): Promise<number> {
  const [row] = await queryRows<{ n: number | string | null }>(
    tx,
    sql`SELECT coalesce(sum(quantity), 0) AS n FROM redemptions WHERE reward_id = ${rewardId} AND volunteer_id = ${volunteerId}
          AND status <> 'cancelled' AND created_at >= ${from.toISOString()}::timestamptz`,
  );
  return Number(row?.n ?? 0);
}

export interface RedemptionRow {
  id: string;
  street_id: string;
  reward_id: string;
  merchant_id: string;
  volunteer_id: string;
  account_id: string;
  quantity: number;
  points: number;
  pickup_code: string;
  status: 'pending_pickup' | 'redeemed' | 'cancelled';
  transfer_id: string | null;
  created_at: Date | string;
  redeemed_at: Date | string | null;
  cancelled_at: Date | string | null;
  cancel_reason: string | null;
  reward_name: string;
  reward_name_bo: string | null;
  reward_name_en: string | null;
  merchant_name: string;
}

const REDEMPTION_SELECT = sql`SELECT d.id, d.street_id, d.reward_id, d.merchant_id, d.volunteer_id, d.account_id, d.quantity, d.points, d.pickup_code, d.status,
    d.transfer_id, d.created_at, d.redeemed_at, d.cancelled_at, d.cancel_reason,
    r.name AS reward_name, r.name_bo AS reward_name_bo, r.name_en AS reward_name_en, m.name AS merchant_name
  FROM redemptions d JOIN rewards r ON r.id = d.reward_id JOIN merchants m ON m.id = d.merchant_id`;

export async function findRedemption(tx: Tx, streetId: string, id: string, forUpdate = false): Promise<RedemptionRow | undefined> {
  if (forUpdate) await tx.execute(sql`SELECT id FROM redemptions WHERE id = ${id} FOR UPDATE`);
  const [row] = await queryRows<RedemptionRow>(tx, sql`${REDEMPTION_SELECT} WHERE d.street_id = ${streetId} AND d.id = ${id}`);
  return row;
}

export async function findOpenByCode(tx: Tx, streetId: string, code: string): Promise<RedemptionRow | undefined> {
  const [row] = await queryRows<RedemptionRow>(
    tx,
    sql`${REDEMPTION_SELECT} WHERE d.street_id = ${streetId} AND d.pickup_code = ${code} AND d.status = 'pending_pickup'`,
  );
  return row;
}

export async function openOrdersOf(tx: Tx, volunteerId: string, merchantIds: string[]): Promise<RedemptionRow[]> {
  if (!merchantIds.length) return [];
  return queryRows<RedemptionRow>(
    tx,
    sql`${REDEMPTION_SELECT} WHERE d.volunteer_id = ${volunteerId} AND d.status = 'pending_pickup'
          AND d.merchant_id IN (${sql.join(
            merchantIds.map((m) => sql`${m}`),
            sql`, `,
          )}) ORDER BY d.created_at, d.id`,
  );
}

export async function listRedemptionsOf(
  tx: Tx,
  input: { volunteerId: string; status?: string; after?: [string, string]; limit: number },
): Promise<RedemptionRow[]> {
  const where: SQL[] = [sql`d.volunteer_id = ${input.volunteerId}`];
  if (input.status) where.push(sql`d.status = ${input.status}`);
  if (input.after) where.push(sql`(d.created_at, d.id) < (${input.after[0]}::timestamptz, ${input.after[1]})`);
  return queryRows<RedemptionRow>(
    tx,
    sql`${REDEMPTION_SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY d.created_at DESC, d.id DESC LIMIT ${input.limit + 1}`,
  );
}

export async function codeInUse(tx: Tx, streetId: string, code: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM redemptions WHERE street_id = ${streetId} AND pickup_code = ${code} AND status = 'pending_pickup' LIMIT 1`,
  );
  return rows.length > 0;
}

export async function insertRedemption(
  tx: Tx,
  row: {
    id: string;
    streetId: string;
    rewardId: string;
    merchantId: string;
    volunteerId: string;
    accountId: string;
    quantity: number;
    points: number;
    pickupCode: string;
    at: Date;
  },
): Promise<void> {
  await tx.execute(
    sql`INSERT INTO redemptions (id, street_id, reward_id, merchant_id, volunteer_id, account_id, quantity, points, pickup_code, created_at)
        VALUES (${row.id}, ${row.streetId}, ${row.rewardId}, ${row.merchantId}, ${row.volunteerId}, ${row.accountId}, ${row.quantity}, ${row.points}, ${row.pickupCode}, ${row.at.toISOString()}::timestamptz)`,
  );
}

export async function setTransfer(tx: Tx, id: string, transferId: string): Promise<void> {
  await tx.execute(sql`UPDATE redemptions SET transfer_id = ${transferId} WHERE id = ${id}`);
}

/** Compare and set from pending_pickup. */
export async function closeRedemption(tx: Tx, id: string, set: SQL): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE redemptions SET ${set} WHERE id = ${id} AND status = 'pending_pickup' RETURNING id`,
  );
  return rows.length > 0;
}

export async function listMerchants(tx: Tx, streetId: string, accountId?: string) {
  return queryRows<{ id: string; name: string; name_bo: string | null; name_en: string | null }>(
    tx,
    sql`SELECT id, name, name_bo, name_en FROM merchants WHERE street_id = ${streetId} ${accountId ? sql`AND account_id = ${accountId}` : sql``} ORDER BY created_at, id`,
  );
}

/** Orders for the shop side: of the given merchants, or of rewards of the given communities (null: all of the street). */
export async function listRedemptionsFor(
  tx: Tx,
  input: { streetId: string; merchantIds?: string[]; communityIds?: string[]; status?: string; after?: [string, string]; limit: number },
): Promise<RedemptionRow[]> {
  const where: SQL[] = [sql`d.street_id = ${input.streetId}`];
  if (input.merchantIds)
    where.push(
      input.merchantIds.length
        ? sql`d.merchant_id IN (${sql.join(
            input.merchantIds.map((m) => sql`${m}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (input.communityIds)
    where.push(
      input.communityIds.length
        ? sql`r.community_id IN (${sql.join(
            input.communityIds.map((c) => sql`${c}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (input.status) where.push(sql`d.status = ${input.status}`);
  if (input.after) where.push(sql`(d.created_at, d.id) < (${input.after[0]}::timestamptz, ${input.after[1]})`);
  return queryRows<RedemptionRow>(
    tx,
    sql`${REDEMPTION_SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY d.created_at DESC, d.id DESC LIMIT ${input.limit + 1}`,
  );
}
