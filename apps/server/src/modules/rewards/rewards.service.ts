import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import {
  STAR_PERKS,
  type MerchantHolder,
  type Merchant,
  type MerchantLookup,
  type MyQr,
  type RedeemBody,
  type RedeemResult,
  type Redemption,
  type RedemptionCreate,
  type RedemptionStatus,
  type Reward,
  type RewardCreate,
  type RewardPatch,
  type RewardQuery,
  type UiLang,
} from '@duodi/contracts';
import { hasRole, requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import { uniqueViolation } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { isoOrNull, isoWithOffset, STREET_UTC_OFFSET_MINUTES } from '../../platform/http/time.js';
import { CATALOGS } from '../../platform/i18n/index.js';
import { personAccountId, reverseTransfer, systemAccountId, transfer } from '../ledger/index.js';
import { awardedStar } from '../stars/index.js';
import { readVolunteerQr, signVolunteerQr } from './merchant-qr.js';
import * as repo from './rewards.repository.js';

const newId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;
const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
type Page<T> = { items: T[]; nextCursor: string | null };

/* ---------- presenting ---------- */

function presentReward(r: repo.RewardRow): Reward {
  return {
    id: r.id,
    name: r.name,
    nameBo: r.name_bo,
    nameEn: r.name_en,
    pointsCost: Number(r.points_cost),
    stock: Number(r.stock),
    minStar: Number(r.min_star),
    merchant: { id: r.merchant_id, name: r.merchant_name, nameBo: r.merchant_name_bo, nameEn: r.merchant_name_en },
    perPeriodLimit: r.per_period_limit === null ? null : Number(r.per_period_limit),
    limitPeriod: r.limit_period,
    communityId: r.community_id,
    active: r.active,
  };
}

/** The pickup code is the volunteer's own, shown only while the order waits for pickup. */
function presentRedemption(r: repo.RedemptionRow, showCode: boolean): Redemption {
  return {
    id: r.id,
    rewardId: r.reward_id,
    rewardName: r.reward_name,
    rewardNameBo: r.reward_name_bo,
    rewardNameEn: r.reward_name_en,
    merchantName: r.merchant_name,
    quantity: Number(r.quantity),
    points: Number(r.points),
    pickupCode: showCode && r.status === 'pending_pickup' ? r.pickup_code : null,
    status: r.status,
    createdAt: isoWithOffset(toDate(r.created_at)),
    redeemedAt: r.redeemed_at ? isoWithOffset(toDate(r.redeemed_at)) : null,
    cancelledAt: r.cancelled_at ? isoWithOffset(toDate(r.cancelled_at)) : null,
    cancelReason: r.cancel_reason,
  };
}

/** DR-12 courtesy perks unlocked by a star level: level n gives the first n perks. */
export function perksFor(star: number, lang: UiLang): MerchantHolder['perks'] {
  const labels = (CATALOGS[lang] as unknown as { rewards: { perks: Record<string, string> } }).rewards.perks;
  return STAR_PERKS.slice(0, Math.max(0, Math.min(5, star))).map((code) => ({ code, label: labels[code] ?? code }));
}

/* ---------- scope ---------- */

/** Staff who manage rewards: street admin (all), community admin (their communities). */
function staffScope(actor: Actor): 'all' | string[] | null {
  if (hasRole(actor, 'street_admin')) return 'all';
  const ids = scopeIdsOf(actor, 'community_admin');
  return ids.length ? ids : null;
}

/** A reward is visible to staff of its community (street-wide ones to everyone), and to residents of its community. */
function canSeeReward(actor: Actor, r: repo.RewardRow): boolean {
  if (r.community_id === null) return true;
  const scope = staffScope(actor);
  if (scope === 'all') return true;
  return (scope?.includes(r.community_id) ?? false) || actor.homeCommunityId === r.community_id;
}

/** Start of the current limit period (month / quarter / year) in the street's time zone. */
export function periodStart(period: 'month' | 'quarter' | 'year', now: Date): Date {
  const offset = STREET_UTC_OFFSET_MINUTES * 60_000;
  const local = new Date(now.getTime() + offset);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const month = period === 'month' ? m : period === 'quarter' ? m - (m % 3) : 0;
  return new Date(Date.UTC(y, month, 1) - offset);
}

/* ---------- catalog ---------- */

/**
 * The 爱心超市 catalog: active items of the street and of the caller's community. Staff with
 * `all=true` also see inactive ones.
 */
export async function listRewards(deps: Deps, actorOrNone: Actor | undefined, query: RewardQuery): Promise<Page<Reward>> {
  const actor = requireActor(actorOrNone);
  const scope = staffScope(actor);
  const includeInactive = query.all === 'true';
  if (includeInactive && !scope) throw new AppError('forbidden');
  const key = decodeCursor(query.cursor, 2) as [number, string] | undefined;
  const communityIds = scope === 'all' ? undefined : [...(scope ?? []), ...(actor.homeCommunityId ? [actor.homeCommunityId] : [])];
  const rows = await repo.listRewards(deps.db, {
    streetId: actor.streetId,
    includeInactive,
    limit: query.limit,
    ...(query.merchantId ? { merchantId: query.merchantId } : {}),
    ...(communityIds ? { communityIds } : {}),
    ...(key ? { afterKey: key } : {}),
  });
  const page = pageFrom(rows, query.limit, (r) => [Number(r.sort_order), r.id]);
  return { items: page.items.map(presentReward), nextCursor: page.nextCursor };
}

/**
 * Street admin adds a street-wide item (or one for a community); a community admin one for their
 * community. Audited.
 * @throws unauthenticated | forbidden | validation_failed
 */
export async function createReward(deps: Deps, actorOrNone: Actor | undefined, input: RewardCreate): Promise<Reward> {
  const actor = requireActor(actorOrNone);
  const scope = staffScope(actor);
  if (!scope) throw new AppError('forbidden');
  let communityId: string | null = input.communityId ?? null;
  if (scope !== 'all') {
    if (input.communityId === null) throw new AppError('forbidden');
    communityId = input.communityId ?? scope[0] ?? null;
    if (!communityId || !scope.includes(communityId)) throw new AppError('forbidden');
  }
  return withTransaction(deps.db, async (tx) => {
    const merchant = await repo.findMerchant(tx, actor.streetId, input.merchantId);
    if (!merchant) throw new AppError('validation_failed', {}, { fields: [{ field: 'merchantId', key: 'unknown_reference' }] });
    if (communityId && !(await communityExists(tx, actor.streetId, communityId))) {
      throw new AppError('validation_failed', {}, { fields: [{ field: 'communityId', key: 'unknown_reference' }] });
    }
    const id = newId('rwd');
    const row = {
      id,
      streetId: actor.streetId,
      communityId,
      merchantId: input.merchantId,
      name: input.name,
      nameBo: input.nameBo ?? null,
      nameEn: input.nameEn ?? null,
      pointsCost: input.pointsCost,
      stock: input.stock,
      minStar: input.minStar,
      perPeriodLimit: input.perPeriodLimit ?? null,
      limitPeriod: input.limitPeriod,
    };
    await repo.insertReward(tx, row);
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'reward.create',
      entityType: 'reward',
      entityId: id,
      newValue: row,
    });
    return presentReward((await repo.findReward(tx, actor.streetId, id))!);
  });
}

