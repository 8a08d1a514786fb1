import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Demand } from '@duodi/contracts';
import { queryRows } from '../../src/platform/db/client.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const PHONES = ['13900000001', '13900000002', '13900000003', '13900000004', '13900000005', '13900000006', '13900000008'] as const;

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of PHONES) tokens[phone] = await t.login(phone);
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST', url: string, phone: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[phone]!), ...(payload !== undefined ? { payload: payload as string } : {}) });
const demandCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM demands`))[0]!.n;

async function assignedDemand(): Promise<Demand> {
  const res = await call('POST', '/demands', '13900000008', {
    serviceItemId: 'svc_repair_electrical',
    description: '家里灯不亮了，请人帮忙看看',
    gridId: 'grid_sy_02',
    preferredStart: '2026-12-05T15:00:00+08:00',
    preferredEnd: '2026-12-05T18:00:00+08:00',
  });
  expect(res.statusCode, res.body).toBe(201);
  const d = res.json() as Demand;
  expect((await call('POST', `/demands/${d.id}/publish`, '13900000002')).statusCode).toBe(200);
  expect((await call('POST', `/demands/${d.id}/assign`, '13900000005', { teamId: 'team_bugu' })).statusCode).toBe(200);
  return d;
}

describe('GET /demands/{id}/candidates', () => {
  it('ranks eligible volunteers with the six reasons, best first, for staff and the team leader', async () => {
    const d = await assignedDemand();
    for (const phone of ['13900000001', '13900000002', '13900000004', '13900000005']) {
      const res = await call('GET', `/demands/${d.id}/candidates?limit=10`, phone);
      expect(res.statusCode, phone).toBe(200);
      const items = res.json().items as { volunteerId: string; score: number; reasons: Record<string, number> }[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(10);
      for (let i = 1; i < items.length; i++) expect(items[i - 1]!.score).toBeGreaterThanOrEqual(items[i]!.score);
      expect(Object.keys(items[0]!.reasons).sort()).toEqual(['availability', 'distance', 'language', 'reliability', 'skills', 'workload']);
      // The electrical repair requires the electrician skill: every candidate has at least one required skill.
      const ids = items.map((i) => i.volunteerId);
      const skills = await queryRows<{ skills: string[] }>(t.db, sql`SELECT skills FROM volunteers WHERE id IN ${ids}`);
      expect(skills.every((s) => s.skills.includes('electrician') || s.skills.includes('repair'))).toBe(true);
    }
  });

  it('is 403 for a volunteer who sees the offer, 404 outside, 400 for a bad limit', async () => {
    const d = await assignedDemand();
    expect((await call('GET', `/demands/${d.id}/candidates`, '13900000006')).statusCode).toBe(403);
    expect((await call('GET', `/demands/${d.id}/candidates`, '13900000008')).statusCode).toBe(403);
    expect((await call('GET', `/demands/${d.id}/candidates`, '13900000003')).statusCode).toBe(404);
    expect((await call('GET', `/demands/${d.id}/candidates?limit=0`, '13900000002')).statusCode).toBe(400);
    expect((await call('GET', `/demands/${d.id}/candidates?limit=abc`, '13900000002')).statusCode).toBe(400);
  });

  it('leaves out a volunteer who already accepted', async () => {
    const d = await assignedDemand();
    const accepted = (await call('POST', `/demands/${d.id}/accept`, '13900000006')).json() as Demand;
    // A one-volunteer demand is now accepted; the ranking no longer offers the volunteer who took it.
    const items = (await call('GET', `/demands/${d.id}/candidates?limit=200`, '13900000002')).json().items as { volunteerId: string }[];
    expect(items.map((i) => i.volunteerId)).not.toContain(accepted.volunteerIds[0]);
  });
});

describe('POST /demands/intake', () => {
  const PASTE = [
    '桑伊社区第二网格居民群',
    '卓玛 10:32',
    '阳光小区2栋的次仁奶奶家水管漏水了，能不能派人来修一下？电话 13812345678',
    '扎西 10:40',
    '收到',
    '央金 10:45',
    '楼下冒烟了，好像着火了！',
  ].join('\n');

  it('drafts demands from the grid group for a grid worker, and creates none', async () => {
    const before = await demandCount();
    const res = await call('POST', '/demands/intake', '13900000004', { text: PASTE });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { serviceItemId: string | null; emergency: { call: string } | null; contactPhone: string | null; gridId: string | null }[];
    const plumbing = items.find((i) => i.serviceItemId === 'svc_repair_plumbing');
    expect(plumbing).toMatchObject({ contactPhone: '13812345678' });
    const fire = items.find((i) => i.emergency);
    expect(fire).toMatchObject({ serviceItemId: null, emergency: { call: '119' } });
    expect(await demandCount()).toBe(before);
  });

  it('only staff may draft; a grid outside the scope is 403, unknown 404; bad input 400', async () => {
    expect((await call('POST', '/demands/intake', '13900000008', { text: PASTE })).statusCode).toBe(403);
    expect((await call('POST', '/demands/intake', '13900000006', { text: PASTE })).statusCode).toBe(403);
    expect((await call('POST', '/demands/intake', '13900000004', { text: PASTE, gridId: 'grid_jx_02' })).statusCode).toBe(403);
    expect((await call('POST', '/demands/intake', '13900000004', { text: PASTE, gridId: 'grid_nowhere' })).statusCode).toBe(404);
    expect((await call('POST', '/demands/intake', '13900000004', { text: '' })).statusCode).toBe(400);
    expect((await call('POST', '/demands/intake', '13900000004', { text: 'x'.repeat(20001) })).statusCode).toBe(400);
    const withGrid = await call('POST', '/demands/intake', '13900000002', { text: '老人腿脚不便，想请志愿者上门理发，可以吗？', gridId: 'grid_sy_02' });
    expect(withGrid.statusCode).toBe(200);
    expect(withGrid.json().items[0]).toMatchObject({ serviceItemId: 'svc_haircut', gridId: 'grid_sy_02' });
  });
});
