import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';
import { withTransaction } from '../../platform/db/tx.js';
import { notifications } from '../../schema/index.js';
import { notify } from './index.js';

let t: TestApp;
let resident: string;
let volunteer: string;
const RESIDENT = 'acc_demo_08';
const VOLUNTEER = 'acc_demo_06';

interface Item {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
  readAt: string | null;
}

const unreadOf = async (accountId: string) =>
  (await t.db.select().from(notifications).where(and(eq(notifications.recipientAccountId, accountId), isNull(notifications.readAt)))).length;

beforeAll(async () => {
  t = await createTestApp();
  resident = await t.login('13900000008');
  volunteer = await t.login('13900000006');
  const streetId = 'duodi';
  await withTransaction(t.db, async (tx) => {
    for (const [i, step] of (['published', 'assigned', 'accepted'] as const).entries()) {
      await notify(tx, {
        streetId,
        recipientAccountIds: [RESIDENT],
        kind: `demand.status.${step}`,
        params: { service: `助餐${i}`, 'service.en': `Meals ${i}`, team: '布谷响铃' },
        link: '/orders/dem_x',
        refType: 'demand',
        refId: 'dem_x',
      });
    }
    await notify(tx, { streetId, recipientAccountIds: [VOLUNTEER], kind: 'demand.offer', params: { service: '助餐', team: '布谷响铃', community: '桑伊社区' }, link: '/orders/dem_x' });
  });
  // Distinct creation times so that the order is deterministic.
  const rows = await t.db.select().from(notifications).where(eq(notifications.recipientAccountId, RESIDENT));
  for (const r of rows) {
    const n = Number(/助餐(\d)/.exec(String(r.params.service))?.[1] ?? 0);
    await t.db.update(notifications).set({ createdAt: new Date(Date.UTC(2026, 10, 20, 10, n)) }).where(eq(notifications.id, r.id));
  }
});
afterAll(() => t.close());

describe('GET /notifications', () => {
  it('lists only the caller’s own, newest first, rendered in the caller’s language, paginated', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/notifications?limit=2', headers: { ...bearer(resident), 'accept-language': 'en' } });
    expect(first.statusCode).toBe(200);
    const page1 = first.json() as { items: Item[]; nextCursor: string | null };
    expect(page1.items.map((i) => i.kind)).toEqual(['demand.status.accepted', 'demand.status.assigned']);
    expect(page1.items[0]).toMatchObject({ title: 'A volunteer accepted', read: false, readAt: null, link: '/orders/dem_x' });
    expect(page1.items[0]!.body).toContain('“Meals 2”');
    expect(page1.nextCursor).toBeTruthy();
    const second = await t.app.inject({ method: 'GET', url: `/api/v1/notifications?limit=2&cursor=${page1.nextCursor}`, headers: { ...bearer(resident), 'accept-language': 'en' } });
    const page2 = second.json() as { items: Item[]; nextCursor: string | null };
    expect(page2.items.map((i) => i.kind)).toEqual(['demand.status.published']);
    expect(page2.nextCursor).toBeNull();

    const zh = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { ...bearer(resident), 'accept-language': 'zh-CN' } });
    expect((zh.json() as { items: Item[] }).items[0]!.body).toContain('“助餐2”');
    const bo = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { ...bearer(resident), 'accept-language': 'bo' } });
    expect((bo.json() as { items: Item[] }).items[0]!.title).toMatch(/^[\u0F00-\u0FFF\s་།]+$/);

    const other = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: bearer(volunteer) });
    expect((other.json() as { items: Item[] }).items.map((i) => i.kind)).toEqual(['demand.offer']);
  });

  it('refuses anonymous callers and bad paging input', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications/unread-count' })).statusCode).toBe(401);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/notifications?limit=500', headers: bearer(resident) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    const badCursor = await t.app.inject({ method: 'GET', url: '/api/v1/notifications?cursor=nonsense', headers: bearer(resident) });
    expect(badCursor.statusCode).toBe(400);
    const badUnread = await t.app.inject({ method: 'GET', url: '/api/v1/notifications?unread=yes', headers: bearer(resident) });
    expect(badUnread.statusCode).toBe(400);
  });
});

describe('read state', () => {
  it('counts unread, marks one read (idempotent), and keeps another account’s notification out of reach (404, unchanged)', async () => {
    const count = async (token: string) => (await t.app.inject({ method: 'GET', url: '/api/v1/notifications/unread-count', headers: bearer(token) })).json() as { count: number };
    expect(await count(resident)).toEqual({ count: 3 });
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications?unread=1', headers: bearer(resident) })).json() as { items: Item[] };
    const target = list.items[1]!;

    const read = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${target.id}/read`, headers: bearer(resident) });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: target.id, read: true });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${target.id}/read`, headers: bearer(resident) });
    expect(again.statusCode).toBe(200);
    expect((again.json() as Item).readAt).toBe((read.json() as Item).readAt);
    expect(await count(resident)).toEqual({ count: 2 });
    const unread = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications?unread=1', headers: bearer(resident) })).json() as { items: Item[] };
    expect(unread.items.map((i) => i.id)).not.toContain(target.id);

    const stranger = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${list.items[0]!.id}/read`, headers: bearer(volunteer) });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json()).toMatchObject({ code: 'not_found' });
    expect(await unreadOf(RESIDENT)).toBe(2);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/notifications/ntf_missing/read', headers: bearer(resident) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/notifications/bad%20id/read', headers: bearer(resident) })).statusCode).toBe(400);
  });

  it('marks all of the caller’s read and no one else’s', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: bearer(resident) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ updated: 2 });
    expect(await unreadOf(RESIDENT)).toBe(0);
    expect(await unreadOf(VOLUNTEER)).toBe(1);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: bearer(resident) })).json()).toEqual({ updated: 0 });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all' })).statusCode).toBe(401);
  });
});