async function communityExists(tx: Tx, streetId: string, id: string): Promise<boolean> {
  const rows = (await tx.execute(sql`SELECT id FROM communities WHERE street_id = ${streetId} AND id = ${id}`)) as unknown as {
    rows: unknown[];
  };
  return rows.rows.length > 0;
}

/** The reward as its manager may change it: 404 when not visible, 403 when visible but not theirs. */
function assertManages(actor: Actor, r: repo.RewardRow): void {
  const scope = staffScope(actor);
  if (!canSeeReward(actor, r)) throw new AppError('not_found');
  if (!scope) throw new AppError('forbidden');
  if (scope !== 'all' && (r.community_id === null || !scope.includes(r.community_id))) throw new AppError('forbidden');
}

/** Edits an item (compare and set on its version); setting `active: false` takes it off the shelf. Audited. */
export async function patchReward(deps: Deps, actorOrNone: Actor | undefined, id: string, patch: RewardPatch): Promise<Reward> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const reward = await repo.findReward(tx, actor.streetId, id);
    if (!reward) throw new AppError('not_found');
    assertManages(actor, reward);
    const columns: Record<keyof RewardPatch, string> = {
      name: 'name',
      nameBo: 'name_bo',
      nameEn: 'name_en',
      pointsCost: 'points_cost',
      stock: 'stock',
      minStar: 'min_star',
      perPeriodLimit: 'per_period_limit',
      limitPeriod: 'limit_period',
      active: 'active',
    };
    const set: SQL[] = [];
    const oldValue: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(columns) as [keyof RewardPatch, string][]) {
      const value = patch[key];
      if (value === undefined) continue;
      set.push(sql`${sql.identifier(column)} = ${value}`);
      oldValue[key] = (reward as unknown as Record<string, unknown>)[column];
    }
    if (!set.length) return presentReward(reward);
    const done = await repo.updateReward(tx, reward.id, Number(reward.version), set);
    if (!done) throw new AppError('conflict');
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'reward.update',
      entityType: 'reward',
      entityId: reward.id,
      oldValue,
      newValue: patch,
    });
    return presentReward((await repo.findReward(tx, actor.streetId, reward.id))!);
  });
}

