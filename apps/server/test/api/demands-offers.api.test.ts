import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Demand, DemandOffer, DispatchPlanResult, MyOffer } from '@duodi/contracts';
import { queryRows } from '../../src/platform/db/client.js';
import { escalateOverdue } from '../../src/modules/demands/index.js';
import { loadVolunteerFacts } from '../../src/modules/demands/candidates.service.js';
import { scoreCandidate } from '../../src/modules/demands/matching/score.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const volunteerOf: Record<string, string> = {};
const STREET_ADMIN = '13900000001';
const SANGYI_ADMIN = '13900000002';
const JIXIANG_ADMIN = '13900000003';
const GRID_WORKER = '13900000004';
const LEADER = '13900000005';
const VOLUNTEER = '13900000006';
const VOLUNTEER_2 = '13900000007';
const RESIDENT = '13900000008';
const OUTSIDER_VOLUNTEER = '13900000009';
const PHONES = [STREET_ADMIN, SANGYI_ADMIN, JIXIANG_ADMIN, GRID_WORKER, LEADER, VOLUNTEER, VOLUNTEER_2, RESIDENT, OUTSIDER_VOLUNTEER];

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of PHONES) {
    tokens[phone] = await t.login(phone);
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens[phone]!) })).json() as { volunteerId: string | null };
    if (me.volunteerId) volunteerOf[phone] = me.volunteerId;
  }
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST', url: string, phone: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { ...bearer(tokens[phone]!), ...headers }, ...(payload !== undefined ? { payload: payload as string } : {}) });

/** Every row the offer, plan and no-show endpoints may write, as one comparable string. */
async function state() {
  const [r] = await queryRows<{ s: string }>(
    t.db,
    sql`SELECT concat_ws('|',
          (SELECT string_agg(id || ':' || status || ':' || version || ':' || accepted_count || ':' || coalesce(team_id, '-'), ',' ORDER BY id) FROM demands),
          (SELECT count(*)::text FROM demand_history), (SELECT count(*)::text FROM demand_volunteers),
          (SELECT coalesce(string_agg(id || ':' || status, ',' ORDER BY id), '') FROM demand_offers),
          (SELECT count(*)::text FROM dispatch_plans), (SELECT count(*)::text FROM volunteer_no_shows),
          (SELECT count(*)::text FROM audit_log)) AS s`,
  );
  return r!.s;
}
const offersOf = (demandId: string) =>
  queryRows<{ volunteer_id: string; status: string; decline_reason: string | null; plan_id: string | null }>(
    t.db,
    sql`SELECT volunteer_id, status, decline_reason, plan_id FROM demand_offers WHERE demand_id = ${demandId} ORDER BY volunteer_id`,
  );
const buguMembers = async () =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`SELECT tm.volunteer_id AS id FROM team_members tm JOIN volunteers v ON v.id = tm.volunteer_id WHERE tm.team_id = 'team_bugu' AND v.status = 'active' ORDER BY 1`,
    )
  ).map((r) => r.id);

