// The demand events wired to notifications: each step tells the resident, an assignment tells the
// offered volunteers, escalations tell staff, an emergency tells the grid worker; a refused step
// tells nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { Demand } from '@duodi/contracts';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';
import { escalateOverdue } from '../demands/index.js';
import { notificationOutbox, notifications } from '../../schema/index.js';
import { demandStepOf } from './demand-events.service.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const PHONES = ['13900000001', '13900000002', '13900000004', '13900000005', '13900000006', '13900000007', '13900000008'];
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of PHONES) tokens[phone] = await t.login(phone);
});
afterAll(() => t?.close());

const post = (url: string, phone: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(tokens[phone]!), payload });
const about = async (refId: string) =>
  (await t.db.select().from(notifications).where(eq(notifications.refId, refId))).map((n) => `${n.recipientAccountId} ${n.kind}`).sort();
const kindsFor = async (refId: string, accountId: string) =>
  (await t.db.select().from(notifications).where(and(eq(notifications.refId, refId), eq(notifications.recipientAccountId, accountId)))).map((n) => n.kind);

async function order(): Promise<Demand> {
  const res = await post('/demands', '13900000008', { serviceItemId: 'svc_haircut', description: '想请人上门理发', gridId: 'grid_sy_02' });
  expect(res.statusCode).toBe(201);
  return res.json() as Demand;
}

describe('demand steps', () => {
  it('tells the resident of each step and the offered volunteers of the assignment, not the one who acted', async () => {
    const d = await order();
    expect(await about(d.id)).toEqual([]);
    expect((await post(`/demands/${d.id}/publish`, '13900000002', {})).statusCode).toBe(200);
    expect(await kindsFor(d.id, 'acc_demo_08')).toEqual(['demand.status.published']);
    expect(await kindsFor(d.id, 'acc_demo_02')).toEqual([]);

    expect((await post(`/demands/${d.id}/assign`, '13900000005', { teamId: 'team_bugu' })).statusCode).toBe(200);
    const offers = await t.db.select().from(notifications).where(and(eq(notifications.refId, d.id), eq(notifications.kind, 'demand.offer')));
    const offered = offers.map((n) => n.recipientAccountId);
    expect(offered).toContain('acc_demo_06');
    expect(offered).toContain('acc_demo_07');
    expect(offered).not.toContain('acc_demo_05'); // the leader who assigned it
    expect(offers[0]).toMatchObject({ link: '/offers', params: expect.objectContaining({ team: expect.any(String), service: expect.any(String) }) });
    // The offer goes out by SMS when configured, else the log; every notification has its outbox rows.
    const out = await t.db.select().from(notificationOutbox).where(inArray(notificationOutbox.notificationId, offers.map((n) => n.id)));
    expect(out.length).toBe(offers.length);

    expect((await post(`/demands/${d.id}/accept`, '13900000006', {})).statusCode).toBe(200);
    expect((await post(`/demands/${d.id}/start`, '13900000006', {})).statusCode).toBe(200);
    expect((await post(`/demands/${d.id}/complete`, '13900000006', { minutes: 30, summary: '理发' })).statusCode).toBe(200);
    expect((await post(`/demands/${d.id}/rate`, '13900000008', { score: 1 })).statusCode).toBe(200);
    expect(await kindsFor(d.id, 'acc_demo_08')).toEqual(
      expect.arrayContaining(['demand.status.published', 'demand.status.assigned', 'demand.status.accepted', 'demand.status.in_service', 'demand.status.completed']),
    );
    // The resident rated it badly themselves: the rework is not told back to them.
    expect(await kindsFor(d.id, 'acc_demo_08')).not.toContain('demand.status.rework');
    const [resident] = await t.db.select().from(notifications).where(and(eq(notifications.refId, d.id), eq(notifications.kind, 'demand.status.completed')));
    expect(resident!.link).toBe(`/orders/${d.id}`);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/notifications?limit=200', headers: { ...bearer(tokens['13900000008']!), 'accept-language': 'en' } });
    const mine = (list.json() as { items: { refId: string | null; title: string }[] }).items.filter((i) => i.refId === d.id);
    expect(mine.map((i) => i.title)).toContain('Service completed');
  });

  it('tells the resident of a rejection with the reason, and nothing for a refused step', async () => {
    const d = await order();
    const before = await about(d.id);
    expect((await post(`/demands/${d.id}/accept`, '13900000006', {})).statusCode).toBeGreaterThanOrEqual(400);
    expect(await about(d.id)).toEqual(before);
    expect((await post(`/demands/${d.id}/reject`, '13900000002', { reason: '不属于志愿服务范围' })).statusCode).toBe(200);
    const [n] = await t.db.select().from(notifications).where(and(eq(notifications.refId, d.id), eq(notifications.kind, 'demand.status.rejected')));
    expect(n).toMatchObject({ recipientAccountId: 'acc_demo_08', params: expect.objectContaining({ reason: '不属于志愿服务范围' }) });
  });

  it('maps actions to resident steps', () => {
    expect(demandStepOf('rate', 'completed', 'accepted')).toBe('rework');
    expect(demandStepOf('rate', 'completed', 'rated')).toBeUndefined();
    expect(demandStepOf('accept', 'assigned', 'assigned')).toBeUndefined();
    expect(demandStepOf('start', 'accepted', 'in_service')).toBe('in_service');
  });
});

describe('escalations and emergencies', () => {
  it('tells the community admins of an overdue demand, and the street admins when it reaches the street', async () => {
    const d = await order();
    const due = new Date(d.slaDueAt!);
    await escalateOverdue({ ...t.deps, now: () => new Date(due.getTime() + HOUR) });
    expect(await kindsFor(d.id, 'acc_demo_02')).toEqual(['demand.escalated.community']);
    expect(await kindsFor(d.id, 'acc_demo_01')).toEqual([]);
    expect(await kindsFor(d.id, 'acc_demo_03')).toEqual([]); // another community's admin
    await escalateOverdue({ ...t.deps, now: () => new Date(due.getTime() + 30 * HOUR) });
    expect(await kindsFor(d.id, 'acc_demo_01')).toEqual(['demand.escalated.street']);
    const [n] = await t.db.select().from(notifications).where(and(eq(notifications.refId, d.id), eq(notifications.recipientAccountId, 'acc_demo_01')));
    expect(n!.link).toBe(`/admin/demands/${d.id}`);
  });

  it('DR-19: tells the grid worker of an emergency at once', async () => {
    const res = await post('/demands', '13900000008', { serviceItemId: 'svc_haircut', description: '家里着火了，快来人', gridId: 'grid_sy_02' });
    expect(res.statusCode).toBe(422);
    const rows = await t.db.select().from(notifications).where(and(eq(notifications.refId, 'grid_sy_02'), eq(notifications.kind, 'demand.emergency')));
    expect(rows.map((r) => r.recipientAccountId)).toContain('acc_demo_04');
    expect(rows.map((r) => r.recipientAccountId)).not.toContain('acc_demo_08');
    expect(rows[0]!.params).toMatchObject({ call: expect.stringMatching(/^11[09]$/) });
  });
});