/* ---------- redemption ---------- */

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

/** Same key + same request → the first answer, nothing changes; same key + other request → 409 idempotency_key_reused. */
async function idempotent<T>(
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
        const prior = (await tx.execute(
          sql`SELECT request_hash, response FROM idempotency_keys WHERE account_id = ${actor.accountId} AND key = ${key}`,
        )) as unknown as { rows: { request_hash: string; response: { enc: string } }[] };
        const row = prior.rows[0];
        if (row) {
          if (row.request_hash !== requestHash) throw new AppError('idempotency_key_reused');
          return JSON.parse(deps.crypto.decrypt(row.response.enc)) as T;
        }
      }
      const result = await work(tx);
      if (key) {
        const response = JSON.stringify({ enc: deps.crypto.encrypt(JSON.stringify(result)) });
        await tx.execute(
          sql`INSERT INTO idempotency_keys (account_id, key, street_id, request_hash, status_code, response) VALUES (${actor.accountId}, ${key}, ${actor.streetId}, ${requestHash}, 201, ${response}::jsonb)`,
        );
      }
      return result;
    });
  try {
    return await attempt();
  } catch (err) {
    if (key && uniqueViolation(err) !== undefined) return attempt();
    throw err;
  }
}

const randomCode = () => String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');

/** A 6-digit pickup code not used by another open order of the street. */
async function freshCode(tx: Tx, streetId: string): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const code = randomCode();
    if (!(await repo.codeInUse(tx, streetId, code))) return code;
  }
  throw new AppError('conflict');
}

/**
 * A volunteer redeems points for a reward (DR-11, DR-12) in one transaction: the minimum star
 * (awarded level) and the per-period limit are checked, the stock taken with compare-and-set
 * (409 out_of_stock, never negative), the points moved volunteer → rewards_sink through the ledger
 * (422 insufficient_balance rolls everything back), and the order created with a 6-digit pickup code.
 * Redeeming points never touches hours (DR-11).
 * @throws unauthenticated | forbidden | not_found | star_level_required | redemption_limit_reached | out_of_stock | insufficient_balance | idempotency_key_reused
 */
