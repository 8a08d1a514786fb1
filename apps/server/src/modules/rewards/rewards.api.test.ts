import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MerchantLookup, RedeemResult, Redemption, Reward } from '@duodi/contracts';
import { queryRows } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';
import { personAccountId, personBalance, systemAccountId, transfer } from '../ledger/index.js';
import { periodStart } from './rewards.service.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const meOf: Record<string, { personId: string; volunteerId: string | null }> = {};
const STREET_ADMIN = '13900000001';
const SANGYI_ADMIN = '13900000002';
const JIXIANG_ADMIN = '13900000003';
const VOLUNTEER = '13900000006';
const VOLUNTEER_2 = '13900000007';
const RESIDENT = '13900000008';
const MERCHANT = '13900000011';

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of [STREET_ADMIN, SANGYI_ADMIN, JIXIANG_ADMIN, VOLUNTEER, VOLUNTEER_2, RESIDENT, MERCHANT]) {
    tokens[phone] = await t.login(phone);
    meOf[phone] = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens[phone]!) })).json();
  }
  // Enough points for the tests, through the ledger like any credit.
  await withTransaction(t.db, async (tx) => {
    for (const phone of [VOLUNTEER, VOLUNTEER_2]) {
      const personId = meOf[phone]!.personId;
      await transfer(tx, {
        streetId: 'duodi',
        currency: 'points',
        fromAccountId: await systemAccountId(tx, 'duodi', 'issuing', 'points'),
        toAccountId: await personAccountId(tx, 'duodi', personId, 'points'),
        amount: 1000,
        idempotencyKey: `test-topup:${phone}`,
        kind: 'adjust',
      });
    }
  });
});
afterAll(() => t?.close());

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  phone?: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(phone ? bearer(tokens[phone]!) : {}), ...headers },
    ...(payload !== undefined ? { payload: payload as string } : {}),
  });
