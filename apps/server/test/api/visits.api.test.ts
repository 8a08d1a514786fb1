// Door-to-door visits (幸福敲敲门 / 布谷响铃, DR-20): campaigns, visit logs, needs → demands, grid
// coverage against the demo visit logs, the campaign overview, and care plans with their job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/platform/db/client.js';
import { runCarePlans } from '../../src/modules/visits/index.js';
import { REFERENCE_DATE } from '../../seed/load-demo.js';
import { DEMO_CAMPAIGN_ID } from '../../seed/activities.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
const PHONES = {
  street: '13900000001',
  sy: '13900000002',
  jx: '13900000003',
  grid: '13900000004',
  leader: '13900000005',
  v6: '13900000006',
  resident: '13900000008',
  party: '13900000009',
} as const;
type Who = keyof typeof PHONES;
const tok = {} as Record<Who, string>;
/** The demo data is unshifted in tests: "now" is a day after its reference date. */
const clock = new Date(REFERENCE_DATE.getTime() + 86_400_000);

beforeAll(async () => {
  t = await createTestApp();
  t.deps.now = () => clock;
  for (const [w, phone] of Object.entries(PHONES) as [Who, string][]) tok[w] = await t.login(phone);
});
afterAll(() => t?.close());

const api = (who: Who, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: bearer(tok[who]),
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
const count = async (q: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(t.db, q))[0]!.n);

