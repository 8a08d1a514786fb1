import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/platform/db/client.js';
import { DEMO_ACCOUNTS } from '../../seed/load-demo.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;

describe('POST /api/v1/auth/login', () => {
  it('signs in every demo account of API.md with the role it lists', async () => {
    const expected: Record<string, string> = {
      '13900000001': 'street_admin',
      '13900000002': 'community_admin',
      '13900000003': 'community_admin',
      '13900000004': 'grid_worker',
      '13900000005': 'team_leader',
      '13900000006': 'volunteer',
      '13900000007': 'volunteer',
      '13900000008': 'resident',
      '13900000009': 'party_member',
      '13900000010': 'unit_admin',
      '13900000011': 'merchant',
    };
    expect(DEMO_ACCOUNTS.map((a) => a.phone).sort()).toEqual(Object.keys(expected).sort());
    for (const [phone, role] of Object.entries(expected)) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password: 'demo1345' } });
      expect(res.statusCode, phone).toBe(200);
      const body = res.json() as { token: string; user: { id: string; name: string; roles: string[] } };
      expect(body.token.length).toBeGreaterThan(30);
      expect(body.user.roles, phone).toContain(role);
      expect(res.headers['set-cookie']).toMatch(/sid=.*HttpOnly/i);
    }
  });

  it('answers a wrong password with a 401 problem in the caller’s language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'bo' },
      payload: { phone: '13900000006', password: 'wrong-one' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json() as { code: string; title: string; status: number; type: string; detail: string };
    expect(p).toMatchObject({ code: 'invalid_credentials', status: 401 });
    expect(p.title).toMatch(/[\u0F00-\u0FFF]/);
  });

  it('locks the phone on the tenth wrong try in a row (429), even for the right password afterwards', async () => {
    const phone = '13900000007';
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password: `nope-${i}` } });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 9).every((s) => s === 401)).toBe(true);
    expect(statuses[9]).toBe(429);
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password: 'demo1345' } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts failures for unknown phones too, without revealing that they are unknown', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone: '13711112222', password: 'x' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'invalid_credentials' });
  });

  it('a success clears earlier failures', async () => {
    const phone = '13900000011';
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password: 'bad' } });
    await t.login(phone);
    for (let i = 0; i < 9; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password: 'bad' } });
      expect(res.statusCode).toBe(401);
    }
  });
});

describe('GET /api/v1/me', () => {
  it('is 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('describes a community admin with the community of their scope', async () => {
    const token = await t.login('13900000002');
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).json() as Record<string, unknown>;
    expect(me.roles).toEqual(['community_admin']);
    expect(me.communityId).toBeTruthy();
    expect(me.phoneMasked).toBe('139****0002');
    expect(JSON.stringify(me)).not.toContain('13900000002');
    const assignments = me.assignments as { scopeName: string }[];
    expect(assignments[0]!.scopeName).toBe('桑伊社区');
  });

  it('gives a team leader their team, a volunteer id and the volunteer role', async () => {
    const token = await t.login('13900000005');
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).json() as {
      roles: string[];
      teamIds: string[];
      volunteerId: string | null;
    };
    expect(me.roles).toEqual(expect.arrayContaining(['team_leader', 'volunteer']));
    expect(me.teamIds.length).toBeGreaterThan(0);
    expect(me.volunteerId).toBeTruthy();
  });

  it('gives a party-member volunteer a unit, and the unit admin the same unit', async () => {
    const member = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(await t.login('13900000009')) })).json() as { unitId: string };
    const admin = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(await t.login('13900000010')) })).json() as { unitId: string };
    expect(member.unitId).toBeTruthy();
    expect(admin.unitId).toBe(member.unitId);
  });

  it('works with the session cookie as well as the Bearer token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone: '13900000008', password: 'demo1345' } });
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ roles: ['resident'] });
  });
});

describe('POST /api/v1/auth/logout', () => {
  it('ends the session so the token no longer works', async () => {
    const token = await t.login('13900000006');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('refuses a forged token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('forged-token-that-was-never-issued-000000') });
    expect(res.statusCode).toBe(401);
  });
});

describe('PATCH /api/v1/me/preferences', () => {
  it('remembers language and elderly mode per user', async () => {
    const token = await t.login('13900000008');
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: bearer(token), payload: { language: 'bo', elderlyMode: true } });
    expect(res.statusCode).toBe(200);
    const again = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(await t.login('13900000008')) })).json();
    expect(again).toMatchObject({ language: 'bo', elderlyMode: true });
  });

  it('refuses an unknown language and changes nothing', async () => {
    const token = await t.login('13900000004');
    const before = await count('accounts');
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: bearer(token), payload: { language: 'fr' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'language' }] });
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).json();
    expect(me).toMatchObject({ language: 'zh-CN' });
    expect(await count('accounts')).toBe(before);
  });
});
