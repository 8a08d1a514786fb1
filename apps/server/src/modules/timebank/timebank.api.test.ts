import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimeBankWithdrawal } from '@duodi/contracts';
import { queryRows } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';
import { checkLedgerInvariants, personAccountId, personBalance, systemAccountId, transfer } from '../ledger/index.js';
import { expireWithdrawals } from './index.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const SANGYI_ADMIN = '13900000002';
const JIXIANG_ADMIN = '13900000003';
const LEADER = '13900000005';
const VOLUNTEER = '13900000006'; // 扎西平措 per_000041, household with per_000042 (spouse) and per_000043 (child)
const VOLUNTEER_2 = '13900000007';
const RESIDENT = '13900000008'; // 索朗卓玛 per_000047, born 1952
const STREET = 'duodi';

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of [SANGYI_ADMIN, JIXIANG_ADMIN, LEADER, VOLUNTEER, VOLUNTEER_2, RESIDENT]) tokens[phone] = await t.login(phone);
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST', url: string, phone: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...bearer(tokens[phone]!), ...headers },
    ...(payload !== undefined ? { payload: payload as string } : {}),
  });
const coins = (personId: string) => personBalance(t.db, STREET, personId, 'time_bank');

describe('time bank: relatives and donations', () => {
  it('records a relation only by community staff of the household, and lists it for both sides', async () => {
    expect(
      (await call('POST', '/time-bank/relations', VOLUNTEER, { personId: 'per_000041', relativePersonId: 'per_000043', relation: 'child' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await call('POST', '/time-bank/relations', JIXIANG_ADMIN, {
          personId: 'per_000041',
          relativePersonId: 'per_000043',
          relation: 'child',
        })
      ).statusCode,
    ).toBe(404);
    const notSame = await call('POST', '/time-bank/relations', SANGYI_ADMIN, {
      personId: 'per_000041',
      relativePersonId: 'per_000047',
      relation: 'parent',
    });
    expect(notSame.statusCode).toBe(400);
    expect(notSame.json().errors[0]).toMatchObject({ field: 'relativePersonId' });
    const ok = await call('POST', '/time-bank/relations', SANGYI_ADMIN, {
      personId: 'per_000041',
      relativePersonId: 'per_000043',
      relation: 'child',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const mine = (await call('GET', '/time-bank/relatives', VOLUNTEER)).json().items;
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: 'per_000042', relation: 'spouse' }),
        expect.objectContaining({ personId: 'per_000043', relation: 'child' }),
      ]),
    );
  });

  it('gives coins to a registered relative once per Idempotency-Key, and refuses anyone else with 422 not_a_relative', async () => {
    const before = await coins('per_000041');
    const spouseBefore = await coins('per_000042');
    expect(before).toBeGreaterThan(100);
    const key = { 'idempotency-key': 'tb-gift-00000001' };
    const first = await call('POST', '/time-bank/transfers', VOLUNTEER, { toPersonId: 'per_000042', minutes: 60 }, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await call('POST', '/time-bank/transfers', VOLUNTEER, { toPersonId: 'per_000042', minutes: 60 }, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().transferId).toBe(first.json().transferId);
    expect(await coins('per_000041')).toBe(before - 60);
    expect(await coins('per_000042')).toBe(spouseBefore + 60);
    const reused = await call('POST', '/time-bank/transfers', VOLUNTEER, { toPersonId: 'per_000042', minutes: 61 }, key);
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ code: 'idempotency_key_reused' });

    for (const toPersonId of ['per_000047', 'per_000044', 'per_000041', 'per_nobody']) {
      const res = await call('POST', '/time-bank/transfers', VOLUNTEER, { toPersonId, minutes: 10 });
      expect(res.statusCode, toPersonId).toBe(422);
      expect(res.json()).toMatchObject({ code: 'not_a_relative' });
    }
    const tooMuch = await call('POST', '/time-bank/transfers', VOLUNTEER, { toPersonId: 'per_000042', minutes: before + 1 });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({ code: 'insufficient_balance' });
    const bad = await call('POST', '/time-bank/transfers', VOLUNTEER, { toPersonId: 'per_000042', minutes: 0 });
    expect(bad.statusCode).toBe(400);
    expect(await coins('per_000041')).toBe(before - 60);
  });

  it('donates to the public pool', async () => {
    const before = await coins('per_000041');
    const res = await call('POST', '/time-bank/donations', VOLUNTEER, { minutes: 30 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ minutes: 30, balance: before - 30 });
    expect((await checkLedgerInvariants(t.db)).ok).toBe(true);
  });
});

