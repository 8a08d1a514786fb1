import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdFamily } from '@duodi/contracts';
import { queryRows } from '../../platform/db/client.js';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const STREET_ADMIN = '13900000001';
const SANGYI_ADMIN = '13900000002';
const JIXIANG_ADMIN = '13900000003';
const VOLUNTEER = '13900000006'; // per_000041, household with per_000042 (spouse) and per_000043 (child)

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of [STREET_ADMIN, SANGYI_ADMIN, JIXIANG_ADMIN, VOLUNTEER]) tokens[phone] = await t.login(phone);
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST', url: string, phone: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: bearer(tokens[phone]!),
    ...(payload !== undefined ? { payload: payload as string } : {}),
  });
const relationCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM family_relations`))[0]!.n;

describe('GET /time-bank/households/{id}/family', () => {
  it('shows community staff the members and recorded relations; a new relation appears', async () => {
    const [h] = await queryRows<{ household_id: string }>(t.db, sql`SELECT household_id FROM persons WHERE id = 'per_000041'`);
    const url = `/time-bank/households/${h!.household_id}/family`;
    const res = await call('GET', url, SANGYI_ADMIN);
    expect(res.statusCode, res.body).toBe(200);
    const family = res.json() as HouseholdFamily;
    expect(family.members.map((m) => m.personId)).toEqual(expect.arrayContaining(['per_000041', 'per_000042', 'per_000043']));
    expect(family.relations).toEqual(
      expect.arrayContaining([expect.objectContaining({ personId: 'per_000041', relativePersonId: 'per_000042', relation: 'spouse' })]),
    );
    const had = family.relations.some((r) => [r.personId, r.relativePersonId].includes('per_000043'));
    if (!had) {
      const ok = await call('POST', '/time-bank/relations', SANGYI_ADMIN, {
        personId: 'per_000041',
        relativePersonId: 'per_000043',
        relation: 'child',
      });
      expect(ok.statusCode, ok.body).toBe(201);
    }
    const after = (await call('GET', url, STREET_ADMIN)).json() as HouseholdFamily;
    expect(after.relations.some((r) => r.personId === 'per_000041' && r.relativePersonId === 'per_000043' && r.relation === 'child')).toBe(
      true,
    );
    expect(after.relations[0]!.createdAt).toMatch(/\+08:00$/);
  });

  it('refuses other roles (403), another community (404) and an unknown household (404), changing nothing', async () => {
    const before = await relationCount();
    const [h] = await queryRows<{ household_id: string }>(t.db, sql`SELECT household_id FROM persons WHERE id = 'per_000041'`);
    expect((await call('GET', `/time-bank/households/${h!.household_id}/family`, VOLUNTEER)).statusCode).toBe(403);
    expect((await call('GET', `/time-bank/households/${h!.household_id}/family`, JIXIANG_ADMIN)).statusCode).toBe(404);
    expect((await call('GET', '/time-bank/households/hh_missing/family', STREET_ADMIN)).statusCode).toBe(404);
    expect((await call('GET', '/time-bank/households/bad%20id/family', STREET_ADMIN)).statusCode).toBe(400);
    expect(await relationCount()).toBe(before);
  });
});
