// Every (status, action, role) combination of the work order, generated, against the table of
// demand-state.ts: allowed steps succeed and reach the table's status; the others are refused with
// 404 (outside the caller's view), 403 (wrong role) or 409 (not from this status), and change nothing.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEMAND_ACTIONS, DEMAND_STATUSES, type DemandAction, type DemandStatus } from '@duodi/contracts';
import { queryRows } from '../../src/platform/db/client.js';
import { DEMAND_ACTION_ROLES, DEMAND_TRANSITIONS, type DemandRelation } from '../../src/modules/demands/demand-state.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
const PERSONAS = {
  street_admin: '13900000001',
  sangyi_admin: '13900000002',
  jixiang_admin: '13900000003',
  grid_worker: '13900000004',
  bugu_leader: '13900000005',
  bugu_volunteer: '13900000006',
  resident: '13900000008',
  other_volunteer: '13900000009',
} as const;
type Persona = keyof typeof PERSONAS;
const tokens = {} as Record<Persona, string>;
const me = {} as Record<Persona, { personId: string; volunteerId: string | null; teamIds: string[] }>;

beforeAll(async () => {
  t = await createTestApp();
  for (const [p, phone] of Object.entries(PERSONAS) as [Persona, string][]) {
    tokens[p] = await t.login(phone);
    me[p] = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens[p]) })).json();
  }
});
afterAll(() => t?.close());

const WITH_TEAM: readonly DemandStatus[] = ['assigned', 'accepted', 'in_service', 'completed', 'rated', 'closed'];
const WITH_VOLUNTEER: readonly DemandStatus[] = ['accepted', 'in_service', 'completed', 'rated', 'closed'];

/** A demand of the demo resident in grid_sy_02 (桑伊), in `status`; from `assigned` on it belongs to 布谷响铃, and from `accepted` on volunteer …06 serves it. */
async function demandIn(status: DemandStatus): Promise<string> {
  const id = `dem_x_${crypto.randomUUID()}`;
  const team = WITH_TEAM.includes(status) ? 'team_bugu' : null;
  const served = WITH_VOLUNTEER.includes(status);
  const resident = me.resident.personId;
  await queryRows(
    t.db,
    sql`INSERT INTO demands (id, street_id, community_id, grid_id, service_item_id, description, requester_person_id, beneficiary_person_id, status, team_id, volunteers_needed, accepted_count, rating)
        VALUES (${id}, 'duodi', 'com_sy', 'grid_sy_02', 'svc_haircut', '上门理发', ${resident}, ${resident}, ${status}, ${team}, 1, ${served ? 1 : 0}, ${status === 'rated' || status === 'closed' ? 4 : null})`,
  );
  if (served) {
    await queryRows(t.db, sql`INSERT INTO demand_volunteers (demand_id, volunteer_id, street_id) VALUES (${id}, ${me.bugu_volunteer.volunteerId}, 'duodi')`);
  }
  return id;
}

/** The caller's relations to such a demand, written out from the personas (the specification, not the code). */
function relationsOf(p: Persona, status: DemandStatus): Set<DemandRelation> {
  const team = WITH_TEAM.includes(status);
  const r = new Set<DemandRelation>();
  if (p === 'street_admin') r.add('street_admin');
  if (p === 'sangyi_admin') r.add('community_admin');
  if (p === 'grid_worker') r.add('grid_worker');
  if (p === 'bugu_leader' && team) r.add('team_leader');
  if (team && me[p].volunteerId && me[p].teamIds.includes('team_bugu')) r.add('team_volunteer');
  if (p === 'bugu_volunteer' && WITH_VOLUNTEER.includes(status)) r.add('accepted_volunteer');
  if (p === 'resident') r.add('requester');
  return r;
}

const BODIES: Record<DemandAction, object> = {
  publish: {},
  reject: { reason: '不属于志愿服务范围' },
  assign: { teamId: 'team_bugu' },
  accept: {},
  start: {},
  complete: { minutes: 30, summary: '上门理发' },
  rate: { score: 4 },
  close: { followUp: '电话回访' },
  cancel: { reason: '不需要了' },
};

function expected(p: Persona, status: DemandStatus, action: DemandAction): { code: number; to?: DemandStatus } {
  const rel = relationsOf(p, status);
  const visible = rel.size > 0 || (status === 'published' && p === 'bugu_leader');
  if (!visible) return { code: 404 };
  const effective = new Set(rel);
  if (action === 'assign') {
    effective.delete('team_leader');
    if (p === 'bugu_leader') effective.add('team_leader');
  }
  if (!DEMAND_ACTION_ROLES[action].some((role) => effective.has(role))) return { code: 403 };
  const transition = DEMAND_TRANSITIONS[action];
  if (!(transition.from as readonly DemandStatus[]).includes(status)) return { code: 409 };
  return { code: 200, to: transition.to };
}

const snapshot = async (id: string) => ({
  demand: (await queryRows(t.db, sql`SELECT status, version, team_id, accepted_count, rating, reject_reason, cancel_reason, follow_up FROM demands WHERE id = ${id}`))[0],
  history: (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM demand_history WHERE demand_id = ${id}`))[0]!.n,
  volunteers: (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM demand_volunteers WHERE demand_id = ${id}`))[0]!.n,
  records: (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM service_records WHERE demand_id = ${id}`))[0]!.n,
});

describe('every (status, action, role) combination', () => {
  const tally = { allowed: 0, refused: 0 };
  for (const status of DEMAND_STATUSES) {
    it(`from ${status}`, async () => {
      for (const action of DEMAND_ACTIONS) {
        for (const p of Object.keys(PERSONAS) as Persona[]) {
          const id = await demandIn(status);
          const before = await snapshot(id);
          const res = await t.app.inject({ method: 'POST', url: `/api/v1/demands/${id}/${action}`, headers: bearer(tokens[p]), payload: BODIES[action] });
          const want = expected(p, status, action);
          const label = `${status} ${action} by ${p}: ${res.body.slice(0, 200)}`;
          expect(res.statusCode, label).toBe(want.code);
          if (want.code === 200) {
            tally.allowed++;
            expect(res.json().status, label).toBe(want.to);
            const after = await snapshot(id);
            expect(after.history, label).toBe(before.history + 1);
            const last = (await queryRows<{ action: string; from_status: string; to_status: string }>(
              t.db,
              sql`SELECT action, from_status, to_status FROM demand_history WHERE demand_id = ${id} ORDER BY id DESC LIMIT 1`,
            ))[0];
            expect(last, label).toEqual({ action, from_status: status, to_status: want.to });
            if (action === 'complete') expect(after.records, label).toBe(1);
          } else {
            tally.refused++;
            const code = res.json().code as string;
            const codes = { 404: ['not_found'], 403: ['forbidden'], 409: ['invalid_transition', 'conflict'] }[want.code as 403 | 404 | 409];
            expect(codes, label).toContain(code);
            expect(await snapshot(id), label).toEqual(before);
          }
        }
      }
    });
  }
  it('covered every combination, with both outcomes', () => {
    expect(tally.allowed + tally.refused).toBe(DEMAND_STATUSES.length * DEMAND_ACTIONS.length * Object.keys(PERSONAS).length);
    expect(tally.allowed).toBeGreaterThan(20);
  });
});