async function allCoverage(gridId: string, cycleDays = 15) {
  const items: { householdId: string; householdLabel: string; lastVisitAt: string | null; overdue: boolean }[] = [];
  let cursor: string | null = null;
  do {
    const res = await api('grid', 'GET', `/grids/${gridId}/coverage?cycleDays=${cycleDays}&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    items.push(...res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor);
  return items;
}

describe('coverage (DR-20)', () => {
  it('matches the demo visit logs of grid_sy_02', async () => {
    const items = await allCoverage('grid_sy_02');
    const households = await queryRows<{ id: string }>(t.db, sql`select id from households where grid_id = 'grid_sy_02' order by id`);
    expect(items.map((i) => i.householdId)).toEqual(households.map((h) => h.id));
    const visits = await queryRows<{ household_id: string; last: Date }>(
      t.db,
      sql`select household_id, max(at) as last from visits where grid_id = 'grid_sy_02' and present group by household_id`,
    );
    expect(visits.length).toBeGreaterThan(10);
    const last = new Map(visits.map((v) => [v.household_id, new Date(v.last).getTime()]));
    const cutoff = clock.getTime() - 15 * 86_400_000;
    for (const i of items) {
      const expected = last.get(i.householdId) ?? null;
      expect(i.lastVisitAt === null ? null : new Date(i.lastVisitAt).getTime()).toBe(expected);
      expect(i.overdue).toBe(expected === null || expected < cutoff);
      expect(i.householdLabel).toContain('*');
    }
    expect(items.some((i) => i.overdue) && items.some((i) => !i.overdue)).toBe(true);
    const overdueOnly = await api('grid', 'GET', '/grids/grid_sy_02/coverage?overdue=true&limit=200');
    expect(overdueOnly.json().items.length).toBe(items.filter((i) => i.overdue).length);
    expect(overdueOnly.json().overdueCount).toBe(items.filter((i) => i.overdue).length);
  });

  it('is refused to 吉祥社区 staff (404) and a resident (403)', async () => {
    expect((await api('jx', 'GET', '/grids/grid_sy_02/coverage')).statusCode).toBe(404);
    expect((await api('resident', 'GET', '/grids/grid_sy_02/coverage')).statusCode).toBe(403);
    // 布谷响铃 runs the campaign over 桑伊's grids: its volunteer sees which doors to knock on.
    expect((await api('v6', 'GET', '/grids/grid_sy_02/coverage')).statusCode).toBe(200);
    expect((await api('grid', 'GET', '/grids/grid_sy_02/coverage?cycleDays=0')).statusCode).toBe(400);
  });
});

describe('visits', () => {
  it('logs a visit by the grid worker and by a campaign volunteer; coverage and figures follow', async () => {
    const [hh] = await queryRows<{ id: string }>(
      t.db,
      sql`select h.id from households h where h.grid_id = 'grid_sy_02' and not exists (select 1 from visits v where v.household_id = h.id) order by h.id limit 1`,
    );
    const before = (await api('sy', 'GET', `/visit-campaigns/${DEMO_CAMPAIGN_ID}/overview`)).json();
    const at = new Date(clock.getTime() - 3_600_000).toISOString();
    const res = await api('grid', 'POST', '/visits', {
      householdId: hh!.id,
      at,
      present: true,
      inquiries: [
        { topic: '医保报销', answered: true },
        { topic: '高龄补贴', answered: false },
      ],
      needs: [{ serviceItemId: 'svc_medicine_pickup', description: '需要代取药' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const visit = res.json();
    expect(visit).toMatchObject({
      householdId: hh!.id,
      campaignId: DEMO_CAMPAIGN_ID,
      present: true,
      needs: [{ index: 0, demandId: null }],
    });
    const cov = (await allCoverage('grid_sy_02')).find((i) => i.householdId === hh!.id)!;
    expect(cov).toMatchObject({ overdue: false });
    expect(new Date(cov.lastVisitAt!).getTime()).toBe(new Date(at).getTime());
    const after = (await api('sy', 'GET', `/visit-campaigns/${DEMO_CAMPAIGN_ID}/overview`)).json();
    expect(after.totals.inquiriesAnswered).toBe(before.totals.inquiriesAnswered + 1);
    expect(after.totals.homeVisits).toBe(before.totals.homeVisits + 1);
    expect(after.totals.visitedInCycle).toBe(before.totals.visitedInCycle + 1);
    // The need becomes a demand in one tap; a second tap answers the same demand.
    const d1 = await api('grid', 'POST', `/visits/${visit.id}/needs/0/demand`);
    expect(d1.statusCode, d1.body).toBe(201);
    const d2 = await api('grid', 'POST', `/visits/${visit.id}/needs/0/demand`);
    expect(d2.statusCode).toBe(200);
    expect(d2.json().demandId).toBe(d1.json().demandId);
    const [dem] = await queryRows<{ channel: string; grid_id: string; status: string }>(
      t.db,
      sql`select channel, grid_id, status from demands where id = ${d1.json().demandId}`,
    );
    expect(dem).toEqual({ channel: 'visit', grid_id: 'grid_sy_02', status: 'submitted' });
    expect((await api('grid', 'POST', `/visits/${visit.id}/needs/5/demand`)).statusCode).toBe(404);
    // A volunteer of 布谷响铃 logs in another 桑伊 grid through the campaign.
    const [hh3] = await queryRows<{ id: string }>(t.db, sql`select id from households where grid_id = 'grid_sy_03' order by id limit 1`);
    const v = await api('v6', 'POST', '/visits', { householdId: hh3!.id, at, present: false, inquiries: [], needs: [] });
    expect(v.statusCode, v.body).toBe(201);
    // …but cannot turn needs into demands (staff only).
    expect((await api('v6', 'POST', `/visits/${v.json().id}/needs/0/demand`)).statusCode).toBe(403);
  });

  it('refuses a resident, a volunteer off campaign, another community, and bad input, with nothing written', async () => {
    const before = await count(sql`select count(*)::int as n from visits`);
    const [hh] = await queryRows<{ id: string }>(t.db, sql`select id from households where grid_id = 'grid_sy_02' order by id limit 1`);
    const [jxHh] = await queryRows<{ id: string }>(t.db, sql`select id from households where community_id = 'com_jx' order by id limit 1`);
    const at = new Date(clock.getTime() - 60_000).toISOString();
    const ok = { householdId: hh!.id, at, present: true, inquiries: [], needs: [] };
    expect((await api('resident', 'POST', '/visits', ok)).statusCode).toBe(403);
    expect((await api('party', 'POST', '/visits', ok)).statusCode).toBe(403);
    expect((await api('grid', 'POST', '/visits', { ...ok, householdId: jxHh!.id })).statusCode).toBe(404);
    expect((await api('grid', 'POST', '/visits', { ...ok, householdId: 'hh_nope' })).statusCode).toBe(404);
    const bad = await api('grid', 'POST', '/visits', { ...ok, present: 'yes', inquiries: [{ topic: '' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['present']));
    expect((await api('grid', 'POST', '/visits', { ...ok, at: new Date(clock.getTime() + 3_600_000).toISOString() })).statusCode).toBe(400);
    expect(await count(sql`select count(*)::int as n from visits`)).toBe(before);
  });
});

describe('campaigns', () => {
  it('creates a campaign over the admin’s grids and refuses other communities and roles', async () => {
    const body = {
      name: '布谷响铃 · 入户',
      nameBo: 'བུ་གུ་ཁྲོལ་ཁྲོལ།',
      teamId: 'team_bugu',
      gridIds: ['grid_sy_01', 'grid_sy_02'],
      startsOn: '2026-11-01',
      endsOn: '2026-12-31',
    };
    const before = await count(sql`select count(*)::int as n from visit_campaigns`);
    expect((await api('jx', 'POST', '/visit-campaigns', body)).statusCode).toBe(404);
    expect((await api('grid', 'POST', '/visit-campaigns', body)).statusCode).toBe(403);
    expect((await api('sy', 'POST', '/visit-campaigns', { ...body, endsOn: '2026-10-01' })).statusCode).toBe(400);
    expect(await count(sql`select count(*)::int as n from visit_campaigns`)).toBe(before);
    const res = await api('sy', 'POST', '/visit-campaigns', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ communityId: 'com_sy', cycleDays: 15, active: true });
    const list = (await api('leader', 'GET', '/visit-campaigns')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([res.json().id, DEMO_CAMPAIGN_ID]));
    expect((await api('jx', 'GET', '/visit-campaigns')).json().items).toEqual([]);
  });

  it('gives the overview per grid and per period to staff; 404 to other communities, 403 to the team’s volunteers', async () => {
    const res = await api('sy', 'GET', `/visit-campaigns/${DEMO_CAMPAIGN_ID}/overview?period=week`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.grids.length).toBeGreaterThan(1);
    const [dbTotals] = await queryRows<{ answered: number; home: number }>(
      t.db,
      sql`select coalesce(sum(inquiries_answered),0)::int as answered, (count(*) filter (where present))::int as home from visits where campaign_id = ${DEMO_CAMPAIGN_ID}`,
    );
    expect(o.totals.inquiriesAnswered).toBe(dbTotals!.answered);
    expect(o.totals.homeVisits).toBe(dbTotals!.home);
    expect(o.periods.reduce((s: number, p: { homeVisits: number }) => s + p.homeVisits, 0)).toBe(dbTotals!.home);
    expect(o.periods[0].period).toMatch(/^\d{4}-W\d{2}$/);
    expect((await api('jx', 'GET', `/visit-campaigns/${DEMO_CAMPAIGN_ID}/overview`)).statusCode).toBe(404);
    expect((await api('v6', 'GET', `/visit-campaigns/${DEMO_CAMPAIGN_ID}/overview`)).statusCode).toBe(403);
  });
});

describe('care plans', () => {
  it('creates plans in the grid worker’s grid, lists them, and the job creates due demands and flags missed visits', async () => {
    const [res1] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from persons where is_resident and grid_id = 'grid_sy_02' order by id desc limit 1`,
    );
    const [jxRes] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from persons where is_resident and community_id = 'com_jx' order by id limit 1`,
    );
    expect((await api('grid', 'POST', '/care-plans', { residentId: jxRes!.id, everyDays: 7, kind: 'visit' })).statusCode).toBe(404);
    expect((await api('v6', 'POST', '/care-plans', { residentId: res1!.id, everyDays: 7, kind: 'visit' })).statusCode).toBe(403);
    expect((await api('grid', 'POST', '/care-plans', { residentId: res1!.id, everyDays: 7, kind: 'demand' })).statusCode).toBe(400);
    const demandPlan = await api('grid', 'POST', '/care-plans', {
      residentId: res1!.id,
      everyDays: 14,
      kind: 'demand',
      serviceItemId: 'svc_medicine_pickup',
    });
    expect(demandPlan.statusCode, demandPlan.body).toBe(201);
    expect(demandPlan.json()).toMatchObject({ kind: 'demand', due: true, missedCount: 0 });
    const list = (await api('grid', 'GET', '/care-plans?gridId=grid_sy_02')).json();
    expect(list.items.length).toBeGreaterThanOrEqual(4);
    expect((await api('jx', 'GET', '/care-plans?gridId=grid_sy_02')).statusCode).toBe(404);
    // The demo's overdue visit plan is flagged missed; the new demand plan creates its demand once.
    const missedBefore = list.items.find((p: { id: string }) => p.id === 'cpl_demo_2');
    const out = await runCarePlans(t.deps, clock);
    expect(out.failed).toEqual([]);
    expect(out.demands).toBeGreaterThanOrEqual(1);
    const again = await runCarePlans(t.deps, clock);
    expect(again.demands).toBe(0);
    const after = (await api('grid', 'GET', '/care-plans?gridId=grid_sy_02')).json();
    const plan = after.items.find((p: { id: string }) => p.id === demandPlan.json().id);
    expect(plan.lastDemandId).toMatch(/^dem_/);
    expect(plan.due).toBe(false);
    const missed = after.items.find((p: { id: string }) => p.id === 'cpl_demo_2');
    expect(missed.missedCount).toBe(missedBefore.missedCount + 1);
    expect(await count(sql`select count(*)::int as n from notifications where kind = 'care_plan.missed'`)).toBeGreaterThanOrEqual(1);
  });
});

describe('OpenAPI', () => {
  it('documents the activity, visit, coverage and care-plan paths', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    for (const p of [
      '/api/v1/activities',
      '/api/v1/activities/{id}',
      '/api/v1/activities/{id}/approve',
      '/api/v1/activities/{id}/signups',
      '/api/v1/activities/{id}/signups/me',
      '/api/v1/activities/{id}/check-in-code',
      '/api/v1/activities/{id}/check-in',
      '/api/v1/activities/{id}/check-out',
      '/api/v1/activities/{id}/roster',
      '/api/v1/visit-campaigns',
      '/api/v1/visit-campaigns/{id}/overview',
      '/api/v1/visits',
      '/api/v1/visits/{id}/needs/{index}/demand',
      '/api/v1/grids/{id}/coverage',
      '/api/v1/care-plans',
    ]) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
  });
});

describe('care plans and visits', () => {
  it('a home visit to the household moves the visit plan to visit + every days', async () => {
    const [plan] = await queryRows<{ household_id: string }>(t.db, sql`select household_id from care_plans where id = 'cpl_demo_1'`);
    const at = new Date(clock.getTime() - 2 * 3_600_000);
    expect(
      (
        await api('grid', 'POST', '/visits', {
          householdId: plan!.household_id,
          at: at.toISOString(),
          present: true,
          inquiries: [],
          needs: [],
        })
      ).statusCode,
    ).toBe(201);
    const listed = (await api('grid', 'GET', '/care-plans?gridId=grid_sy_02'))
      .json()
      .items.find((p: { id: string }) => p.id === 'cpl_demo_1');
    expect(new Date(listed.lastDoneAt).getTime()).toBe(at.getTime());
    expect(new Date(listed.nextDueAt).getTime()).toBe(at.getTime() + 7 * 86_400_000);
    expect(listed.residentName).toContain('*');
  });
});
