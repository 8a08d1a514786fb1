import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Demand } from '@duodi/contracts';
import { queryRows } from '../../src/platform/db/client.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const meOf: Record<string, { personId: string; volunteerId: string | null; gridId: string | null }> = {};
const STREET_ADMIN = '13900000001';
const SANGYI_ADMIN = '13900000002';
const JIXIANG_ADMIN = '13900000003';
const GRID_WORKER = '13900000004';
const LEADER = '13900000005';
const VOLUNTEER = '13900000006';
const VOLUNTEER_2 = '13900000007';
const RESIDENT = '13900000008';
const OUTSIDER_VOLUNTEER = '13900000009';

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of [
    STREET_ADMIN,
    SANGYI_ADMIN,
    JIXIANG_ADMIN,
    GRID_WORKER,
    LEADER,
    VOLUNTEER,
    VOLUNTEER_2,
    RESIDENT,
    OUTSIDER_VOLUNTEER,
  ]) {
    tokens[phone] = await t.login(phone);
    meOf[phone] = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens[phone]!) })).json();
  }
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST', url: string, phone?: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(phone ? bearer(tokens[phone]!) : {}), ...headers },
    ...(payload !== undefined ? { payload: payload as string } : {}),
  });
const n = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.db, query))[0]!.n;
const demandCount = () => n(sql`SELECT count(*)::int AS n FROM demands`);
const row = async (id: string) =>
  (
    await queryRows<{ status: string; version: number; team_id: string | null; accepted_count: number }>(
      t.db,
      sql`SELECT status, version, team_id, accepted_count FROM demands WHERE id = ${id}`,
    )
  )[0]!;
const historyCount = (id: string) => n(sql`SELECT count(*)::int AS n FROM demand_history WHERE demand_id = ${id}`);

