import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/platform/db/client.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const volunteerIdOf: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of ['13900000001', '13900000002', '13900000003', '13900000006', '13900000007', '13900000008', '13900000009', '13900000010']) {
    tokens[phone] = await t.login(phone);
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens[phone]!) })).json() as { volunteerId: string | null };
    if (me.volunteerId) volunteerIdOf[phone] = me.volunteerId;
  }
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST', url: string, phone?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: phone ? bearer(tokens[phone]!) : {}, ...(payload !== undefined ? { payload: payload as string } : {}) });
const volunteer = async (id: string) =>
  (await queryRows<{ party_member: boolean; unit_id: string | null }>(t.db, sql`SELECT party_member, unit_id FROM volunteers WHERE id = ${id}`))[0]!;
const reportStatus = async (id: string) => (await queryRows<{ status: string }>(t.db, sql`SELECT status FROM party_reports WHERE id = ${id}`))[0]!.status;
const reportCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM party_reports`))[0]!.n;

interface Report {
  id: string;
  status: string;
  communityId: string;
  unitId: string;
  volunteerId: string;
}

describe('the demo party member', () => {
  it('has a confirmed report to 吉祥社区 and unit_power', async () => {
    const res = await call('GET', '/api/v1/me/party-reports', '13900000009');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: (Report & { gridId: string; unitName: string })[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'confirmed', communityId: 'com_jx', gridId: 'grid_jx_02', unitId: 'unit_power' });
  });
});

describe('POST /api/v1/party-reports (云报到)', () => {
  let reportId: string;

  it('takes a volunteer’s report (201 pending) and marks them as an in-service party member of the unit', async () => {
    const id = volunteerIdOf['13900000006']!;
    const res = await call('POST', '/api/v1/party-reports', '13900000006', { communityId: 'com_sy', gridId: 'grid_sy_03', unitId: 'unit_power' });
    expect(res.statusCode).toBe(201);
    const report = res.json() as Report & { channel: string; reportedAt: string };
    expect(report).toMatchObject({ status: 'pending', volunteerId: id, communityId: 'com_sy', unitId: 'unit_power', channel: 'cloud' });
    expect(report.reportedAt).toMatch(/\+08:00$/);
    reportId = report.id;
    expect(await volunteer(id)).toEqual({ party_member: true, unit_id: 'unit_power' });
    const again = await call('POST', '/api/v1/party-reports', '13900000006', { communityId: 'com_sy', gridId: 'grid_sy_03', unitId: 'unit_bank' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'party_report_pending' });
    expect(await volunteer(id)).toEqual({ party_member: true, unit_id: 'unit_power' });
  });

  it('refuses bad references and bad input with 400, and a caller who is not a volunteer with 403; nothing is stored', async () => {
    const before = await reportCount();
    const wrongGrid = await call('POST', '/api/v1/party-reports', '13900000007', { communityId: 'com_sy', gridId: 'grid_jx_02', unitId: 'unit_power' });
    expect(wrongGrid.statusCode).toBe(400);
    expect((wrongGrid.json() as { errors: { field: string; code: string }[] }).errors).toEqual([expect.objectContaining({ field: 'gridId', code: 'grid_not_in_community' })]);
    const unknown = await call('POST', '/api/v1/party-reports', '13900000007', { communityId: 'com_sy', gridId: 'grid_sy_03', unitId: 'unit_nowhere' });
    expect((unknown.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['unitId']);
    for (const bad of [{}, { communityId: 'com_sy', gridId: 'grid_sy_03' }, { communityId: '<script>', gridId: 'grid_sy_03', unitId: 'unit_power' }, { communityId: 'com_sy', gridId: 'grid_sy_03', unitId: 'unit_power', extra: 1 }]) {
      expect((await call('POST', '/api/v1/party-reports', '13900000007', bad)).statusCode, JSON.stringify(bad)).toBe(400);
    }
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/party-reports',
      headers: { ...bearer(tokens['13900000007']!), 'content-type': 'application/json' },
      payload: '{"communityId":',
    });
    expect(malformed.statusCode).toBe(400);
    const resident = await call('POST', '/api/v1/party-reports', '13900000008', { communityId: 'com_sy', gridId: 'grid_sy_02', unitId: 'unit_power' });
    expect(resident.statusCode).toBe(403);
    expect((await call('POST', '/api/v1/party-reports', undefined, { communityId: 'com_sy', gridId: 'grid_sy_02', unitId: 'unit_power' })).statusCode).toBe(401);
    expect(await reportCount()).toBe(before);
    expect(await volunteer(volunteerIdOf['13900000007']!)).toEqual({ party_member: false, unit_id: null });
  });

  it('shows each community admin only their community’s reports', async () => {
    const sangyi = (await call('GET', '/api/v1/party-reports?status=pending', '13900000002')).json() as { items: Report[] };
    expect(sangyi.items.map((r) => r.id)).toContain(reportId);
    expect(sangyi.items.every((r) => r.communityId === 'com_sy' && r.status === 'pending')).toBe(true);
    const jixiang = (await call('GET', '/api/v1/party-reports?status=pending', '13900000003')).json() as { items: Report[] };
    expect(jixiang.items.length).toBeGreaterThan(0);
    expect(jixiang.items.every((r) => r.communityId === 'com_jx')).toBe(true);
    expect((await call('GET', '/api/v1/party-reports?communityId=com_sy', '13900000003')).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/party-reports', '13900000006')).statusCode).toBe(403);
    const all = (await call('GET', '/api/v1/party-reports?limit=200', '13900000001')).json() as { items: Report[] };
    expect(new Set(all.items.map((r) => r.communityId)).size).toBeGreaterThan(2);
  });

  it('refuses the confirmation to a 吉祥社区 admin (404) and to the reporter (403), changing nothing', async () => {
    expect((await call('POST', `/api/v1/party-reports/${reportId}/confirm`, '13900000003', {})).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/party-reports/${reportId}/confirm`, '13900000006', {})).statusCode).toBe(403);
    expect(await reportStatus(reportId)).toBe('pending');
    const me = (await call('GET', '/api/v1/me', '13900000006')).json() as { roles: string[] };
    expect(me.roles).not.toContain('party_member');
  });

  it('confirms: the volunteer holds party_member for the community, audited; confirming again is 409', async () => {
    const res = await call('POST', `/api/v1/party-reports/${reportId}/confirm`, '13900000002');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed' });
    const me = (await call('GET', '/api/v1/me', '13900000006')).json() as { roles: string[]; assignments: { role: string; scopeId: string }[] };
    expect(me.roles).toContain('party_member');
    expect(me.assignments).toContainEqual(expect.objectContaining({ role: 'party_member', scopeId: 'com_sy' }));
    const audit = await queryRows<{ action: string; actor_account_id: string }>(
      t.db,
      sql`SELECT action, actor_account_id FROM audit_log WHERE (entity_id = 'acc_demo_06' AND action = 'role.grant' AND new_value->>'role' = 'party_member')
            OR (action = 'party_report.confirm' AND new_value->>'reportId' = ${reportId})`,
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['party_report.confirm', 'role.grant']);
    expect(audit.every((a) => a.actor_account_id === 'acc_demo_02')).toBe(true);
    expect(await verifyAuditChain(t.db, 'duodi')).toBeNull();
    const again = await call('POST', `/api/v1/party-reports/${reportId}/confirm`, '13900000002');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_transition' });
  });

  it('moves the party_member role when a newer report to another community is confirmed', async () => {
    const res = await call('POST', '/api/v1/party-reports', '13900000006', { communityId: 'com_jx', gridId: 'grid_jx_01', unitId: 'unit_bank' });
    expect(res.statusCode).toBe(201);
    const id = (res.json() as Report).id;
    expect((await call('POST', `/api/v1/party-reports/${id}/confirm`, '13900000003')).statusCode).toBe(200);
    expect(await reportStatus(reportId)).toBe('superseded');
    const me = (await call('GET', '/api/v1/me', '13900000006')).json() as { assignments: { role: string; scopeId: string }[] };
    expect(me.assignments.filter((a) => a.role === 'party_member').map((a) => a.scopeId)).toEqual(['com_jx']);
    expect(await volunteer(volunteerIdOf['13900000006']!)).toEqual({ party_member: true, unit_id: 'unit_bank' });
  });

  it('needs a reason to reject; a rejection puts the volunteer’s party flag and unit back', async () => {
    const id = volunteerIdOf['13900000007']!;
    const created = await call('POST', '/api/v1/party-reports', '13900000007', { communityId: 'com_sy', gridId: 'grid_sy_04', unitId: 'unit_school' });
    const reportOf7 = (created.json() as Report).id;
    expect(await volunteer(id)).toEqual({ party_member: true, unit_id: 'unit_school' });
    expect((await call('POST', `/api/v1/party-reports/${reportOf7}/reject`, '13900000002', {})).statusCode).toBe(400);
    expect((await call('POST', `/api/v1/party-reports/${reportOf7}/reject`, '13900000002', { reason: '' })).statusCode).toBe(400);
    expect(await reportStatus(reportOf7)).toBe('pending');
    const res = await call('POST', `/api/v1/party-reports/${reportOf7}/reject`, '13900000002', { reason: '单位党组织未查到该党员' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', reason: '单位党组织未查到该党员' });
    expect(await volunteer(id)).toEqual({ party_member: false, unit_id: null });
  });
});

