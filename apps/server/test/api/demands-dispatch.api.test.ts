import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Demand, SuggestDispatchResult } from '@duodi/contracts';
import { queryRows } from '../../src/platform/db/client.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const PHONES = ['13900000001', '13900000002', '13900000003', '13900000005', '13900000006', '13900000008'] as const;

const call = (method: 'GET' | 'POST', url: string, phone: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[phone]!), ...(payload !== undefined ? { payload: payload as string } : {}) });
const suggest = (phone: string, body: unknown) => call('POST', '/demands/suggest-dispatch', phone, body);

async function counts() {
  const [row] = await queryRows<{ d: number; h: number; v: number; s: string }>(
    t.db,
    sql`SELECT (SELECT count(*)::int FROM demands) AS d, (SELECT count(*)::int FROM demand_history) AS h,
               (SELECT count(*)::int FROM demand_volunteers) AS v,
               (SELECT coalesce(string_agg(id || ':' || status || ':' || version || ':' || accepted_count, ',' ORDER BY id), '') FROM demands) AS s`,
  );
  return row!;
}

async function order(publish: boolean, assignTeam?: string): Promise<Demand> {
  const res = await call('POST', '/demands', '13900000008', {
    serviceItemId: 'svc_repair_electrical',
    description: '家里灯不亮了，请人帮忙看看',
    gridId: 'grid_sy_02',
    preferredStart: '2026-12-05T15:00:00+08:00',
    preferredEnd: '2026-12-05T18:00:00+08:00',
  });
  expect(res.statusCode, res.body).toBe(201);
  const d = res.json() as Demand;
  if (publish) expect((await call('POST', `/demands/${d.id}/publish`, '13900000002')).statusCode).toBe(200);
  if (assignTeam) expect((await call('POST', `/demands/${d.id}/assign`, '13900000005', { teamId: assignTeam })).statusCode).toBe(200);
  return d;
}

let assigned: Demand;
let published: Demand;

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of PHONES) tokens[phone] = await t.login(phone);
  assigned = await order(true, 'team_bugu');
  published = await order(true);
});
afterAll(() => t?.close());

/** Checks the suggestion against the database: feasible, eligible only, capacities kept. */
async function expectFeasible(result: SuggestDispatchResult, opts: { onlyTeam?: string }) {
  const ids = result.items.map((i) => i.demandId);
  expect(new Set(ids).size).toBe(ids.length);
  const demands = ids.length
    ? await queryRows<{ id: string; status: string; team_id: string | null; volunteers_needed: number; accepted_count: number }>(
        t.db,
        sql`SELECT id, status, team_id, volunteers_needed, accepted_count FROM demands WHERE id IN ${ids}`,
      )
    : [];
  const byId = new Map(demands.map((d) => [d.id, d]));
  const members = await queryRows<{ team_id: string; volunteer_id: string }>(t.db, sql`SELECT team_id, volunteer_id FROM team_members`);
  const active = new Set((await queryRows<{ id: string }>(t.db, sql`SELECT id FROM volunteers WHERE status = 'active'`)).map((r) => r.id));
  const taken = await queryRows<{ demand_id: string; volunteer_id: string }>(t.db, sql`SELECT demand_id, volunteer_id FROM demand_volunteers`);
  const load = await queryRows<{ volunteer_id: string; n: number }>(
    t.db,
    sql`SELECT dv.volunteer_id, count(*)::int AS n FROM demand_volunteers dv JOIN demands d ON d.id = dv.demand_id
        WHERE d.status IN ('assigned', 'accepted', 'in_service') GROUP BY dv.volunteer_id`,
  );
  const loadOf = new Map(load.map((l) => [l.volunteer_id, l.n]));
  const uses = new Map<string, number>();
  let cost = 0;
  for (const item of result.items) {
    const d = byId.get(item.demandId)!;
    expect(d, item.demandId).toBeDefined();
    expect(['assigned', 'published']).toContain(d.status);
    if (opts.onlyTeam) {
      expect(d.status).toBe('assigned');
      expect(d.team_id).toBe(opts.onlyTeam);
    }
    const slots = d.volunteers_needed - d.accepted_count;
    expect(slots).toBeGreaterThan(0);
    expect(item.volunteers.length + item.unfilled).toBe(slots);
    const vs = item.volunteers.map((v) => v.volunteerId);
    expect(new Set(vs).size).toBe(vs.length);
    for (const v of item.volunteers) {
      expect(active.has(v.volunteerId)).toBe(true);
      expect(taken.some((x) => x.demand_id === d.id && x.volunteer_id === v.volunteerId)).toBe(false);
      if (d.status === 'assigned') expect(members.some((m) => m.team_id === d.team_id && m.volunteer_id === v.volunteerId)).toBe(true);
      expect(v.score).toBeGreaterThanOrEqual(0);
      expect(v.score).toBeLessThanOrEqual(100);
      expect(Object.keys(v.reasons).sort()).toEqual(['availability', 'distance', 'language', 'reliability', 'skills', 'workload']);
      uses.set(v.volunteerId, (uses.get(v.volunteerId) ?? 0) + 1);
      cost += 100 - v.score;
    }
    cost += 100 * item.unfilled;
  }
  for (const [v, n] of uses) expect(n, v).toBeLessThanOrEqual((loadOf.get(v) ?? 0) < 2 ? 2 : 1);
  expect(result.totalCost).toBeCloseTo(cost, 1);
  expect(result.totalCost).toBeLessThanOrEqual(result.greedyCost + 1e-9);
  expect(result.computedMs).toBeGreaterThanOrEqual(0);
}