export async function createRedemption(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: RedemptionCreate,
  idempotencyKey: string | undefined,
): Promise<Redemption> {
  const actor = requireActor(actorOrNone);
  return idempotent(deps, actor, idempotencyKey, { op: 'redeem', ...input }, async (tx) => {
    const volunteer = await repo.findVolunteerOfPerson(tx, actor.streetId, actor.personId);
    if (!volunteer || volunteer.status !== 'active') throw new AppError('forbidden');
    // One redemption of a volunteer at a time (the per-period count stays exact); an advisory lock,
    // not a row lock; then stock, order, the ledger's account locks, and the audit tail last.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`redeem:${volunteer.id}`}))`);
    const reward = await repo.findReward(tx, actor.streetId, input.rewardId);
    if (!reward || !reward.active || !canSeeReward(actor, reward)) throw new AppError('not_found');
    const star = await awardedStar(tx, volunteer.id);
    if (star < Number(reward.min_star)) throw new AppError('star_level_required', { required: Number(reward.min_star), star });
    if (reward.per_period_limit !== null) {
      const used = await repo.redeemedInPeriod(tx, reward.id, volunteer.id, periodStart(reward.limit_period, deps.now()));
      if (used + input.quantity > Number(reward.per_period_limit))
        throw new AppError('redemption_limit_reached', { limit: Number(reward.per_period_limit), used });
    }
    if (!(await repo.takeStock(tx, reward.id, input.quantity))) throw new AppError('out_of_stock');
    const id = newId('rdm');
    const points = Number(reward.points_cost) * input.quantity;
    const code = await freshCode(tx, actor.streetId);
    await repo.insertRedemption(tx, {
      id,
      streetId: actor.streetId,
      rewardId: reward.id,
      merchantId: reward.merchant_id,
      volunteerId: volunteer.id,
      accountId: actor.accountId,
      quantity: input.quantity,
      points,
      pickupCode: code,
      at: deps.now(),
    });
    const moved = await transfer(tx, {
      streetId: actor.streetId,
      currency: 'points',
      fromAccountId: await personAccountId(tx, actor.streetId, actor.personId, 'points'),
      toAccountId: await systemAccountId(tx, actor.streetId, 'rewards_sink', 'points'),
      amount: points,
      idempotencyKey: `redeem:${id}`,
      kind: 'redeem',
      refType: 'redemption',
      refId: id,
      actorAccountId: actor.accountId,
    });
    await repo.setTransfer(tx, id, moved.transferId);
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'redemption.create',
      entityType: 'redemption',
      entityId: id,
      newValue: {
        rewardId: reward.id,
        quantity: input.quantity,
        points,
        status: 'pending_pickup',
        transferId: moved.transferId,
        stockBefore: Number(reward.stock),
      },
    });
    return presentRedemption((await repo.findRedemption(tx, actor.streetId, id))!, true);
  });
}

/** The caller's own orders, newest first (pickup codes of open ones shown). */
export async function listMyRedemptions(
  deps: Deps,
  actorOrNone: Actor | undefined,
  query: { status?: RedemptionStatus; limit: number; cursor?: string },
): Promise<Page<Redemption>> {
  const actor = requireActor(actorOrNone);
  const key = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const volunteer = await repo.findVolunteerOfPerson(deps.db, actor.streetId, actor.personId);
  if (!volunteer) return { items: [], nextCursor: null };
  const rows = await repo.listRedemptionsOf(deps.db, {
    volunteerId: volunteer.id,
    limit: query.limit,
    ...(query.status ? { status: query.status } : {}),
    ...(key ? { after: key } : {}),
  });
  const page = pageFrom(rows, query.limit, (r) => [toDate(r.created_at).toISOString(), r.id]);
  return { items: page.items.map((r) => presentRedemption(r, true)), nextCursor: page.nextCursor };
}

/**
 * Cancels an order waiting for pickup: the volunteer themselves, or staff managing the reward.
 * Stock goes back and the points are refunded by reversing the ledger transfer. Audited.
 * @throws unauthenticated | not_found | forbidden | invalid_transition
 */
