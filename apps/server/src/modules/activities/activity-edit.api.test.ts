// PATCH /activities/{id}: who may edit, which fields in which status, compare and set on version,
// history and audit rows, the waitlist promoted by a larger headcount; and `mine=true` rows carrying
// the caller's sign-up with its waitlist position.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.js';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
const PHONES = {
  street: '13900000001',
  sy: '13900000002',
  jx: '13900000003',
  leader: '13900000005',
  v6: '13900000006',
  v7: '13900000007',
} as const;
type Who = keyof typeof PHONES;
const tok = {} as Record<Who, string>;
const clock = new Date('2026-12-10T00:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  t.deps.now = () => clock;
  for (const [w, phone] of Object.entries(PHONES) as [Who, string][]) tok[w] = await t.login(phone);
});
afterAll(() => t?.close());

const api = (who: Who, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: bearer(tok[who]),
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

let day = 20;
/** A fresh draft of 布谷响铃 on its own day (no overlaps between tests). */
async function draft(extra: Record<string, unknown> = {}) {
  const start = new Date(Date.UTC(2026, 11, day++, 2));
  const res = await api('leader', 'POST', '/activities', {
    title: '布谷响铃 · 义诊',
    titleBo: 'བུ་གུ་ཁྲོལ་ཁྲོལ། ནད་བརྟག',
    category: 'neighbourhood',
    teamId: 'team_bugu',
    riskNotice: '注意安全。',
    place: { name: '桑伊社区活动室', lat: 29.6869, lng: 91.1443, radiusM: 200 },
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    headcount: 1,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

async function recruiting() {
  const a = await draft();
  expect((await api('leader', 'POST', `/activities/${a.id}/submit`)).statusCode).toBe(200);
  const approved = await api('sy', 'POST', `/activities/${a.id}/approve`);
  expect(approved.statusCode).toBe(200);
  return approved.json() as { id: string; version: number };
}

const row = async (id: string) =>
  (
    await queryRows<Record<string, unknown>>(
      t.db,
      sql`select title, headcount, place_name, version, status from activities where id = ${id}`,
    )
  )[0]!;
const audits = async (id: string) =>
  Number(
    (
      await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from audit_log where entity_id = ${id} and action = 'activity.edit'`,
      )
    )[0]!.n,
  );

describe('PATCH /activities/{id}', () => {
  it('edits a draft with compare and set, an edit history row and an audit row', async () => {
    const a = await draft();
    const res = await api('leader', 'PATCH', `/activities/${a.id}`, {
      version: a.version,
      title: '布谷响铃 · 义诊（改）',
      headcount: 5,
      minAge: 18,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: '布谷响铃 · 义诊（改）', headcount: 5, minAge: 18, version: a.version + 1, status: 'draft' });
    const edit = res.json().history.find((h: { action: string }) => h.action === 'edit');
    expect(edit).toMatchObject({ from: 'draft', to: 'draft' });
    expect(edit.note).toContain('title');
    expect(await audits(a.id)).toBe(1);
    // A stale version is a conflict; nothing changes.
    const stale = await api('sy', 'PATCH', `/activities/${a.id}`, { version: a.version, title: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    expect((await row(a.id)).title).toBe('布谷响铃 · 义诊（改）');
    // The community admin of its community is an organizer too.
    expect((await api('sy', 'PATCH', `/activities/${a.id}`, { version: a.version + 1, description: '带上血压计' })).statusCode).toBe(200);
  });

  it('refuses other roles (403), other communities (404) and bad input (400), changing nothing', async () => {
    const a = await draft();
    const before = await row(a.id);
    // A volunteer does not see a draft at all; the street admin sees it (reviewer) but is not its organizer.
    expect((await api('v6', 'PATCH', `/activities/${a.id}`, { version: a.version, title: 'x' })).statusCode).toBe(404);
    expect((await api('jx', 'PATCH', `/activities/${a.id}`, { version: a.version, title: 'x' })).statusCode).toBe(404);
    expect((await api('street', 'PATCH', `/activities/${a.id}`, { version: a.version, title: 'x' })).statusCode).toBe(403);
    const cases: unknown[] = [
      { version: a.version },
      { title: 'no version' },
      { version: a.version, headcount: 0 },
      { version: a.version, teamId: 'team_other' },
      { version: a.version, signInMethods: ['qr', 'qr'] },
      { version: a.version, endsAt: '2026-12-01T00:00:00+08:00' },
      { version: a.version, minAge: 60, maxAge: 20 },
      { version: a.version, serviceItemId: 'svc_nope' },
    ];
    for (const body of cases) {
      const res = await api('leader', 'PATCH', `/activities/${a.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
    expect(await row(a.id)).toEqual(before);
    expect(await audits(a.id)).toBe(0);
  });

  it('while recruiting only description, place, risk notice and a larger headcount; the waitlist is promoted', async () => {
    const a = await recruiting();
    expect((await api('v6', 'POST', `/activities/${a.id}/signups`)).json()).toEqual({ status: 'confirmed' });
    expect((await api('v7', 'POST', `/activities/${a.id}/signups`)).json()).toEqual({ status: 'waitlisted', position: 1 });
    const before = await row(a.id);
    const locked = await api('leader', 'PATCH', `/activities/${a.id}`, {
      version: before.version,
      title: '换个名字',
      startsAt: '2026-12-30T10:00:00+08:00',
    });
    expect(locked.statusCode, locked.body).toBe(400);
    expect(locked.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['startsAt', 'title']));
    expect(locked.json().errors[0].code).toBe('activity_locked_when_recruiting');
    const down = await api('leader', 'PATCH', `/activities/${a.id}`, { version: before.version, headcount: 0 + 1, description: 'x' });
    expect(down.statusCode).toBe(200); // same headcount is fine
    const v = (await row(a.id)).version as number;
    const smaller = await api('sy', 'PATCH', `/activities/${a.id}`, {
      version: v,
      place: { name: '新地点', lat: 29.69, lng: 91.15, radiusM: 300 },
      headcount: 0,
    });
    expect(smaller.statusCode).toBe(400);
    expect((await row(a.id)).version).toBe(v);
    const up = await api('leader', 'PATCH', `/activities/${a.id}`, {
      version: v,
      headcount: 2,
      place: { name: '新地点', lat: 29.69, lng: 91.15, radiusM: 300 },
      riskNotice: '新的风险告知',
    });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({
      headcount: 2,
      signedUp: 2,
      waitlisted: 0,
      place: { name: '新地点', radiusM: 300 },
      riskNotice: '新的风险告知',
    });
    const promoted = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from notifications where kind = 'activity.promoted' and ref_id = ${a.id}`,
    );
    expect(Number(promoted[0]!.n)).toBe(1);
    // Both signed up (the promoted one too) are told of the new place and risk notice.
    const changed = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from notifications where kind = 'activity.changed' and ref_id = ${a.id}`,
    );
    expect(Number(changed[0]!.n)).toBeGreaterThanOrEqual(1);
  });

  it('refuses an edit under review or after the start (409 invalid_transition)', async () => {
    const a = await draft();
    expect((await api('leader', 'POST', `/activities/${a.id}/submit`)).statusCode).toBe(200);
    const v = (await row(a.id)).version;
    const res = await api('leader', 'PATCH', `/activities/${a.id}`, { version: v, description: 'x' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invalid_transition');
    expect((await row(a.id)).version).toBe(v);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/v1/activities/{id}']?.patch).toBeDefined();
  });
});

describe('GET /activities?mine=true', () => {
  it('gives each row the caller’s sign-up with the waitlist position', async () => {
    const a = await recruiting();
    expect((await api('v6', 'POST', `/activities/${a.id}/signups`)).statusCode).toBe(201);
    expect((await api('v7', 'POST', `/activities/${a.id}/signups`)).statusCode).toBe(201);
    const mine7 = (await api('v7', 'GET', '/activities?mine=true&limit=200')).json();
    const item7 = mine7.items.find((i: { id: string }) => i.id === a.id);
    expect(item7.mySignup).toMatchObject({ status: 'waitlisted', position: 1 });
    const mine6 = (await api('v6', 'GET', '/activities?mine=true&limit=200')).json();
    expect(mine6.items.find((i: { id: string }) => i.id === a.id).mySignup).toMatchObject({ status: 'confirmed', position: null });
    // Lists other than mine carry no sign-up.
    const all = (await api('v7', 'GET', '/activities?limit=200')).json();
    expect(all.items.find((i: { id: string }) => i.id === a.id)).not.toHaveProperty('mySignup');
  });
});