describe('GET /api/v1/units/{id}/party-members', () => {
  interface Member {
    volunteerId: string;
    name: string;
    reportedAt: string | null;
    status: string;
    points: number;
    verifiedMinutes: number;
    reportStatus: string;
  }

  it('lists the unit’s party members for its admin: active, no service and not reported (DR-18)', async () => {
    const res = await call('GET', '/api/v1/units/unit_power/party-members?period=2026Q4&limit=200', '13900000010');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Member[] }).items;
    expect(items.length).toBeGreaterThan(10);
    expect(new Set(items.map((m) => m.status))).toEqual(new Set(['active', 'no_service', 'not_reported']));
    const demo = items.find((m) => m.volunteerId === volunteerIdOf['13900000009'])!;
    expect(demo).toMatchObject({ reportStatus: 'confirmed', points: 0 });
    expect(demo.reportedAt).toMatch(/\+08:00$/);
    expect(items.filter((m) => m.reportStatus === 'pending').every((m) => m.status === 'not_reported' && m.reportedAt === null)).toBe(true);
    expect(items.some((m) => m.reportStatus === 'none')).toBe(true);
    expect(items.every((m) => m.points === 0 && !m.name.includes('*'))).toBe(true);
    const notReported = (await call('GET', '/api/v1/units/unit_power/party-members?period=2026Q4&status=not_reported&limit=200', '13900000010')).json() as {
      items: Member[];
    };
    expect(notReported.items.length).toBe(items.filter((m) => m.status === 'not_reported').length);
  });

  it('counts service in the period only: an old quarter has no active members', async () => {
    const items = ((await call('GET', '/api/v1/units/unit_power/party-members?period=2024Q1&limit=200', '13900000010')).json() as { items: Member[] }).items;
    expect(items.some((m) => m.status === 'active')).toBe(false);
  });

  it('refuses another unit’s admin and other roles (403), and answers a bad period with 400', async () => {
    expect((await call('GET', '/api/v1/units/unit_bank/party-members?period=2026Q4', '13900000010')).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/units/unit_power/party-members?period=2026Q4', '13900000009')).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/units/unit_power/party-members?period=2026Q4', '13900000003')).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/units/unit_power/party-members?period=2026Q4')).statusCode).toBe(401);
    for (const period of ['2026Q5', '2026-Q4', '26Q4', 'Q4', '2026Q4%27']) {
      const res = await call('GET', `/api/v1/units/unit_power/party-members?period=${period}`, '13900000010');
      expect(res.statusCode, period).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('lets a street admin see any unit; an unknown unit is 404', async () => {
    expect((await call('GET', '/api/v1/units/unit_bank/party-members', '13900000001')).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/units/unit_nowhere/party-members', '13900000001')).statusCode).toBe(404);
    const page = (await call('GET', '/api/v1/units/unit_power/party-members?period=2026Q4&limit=5', '13900000001')).json() as { items: Member[]; nextCursor: string };
    const next = (await call('GET', `/api/v1/units/unit_power/party-members?period=2026Q4&limit=5&cursor=${page.nextCursor}`, '13900000001')).json() as { items: Member[] };
    expect(next.items.map((m) => m.volunteerId)).not.toContain(page.items[4]!.volunteerId);
  });
});