export async function cancelRedemption(
  deps: Deps,
  actorOrNone: Actor | undefined,
  id: string,
  reason: string | undefined,
): Promise<Redemption> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const order = await repo.findRedemption(tx, actor.streetId, id, true);
    if (!order) throw new AppError('not_found');
    const own = order.account_id === actor.accountId;
    if (!own) {
      const reward = await repo.findReward(tx, actor.streetId, order.reward_id);
      if (!reward) throw new AppError('not_found');
      const scope = staffScope(actor);
      if (!scope || (scope !== 'all' && (reward.community_id === null || !scope.includes(reward.community_id))))
        throw new AppError('not_found');
    }
    if (order.status !== 'pending_pickup') throw new AppError('invalid_transition', { from: order.status, action: 'cancel' });
    const closed = await repo.closeRedemption(
      tx,
      order.id,
      sql`status = 'cancelled', cancelled_at = ${deps.now().toISOString()}::timestamptz, cancelled_by = ${actor.accountId}, cancel_reason = ${reason ?? null}`,
    );
    if (!closed) throw new AppError('conflict');
    await repo.returnStock(tx, order.reward_id, Number(order.quantity));
    let refundId: string | null = null;
    if (order.transfer_id) {
      const refund = await reverseTransfer(tx, {
        transferId: order.transfer_id,
        idempotencyKey: `redeem-refund:${order.id}`,
        reason: reason ?? 'redemption cancelled',
        actorAccountId: actor.accountId,
      });
      refundId = refund.transferId;
      await tx.execute(sql`UPDATE redemptions SET refund_transfer_id = ${refundId} WHERE id = ${order.id}`);
    }
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'redemption.cancel',
      entityType: 'redemption',
      entityId: order.id,
      oldValue: { status: 'pending_pickup' },
      newValue: { status: 'cancelled', refundTransferId: refundId, points: Number(order.points) },
      ...(reason ? { reason } : {}),
    });
    return presentRedemption((await repo.findRedemption(tx, actor.streetId, order.id))!, own);
  });
}

/* ---------- the volunteer's QR and the merchant ---------- */

/** A short-lived signed QR payload for partner merchants (volunteers only). */
export async function myQr(deps: Deps, actorOrNone: Actor | undefined): Promise<MyQr> {
  const actor = requireActor(actorOrNone);
  const volunteer = await repo.findVolunteerOfPerson(deps.db, actor.streetId, actor.personId);
  if (!volunteer || volunteer.status !== 'active') throw new AppError('forbidden');
  const { payload, expiresAt } = signVolunteerQr(deps.crypto, volunteer.id, deps.now());
  return { payload, expiresAt: isoOrNull(expiresAt)! };
}

async function merchantIdsOf(tx: Tx, actor: Actor): Promise<string[]> {
  if (!hasRole(actor, 'merchant')) throw new AppError('forbidden');
  return repo.merchantsOfAccount(tx, actor.accountId);
}

function volunteerOfQr(deps: Deps, payload: string): string {
  const read = readVolunteerQr(deps.crypto, payload, deps.now());
  if (read === 'expired') throw new AppError('token_expired');
  if (read === 'invalid') throw new AppError('validation_failed', {}, { fields: [{ field: 'volunteerQr', key: 'invalid_format' }] });
  return read.volunteerId;
}

/** The reward's name in the merchant's language (Chinese when it has no name in that language). */
function localRewardName(row: repo.RedemptionRow, lang: UiLang): string {
  if (lang === 'bo') return row.reward_name_bo ?? row.reward_name;
  if (lang === 'en') return row.reward_name_en ?? row.reward_name;
  return row.reward_name;
}

async function holderOf(tx: Tx, volunteerId: string, lang: UiLang): Promise<MerchantHolder> {
  const star = await awardedStar(tx, volunteerId);
  return { star, perks: perksFor(star, lang) };
}

/** The merchant scans a volunteer's QR: only the star level, its perks and the volunteer's open orders at this merchant. */
export async function merchantLookup(
  deps: Deps,
  actorOrNone: Actor | undefined,
  volunteerQr: string,
  language?: UiLang,
): Promise<MerchantLookup> {
  const actor = requireActor(actorOrNone);
  const lang = language ?? actor.language;
  return withTransaction(deps.db, async (tx) => {
    const merchantIds = await merchantIdsOf(tx, actor);
    const volunteerId = volunteerOfQr(deps, volunteerQr);
    const volunteer = await repo.findVolunteerById(tx, actor.streetId, volunteerId);
    if (!volunteer) throw new AppError('not_found');
    const orders = await repo.openOrdersOf(tx, volunteer.id, merchantIds);
    return {
      holder: await holderOf(tx, volunteer.id, lang),
      openOrders: orders.map((o) => ({
        id: o.id,
        rewardName: localRewardName(o, lang),
        quantity: Number(o.quantity),
        createdAt: isoWithOffset(toDate(o.created_at)),
      })),
    };
  });
}

