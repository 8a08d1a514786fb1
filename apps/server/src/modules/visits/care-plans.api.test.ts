// Care plans: pause and resume (PATCH /care-plans/{id}) with role and scope refusals, bad input, and
// the job skipping a paused plan; resuming never counts the pause as missed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.js';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';
import { runCarePlans } from './care-plans.service.js';

let t: TestApp;
const PHONES = { street: '13900000001', sy: '13900000002', jx: '13900000003', grid: '13900000004', v6: '13900000006' } as const;
type Who = keyof typeof PHONES;
const tok = {} as Record<Who, string>;
let clock = new Date('2026-12-10T02:00:00Z');

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

const planRow = async (id: string) =>
  (
    await queryRows<{ active: boolean; version: number; next_due_at: Date; missed_count: number }>(
      t.db,
      sql`select active, version, next_due_at, missed_count from care_plans where id = ${id}`,
    )
  )[0]!;

async function newVisitPlan(): Promise<string> {
  const [resident] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from persons where is_resident and grid_id = 'grid_sy_02' and household_id is not null order by id limit 1`,
  );
  const res = await api('grid', 'POST', '/care-plans', { residentId: resident!.id, everyDays: 7, kind: 'visit' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('PATCH /care-plans/{id}', () => {
  it('refuses other roles (403), other areas (404), bad input (400) and an unknown plan, changing nothing', async () => {
    const id = await newVisitPlan();
    const before = await planRow(id);
    expect((await api('v6', 'PATCH', `/care-plans/${id}`, { active: false })).statusCode).toBe(403);
    expect((await api('jx', 'PATCH', `/care-plans/${id}`, { active: false })).statusCode).toBe(404);
    const bad = await api('grid', 'PATCH', `/care-plans/${id}`, { active: 'no' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('active');
    expect((await api('grid', 'PATCH', `/care-plans/${id}`, { active: false, everyDays: 3 })).statusCode).toBe(400);
    expect((await api('grid', 'PATCH', '/care-plans/cpl_nope', { active: false })).statusCode).toBe(404);
    expect(await planRow(id)).toEqual(before);
  });

  it('pauses (the job skips it: no reminder, nothing missed) and resumes due from now, by the grid worker and the community admin', async () => {
    const id = await newVisitPlan();
    const paused = await api('grid', 'PATCH', `/care-plans/${id}`, { active: false });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ id, active: false });
    // Weeks later the job leaves the paused plan alone.
    clock = new Date(clock.getTime() + 30 * 86_400_000);
    for (const [w, phone] of Object.entries(PHONES) as [Who, string][]) tok[w] = await t.login(phone);
    await runCarePlans(t.deps, clock);
    const still = await planRow(id);
    expect(still.active).toBe(false);
    expect(still.missed_count).toBe(0);
    const notices = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from notifications where ref_id = ${id}`);
    expect(Number(notices[0]!.n)).toBe(0);
    // Resumed by the community admin: due now, not missed for the pause.
    const resumed = await api('sy', 'PATCH', `/care-plans/${id}`, { active: true });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toMatchObject({ active: true, due: true, missedCount: 0 });
    expect(new Date(resumed.json().nextDueAt).getTime()).toBe(clock.getTime());
    await runCarePlans(t.deps, clock);
    expect((await planRow(id)).missed_count).toBe(0);
    // The grid worker is told it is due, with a link to their H5 list of care plans.
    const told = await queryRows<{ link: string }>(
      t.db,
      sql`select link from notifications where ref_id = ${id} and kind = 'care_plan.due'`,
    );
    expect(told.map((n) => n.link)).toContain('/care-plans');
    // Setting the same value again changes nothing (no version bump).
    const v = (await planRow(id)).version;
    expect((await api('street', 'PATCH', `/care-plans/${id}`, { active: true })).statusCode).toBe(200);
    expect((await planRow(id)).version).toBe(v);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/v1/care-plans/{id}']?.patch).toBeDefined();
  });
});