const balance = (phone: string) => withTransaction(t.db, (tx) => personBalance(tx, 'duodi', meOf[phone]!.personId, 'points'));
const stockOf = async (id: string) => (await queryRows<{ stock: number }>(t.db, sql`SELECT stock FROM rewards WHERE id = ${id}`))[0]!.stock;
const count = async (table: 'redemptions' | 'rewards') =>
  (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!.n;
const auditCount = async (action: string) =>
  (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`))[0]!.n;

let n = 0;
async function newReward(over: Record<string, unknown> = {}): Promise<Reward> {
  n++;
  const res = await call('POST', '/rewards', STREET_ADMIN, {
    merchantId: 'mch_jixiang',
    name: `测试奖品${n}`,
    nameBo: 'བརྟག་དཔྱད།',
    nameEn: `Test ${n}`,
    pointsCost: 10,
    stock: 10,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const redeem = (rewardId: string, phone = VOLUNTEER, quantity = 1, key?: string) =>
  call('POST', '/redemptions', phone, { rewardId, quantity }, key ? { 'idempotency-key': key } : {});

describe('the 爱心超市 catalog', () => {
  it('lists the demo items with names in three languages, merchant, stock and minimum star', async () => {
    const res = await call('GET', '/rewards?limit=200', VOLUNTEER);
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Reward[] }).items;
    expect(items.length).toBeGreaterThanOrEqual(12);
    const rice = items.find((r) => r.id === 'rwd_demo_01')!;
    expect(rice).toMatchObject({
      name: '大米（5公斤）',
      nameEn: 'Rice (5 kg)',
      pointsCost: 60,
      minStar: 0,
      perPeriodLimit: 2,
      limitPeriod: 'month',
      merchant: { id: 'mch_jixiang' },
    });
    expect(rice.nameBo).toMatch(/[\u0F00-\u0FFF]/);
    expect(new Set(items.map((r) => r.merchant.id))).toEqual(new Set(['mch_jixiang', 'mch_sangyi']));
  });

  it('lets staff add and edit items, audited; a community admin only for their community', async () => {
    const before = await auditCount('reward.create');
    const own = await call('POST', '/rewards', SANGYI_ADMIN, { merchantId: 'mch_sangyi', name: '社区专属', pointsCost: 5, stock: 2 });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ communityId: 'com_sy', stock: 2 });
    expect(await auditCount('reward.create')).toBe(before + 1);
    const patched = await call('PATCH', `/rewards/${own.json().id}`, SANGYI_ADMIN, { stock: 7, minStar: 1 });
    expect(patched.json()).toMatchObject({ stock: 7, minStar: 1 });
    expect(await auditCount('reward.update')).toBeGreaterThan(0);
  });

  it('refuses other roles (403), another community (404) and bad input (400), changing nothing', async () => {
    const rewards = await count('rewards');
    expect((await call('POST', '/rewards', VOLUNTEER, { merchantId: 'mch_jixiang', name: 'x', pointsCost: 1, stock: 1 })).statusCode).toBe(
      403,
    );
    expect(
      (
        await call('POST', '/rewards', SANGYI_ADMIN, {
          merchantId: 'mch_jixiang',
          name: 'x',
          pointsCost: 1,
          stock: 1,
          communityId: 'com_jx',
        })
      ).statusCode,
    ).toBe(403);
    const bad = await call('POST', '/rewards', STREET_ADMIN, { merchantId: 'mch_jixiang', name: '', pointsCost: 0, stock: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    expect((await call('POST', '/rewards', STREET_ADMIN, { merchantId: 'mch_nope', name: 'x', pointsCost: 1, stock: 1 })).statusCode).toBe(
      400,
    );
    expect(await count('rewards')).toBe(rewards);
    const sy = (
      await call('POST', '/rewards', SANGYI_ADMIN, { merchantId: 'mch_sangyi', name: '桑伊专属', pointsCost: 5, stock: 2 })
    ).json() as Reward;
    const res = await call('PATCH', `/rewards/${sy.id}`, JIXIANG_ADMIN, { stock: 99 });
    expect(res.statusCode).toBe(404);
    expect((await call('PATCH', '/rewards/rwd_demo_01', SANGYI_ADMIN, { stock: 99 })).statusCode).toBe(403);
    expect(await stockOf(sy.id)).toBe(2);
    expect(await stockOf('rwd_demo_01')).not.toBe(99);
  });
});

describe('redemption (DR-11, DR-12)', () => {
  it('creates an order with a 6-digit code, moves points to the rewards sink and takes stock; a replay changes nothing', async () => {
    const reward = await newReward({ pointsCost: 15, stock: 5 });
    const b0 = await balance(VOLUNTEER);
    const first = await redeem(reward.id, VOLUNTEER, 2, 'redeem-key-0001');
    expect(first.statusCode, first.body).toBe(201);
    const order = first.json() as Redemption;
    expect(order).toMatchObject({ status: 'pending_pickup', quantity: 2, points: 30, rewardId: reward.id });
    expect(order.pickupCode).toMatch(/^\d{6}$/);
    const replay = await redeem(reward.id, VOLUNTEER, 2, 'redeem-key-0001');
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(order);
    expect(await balance(VOLUNTEER)).toBe(b0 - 30);
    expect(await stockOf(reward.id)).toBe(3);
    const reused = await redeem(reward.id, VOLUNTEER, 1, 'redeem-key-0001');
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ code: 'idempotency_key_reused' });
    const mine = (await call('GET', '/me/redemptions', VOLUNTEER)).json() as { items: Redemption[] };
    expect(mine.items.filter((r) => r.id === order.id)).toHaveLength(1);
    const [tr] = await queryRows<{ kind: string; amount: number }>(
      t.db,
      sql`SELECT kind, amount::int AS amount FROM ledger_transfers WHERE ref_type = 'redemption' AND ref_id = ${order.id}`,
    );
    expect(tr).toEqual({ kind: 'redeem', amount: 30 });
  });

  it('answers 422 insufficient_balance and leaves stock and balance alone', async () => {
    const reward = await newReward({ pointsCost: 99_999, stock: 3 });
    const b0 = await balance(VOLUNTEER);
    const res = await redeem(reward.id);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'insufficient_balance' });
    expect(await stockOf(reward.id)).toBe(3);
    expect(await balance(VOLUNTEER)).toBe(b0);
  });

  it('answers 409 out_of_stock for an empty shelf', async () => {
    const res = await redeem('rwd_demo_11');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'out_of_stock' });
    expect(await stockOf('rwd_demo_11')).toBe(0);
  });

  it('gives the last item to exactly one of two volunteers redeeming at once', async () => {
    const reward = await newReward({ pointsCost: 3, stock: 1 });
    const redemptions = await count('redemptions');
    const [a, b] = await Promise.all([redeem(reward.id, VOLUNTEER), redeem(reward.id, VOLUNTEER_2)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'out_of_stock' });
    expect(await stockOf(reward.id)).toBe(0);
    expect(await count('redemptions')).toBe(redemptions + 1);
  });

  it('checks the minimum awarded star (422 star_level_required) and the per-period limit (422 redemption_limit_reached)', async () => {
    const starred = await newReward({ minStar: 5 });
    const res = await redeem(starred.id);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'star_level_required' });
    const limited = await newReward({ perPeriodLimit: 1, limitPeriod: 'quarter' });
    expect((await redeem(limited.id)).statusCode).toBe(201);
    const again = await redeem(limited.id);
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'redemption_limit_reached' });
    expect(await stockOf(limited.id)).toBe(9);
  });

  it('refuses a resident who is not a volunteer (403) and changes nothing', async () => {
    const redemptions = await count('redemptions');
    expect((await redeem('rwd_demo_01', RESIDENT)).statusCode).toBe(403);
    expect(await count('redemptions')).toBe(redemptions);
  });

  it('cancels with a refund (reverse transfer) and the stock back; a second cancel is 409', async () => {
    const reward = await newReward({ pointsCost: 20, stock: 4 });
    const b0 = await balance(VOLUNTEER);
    const order = (await redeem(reward.id)).json() as Redemption;
    expect(await balance(VOLUNTEER)).toBe(b0 - 20);
    expect((await call('POST', `/redemptions/${order.id}/cancel`, VOLUNTEER_2, { reason: '不是我的' })).statusCode).toBe(404);
    const res = await call('POST', `/redemptions/${order.id}/cancel`, VOLUNTEER, { reason: '不需要了' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: '不需要了', pickupCode: null });
    expect(await balance(VOLUNTEER)).toBe(b0);
    expect(await stockOf(reward.id)).toBe(4);
    expect((await call('POST', `/redemptions/${order.id}/cancel`, VOLUNTEER)).statusCode).toBe(409);
    expect(await balance(VOLUNTEER)).toBe(b0);
  });
});

describe('the partner merchant', () => {
  it('redeems by pickup code and sees only the star level and perks', async () => {
    const reward = await newReward();
    const order = (await redeem(reward.id)).json() as Redemption;
    expect((await call('POST', '/redemptions/redeem', VOLUNTEER, { code: order.pickupCode })).statusCode).toBe(403);
    const res = await call('POST', '/redemptions/redeem', MERCHANT, { code: order.pickupCode });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as RedeemResult;
    expect(body.redemption).toMatchObject({ id: order.id, status: 'redeemed' });
    expect(Object.keys(body.holder).sort()).toEqual(['perks', 'star']);
    expect(JSON.stringify(body)).not.toMatch(/扎西|1390000|volunteerNo|phone/);
    expect(body.holder.perks).toHaveLength(body.holder.star);
    expect((await call('POST', '/redemptions/redeem', MERCHANT, { code: order.pickupCode })).statusCode).toBe(404);
    expect((await call('POST', `/redemptions/${order.id}/cancel`, VOLUNTEER)).statusCode).toBe(409);
  });

  it('scans the volunteer’s short-lived QR: lookup, then redeem; forged QRs are refused', async () => {
    const reward = await newReward();
    const order = (await redeem(reward.id)).json() as Redemption;
    const qr = (await call('GET', '/me/qr', VOLUNTEER)).json() as { payload: string; expiresAt: string };
    expect(qr.payload).not.toContain(meOf[VOLUNTEER]!.personId);
    const lookup = (await call('POST', '/redemptions/lookup', MERCHANT, { volunteerQr: qr.payload })).json() as MerchantLookup;
    expect(lookup.openOrders.map((o) => o.id)).toContain(order.id);
    expect(Object.keys(lookup.holder).sort()).toEqual(['perks', 'star']);
    const forged = `${qr.payload.slice(0, -3)}abc`;
    expect((await call('POST', '/redemptions/redeem', MERCHANT, { volunteerQr: forged, redemptionId: order.id })).statusCode).toBe(400);
    const res = await call('POST', '/redemptions/redeem', MERCHANT, { volunteerQr: qr.payload, redemptionId: order.id });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as RedeemResult).redemption.status).toBe('redeemed');
  });

  it('names the reward in the merchant’s saved language (Tibetan here), Chinese when it has none', async () => {
    expect((await call('PATCH', '/me/preferences', MERCHANT, { language: 'bo' })).statusCode).toBe(200);
    try {
      const reward = await newReward();
      const order = (await redeem(reward.id)).json() as Redemption;
      const res = await call('POST', '/redemptions/redeem', MERCHANT, { code: order.pickupCode });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as RedeemResult).redemption.rewardName).toBe('བརྟག་དཔྱད།');
      const plain = await newReward({ nameBo: null });
      await redeem(plain.id);
      const qr = (await call('GET', '/me/qr', VOLUNTEER)).json() as { payload: string };
      const lookup = (await call('POST', '/redemptions/lookup', MERCHANT, { volunteerQr: qr.payload })).json() as MerchantLookup;
      expect(lookup.openOrders.map((o) => o.rewardName)).toContain(plain.name);
    } finally {
      await call('PATCH', '/me/preferences', MERCHANT, { language: 'zh-CN' });
    }
  });

  it('cannot redeem another merchant’s orders (404)', async () => {
    const reward = await newReward({ merchantId: 'mch_sangyi' });
    const order = (await redeem(reward.id)).json() as Redemption;
    expect((await call('POST', '/redemptions/redeem', MERCHANT, { code: order.pickupCode })).statusCode).toBe(404);
    const [row] = await queryRows<{ status: string }>(t.db, sql`SELECT status FROM redemptions WHERE id = ${order.id}`);
    expect(row!.status).toBe('pending_pickup');
  });

  it('has demo orders in every state', async () => {
    const rows = await queryRows<{ status: string }>(t.db, sql`SELECT DISTINCT status FROM redemptions WHERE id LIKE 'rdm_%'`);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['pending_pickup', 'redeemed', 'cancelled']));
  });
});

describe('shop-side lists', () => {
  it('lists merchants for staff and the merchant’s own shop, and orders without pickup codes', async () => {
    const all = (await call('GET', '/merchants', STREET_ADMIN)).json() as { items: { id: string }[] };
    expect(all.items.map((m) => m.id).sort()).toEqual(['mch_jixiang', 'mch_sangyi']);
    const own = (await call('GET', '/merchants', MERCHANT)).json() as { items: { id: string }[] };
    expect(own.items.map((m) => m.id)).toEqual(['mch_jixiang']);
    expect((await call('GET', '/merchants', VOLUNTEER)).statusCode).toBe(403);
    const orders = (await call('GET', '/redemptions?status=pending_pickup&limit=200', MERCHANT)).json() as { items: Redemption[] };
    expect(orders.items.length).toBeGreaterThan(0);
    expect(orders.items.every((o) => o.pickupCode === null && o.merchantName === '吉祥爱心超市' && o.status === 'pending_pickup')).toBe(
      true,
    );
    expect((await call('GET', '/redemptions', VOLUNTEER)).statusCode).toBe(403);
  });
});

describe(periodStart.name, () => {
  it('starts periods at local midnight (UTC+8)', () => {
    const now = new Date('2026-11-29T10:00:00Z');
    expect(periodStart('month', now).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(periodStart('quarter', now).toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(periodStart('year', now).toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });
});