/** A fresh demand of the demo resident (桑伊社区, grid_sy_02), published unless told otherwise. */
async function order(opts: { publish?: boolean; needed?: number; description?: string } = {}): Promise<Demand> {
  const res = await call('POST', '/demands', RESIDENT, {
    serviceItemId: 'svc_companionship',
    description: opts.description ?? '奶奶一个人在家，想有人陪着聊聊天',
    gridId: 'grid_sy_02',
    ...(opts.needed ? { volunteersNeeded: opts.needed } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  const d = res.json() as Demand;
  if (opts.publish !== false) expect((await call('POST', `/demands/${d.id}/publish`, SANGYI_ADMIN)).statusCode).toBe(200);
  return d;
}

describe('assign makes offers (DR-16)', () => {
  it('offers the demand to the chosen volunteers only; they see it in /me/offers without address or phone', async () => {
    const d = await order();
    const res = await call('POST', `/demands/${d.id}/assign`, LEADER, { teamId: 'team_bugu', volunteerIds: [volunteerOf[VOLUNTEER]!] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('assigned');
    expect(await offersOf(d.id)).toEqual([{ volunteer_id: volunteerOf[VOLUNTEER], status: 'offered', decline_reason: null, plan_id: null }]);
    const mine = await call('GET', '/me/offers', VOLUNTEER);
    expect(mine.statusCode).toBe(200);
    const offer = (mine.json().items as MyOffer[]).find((o) => o.demand.id === d.id)!;
    expect(offer).toMatchObject({ status: 'offered', teamId: 'team_bugu', demand: { status: 'assigned', serviceItemId: 'svc_companionship', acceptedCount: 0 } });
    expect(Date.parse(offer.expiresAt) - Date.parse(offer.createdAt)).toBe(48 * 3_600_000);
    expect(JSON.stringify(offer)).not.toMatch(/address|phone|beneficiary/i);
    expect(((await call('GET', '/me/offers', VOLUNTEER_2)).json().items as MyOffer[]).some((o) => o.demand.id === d.id)).toBe(false);
    expect((await call('GET', '/me/offers', RESIDENT)).json()).toEqual({ items: [], nextCursor: null });
  });

  it('offers it to every active member of the team when nobody is chosen', async () => {
    const d = await order();
    expect((await call('POST', `/demands/${d.id}/assign`, SANGYI_ADMIN, { teamId: 'team_bugu' })).statusCode).toBe(200);
    expect((await offersOf(d.id)).map((o) => o.volunteer_id)).toEqual(await buguMembers());
  });

  it('refuses a chosen volunteer outside the team with 400 and changes nothing', async () => {
    const d = await order();
    const before = await state();
    const res = await call('POST', `/demands/${d.id}/assign`, LEADER, { teamId: 'team_bugu', volunteerIds: [volunteerOf[OUTSIDER_VOLUNTEER]!] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('volunteerIds');
    expect(await state()).toBe(before);
  });

  it('marks the offer accepted on accept and withdraws the others once the demand is filled', async () => {
    const d = await order();
    expect((await call('POST', `/demands/${d.id}/assign`, LEADER, { teamId: 'team_bugu', volunteerIds: [volunteerOf[VOLUNTEER]!, volunteerOf[VOLUNTEER_2]!] })).statusCode).toBe(200);
    expect((await call('POST', `/demands/${d.id}/accept`, VOLUNTEER_2)).statusCode).toBe(200);
    const offers = await offersOf(d.id);
    expect(offers.find((o) => o.volunteer_id === volunteerOf[VOLUNTEER_2])?.status).toBe('accepted');
    expect(offers.find((o) => o.volunteer_id === volunteerOf[VOLUNTEER])?.status).toBe('withdrawn');
    expect(((await call('GET', '/me/offers', VOLUNTEER)).json().items as MyOffer[]).some((o) => o.demand.id === d.id)).toBe(false);
  });
});

describe('POST /demands/{id}/decline', () => {
  it('declines the caller’s offer with a reason; the last open offer declined notes no_open_offers for the leader', async () => {
    const d = await order();
    expect((await call('POST', `/demands/${d.id}/assign`, LEADER, { teamId: 'team_bugu', volunteerIds: [volunteerOf[VOLUNTEER]!, volunteerOf[VOLUNTEER_2]!] })).statusCode).toBe(200);
    const first = await call('POST', `/demands/${d.id}/decline`, VOLUNTEER, { reason: '这周在外地' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ offer: { status: 'declined', declineReason: '这周在外地', volunteerId: volunteerOf[VOLUNTEER] }, openOffers: 1 });
    const second = await call('POST', `/demands/${d.id}/decline`, VOLUNTEER_2);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().openOffers).toBe(0);
    const detail = (await call('GET', `/demands/${d.id}`, LEADER)).json() as Demand;
    expect(detail.status).toBe('assigned');
    const declines = detail.history.filter((h) => h.action === 'decline');
    expect(declines.map((h) => h.note)).toEqual(['这周在外地', 'no_open_offers']);
    expect(declines.every((h) => h.from === 'assigned' && h.to === 'assigned')).toBe(true);
    const offers = await call('GET', `/demands/${d.id}/offers`, LEADER);
    expect(offers.statusCode).toBe(200);
    expect((offers.json().items as DemandOffer[]).map((o) => o.status)).toEqual(['declined', 'declined']);
    // A declined volunteer may still change their mind and accept: the offer becomes accepted.
    expect((await call('POST', `/demands/${d.id}/accept`, VOLUNTEER)).statusCode).toBe(200);
    expect((await offersOf(d.id)).find((o) => o.volunteer_id === volunteerOf[VOLUNTEER])?.status).toBe('accepted');
  });

  it('answers 409 without an open offer, 404 outside the caller’s view, 400 for bad input, changing nothing', async () => {
    const d = await order();
    expect((await call('POST', `/demands/${d.id}/assign`, LEADER, { teamId: 'team_bugu', volunteerIds: [volunteerOf[VOLUNTEER]!] })).statusCode).toBe(200);
    const before = await state();
    expect((await call('POST', `/demands/${d.id}/decline`, VOLUNTEER_2)).statusCode).toBe(409);
    expect((await call('POST', `/demands/${d.id}/decline`, RESIDENT)).statusCode).toBe(409);
    expect((await call('POST', `/demands/${d.id}/decline`, OUTSIDER_VOLUNTEER)).statusCode).toBe(404);
    expect((await call('POST', `/demands/dem_nothing/decline`, VOLUNTEER)).statusCode).toBe(404);
    expect((await call('POST', `/demands/${d.id}/decline`, VOLUNTEER, { reason: 'x'.repeat(501) })).statusCode).toBe(400);
    expect((await call('POST', `/demands/${d.id}/decline`, VOLUNTEER, { why: 'no' })).statusCode).toBe(400);
    expect(await state()).toBe(before);
  });

  it('answers the first answer for a repeated Idempotency-Key and 409 for the same key on another request', async () => {
    const d = await order();
    expect((await call('POST', `/demands/${d.id}/assign`, LEADER, { teamId: 'team_bugu', volunteerIds: [volunteerOf[VOLUNTEER]!] })).statusCode).toBe(200);
    const key = { 'idempotency-key': 'decline-key-0001' };
    const a = await call('POST', `/demands/${d.id}/decline`, VOLUNTEER, { reason: '生病了' }, key);
    expect(a.statusCode).toBe(200);
    const before = await state();
    const b = await call('POST', `/demands/${d.id}/decline`, VOLUNTEER, { reason: '生病了' }, key);
    expect(b.statusCode).toBe(200);
    expect(b.json()).toEqual(a.json());
    expect((await call('POST', `/demands/${d.id}/decline`, VOLUNTEER, { reason: '别的' }, key)).json().code).toBe('idempotency_key_reused');
    expect(await state()).toBe(before);
  });

  it('shows the offers to staff and the team leader only (volunteer 403, another community 404)', async () => {
    const d = await order();
    expect((await call('POST', `/demands/${d.id}/assign`, LEADER, { teamId: 'team_bugu' })).statusCode).toBe(200);
    expect((await call('GET', `/demands/${d.id}/offers`, SANGYI_ADMIN)).statusCode).toBe(200);
    expect((await call('GET', `/demands/${d.id}/offers`, VOLUNTEER)).statusCode).toBe(403);
    expect((await call('GET', `/demands/${d.id}/offers`, JIXIANG_ADMIN)).statusCode).toBe(404);
  });
});

describe('offer expiry (escalation job)', () => {
  it('expires offers older than the configured time; they leave /me/offers', async () => {
    const d = await order();
    expect((await call('POST', `/demands/${d.id}/assign`, LEADER, { teamId: 'team_bugu', volunteerIds: [volunteerOf[VOLUNTEER]!] })).statusCode).toBe(200);
    const soon = await escalateOverdue({ ...t.deps, now: () => new Date(Date.now() + 3_600_000) }, { offerTtlMs: 2 * 3_600_000 });
    expect((await offersOf(d.id))[0]!.status).toBe('offered');
    const later = await escalateOverdue({ ...t.deps, now: () => new Date(Date.now() + 3 * 3_600_000) }, { offerTtlMs: 2 * 3_600_000 });
    expect(later.expiredOffers).toBeGreaterThanOrEqual(1);
    expect(soon.expiredOffers).toBeGreaterThanOrEqual(0);
    expect((await offersOf(d.id))[0]!.status).toBe('expired');
    expect(((await call('GET', '/me/offers', VOLUNTEER)).json().items as MyOffer[]).some((o) => o.demand.id === d.id)).toBe(false);
  });
});

describe('POST /dispatch-plans', () => {
  it('assigns published demands and offers assigned ones in one go (team leader)', async () => {
    const p = await order();
    const a = await order({ needed: 2 });
    expect((await call('POST', `/demands/${a.id}/assign`, LEADER, { teamId: 'team_bugu', volunteerIds: [volunteerOf[VOLUNTEER]!] })).statusCode).toBe(200);
    const res = await call('POST', '/dispatch-plans', LEADER, {
      scope: { teamId: 'team_bugu' },
      assignments: [
        { demandId: p.id, teamId: 'team_bugu', volunteerIds: [volunteerOf[VOLUNTEER_2]!] },
        { demandId: a.id, teamId: 'team_bugu', volunteerIds: [volunteerOf[VOLUNTEER]!, volunteerOf[VOLUNTEER_2]!] },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json() as DispatchPlanResult;
    expect(plan.items).toEqual([
      { demandId: p.id, teamId: 'team_bugu', assigned: true, status: 'assigned', offeredVolunteerIds: [volunteerOf[VOLUNTEER_2]] },
      // VOLUNTEER already held an open offer of it: not offered twice.
      { demandId: a.id, teamId: 'team_bugu', assigned: false, status: 'assigned', offeredVolunteerIds: [volunteerOf[VOLUNTEER_2]] },
    ]);
    expect(plan.offerCount).toBe(2);
    const detail = (await call('GET', `/demands/${p.id}`, LEADER)).json() as Demand;
    expect(detail).toMatchObject({ status: 'assigned', teamId: 'team_bugu', volunteerIds: [] });
    expect(detail.history.at(-1)).toMatchObject({ action: 'assign', from: 'published', to: 'assigned', note: `dispatch_plan ${plan.id}` });
    expect((await offersOf(p.id))[0]!.plan_id).toBe(plan.id);
  });

  it('applies nothing and lists each conflict when a demand is no longer open (409)', async () => {
    const ok = await order();
    const gone = await order();
    expect((await call('POST', `/demands/${gone.id}/cancel`, RESIDENT, { reason: '家人已经帮忙解决了' })).statusCode).toBe(200);
    const other = await order();
    expect((await call('POST', `/demands/${other.id}/assign`, SANGYI_ADMIN, { teamId: 'team_gesang' })).statusCode).toBe(200);
    const before = await state();
    const res = await call('POST', '/dispatch-plans', SANGYI_ADMIN, {
      scope: { communityId: 'com_sy' },
      assignments: [
        { demandId: ok.id, teamId: 'team_bugu', volunteerIds: [] },
        { demandId: gone.id, teamId: 'team_bugu', volunteerIds: [] },
        { demandId: other.id, teamId: 'team_bugu', volunteerIds: [] },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'assignments.1.demandId', code: 'dispatch_not_open' }),
      expect.objectContaining({ field: 'assignments.2.demandId', code: 'dispatch_other_team' }),
    ]);
    expect(await state()).toBe(before);
  });

  it('refuses demands or teams outside the caller’s scope (403/404) and bad input (400), changing nothing', async () => {
    const d = await order();
    const before = await state();
    const plan = (teamId: string, volunteerIds: string[] = [], scope = {}) => ({ scope, assignments: [{ demandId: d.id, teamId, volunteerIds }] });
    // A leader may only dispatch to a team they lead.
    expect((await call('POST', '/dispatch-plans', LEADER, plan('team_gesang'))).statusCode).toBe(403);
    // Another community's admin does not see the demand.
    expect((await call('POST', '/dispatch-plans', JIXIANG_ADMIN, plan('team_amala'))).statusCode).toBe(404);
    expect((await call('POST', '/dispatch-plans', JIXIANG_ADMIN, plan('team_bugu', [], { communityId: 'com_sy' }))).statusCode).toBe(403);
    for (const phone of [RESIDENT, VOLUNTEER, GRID_WORKER]) expect((await call('POST', '/dispatch-plans', phone, plan('team_bugu'))).statusCode).toBe(403);
    expect((await call('POST', '/dispatch-plans', STREET_ADMIN, { assignments: [{ demandId: 'dem_nothing', teamId: 'team_bugu', volunteerIds: [] }] })).statusCode).toBe(404);
    // A team of another community, a volunteer outside the team: 400 with the field.
    const wrongTeam = await call('POST', '/dispatch-plans', STREET_ADMIN, plan('team_amala'));
    expect(wrongTeam.statusCode).toBe(400);
    expect(wrongTeam.json().errors[0].field).toBe('assignments.0.teamId');
    const outsider = await call('POST', '/dispatch-plans', STREET_ADMIN, plan('team_bugu', [volunteerOf[OUTSIDER_VOLUNTEER]!]));
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors[0].field).toBe('assignments.0.volunteerIds');
    expect((await call('POST', '/dispatch-plans', STREET_ADMIN, { assignments: [] })).statusCode).toBe(400);
    expect((await call('POST', '/dispatch-plans', STREET_ADMIN, { assignments: [{ demandId: d.id, teamId: 'team_bugu', volunteerIds: [] }, { demandId: d.id, teamId: 'team_bugu', volunteerIds: [] }] })).statusCode).toBe(400);
    expect(await state()).toBe(before);
  });

  it('answers the first plan again for a repeated Idempotency-Key and creates nothing more', async () => {
    const d = await order();
    const body = { scope: {}, assignments: [{ demandId: d.id, teamId: 'team_bugu', volunteerIds: [volunteerOf[VOLUNTEER]!] }] };
    const key = { 'idempotency-key': 'plan-key-00000001' };
    const a = await call('POST', '/dispatch-plans', STREET_ADMIN, body, key);
    expect(a.statusCode, a.body).toBe(201);
    const before = await state();
    const b = await call('POST', '/dispatch-plans', STREET_ADMIN, body, key);
    expect(b.statusCode).toBe(201);
    expect(b.json()).toEqual(a.json());
    expect(await state()).toBe(before);
  });
});

describe('POST /demands/{id}/no-show', () => {
  /** The volunteer's no-shows and reliability sub-score as the candidate ranking sees them. */
  const reliability = async (volunteerId: string) => {
    const [street] = await queryRows<{ id: string }>(t.db, sql`SELECT id FROM streets LIMIT 1`);
    const facts = await loadVolunteerFacts(t.db, street!.id, new Date());
    const profile = facts.get(volunteerId)!;
    const score = scoreCandidate(
      { requiredSkills: [], beneficiaryLanguages: [], gridId: null, communityId: null, location: null, preferredStart: null, preferredEnd: null, typicalMinutes: 60, adultOnly: false },
      profile,
    );
    if (!score.eligible) throw new Error('not eligible');
    return { noShows: profile.noShows, reliability: score.reasons.reliability };
  };

  it('frees the slot, puts the demand back to assigned, records the no-show and lowers reliability', async () => {
    const before = await reliability(volunteerOf[VOLUNTEER]!);
    // The ranking's remembered facts (per database handle, as the routes use them).
    const [street] = await queryRows<{ id: string }>(t.db, sql`SELECT id FROM streets LIMIT 1`);
    const remembered = await loadVolunteerFacts(t.db, street!.id, new Date(), t.deps.db);
    expect(await loadVolunteerFacts(t.db, street!.id, new Date(), t.deps.db)).toBe(remembered);
    const d = await order();
    expect((await call('POST', `/demands/${d.id}/assign`, LEADER, { teamId: 'team_bugu', volunteerIds: [volunteerOf[VOLUNTEER]!] })).statusCode).toBe(200);
    expect((await call('POST', `/demands/${d.id}/accept`, VOLUNTEER)).statusCode).toBe(200);
    const res = await call('POST', `/demands/${d.id}/no-show`, LEADER, { volunteerId: volunteerOf[VOLUNTEER], note: '电话打不通' });
    expect(res.statusCode, res.body).toBe(200);
    const demand = res.json() as Demand;
    expect(demand).toMatchObject({ status: 'assigned', volunteerIds: [] });
    expect(demand.history.at(-1)).toMatchObject({ action: 'no_show', from: 'accepted', to: 'assigned', note: `${volunteerOf[VOLUNTEER]} — 电话打不通` });
    const rows = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM volunteer_no_shows WHERE demand_id = ${d.id} AND volunteer_id = ${volunteerOf[VOLUNTEER]!}`);
    expect(rows[0]!.n).toBe(1);
    const audit = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'demand.no_show' AND entity_id = ${volunteerOf[VOLUNTEER]!}`);
    expect(audit[0]!.n).toBe(1);
    const after = await reliability(volunteerOf[VOLUNTEER]!);
    expect(after.noShows).toBe(before.noShows + 1);
    expect(after.reliability).toBeLessThan(before.reliability);
    // The no-show made the ranking forget them: the next ranking counts it.
    const fresh = await loadVolunteerFacts(t.db, street!.id, new Date(), t.deps.db);
    expect(fresh).not.toBe(remembered);
    expect(fresh.get(volunteerOf[VOLUNTEER]!)!.noShows).toBe(before.noShows + 1);
    // The team can take it again.
    expect((await call('POST', `/demands/${d.id}/accept`, VOLUNTEER_2)).statusCode).toBe(200);
  });

  it('keeps the demand in service while another accepted volunteer remains', async () => {
    const d = await order({ needed: 2 });
    expect((await call('POST', `/demands/${d.id}/assign`, LEADER, { teamId: 'team_bugu' })).statusCode).toBe(200);
    expect((await call('POST', `/demands/${d.id}/accept`, VOLUNTEER)).statusCode).toBe(200);
    expect((await call('POST', `/demands/${d.id}/accept`, VOLUNTEER_2)).statusCode).toBe(200);
    expect((await call('POST', `/demands/${d.id}/start`, VOLUNTEER)).statusCode).toBe(200);
    const res = await call('POST', `/demands/${d.id}/no-show`, SANGYI_ADMIN, { volunteerId: volunteerOf[VOLUNTEER_2] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_service', volunteerIds: [volunteerOf[VOLUNTEER]] });
  });

  it('refuses wrong roles (403), other communities (404), other volunteers (400) and other statuses (409), changing nothing', async () => {
    const d = await order();
    expect((await call('POST', `/demands/${d.id}/assign`, LEADER, { teamId: 'team_bugu' })).statusCode).toBe(200);
    const body = { volunteerId: volunteerOf[VOLUNTEER] };
    let before = await state();
    expect((await call('POST', `/demands/${d.id}/no-show`, LEADER, body)).statusCode).toBe(409);
    expect(await state()).toBe(before);
    expect((await call('POST', `/demands/${d.id}/accept`, VOLUNTEER)).statusCode).toBe(200);
    before = await state();
    expect((await call('POST', `/demands/${d.id}/no-show`, VOLUNTEER_2, body)).statusCode).toBe(403);
    expect((await call('POST', `/demands/${d.id}/no-show`, RESIDENT, body)).statusCode).toBe(403);
    expect((await call('POST', `/demands/${d.id}/no-show`, GRID_WORKER, body)).statusCode).toBe(403);
    expect((await call('POST', `/demands/${d.id}/no-show`, JIXIANG_ADMIN, body)).statusCode).toBe(404);
    const notOn = await call('POST', `/demands/${d.id}/no-show`, LEADER, { volunteerId: volunteerOf[VOLUNTEER_2] });
    expect(notOn.statusCode).toBe(400);
    expect(notOn.json().errors[0].field).toBe('volunteerId');
    expect((await call('POST', `/demands/${d.id}/no-show`, LEADER, {})).statusCode).toBe(400);
    expect(await state()).toBe(before);
  });
});

describe('GET /demands filters', () => {
  it('filters by words (q), overdue=1 and urgency', async () => {
    const d = await order({ description: '想请人陪着去转经，独一无二的测试词' });
    const found = (await call('GET', '/demands?q=独一无二的测试词', SANGYI_ADMIN)).json().items as { id: string }[];
    expect(found.map((x) => x.id)).toEqual([d.id]);
    expect(((await call('GET', `/demands?q=${d.id}`, SANGYI_ADMIN)).json().items as { id: string }[]).map((x) => x.id)).toEqual([d.id]);
    const overdue = (await call('GET', '/demands?overdue=1&limit=200', STREET_ADMIN)).json().items as { overdue: boolean }[];
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((x) => x.overdue)).toBe(true);
    const urgent = (await call('GET', '/demands?urgency=urgent&limit=50', STREET_ADMIN)).json().items as { urgency: string }[];
    expect(urgent.every((x) => x.urgency === 'urgent')).toBe(true);
  });

  it('filters by the beneficiary’s focus group for staff; others 403', async () => {
    const res = await call('GET', '/demands?focusTag=elderly&limit=200', STREET_ADMIN);
    expect(res.statusCode).toBe(200);
    const ids = (res.json().items as { id: string }[]).map((x) => x.id);
    const expected = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM demands d JOIN persons p ON p.id = d.beneficiary_person_id WHERE p.focus_tag_index @> ARRAY[${t.deps.crypto.blindIndex('focus', 'elderly')}]::text[]`,
    );
    expect(ids.length).toBe(Math.min(200, expected[0]!.n));
    expect((await call('GET', '/demands?focusTag=elderly', RESIDENT)).statusCode).toBe(403);
    expect((await call('GET', '/demands?focusTag=elderly', LEADER)).statusCode).toBe(403);
    expect((await call('GET', '/demands?focusTag=rich', STREET_ADMIN)).statusCode).toBe(400);
  });
});
