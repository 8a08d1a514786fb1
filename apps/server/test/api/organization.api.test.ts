import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/platform/db/client.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let ids: { jixiang: string; sangyi: string };
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const communities = (await t.app.inject({ method: 'GET', url: '/api/v1/communities' })).json() as { items: { id: string; name: string }[] };
  ids = {
    jixiang: communities.items.find((c) => c.name === '吉祥社区')!.id,
    sangyi: communities.items.find((c) => c.name === '桑伊社区')!.id,
  };
  for (const phone of ['13900000001', '13900000002', '13900000003', '13900000004', '13900000006', '13900000008']) tokens[phone] = await t.login(phone);
});
afterAll(() => t?.close());

const get = (url: string, phone?: string) => t.app.inject({ method: 'GET', url, ...(phone ? { headers: bearer(tokens[phone]!) } : {}) });
const accessLogCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM access_log`))[0]!.n;

describe('GET /api/v1/stats/overview', () => {
  it('reports Duodi street as the article describes it: 6 communities, 17 teams, 1,345 volunteers', async () => {
    const res = await get('/api/v1/stats/overview');
    expect(res.statusCode).toBe(200);
    const s = res.json() as Record<string, number>;
    expect(s).toMatchObject({ communities: 6, teams: 17, volunteers: 1345 });
    expect(s.residents).toBeGreaterThan(1000);
    expect(s.households).toBeGreaterThan(300);
    expect(s.activeVolunteers30d).toBeLessThanOrEqual(1345);
  });
});

describe('organization (public)', () => {
  it('lists the six villages and communities with their grids and volunteers', async () => {
    const body = (await get('/api/v1/communities')).json() as { items: { name: string; gridCount: number; volunteerCount: number; stationName: string }[]; nextCursor: null };
    expect(body.items).toHaveLength(6);
    expect(body.items.map((c) => c.name)).toEqual(expect.arrayContaining(['吉祥社区', '桑伊社区']));
    expect(body.items.some((c) => c.name.startsWith('洛欧'))).toBe(true);
    expect(body.items.every((c) => c.gridCount > 0 && c.stationName.length > 0)).toBe(true);
    expect(body.nextCursor).toBeNull();
  });

  it('shows a community with its service center rooms and grids; grid worker contact only when signed in', async () => {
    const anon = (await get(`/api/v1/communities/${ids.sangyi}`)).json() as { serviceCenterRooms: string[]; grids: { gridWorker: unknown }[] };
    expect(anon.serviceCenterRooms).toEqual(expect.arrayContaining(['社区食堂', '托幼中心']));
    expect(anon.grids.length).toBeGreaterThan(0);
    expect(anon.grids.every((g) => g.gridWorker === null)).toBe(true);
    const signedIn = (await get(`/api/v1/communities/${ids.sangyi}`, '13900000008')).json() as { grids: { gridWorker: { phoneMasked: string } | null }[] };
    expect(signedIn.grids.some((g) => g.gridWorker?.phoneMasked.includes('****'))).toBe(true);
  });

  it('lists the 17 teams with the named brands and their leaders', async () => {
    const body = (await get('/api/v1/teams')).json() as { items: { id: string; name: string; memberCount: number; leaderName: string | null }[] };
    expect(body.items).toHaveLength(17);
    for (const name of ['“布谷响铃”志愿服务队', '“吉祥阿妈啦”志愿服务队', '“银发”志愿服务队', '苍松老年服务队']) {
      expect(body.items.some((team) => team.name.replace(/["“”]/g, '') === name.replace(/["“”]/g, '')), name).toBe(true);
    }
    expect(body.items.every((team) => team.memberCount > 0 && team.leaderName)).toBe(true);
    const bugu = body.items.find((team) => team.name.includes('布谷响铃'))!;
    const detail = (await get(`/api/v1/teams/${bugu.id}`)).json() as { slogan: string; story: string; storyBo: string };
    expect(detail.slogan).toBeTruthy();
    expect(detail.storyBo).toMatch(/[\u0F00-\u0FFF]/);
  });

  it('answers an unknown community or a malformed id with a problem', async () => {
    expect((await get('/api/v1/communities/does-not-exist')).statusCode).toBe(404);
    expect((await get('/api/v1/communities/bad%20id!')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/residents (scope rules)', () => {
  it('refuses a 吉祥社区 admin a list of 桑伊社区 residents (403) and logs nothing', async () => {
    const before = await accessLogCount();
    const res = await get(`/api/v1/residents?communityId=${ids.sangyi}`, '13900000003');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
    expect(await accessLogCount()).toBe(before);
  });

  it('hides a 桑伊社区 resident from the 吉祥社区 admin (404)', async () => {
    const list = (await get(`/api/v1/residents?communityId=${ids.sangyi}&limit=5`, '13900000002')).json() as { items: { id: string }[] };
    expect(list.items.length).toBe(5);
    const res = await get(`/api/v1/residents/${list.items[0]!.id}`, '13900000003');
    expect(res.statusCode).toBe(404);
    expect((await get(`/api/v1/residents/${list.items[0]!.id}`, '13900000002')).statusCode).toBe(200);
  });

  it('gives a community admin only their community, masked', async () => {
    const res = await get('/api/v1/residents?limit=50', '13900000003');
    const body = res.json() as { items: { communityId: string; phoneMasked: string; idNumberMasked: string }[]; nextCursor: string };
    expect(body.items).toHaveLength(50);
    expect(body.items.every((r) => r.communityId === ids.jixiang)).toBe(true);
    expect(body.items.every((r) => /^1\d{2}\*{4}\d{4}$/.test(r.phoneMasked))).toBe(true);
    expect(body.items.every((r) => /^\d{4}\*{10}[\dX]{4}$/.test(r.idNumberMasked))).toBe(true);
    expect(res.body).not.toMatch(/1[3-9]\d{9}/);
    expect(body.nextCursor).toBeTruthy();
  });

  it('pages with the cursor without repeating anyone', async () => {
    const first = (await get('/api/v1/residents?limit=20', '13900000002')).json() as { items: { id: string }[]; nextCursor: string };
    const second = (await get(`/api/v1/residents?limit=20&cursor=${first.nextCursor}`, '13900000002')).json() as { items: { id: string }[] };
    const overlap = second.items.filter((r) => first.items.some((f) => f.id === r.id));
    expect(second.items.length).toBe(20);
    expect(overlap).toEqual([]);
    expect((await get('/api/v1/residents?cursor=garbage', '13900000002')).statusCode).toBe(400);
  });

  it('gives a grid worker only their grid, and refuses another grid', async () => {
    const me = (await get('/api/v1/me', '13900000004')).json() as { gridId: string; communityId: string };
    const body = (await get('/api/v1/residents?limit=200', '13900000004')).json() as { items: { gridId: string }[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((r) => r.gridId === me.gridId)).toBe(true);
    const grids = (await get(`/api/v1/grids?communityId=${ids.jixiang}`, '13900000004')).json() as { items: { id: string }[] };
    expect((await get(`/api/v1/residents?gridId=${grids.items[0]!.id}`, '13900000004')).statusCode).toBe(403);
  });

  it('refuses residents and volunteers without a staff role (403), and anonymous callers (401)', async () => {
    expect((await get('/api/v1/residents', '13900000008')).statusCode).toBe(403);
    expect((await get('/api/v1/residents', '13900000006')).statusCode).toBe(403);
    expect((await get('/api/v1/residents')).statusCode).toBe(401);
    expect((await get('/api/v1/households', '13900000008')).statusCode).toBe(403);
  });

  it('filters by focus group and logs every view of a sensitive tag', async () => {
    const before = await accessLogCount();
    const res = await get('/api/v1/residents?tag=disabled&limit=10', '13900000001');
    const body = res.json() as { items: { id: string; focusTags: string[] }[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((r) => r.focusTags.includes('disabled'))).toBe(true);
    expect(await accessLogCount()).toBe(before + body.items.length);
  });

  it('stores focus tags and ID numbers encrypted', async () => {
    const rows = await queryRows<{ focus_tags_enc: string | null; id_number_enc: string | null; phone_enc: string | null }>(
      t.db,
      sql`SELECT focus_tags_enc, id_number_enc, phone_enc FROM persons WHERE is_resident LIMIT 50`,
    );
    for (const r of rows) {
      expect(r.id_number_enc?.startsWith('v1.')).toBe(true);
      expect(r.phone_enc?.startsWith('v1.')).toBe(true);
      expect(r.focus_tags_enc ?? 'v1.').toMatch(/^v1\./);
    }
  });
});

describe('GET /api/v1/volunteers', () => {
  it('needs a sign-in', async () => expect((await get('/api/v1/volunteers')).statusCode).toBe(401));

  it('masks names outside the caller’s community and shows them inside it', async () => {
    const body = (await get(`/api/v1/volunteers?communityId=${ids.sangyi}&limit=30`, '13900000003')).json() as { items: { name: string }[] };
    expect(body.items.length).toBe(30);
    expect(body.items.every((v) => v.name.includes('*'))).toBe(true);
    const own = (await get(`/api/v1/volunteers?communityId=${ids.jixiang}&limit=30`, '13900000003')).json() as { items: { name: string }[] };
    expect(own.items.every((v) => !v.name.includes('*'))).toBe(true);
    const street = (await get(`/api/v1/volunteers?communityId=${ids.sangyi}&limit=30`, '13900000001')).json() as { items: { name: string }[] };
    expect(street.items.every((v) => !v.name.includes('*'))).toBe(true);
  });

  it('filters by team and skill and pages through all 1,345', async () => {
    const teams = (await get('/api/v1/teams')).json() as { items: { id: string; memberCount: number }[] };
    const team = teams.items[0]!;
    const members = (await get(`/api/v1/volunteers?teamId=${team.id}&limit=200`, '13900000001')).json() as { items: { teamIds: string[] }[] };
    expect(members.items.length).toBe(Math.min(200, team.memberCount));
    expect(members.items.every((v) => v.teamIds.includes(team.id))).toBe(true);
    const skilled = (await get('/api/v1/volunteers?skill=medical&limit=50', '13900000001')).json() as { items: { skills: string[] }[] };
    expect(skilled.items.every((v) => v.skills.includes('medical'))).toBe(true);
    let cursor: string | null = null;
    let seen = 0;
    do {
      const page = (await get(`/api/v1/volunteers?limit=200${cursor ? `&cursor=${cursor}` : ''}`, '13900000001')).json() as { items: unknown[]; nextCursor: string | null };
      seen += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toBe(1345);
  });

  it('finds volunteers by Chinese name, Tibetan name and pinyin initials', async () => {
    const all = (await get('/api/v1/volunteers?limit=50', '13900000001')).json() as { items: { name: string; nameBo: string | null }[] };
    const tibetan = all.items.find((v) => v.nameBo)!;
    const byZh = (await get(`/api/v1/volunteers?q=${encodeURIComponent(tibetan.name)}`, '13900000001')).json() as { items: { name: string }[] };
    expect(byZh.items.length).toBeGreaterThan(0);
    expect(byZh.items.every((v) => v.name.includes(tibetan.name))).toBe(true);
    const byBo = (await get(`/api/v1/volunteers?q=${encodeURIComponent(tibetan.nameBo!)}`, '13900000001')).json() as { items: unknown[] };
    expect(byBo.items.length).toBeGreaterThan(0);
    const [initials] = await queryRows<{ name_initials: string; name: string }>(t.db, sql`SELECT name_initials, name FROM persons WHERE name = ${tibetan.name} LIMIT 1`);
    const byPy = (await get(`/api/v1/volunteers?q=${initials!.name_initials}&limit=200`, '13900000001')).json() as { items: { name: string }[] };
    expect(byPy.items.some((v) => v.name === tibetan.name)).toBe(true);
  });
});
