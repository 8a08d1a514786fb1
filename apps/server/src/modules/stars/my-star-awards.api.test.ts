import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StarAward } from '@duodi/contracts';
import { queryRows } from '../../platform/db/client.js';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
const VOLUNTEER = '13900000006';
const VOLUNTEER_2 = '13900000007';
const tokens: Record<string, string> = {};
const volunteerOf: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of [VOLUNTEER, VOLUNTEER_2]) {
    tokens[phone] = await t.login(phone);
    volunteerOf[phone] = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens[phone]!) })).json().volunteerId;
  }
});
afterAll(() => t?.close());

describe('GET /me/star-awards', () => {
  it('lists the caller’s own proposals, notices and awards, newest first, and nobody else’s', async () => {
    const vid = volunteerOf[VOLUNTEER]!;
    await t.db.execute(sql`DELETE FROM star_objections WHERE award_id IN (SELECT id FROM star_awards WHERE volunteer_id = ${vid})`);
    await t.db.execute(sql`DELETE FROM star_awards WHERE volunteer_id = ${vid}`);
    await t.db.execute(
      sql`INSERT INTO star_awards (id, street_id, volunteer_id, level, verified_minutes, status, proposed_at, awarded_at)
          SELECT 'sta_me_1', street_id, id, 1, 6000, 'awarded', '2025-01-02T10:00:00+08:00', '2025-01-20T10:00:00+08:00' FROM volunteers WHERE id = ${vid}`,
    );
    await t.db.execute(
      sql`INSERT INTO star_awards (id, street_id, volunteer_id, level, verified_minutes, status, proposed_at, notice_start, notice_end)
          SELECT 'sta_me_2', street_id, id, 2, 18000, 'on_notice', '2026-11-20T10:00:00+08:00', '2026-11-23', '2026-11-27' FROM volunteers WHERE id = ${vid}`,
    );
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/star-awards', headers: bearer(tokens[VOLUNTEER]!) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: StarAward[]; nextCursor: null };
    expect(body.items.map((a) => [a.id, a.status, a.level])).toEqual([
      ['sta_me_2', 'on_notice', 2],
      ['sta_me_1', 'awarded', 1],
    ]);
    expect(body.items[0]).toMatchObject({ noticeStart: '2026-11-23', noticeEnd: '2026-11-27', volunteerId: vid });
    expect(body.nextCursor).toBeNull();

    const other = (await t.app.inject({ method: 'GET', url: '/api/v1/me/star-awards', headers: bearer(tokens[VOLUNTEER_2]!) })).json() as {
      items: StarAward[];
    };
    expect(other.items.every((a) => a.volunteerId === volunteerOf[VOLUNTEER_2])).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/star-awards' })).statusCode).toBe(401);
    const rows = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM star_awards WHERE volunteer_id = ${vid}`);
    expect(rows[0]!.n).toBe(2);
  });
});