describe('time bank: withdrawals', () => {
  beforeAll(async () => {
    // The resident (74) has no coins of her own in the demo: the street issues her some for the test.
    await withTransaction(t.db, async (tx) =>
      transfer(tx, {
        streetId: STREET,
        currency: 'time_bank',
        fromAccountId: await systemAccountId(tx, STREET, 'issuing', 'time_bank'),
        toAccountId: await personAccountId(tx, STREET, 'per_000047', 'time_bank'),
        amount: 600,
        idempotencyKey: 'test:grant:per_000047',
        kind: 'adjust',
      }),
    );
  });

  const withdraw = (phone: string, body: Record<string, unknown>, key?: string) =>
    call(
      'POST',
      '/time-bank/withdrawals',
      phone,
      { serviceItemId: 'svc_companionship', description: '想请志愿者陪我聊聊天', ...body },
      key ? { 'idempotency-key': key } : {},
    );

  it('refuses a withdrawal when neither holder nor beneficiary is old enough', async () => {
    const before = await coins('per_000041');
    const res = await withdraw(VOLUNTEER, { minutes: 60 });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'below_withdraw_age' });
    expect(await coins('per_000041')).toBe(before);
  });

  it('freezes coins and creates a demand; refunds them when nobody confirms in time', async () => {
    const demandsBefore = (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM demands`))[0]!.n;
    const res = await withdraw(RESIDENT, { minutes: 120 }, 'tb-withdrawal-0001');
    expect(res.statusCode, res.body).toBe(201);
    const w = res.json() as TimeBankWithdrawal;
    expect(w).toMatchObject({ status: 'escrowed', minutes: 120, holderPersonId: 'per_000047', beneficiaryPersonId: 'per_000047' });
    expect(w.demandId).toEqual(expect.any(String));
    const replay = await withdraw(RESIDENT, { minutes: 120 }, 'tb-withdrawal-0001');
    expect(replay.json().id).toBe(w.id);
    expect(await coins('per_000047')).toBe(480);
    expect((await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM demands`))[0]!.n).toBe(demandsBefore + 1);
    // Not served yet: nothing to confirm.
    expect((await call('POST', `/time-bank/withdrawals/${w.id}/confirm`, RESIDENT)).statusCode).toBe(409);
    expect((await call('POST', `/time-bank/withdrawals/${w.id}/confirm`, VOLUNTEER_2)).statusCode).toBe(404);
    // The job refunds after the timeout (default 14 days), once.
    expect(await expireWithdrawals(t.deps, new Date(Date.now() + 13 * 86_400_000))).toBe(0);
    expect(await expireWithdrawals(t.deps, new Date(Date.now() + 15 * 86_400_000))).toBe(1);
    expect(await expireWithdrawals(t.deps, new Date(Date.now() + 15 * 86_400_000))).toBe(0);
    expect(await coins('per_000047')).toBe(600);
    const mine = (await call('GET', '/time-bank/withdrawals', RESIDENT)).json().items as TimeBankWithdrawal[];
    expect(mine.find((x) => x.id === w.id)).toMatchObject({ status: 'refunded' });
    expect((await checkLedgerInvariants(t.db)).ok).toBe(true);
  });

  it('releases the coins to the serving volunteer on the recipient’s confirmation', async () => {
    const res = await withdraw(RESIDENT, { minutes: 90 });
    expect(res.statusCode, res.body).toBe(201);
    const w = res.json() as TimeBankWithdrawal;
    const step = async (action: string, phone: string, payload: unknown = {}) => {
      const r = await call('POST', `/demands/${w.demandId}/${action}`, phone, payload);
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
    };
    await step('publish', SANGYI_ADMIN);
    await step('assign', LEADER, { teamId: 'team_bugu' });
    await step('accept', VOLUNTEER);
    await step('start', VOLUNTEER);
    await step('complete', VOLUNTEER, { minutes: 90, summary: '陪老人聊天、读报' });
    const volunteerBefore = await coins('per_000041');
    const confirmed = await call('POST', `/time-bank/withdrawals/${w.id}/confirm`, RESIDENT);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'released' });
    expect(await coins('per_000041')).toBe(volunteerBefore + 90);
    expect((await call('POST', `/time-bank/withdrawals/${w.id}/confirm`, RESIDENT)).statusCode).toBe(409);
    expect(await expireWithdrawals(t.deps, new Date(Date.now() + 30 * 86_400_000))).toBe(0);
    expect((await checkLedgerInvariants(t.db)).ok).toBe(true);
  });
});