describe('POST /demands/suggest-dispatch', () => {
  it('gives the street admin a feasible suggestion for the street and for one community, changing nothing', async () => {
    const before = await counts();
    const res = await suggest('13900000001', {});
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as SuggestDispatchResult;
    await expectFeasible(result, {});
    const ids = result.items.map((i) => i.demandId);
    expect(ids).toContain(assigned.id);
    expect(ids).toContain(published.id);
    expect(result.items.some((i) => i.volunteers.length > 0)).toBe(true);
    const one = await suggest('13900000001', { communityId: 'com_sy', limitPerDemand: 5 });
    expect(one.statusCode, one.body).toBe(200);
    const r1 = one.json() as SuggestDispatchResult;
    await expectFeasible(r1, {});
    const communities = await queryRows<{ community_id: string }>(t.db, sql`SELECT DISTINCT community_id FROM demands WHERE id IN ${r1.items.map((i) => i.demandId)}`);
    expect(communities.map((c) => c.community_id)).toEqual(['com_sy']);
    expect(await counts()).toEqual(before);
  });

  it('gives the community admin their community (published and assigned) and the team leader their team only', async () => {
    const before = await counts();
    const admin = await suggest('13900000002', { limitPerDemand: 20 });
    expect(admin.statusCode, admin.body).toBe(200);
    const ra = admin.json() as SuggestDispatchResult;
    await expectFeasible(ra, {});
    expect(ra.items.map((i) => i.demandId)).toEqual(expect.arrayContaining([assigned.id, published.id]));
    const asked = await suggest('13900000002', { communityId: 'com_sy' });
    expect(asked.statusCode).toBe(200);

    const leader = await suggest('13900000005', {});
    expect(leader.statusCode, leader.body).toBe(200);
    const rl = leader.json() as SuggestDispatchResult;
    await expectFeasible(rl, { onlyTeam: 'team_bugu' });
    expect(rl.items.map((i) => i.demandId)).toContain(assigned.id);
    expect(rl.items.map((i) => i.demandId)).not.toContain(published.id);
    const withTeam = await suggest('13900000005', { teamId: 'team_bugu', limitPerDemand: 1 });
    expect(withTeam.statusCode).toBe(200);
    await expectFeasible(withTeam.json() as SuggestDispatchResult, { onlyTeam: 'team_bugu' });
    expect(await counts()).toEqual(before);
  });

  it('is 403 for a resident, a volunteer, another community’s admin and another team’s leader; 404 for unknown places; nothing changed', async () => {
    const before = await counts();
    expect((await suggest('13900000008', {})).statusCode).toBe(403);
    expect((await suggest('13900000006', {})).statusCode).toBe(403);
    const other = await suggest('13900000003', { communityId: 'com_sy' });
    expect(other.statusCode).toBe(403);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect((await suggest('13900000005', { communityId: 'com_sy' })).statusCode).toBe(403);
    const team = await queryRows<{ id: string }>(t.db, sql`SELECT id FROM teams WHERE id <> 'team_bugu' ORDER BY id LIMIT 1`);
    expect((await suggest('13900000005', { teamId: team[0]!.id })).statusCode).toBe(403);
    expect((await suggest('13900000001', { communityId: 'com_nowhere' })).statusCode).toBe(404);
    expect((await suggest('13900000001', { teamId: 'team_nowhere' })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('is 400 for bad input, nothing changed', async () => {
    const before = await counts();
    const bad: unknown[] = [
      { limitPerDemand: 0 },
      { limitPerDemand: 101 },
      { limitPerDemand: 2.5 },
      { limitPerDemand: '5' },
      { communityId: 42 },
      { communityId: 'x'.repeat(5000) },
      { communityId: "com_sy' OR 1=1 --" },
      { teamId: ['team_bugu'] },
      { extra: true },
      [],
    ];
    for (const body of bad) {
      const res = await suggest('13900000001', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/demands/suggest-dispatch', payload: {} })).statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });
});
