import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/platform/db/client.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = await t.login('13900000002');
});
afterAll(() => t?.close());

const snapshot = async () =>
  (
    await queryRows<{ s: number; l: number; a: string }>(
      t.db,
      sql`SELECT (SELECT count(*)::int FROM sessions) AS s, (SELECT count(*)::int FROM login_throttle) AS l,
        (SELECT string_agg(language || elderly_mode::text, ',' ORDER BY id) FROM accounts) AS a`,
    )
  )[0];

const problem = (res: { headers: Record<string, unknown>; json: () => unknown }) => {
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  return res.json() as { type: string; title: string; status: number; detail: string; code: string; errors?: { field: string; message: string }[] };
};

describe('bad input gets a problem+json in the requested language and changes nothing', () => {
  it('malformed JSON', async () => {
    const before = await snapshot();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"phone": "13900000001", "password": ',
    });
    expect(res.statusCode).toBe(400);
    const p = problem(res);
    expect(p).toMatchObject({ code: 'validation_failed', status: 400, title: 'Invalid input' });
    expect(p.errors?.[0]).toMatchObject({ field: 'body', message: 'not valid JSON' });
    expect(await snapshot()).toEqual(before);
  });

  it('a missing field names the field, in Chinese by default', async () => {
    const before = await snapshot();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone: '13900000001' } });
    expect(res.statusCode).toBe(400);
    const p = problem(res);
    expect(p.title).toBe('输入有误');
    expect(p.errors).toEqual([expect.objectContaining({ field: 'password', message: '必填' })]);
    expect(await snapshot()).toEqual(before);
  });

  it('a wrong type, in Tibetan', async () => {
    const before = await snapshot();
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/preferences',
      headers: { ...bearer(token), 'accept-language': 'bo' },
      payload: { elderlyMode: 'yes' },
    });
    expect(res.statusCode).toBe(400);
    const p = problem(res);
    expect(p.code).toBe('validation_failed');
    expect(p.errors?.[0]?.field).toBe('elderlyMode');
    expect(p.errors?.[0]?.message).toMatch(/[\u0F00-\u0FFF]/);
    expect(await snapshot()).toEqual(before);
  });

  it('a 2 MB body is refused with 413', async () => {
    const before = await snapshot();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify({ phone: '13900000001', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(problem(res)).toMatchObject({ code: 'payload_too_large', title: 'Too large' });
    expect(await snapshot()).toEqual(before);
  });

  it('a malformed phone number', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone: '1390000000x', password: 'demo1345' } });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0]).toMatchObject({ field: 'phone' });
  });

  it('hostile strings are data, not code', async () => {
    const before = await snapshot();
    for (const hostile of ["' OR 1=1 --", '<script>alert(1)</script>', '../../etc/passwd', '\u0000', 'ཀ'.repeat(500)]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone: '13900000001', password: hostile } });
      expect([400, 401]).toContain(res.statusCode);
      expect(res.body).not.toContain('<script>');
    }
    const q = await t.app.inject({ method: 'GET', url: `/api/v1/volunteers?q=${encodeURIComponent("%' OR '1'='1")}`, headers: bearer(token) });
    expect(q.statusCode).toBe(200);
    expect((q.json() as { items: unknown[] }).items).toEqual([]);
    const after = await snapshot();
    expect(after!.s).toBe(before!.s);
  });

  it('a non-JSON content type is 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'phone=1' });
    expect(res.statusCode).toBe(415);
    expect(problem(res).code).toBe('unsupported_media_type');
  });

  it('an unknown API path is a 404 problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(problem(res).code).toBe('not_found');
  });
});

describe('platform', () => {
  it('GET /healthz names the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toEqual({ status: 'ok', db: process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite' });
  });

  it('publishes the OpenAPI document with the routes and problem responses', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/v1/auth/login', '/api/v1/me', '/api/v1/communities', '/api/v1/teams', '/api/v1/volunteers', '/api/v1/stats/overview', '/api/v1/residents']) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/v1/auth/login']!.post!.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '429']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('sends security headers and no CORS grant', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/communities', headers: { origin: 'https://evil.example' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