const order = async (over: Record<string, unknown> = {}, phone = RESIDENT) => {
  const res = await call('POST', '/demands', phone, {
    serviceItemId: 'svc_haircut',
    description: '想请志愿者上门理发，腿脚不方便',
    gridId: 'grid_sy_02',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Demand;
};
const step = (id: string, action: string, phone: string, payload?: unknown, headers?: Record<string, string>) =>
  call('POST', `/demands/${id}/${action}`, phone, payload, headers);
const ok = async (id: string, action: string, phone: string, payload?: unknown) => {
  const res = await step(id, action, phone, payload);
  expect(res.statusCode, `${action} by ${phone}: ${res.body}`).toBe(200);
  return res.json() as Demand;
};
/** A demand of the resident, taken to `assigned` to 布谷响铃. */
const assigned = async (over: Record<string, unknown> = {}) => {
  const d = await order(over);
  await ok(d.id, 'publish', SANGYI_ADMIN);
  await ok(d.id, 'assign', LEADER, { teamId: 'team_bugu' });
  return d;
};

describe('service menu', () => {
  it('is public and lists the 20 items', async () => {
    const res = await call('GET', '/service-items');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; name: string; typicalMinutes: number }[];
    expect(items).toHaveLength(20);
    expect(items.find((i) => i.id === 'svc_haircut')).toMatchObject({
      name: expect.stringContaining('理发'),
      typicalMinutes: expect.any(Number),
    });
  });
});

describe('the full chain over HTTP', () => {
  it('resident orders, community publishes, team takes, volunteer accepts, serves, resident rates, grid worker closes', async () => {
    const d = await order({ preferredStart: '2026-12-02T10:00:00+08:00', preferredEnd: '2026-12-02T12:00:00+08:00' });
    expect(d).toMatchObject({
      status: 'submitted',
      communityId: 'com_sy',
      gridId: 'grid_sy_02',
      teamId: null,
      channel: 'app',
      feeFlag: false,
    });
    expect(d.beneficiary?.id).toBe(meOf[RESIDENT]!.personId);

    await ok(d.id, 'publish', SANGYI_ADMIN, { note: '请布谷响铃认领' });
    // A published demand is on the market for the leader of a 桑伊 team, not yet for its volunteers.
    expect((await call('GET', `/demands/${d.id}`, LEADER)).statusCode).toBe(200);
    expect((await call('GET', `/demands/${d.id}`, VOLUNTEER)).statusCode).toBe(404);

    await ok(d.id, 'assign', LEADER, { teamId: 'team_bugu' });
    const offer = (await call('GET', `/demands/${d.id}`, VOLUNTEER)).json() as Demand;
    expect(offer.status).toBe('assigned');
    expect(offer.beneficiary?.phone).toBeNull();
    expect(offer.beneficiary?.address).toBeNull();

    const accepted = await ok(d.id, 'accept', VOLUNTEER);
    expect(accepted.status).toBe('accepted');
    expect(accepted.volunteerIds).toEqual([meOf[VOLUNTEER]!.volunteerId]);
    expect(accepted.beneficiary?.phone).toMatch(/^1\d{10}$/);
    expect(accepted.beneficiary?.address).toBeTruthy();
    expect(await n(sql`SELECT count(*)::int AS n FROM access_log WHERE purpose = ${`demand_service:${d.id}`}`)).toBeGreaterThan(0);

    await ok(d.id, 'start', VOLUNTEER);
    const done = await ok(d.id, 'complete', VOLUNTEER, { minutes: 45, summary: '上门理发，老人很满意' });
    expect(done.status).toBe('completed');
    const records = await queryRows<{ status: string; credited_minutes: number; volunteer_id: string }>(
      t.db,
      sql`SELECT status, credited_minutes, volunteer_id FROM service_records WHERE demand_id = ${d.id}`,
    );
    expect(records).toEqual([{ status: 'pending', credited_minutes: 45, volunteer_id: meOf[VOLUNTEER]!.volunteerId }]);

    const rated = await ok(d.id, 'rate', RESIDENT, { score: 5, comment: '谢谢' });
    expect(rated).toMatchObject({ status: 'rated', rating: 5 });
    const closed = await ok(d.id, 'close', GRID_WORKER, { followUp: '电话回访，满意' });
    expect(closed.status).toBe('closed');
    // After close the volunteer no longer sees the phone.
    const after = (await call('GET', `/demands/${d.id}`, VOLUNTEER)).json() as Demand;
    expect(after.beneficiary?.phone).toBeNull();
    expect(after.history.map((h) => h.to)).toEqual([
      'submitted',
      'published',
      'assigned',
      'accepted',
      'in_service',
      'completed',
      'rated',
      'closed',
    ]);
    expect(after.history[1]).toMatchObject({ action: 'publish', from: 'submitted', note: '请布谷响铃认领' });
    expect(await verifyAuditChain(t.db, 'duodi')).toBeNull();
  });

  it('a grid worker orders for a resident of the grid by phone', async () => {
    const d = await order({ beneficiaryId: meOf[RESIDENT]!.personId, channel: 'phone' }, GRID_WORKER);
    expect(d).toMatchObject({ status: 'submitted', channel: 'phone', requesterId: null });
    expect(d.beneficiary?.address).toBeTruthy();
    // The resident sees it among their own.
    const mine = (await call('GET', '/demands?limit=200', RESIDENT)).json() as { items: { id: string }[] };
    expect(mine.items.map((i) => i.id)).toContain(d.id);
  });
});

describe('rules of ordering', () => {
  it('DR-19: an emergency is refused with the number to call, the grid alerted, nothing created', async () => {
    const before = await demandCount();
    const res = await call('POST', '/demands', RESIDENT, {
      serviceItemId: 'svc_companionship',
      description: '奶奶突然晕倒了，呼吸困难',
      gridId: 'grid_sy_02',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'emergency_not_volunteer_service' });
    expect(res.json().detail).toContain('120');
    expect(await demandCount()).toBe(before);
    const alerts = await queryRows<{ new_value: { call: string } }>(
      t.db,
      sql`SELECT new_value FROM audit_log WHERE action = 'demand.emergency_alert' AND entity_id = 'grid_sy_02'`,
    );
    expect(alerts.at(-1)?.new_value.call).toBe('120');
    const bo = await t.app.inject({
      method: 'POST',
      url: '/api/v1/demands',
      headers: { ...bearer(tokens[RESIDENT]!), 'accept-language': 'bo' },
      payload: { serviceItemId: 'svc_companionship', description: '家里着火了，冒烟', gridId: 'grid_sy_02' },
    });
    expect(bo.statusCode).toBe(422);
    expect(bo.json().detail).toContain('119');
  });

  it('DR-17: text asking for payment is accepted and flagged', async () => {
    const d = await order({ description: '帮我修一下水管，给50块辛苦费', serviceItemId: 'svc_repair_plumbing' });
    expect(d.feeFlag).toBe(true);
  });

  it('a resident may order only in their own grid; a volunteer may not order; a foreign grid is 404', async () => {
    const before = await demandCount();
    expect(
      (await call('POST', '/demands', RESIDENT, { serviceItemId: 'svc_haircut', description: '理发', gridId: 'grid_jx_02' })).statusCode,
    ).toBe(403);
    expect(
      (await call('POST', '/demands', OUTSIDER_VOLUNTEER, { serviceItemId: 'svc_haircut', description: '理发', gridId: 'grid_sy_02' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('POST', '/demands', RESIDENT, { serviceItemId: 'svc_haircut', description: '理发', gridId: 'grid_nowhere' })).statusCode,
    ).toBe(404);
    expect(
      (await call('POST', '/demands', JIXIANG_ADMIN, { serviceItemId: 'svc_haircut', description: '理发', gridId: 'grid_sy_02' }))
        .statusCode,
    ).toBe(403);
    expect(await demandCount()).toBe(before);
  });

  it('bad inputs are 400 and change nothing', async () => {
    const before = await demandCount();
    const bad: unknown[] = [
      {},
      { serviceItemId: 'svc_haircut', gridId: 'grid_sy_02' },
      { serviceItemId: 'svc_haircut', description: '', gridId: 'grid_sy_02' },
      { serviceItemId: 'svc_haircut', description: 'x'.repeat(1001), gridId: 'grid_sy_02' },
      { serviceItemId: 'svc_haircut', description: 42, gridId: 'grid_sy_02' },
      { serviceItemId: 'svc_haircut', description: 'a\u0000b', gridId: 'grid_sy_02' },
      { serviceItemId: "x'; DROP TABLE demands;--", description: '理发', gridId: 'grid_sy_02' },
      { serviceItemId: 'svc_unknown', description: '理发', gridId: 'grid_sy_02' },
      { serviceItemId: 'svc_haircut', description: '理发', gridId: 'grid_sy_02', urgency: 'very' },
      { serviceItemId: 'svc_haircut', description: '理发', gridId: 'grid_sy_02', channel: 'fax' },
      { serviceItemId: 'svc_haircut', description: '理发', gridId: 'grid_sy_02', preferredStart: 'tomorrow' },
      {
        serviceItemId: 'svc_haircut',
        description: '理发',
        gridId: 'grid_sy_02',
        preferredStart: '2026-12-02T12:00:00+08:00',
        preferredEnd: '2026-12-02T10:00:00+08:00',
      },
      { serviceItemId: 'svc_haircut', description: '理发', gridId: 'grid_sy_02', price: 20 },
    ];
    for (const payload of bad) {
      const res = await call('POST', '/demands', RESIDENT, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await demandCount()).toBe(before);
    const d = await assigned();
    const v = await row(d.id);
    for (const [action, payload] of [
      ['reject', {}],
      ['cancel', { reason: '' }],
      ['assign', { teamId: "team'; --" }],
      ['assign', {}],
      ['complete', { minutes: 0, summary: 'x' }],
      ['complete', { minutes: 2000, summary: 'x' }],
      ['rate', { score: 6 }],
      ['rate', { score: 'five' }],
    ] as const) {
      expect((await step(d.id, action, STREET_ADMIN, payload)).statusCode, `${action} ${JSON.stringify(payload)}`).toBe(400);
    }
    expect(await row(d.id)).toEqual(v);
    // A published demand: an unknown team, or a team of another community, is refused as input.
    const p = await order();
    await ok(p.id, 'publish', SANGYI_ADMIN);
    const w = await row(p.id);
    for (const teamId of ['team_nowhere', 'team_amala']) {
      const res = await step(p.id, 'assign', SANGYI_ADMIN, { teamId });
      expect(res.statusCode, teamId).toBe(400);
      expect(res.json().errors[0].field).toBe('teamId');
    }
    expect(await row(p.id)).toEqual(w);
  });
});

describe('scope', () => {
  it('another community’s admin and a volunteer of another team see nothing and change nothing (404)', async () => {
    const d = await assigned();
    const before = await row(d.id);
    const h = await historyCount(d.id);
    expect((await call('GET', `/demands/${d.id}`, JIXIANG_ADMIN)).statusCode).toBe(404);
    expect((await step(d.id, 'cancel', JIXIANG_ADMIN, { reason: '不需要' })).statusCode).toBe(404);
    expect((await step(d.id, 'accept', OUTSIDER_VOLUNTEER)).statusCode).toBe(404);
    const list = (await call('GET', '/demands?limit=200', JIXIANG_ADMIN)).json() as { items: { communityId: string }[] };
    expect(list.items.every((i) => i.communityId === 'com_jx')).toBe(true);
    expect(await row(d.id)).toEqual(before);
    expect(await historyCount(d.id)).toBe(h);
  });

  it('a wrong role is 403 and changes nothing', async () => {
    const d = await order();
    const before = await row(d.id);
    expect((await step(d.id, 'publish', RESIDENT)).statusCode).toBe(403);
    expect((await step(d.id, 'publish', GRID_WORKER)).statusCode).toBe(403);
    expect(await row(d.id)).toEqual(before);
    expect(await historyCount(d.id)).toBe(1);
  });

  it('mine=1 lists the caller’s own orders (placed by them for themselves, or for them by staff), whatever else their roles show', async () => {
    const forResident = await order({ beneficiaryId: meOf[RESIDENT]!.personId, channel: 'phone' }, GRID_WORKER);
    const ids = async (phone: string, query: string) =>
      ((await call('GET', `/demands?limit=200&${query}`, phone)).json() as { items: { id: string; requesterId: string | null }[] }).items;
    expect((await ids(RESIDENT, 'mine=1')).map((i) => i.id)).toContain(forResident.id);
    // The grid worker placed it for someone else: it is on their grid's list, not among their own orders.
    expect((await ids(GRID_WORKER, '')).map((i) => i.id)).toContain(forResident.id);
    expect((await ids(GRID_WORKER, 'mine=true')).map((i) => i.id)).not.toContain(forResident.id);
    // A volunteer sees the team's demands, but none of them are the volunteer's own orders.
    expect((await ids(VOLUNTEER, '')).length).toBeGreaterThan(0);
    expect(await ids(VOLUNTEER, 'mine=1')).toEqual([]);
    expect((await call('GET', '/demands?mine=yes', VOLUNTEER)).statusCode).toBe(400);
  });

  it('lists by filters, paginated, with the caller’s scope', async () => {
    const page1 = (await call('GET', '/demands?limit=2&communityId=com_sy', STREET_ADMIN)).json() as {
      items: { id: string; communityId: string }[];
      nextCursor: string;
    };
    expect(page1.items).toHaveLength(2);
    const page2 = (await call('GET', `/demands?limit=2&communityId=com_sy&cursor=${page1.nextCursor}`, STREET_ADMIN)).json() as {
      items: { id: string }[];
    };
    expect(page2.items.map((i) => i.id)).not.toContain(page1.items[0]!.id);
    const urgent = (await call('GET', '/demands?urgency=urgent&limit=200', SANGYI_ADMIN)).json() as {
      items: { urgency: string; communityId: string }[];
    };
    expect(urgent.items.every((i) => i.urgency === 'urgent' && i.communityId === 'com_sy')).toBe(true);
    const offers = (await call('GET', '/demands?status=assigned&limit=200', VOLUNTEER)).json() as { items: { teamId: string }[] };
    expect(offers.items.length).toBeGreaterThan(0);
    expect(offers.items.every((i) => i.teamId === 'team_bugu')).toBe(true);
    expect((await call('GET', '/demands?status=nope', STREET_ADMIN)).statusCode).toBe(400);
    expect((await call('GET', '/demands?cursor=garbage', STREET_ADMIN)).statusCode).toBe(400);
    expect((await call('GET', '/demands')).statusCode).toBe(401);
  });
});

describe('demo data', () => {
  it('布谷响铃 has open offers in the demo data that volunteer …06 can accept', async () => {
    const offers = (await call('GET', '/demands?status=assigned&teamId=team_bugu&limit=200', VOLUNTEER)).json() as {
      items: { id: string; volunteersNeeded: number; volunteerIds: string[] }[];
    };
    const offer = offers.items.find((o) => o.volunteersNeeded === 1 && o.volunteerIds.length === 0 && o.id.startsWith('dem_0'));
    expect(offer).toBeDefined();
    expect((await ok(offer!.id, 'accept', VOLUNTEER)).status).toBe('accepted');
  });

  it('the street overview counts open and completed demands', async () => {
    const s = (await call('GET', '/stats/overview')).json() as { demandsOpen: number; demandsCompleted: number };
    const open = await n(
      sql`SELECT count(*)::int AS n FROM demands WHERE status IN ('submitted', 'published', 'assigned', 'accepted', 'in_service')`,
    );
    const done = await n(sql`SELECT count(*)::int AS n FROM demands WHERE status IN ('completed', 'rated', 'closed')`);
    expect(s).toMatchObject({ demandsOpen: open, demandsCompleted: done });
    expect(s.demandsOpen).toBeGreaterThan(0);
    expect(s.demandsCompleted).toBeGreaterThan(200);
  });

  it('the demo resident sees their own demands in several statuses', async () => {
    const mine = (await call('GET', '/demands?limit=200', RESIDENT)).json() as { items: { status: string; id: string }[] };
    expect(new Set(mine.items.filter((i) => i.id.startsWith('dem_0')).map((i) => i.status)).size).toBeGreaterThanOrEqual(4);
  });
});

describe('work-order rules', () => {
  it('a dissatisfied rating sends it back once for rework (重办), then it can be rated and closed', async () => {
    const d = await assigned();
    await ok(d.id, 'accept', VOLUNTEER);
    await ok(d.id, 'start', VOLUNTEER);
    await ok(d.id, 'complete', VOLUNTEER, { minutes: 30, summary: '理发' });
    const back = await ok(d.id, 'rate', RESIDENT, { score: 2, comment: '剪得不好' });
    expect(back).toMatchObject({ status: 'accepted', reworkCount: 1, rating: 2 });
    expect(back.history.at(-1)).toMatchObject({ action: 'rate', from: 'completed', to: 'accepted' });
    expect(back.history.at(-1)?.note).toContain('重办');
    await ok(d.id, 'start', VOLUNTEER);
    await ok(d.id, 'complete', VOLUNTEER, { minutes: 20, summary: '重新修剪' });
    const second = await ok(d.id, 'rate', GRID_WORKER, { score: 1 });
    expect(second).toMatchObject({ status: 'rated', reworkCount: 1, rating: 1 });
    await ok(d.id, 'close', SANGYI_ADMIN, { followUp: '已上门致歉' });
    expect(await n(sql`SELECT count(*)::int AS n FROM service_records WHERE demand_id = ${d.id}`)).toBe(2);
  });

  it('a multi-volunteer demand accepts until filled; the next is 409 conflict', async () => {
    const d = await assigned({ serviceItemId: 'svc_environment_cleanup', description: '楼道垃圾清理，需要两个人', volunteersNeeded: 2 });
    const first = await ok(d.id, 'accept', VOLUNTEER);
    expect(first).toMatchObject({ status: 'assigned', volunteerIds: [meOf[VOLUNTEER]!.volunteerId] });
    expect((await step(d.id, 'accept', VOLUNTEER)).statusCode).toBe(409);
    const second = await ok(d.id, 'accept', VOLUNTEER_2);
    expect(second.status).toBe('accepted');
    expect(second.volunteerIds).toHaveLength(2);
    const late = await step(d.id, 'accept', LEADER);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('conflict');
    expect((await row(d.id)).accepted_count).toBe(2);
  });

  it('rejection needs a reason the requester sees; cancel only before service', async () => {
    const d = await order();
    const rejected = await ok(d.id, 'reject', SANGYI_ADMIN, { reason: '不属于志愿服务范围' });
    expect(rejected.rejectReason).toBe('不属于志愿服务范围');
    expect(((await call('GET', `/demands/${d.id}`, RESIDENT)).json() as Demand).rejectReason).toBe('不属于志愿服务范围');
    const e = await assigned();
    await ok(e.id, 'accept', VOLUNTEER);
    await ok(e.id, 'start', VOLUNTEER);
    const res = await step(e.id, 'cancel', RESIDENT, { reason: '不需要了' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invalid_transition');
    const f = await order();
    expect((await ok(f.id, 'cancel', RESIDENT, { reason: '家人来帮忙了' })).status).toBe('cancelled');
  });

  it('Idempotency-Key: the same request answers the first answer; another request with the key is 409', async () => {
    const d = await order();
    const key = { 'idempotency-key': '5d0c2a4e-6b7f-4a0e-9d7c-1f2e3a4b5c6d' };
    const first = await step(d.id, 'publish', SANGYI_ADMIN, { note: '发布' }, key);
    expect(first.statusCode).toBe(200);
    const again = await step(d.id, 'publish', SANGYI_ADMIN, { note: '发布' }, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await historyCount(d.id)).toBe(2);
    const other = await step(d.id, 'publish', SANGYI_ADMIN, { note: '另一个' }, key);
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('idempotency_key_reused');
    const created = await call(
      'POST',
      '/demands',
      RESIDENT,
      { serviceItemId: 'svc_haircut', description: '理发', gridId: 'grid_sy_02' },
      { 'idempotency-key': 'create-0001-abc' },
    );
    const count = await demandCount();
    const replay = await call(
      'POST',
      '/demands',
      RESIDENT,
      { serviceItemId: 'svc_haircut', description: '理发', gridId: 'grid_sy_02' },
      { 'idempotency-key': 'create-0001-abc' },
    );
    expect(replay.json().id).toBe(created.json().id);
    expect(await demandCount()).toBe(count);
    // The stored answers are ciphertexts: no description, no phone in clear.
    const stored = await queryRows<{ response: Record<string, unknown> }>(t.db, sql`SELECT response FROM idempotency_keys`);
    expect(stored.length).toBeGreaterThanOrEqual(2);
    for (const r of stored) {
      expect(Object.keys(r.response)).toEqual(['enc']);
      expect(JSON.stringify(r.response)).not.toContain('理发');
    }
  });

  it('two volunteers accepting a one-volunteer demand at once: exactly one wins, the other 409', async () => {
    for (let round = 0; round < 3; round++) {
      const d = await assigned();
      const results = await Promise.all([step(d.id, 'accept', VOLUNTEER), step(d.id, 'accept', VOLUNTEER_2)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.statusCode === 409)!.json().code).toMatch(/^(conflict|invalid_transition)$/);
      expect(await n(sql`SELECT count(*)::int AS n FROM demand_history WHERE demand_id = ${d.id} AND to_status = 'accepted'`)).toBe(1);
      expect(await n(sql`SELECT count(*)::int AS n FROM demand_volunteers WHERE demand_id = ${d.id}`)).toBe(1);
    }
  });
});