/**
 * The merchant hands over the goods: by the pickup code, or by the volunteer's QR (with the order
 * when there are several open ones at this merchant) → redeemed (已核销). Orders of other
 * merchants are 404. Audited.
 * @throws unauthenticated | forbidden | not_found | conflict | token_expired | validation_failed
 */
export async function redeem(deps: Deps, actorOrNone: Actor | undefined, body: RedeemBody, language?: UiLang): Promise<RedeemResult> {
  const actor = requireActor(actorOrNone);
  const lang = language ?? actor.language;
  return withTransaction(deps.db, async (tx) => {
    const merchantIds = await merchantIdsOf(tx, actor);
    let order: repo.RedemptionRow | undefined;
    if ('code' in body) {
      order = await repo.findOpenByCode(tx, actor.streetId, body.code);
    } else {
      const volunteerId = volunteerOfQr(deps, body.volunteerQr);
      const open = await repo.openOrdersOf(tx, volunteerId, merchantIds);
      if (body.redemptionId) order = open.find((o) => o.id === body.redemptionId);
      else if (open.length > 1) throw new AppError('conflict');
      else order = open[0];
    }
    if (!order || !merchantIds.includes(order.merchant_id)) throw new AppError('not_found');
    const closed = await repo.closeRedemption(
      tx,
      order.id,
      sql`status = 'redeemed', redeemed_at = ${deps.now().toISOString()}::timestamptz, redeemed_by = ${actor.accountId}`,
    );
    if (!closed) throw new AppError('conflict');
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'redemption.redeem',
      entityType: 'redemption',
      entityId: order.id,
      oldValue: { status: 'pending_pickup' },
      newValue: { status: 'redeemed', via: 'code' in body ? 'code' : 'qr' },
    });
    const fresh = (await repo.findRedemption(tx, actor.streetId, order.id))!;
    return {
      redemption: {
        id: fresh.id,
        rewardName: localRewardName(fresh, lang),
        quantity: Number(fresh.quantity),
        status: fresh.status,
        redeemedAt: fresh.redeemed_at ? isoWithOffset(toDate(fresh.redeemed_at)) : null,
      },
      holder: await holderOf(tx, order.volunteer_id, lang),
    };
  });
}

/** Partner merchants: all of the street for staff, their own shops for a merchant account; others 403. */
export async function listMerchants(deps: Deps, actorOrNone: Actor | undefined): Promise<{ items: Merchant[]; nextCursor: null }> {
  const actor = requireActor(actorOrNone);
  const staff = staffScope(actor);
  if (!staff && !hasRole(actor, 'merchant')) throw new AppError('forbidden');
  const rows = await repo.listMerchants(deps.db, actor.streetId, staff ? undefined : actor.accountId);
  return { items: rows.map((m) => ({ id: m.id, name: m.name, nameBo: m.name_bo, nameEn: m.name_en })), nextCursor: null };
}

/**
 * Orders for the shop side, newest first, without pickup codes: a merchant sees their shops'
 * orders, a street admin all, a community admin those of their community's items; others 403.
 */
export async function listShopRedemptions(
  deps: Deps,
  actorOrNone: Actor | undefined,
  query: { status?: RedemptionStatus; limit: number; cursor?: string },
): Promise<Page<Redemption>> {
  const actor = requireActor(actorOrNone);
  const staff = staffScope(actor);
  if (!staff && !hasRole(actor, 'merchant')) throw new AppError('forbidden');
  const key = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const rows = await withTransaction(deps.db, async (tx) =>
    repo.listRedemptionsFor(tx, {
      streetId: actor.streetId,
      limit: query.limit,
      ...(staff === 'all' ? {} : staff ? { communityIds: staff } : { merchantIds: await repo.merchantsOfAccount(tx, actor.accountId) }),
      ...(query.status ? { status: query.status } : {}),
      ...(key ? { after: key } : {}),
    }),
  );
  const page = pageFrom(rows, query.limit, (r) => [toDate(r.created_at).toISOString(), r.id]);
  return { items: page.items.map((r) => presentRedemption(r, false)), nextCursor: page.nextCursor };
}
