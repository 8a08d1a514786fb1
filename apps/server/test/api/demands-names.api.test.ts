import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { maskName, type Demand, type DemandOffer, type NamedPerson, type SuggestDispatchResult } from '@duodi/contracts';
import { queryRows } from '../../src/platform/db/client.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

// Dispatch screens name the volunteers and staff they show (candidates, suggest-dispatch, a
// demand's accepted volunteers, offers and history) in one query per answer, with the rule of the
// staff lists: in full within the caller's communities and the teams they lead or manage, else
// masked; never a phone or an ID number. Scope rules are those of before.

let t: TestApp;
const tokens: Record<string, string> = {};
const STREET_ADMIN = '13900000001';
const SANGYI_ADMIN = '13900000002';
const JIXIANG_ADMIN = '13900000003';
/** A volunteer of 桑伊社区 made, for this file, the leader of the street-level team 小锤叮当 (team_xiaochui). */
const STREET_TEAM_LEADER = '13900000006';
const BUGU_VOLUNTEER = '13900000007';
const RESIDENT = '13900000008';
/** A volunteer of 吉祥社区, made a member of the street-level team for this file. */
const JIXIANG_VOLUNTEER = '13900000009';
const PHONES = [STREET_ADMIN, SANGYI_ADMIN, JIXIANG_ADMIN, STREET_TEAM_LEADER, BUGU_VOLUNTEER, RESIDENT, JIXIANG_VOLUNTEER];
const STREET_TEAM = 'team_xiaochui';

const call = (method: 'GET' | 'POST', url: string, phone: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: bearer(tokens[phone]!),
    ...(payload !== undefined ? { payload: payload as string } : {}),
  });

interface PersonFacts {
  name: string;
  nameBo: string | null;
  communityId: string | null;
  communityName: string | null;
  communityNameBo: string | null;
  phoneMasked: string | null;
  idNumberMasked: string | null;
  teams: { id: string; communityId: string | null }[];
}

/** What the database says about volunteers (by volunteer id) or accounts (by account id). */
async function factsOf(kind: 'volunteer' | 'account', ids: string[]): Promise<Map<string, PersonFacts>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<{
    key: string;
    name: string;
    name_bo: string | null;
    community_id: string | null;
    community_name: string | null;
    community_name_bo: string | null;
    phone_masked: string | null;
    id_number_masked: string | null;
    teams: { id: string; communityId: string | null }[] | null;
  }>(
    t.db,
    sql`SELECT k.key, p.name, p.name_bo, p.community_id, c.name AS community_name, c.name_bo AS community_name_bo, p.phone_masked, p.id_number_masked,
          (SELECT json_agg(json_build_object('id', tm.id, 'communityId', tm.community_id))
             FROM (SELECT t.* FROM volunteers v JOIN team_members m ON m.volunteer_id = v.id JOIN teams t ON t.id = m.team_id WHERE v.person_id = p.id) tm) AS teams
        FROM (${
          kind === 'volunteer'
            ? sql`SELECT id AS key, person_id FROM volunteers WHERE id IN ${ids}`
            : sql`SELECT id AS key, person_id FROM accounts WHERE id IN ${ids}`
        }) k JOIN persons p ON p.id = k.person_id LEFT JOIN communities c ON c.id = p.community_id`,
  );
  return new Map(
    rows.map((r) => [
      r.key,
      {
        name: r.name,
        nameBo: r.name_bo,
        communityId: r.community_id,
        communityName: r.community_name,
        communityNameBo: r.community_name_bo,
        phoneMasked: r.phone_masked,
        idNumberMasked: r.id_number_masked,
        teams: r.teams ?? [],
      },
    ]),
  );
}

/** The caller as the naming rule sees them: their communities (null = the whole street), the teams they lead, their admin communities. */
interface Viewer {
  communities: string[] | null;
  ledTeams: string[];
  adminCommunities: string[];
}
const viewers: Record<string, Viewer> = {};

/** The name the rule gives `viewer` for a person (the rule written out once more, independently of the server). */
function expectedName(viewer: Viewer, p: PersonFacts): NamedPerson {
  const full =
    viewer.communities === null ||
    (p.communityId !== null && viewer.communities.includes(p.communityId)) ||
    p.teams.some(
      (team) => viewer.ledTeams.includes(team.id) || (team.communityId !== null && viewer.adminCommunities.includes(team.communityId)),
    );
  return {
    name: full ? p.name : maskName(p.name),
    nameBo: p.nameBo === null ? null : full ? p.nameBo : maskName(p.nameBo),
    communityName: p.communityName,
    communityNameBo: p.communityNameBo,
  };
}

/** A named person carries exactly these fields: no phone, no ID number, nothing else. */
function expectOnlyName(named: unknown, p: PersonFacts) {
  expect(Object.keys(named as object).sort()).toEqual(['communityName', 'communityNameBo', 'name', 'nameBo']);
  const text = JSON.stringify(named);
  if (p.phoneMasked) expect(text).not.toContain(p.phoneMasked);
  if (p.idNumberMasked) expect(text).not.toContain(p.idNumberMasked);
  expect(text).not.toMatch(/1[3-9][0-9]{9}|\*{4}[0-9]{4}/);
}

/** Every row the endpoints under test could write, as one comparable string (they only read). */
async function state() {
  const [r] = await queryRows<{ s: string }>(
    t.db,
    sql`SELECT concat_ws('|',
          (SELECT string_agg(id || ':' || status || ':' || version || ':' || accepted_count || ':' || coalesce(team_id, '-'), ',' ORDER BY id) FROM demands),
          (SELECT count(*)::text FROM demand_history), (SELECT count(*)::text FROM demand_volunteers),
          (SELECT count(*)::text FROM demand_offers), (SELECT count(*)::text FROM access_log), (SELECT count(*)::text FROM audit_log)) AS s`,
  );
  return r!.s;
}

let demand: Demand;
let jixiangVolunteerId: string;

beforeAll(async () => {
  t = await createTestApp();
  // The street-level team gets a leader with a demo log-in (扎西平措 of 桑伊社区) and a member from 吉祥社区.
  await queryRows(
    t.db,
    sql`UPDATE teams SET leader_person_id = (SELECT person_id FROM accounts WHERE id = 'acc_demo_06') WHERE id = ${STREET_TEAM}`,
  );
  await queryRows(
    t.db,
    sql`INSERT INTO role_assignments (id, street_id, account_id, role, scope_type, scope_id)
        SELECT 'ra_test_street_team_leader', street_id, id, 'team_leader', 'team', ${STREET_TEAM} FROM accounts WHERE id = 'acc_demo_06'`,
  );
  await queryRows(
    t.db,
    sql`INSERT INTO team_members (team_id, volunteer_id, street_id, role)
        SELECT ${STREET_TEAM}, v.id, v.street_id, 'member' FROM volunteers v JOIN accounts a ON a.person_id = v.person_id
        WHERE a.id = 'acc_demo_09' ON CONFLICT DO NOTHING`,
  );
  // …who can keep someone company, so that they are a candidate for the demands below.
  await queryRows(
    t.db,
    sql`UPDATE volunteers SET skills = array_append(skills, 'companionship')
        WHERE person_id = (SELECT person_id FROM accounts WHERE id = 'acc_demo_09') AND NOT 'companionship' = ANY(skills)`,
  );
  for (const phone of PHONES) {
    tokens[phone] = await t.login(phone);
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens[phone]!) })).json() as {
      volunteerId: string | null;
    };
    if (phone === JIXIANG_VOLUNTEER) jixiangVolunteerId = me.volunteerId!;
  }
  // The communities each caller sees names of: their home and the communities of their scopes (a street-level team has none).
  for (const phone of PHONES) {
    const account = `acc_demo_${phone.slice(-2)}`;
    const [v] = await queryRows<{ street: boolean; communities: string[]; admin: string[]; led: string[] }>(
      t.db,
      sql`SELECT EXISTS (SELECT 1 FROM role_assignments r WHERE r.account_id = a.id AND r.revoked_at IS NULL AND r.role = 'street_admin') AS street,
            ARRAY(SELECT p.community_id FROM persons p WHERE p.id = a.person_id AND p.community_id IS NOT NULL
                  UNION SELECT r.scope_id FROM role_assignments r WHERE r.account_id = a.id AND r.revoked_at IS NULL AND r.scope_type = 'community'
                  UNION SELECT g.community_id FROM role_assignments r JOIN grids g ON g.id = r.scope_id WHERE r.account_id = a.id AND r.revoked_at IS NULL AND r.scope_type = 'grid'
                  UNION SELECT tm.community_id FROM role_assignments r JOIN teams tm ON tm.id = r.scope_id
                    WHERE r.account_id = a.id AND r.revoked_at IS NULL AND r.scope_type = 'team' AND tm.community_id IS NOT NULL) AS communities,
            ARRAY(SELECT r.scope_id FROM role_assignments r WHERE r.account_id = a.id AND r.revoked_at IS NULL AND r.role = 'community_admin') AS admin,
            ARRAY(SELECT r.scope_id FROM role_assignments r WHERE r.account_id = a.id AND r.revoked_at IS NULL AND r.role = 'team_leader') AS led
          FROM accounts a WHERE a.id = ${account}`,
    );
    viewers[phone] = { communities: v!.street ? null : v!.communities, ledTeams: v!.led, adminCommunities: v!.admin };
  }

  // A demand of 桑伊社区, claimed by the street-level team; its 吉祥社区 member accepts it.
  const created = await call('POST', '/demands', RESIDENT, {
    serviceItemId: 'svc_companionship',
    description: '老人一个人在家，想请人陪着聊聊天',
    gridId: 'grid_sy_02',
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as Demand).id;
  expect((await call('POST', `/demands/${id}/publish`, SANGYI_ADMIN)).statusCode).toBe(200);
  const assigned = await call('POST', `/demands/${id}/assign`, STREET_TEAM_LEADER, { teamId: STREET_TEAM });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const accepted = await call('POST', `/demands/${id}/accept`, JIXIANG_VOLUNTEER);
  expect(accepted.statusCode, accepted.body).toBe(200);
  demand = accepted.json() as Demand;
});
afterAll(() => t?.close());

describe('GET /demands/{id}/candidates names each candidate', () => {
  it('with the staff lists’ rule for the street team’s leader, the community admin and the street admin; no phone or ID', async () => {
    const fullOutside: Record<string, number> = {};
    const masked: Record<string, number> = {};
    for (const phone of [STREET_TEAM_LEADER, SANGYI_ADMIN, STREET_ADMIN]) {
      const res = await call('GET', `/demands/${demand.id}/candidates?limit=200`, phone);
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as { volunteerId: string; volunteer: NamedPerson; score: number; reasons: object }[];
      expect(items.length).toBeGreaterThan(20);
      const facts = await factsOf(
        'volunteer',
        items.map((i) => i.volunteerId),
      );
      fullOutside[phone] = 0;
      masked[phone] = items.filter((i) => i.volunteer.name !== facts.get(i.volunteerId)!.name).length;
      for (const item of items) {
        const p = facts.get(item.volunteerId)!;
        expect(item.volunteer, `${phone} ${item.volunteerId}`).toEqual(expectedName(viewers[phone]!, p));
        expectOnlyName(item.volunteer, p);
        const home = viewers[phone]!.communities;
        if (home && p.communityId && !home.includes(p.communityId) && item.volunteer.name === p.name) fullOutside[phone]!++;
      }
      // Masked names are still names: never the id, never empty.
      expect(items.every((i) => i.volunteer.name.length > 0 && !i.volunteer.name.includes(i.volunteerId))).toBe(true);
    }
    // The leader of the street-level team sees their members from other communities by name; the
    // community admin sees some candidates of other communities masked only.
    expect(fullOutside[STREET_TEAM_LEADER]).toBeGreaterThan(0);
    expect(masked[SANGYI_ADMIN]).toBeGreaterThan(0);
    expect(masked[STREET_ADMIN]).toBe(0);
  });

  it('names its 吉祥社区 member in full for the street team’s leader, masked for another community’s admin', async () => {
    // A fresh demand, so that the 吉祥社区 member is still a candidate.
    const created = await call('POST', '/demands', RESIDENT, {
      serviceItemId: 'svc_companionship',
      description: '想请人陪老人说说话',
      gridId: 'grid_sy_02',
    });
    const id = (created.json() as Demand).id;
    expect((await call('POST', `/demands/${id}/publish`, SANGYI_ADMIN)).statusCode).toBe(200);
    expect((await call('POST', `/demands/${id}/assign`, STREET_TEAM_LEADER, { teamId: STREET_TEAM })).statusCode).toBe(200);
    const [p] = [...(await factsOf('volunteer', [jixiangVolunteerId])).values()];
    const find = async (phone: string) =>
      (
        (await call('GET', `/demands/${id}/candidates?limit=200`, phone)).json().items as { volunteerId: string; volunteer: NamedPerson }[]
      ).find((i) => i.volunteerId === jixiangVolunteerId);
    expect(await find(STREET_TEAM_LEADER)).toMatchObject({ volunteer: { name: p!.name, nameBo: p!.nameBo, communityName: '吉祥社区' } });
    expect(await find(SANGYI_ADMIN)).toMatchObject({ volunteer: { name: maskName(p!.name), communityName: '吉祥社区' } });
  });

  it('keeps the scope: 403 for those who see the demand but may not rank, 404 outside; nothing changes', async () => {
    const before = await state();
    expect((await call('GET', `/demands/${demand.id}/candidates`, JIXIANG_VOLUNTEER)).statusCode).toBe(403);
    expect((await call('GET', `/demands/${demand.id}/candidates`, RESIDENT)).statusCode).toBe(403);
    expect((await call('GET', `/demands/${demand.id}/candidates`, JIXIANG_ADMIN)).statusCode).toBe(404);
    expect((await call('GET', `/demands/${demand.id}/candidates`, BUGU_VOLUNTEER)).statusCode).toBe(404);
    expect(await state()).toBe(before);
  });
});

describe('POST /demands/suggest-dispatch names the suggested volunteers', () => {
  it('for the street team’s leader: their members of every community in full; no phone or ID', async () => {
    // Another demand of the street-level team with two slots, so that the suggestion has someone to offer.
    const created = await call('POST', '/demands', RESIDENT, {
      serviceItemId: 'svc_companionship',
      description: '两位老人想请人陪着聊天',
      gridId: 'grid_sy_02',
      volunteersNeeded: 2,
    });
    const id = (created.json() as Demand).id;
    expect((await call('POST', `/demands/${id}/publish`, SANGYI_ADMIN)).statusCode).toBe(200);
    expect((await call('POST', `/demands/${id}/assign`, STREET_TEAM_LEADER, { teamId: STREET_TEAM })).statusCode).toBe(200);
    const res = await call('POST', '/demands/suggest-dispatch', STREET_TEAM_LEADER, { teamId: STREET_TEAM });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as SuggestDispatchResult;
    const suggested = result.items.flatMap((i) => i.volunteers);
    expect(suggested.length).toBeGreaterThan(0);
    const facts = await factsOf(
      'volunteer',
      suggested.map((v) => v.volunteerId),
    );
    for (const v of suggested) {
      const p = facts.get(v.volunteerId)!;
      // Only the team's members are suggested for its assigned demands: the leader sees each in full.
      expect(v.volunteer).toEqual(expectedName(viewers[STREET_TEAM_LEADER]!, p));
      expect(v.volunteer).toMatchObject({ name: p.name, nameBo: p.nameBo });
      expectOnlyName(v.volunteer, p);
    }
  });

  it('for a community admin: names by the same rule as the candidates', async () => {
    const res = await call('POST', '/demands/suggest-dispatch', SANGYI_ADMIN, { communityId: 'com_sy' });
    expect(res.statusCode, res.body).toBe(200);
    const suggested = (res.json() as SuggestDispatchResult).items.flatMap((i) => i.volunteers);
    expect(suggested.length).toBeGreaterThan(0);
    const facts = await factsOf(
      'volunteer',
      suggested.map((v) => v.volunteerId),
    );
    for (const v of suggested) {
      expect(v.volunteer).toEqual(expectedName(viewers[SANGYI_ADMIN]!, facts.get(v.volunteerId)!));
      expectOnlyName(v.volunteer, facts.get(v.volunteerId)!);
    }
  });

  it('keeps the scope: another team or community 403, residents and volunteers 403; nothing changes', async () => {
    const before = await state();
    expect((await call('POST', '/demands/suggest-dispatch', STREET_TEAM_LEADER, { teamId: 'team_bugu' })).statusCode).toBe(403);
    expect((await call('POST', '/demands/suggest-dispatch', STREET_TEAM_LEADER, { communityId: 'com_sy' })).statusCode).toBe(403);
    expect((await call('POST', '/demands/suggest-dispatch', SANGYI_ADMIN, { communityId: 'com_jx' })).statusCode).toBe(403);
    expect((await call('POST', '/demands/suggest-dispatch', RESIDENT, {})).statusCode).toBe(403);
    expect((await call('POST', '/demands/suggest-dispatch', BUGU_VOLUNTEER, {})).statusCode).toBe(403);
    expect(await state()).toBe(before);
  });
});

describe('GET /demands/{id} names its accepted volunteers and the history’s actors', () => {
  it('in full for the street team’s leader, by the rule for the community admin; the ids stay as they were', async () => {
    for (const phone of [STREET_TEAM_LEADER, SANGYI_ADMIN, STREET_ADMIN, RESIDENT, JIXIANG_VOLUNTEER]) {
      const res = await call('GET', `/demands/${demand.id}`, phone);
      expect(res.statusCode, `${phone} ${res.body}`).toBe(200);
      const d = res.json() as Demand;
      expect(d.volunteerIds).toEqual([jixiangVolunteerId]);
      const vf = await factsOf('volunteer', d.volunteerIds);
      expect(d.volunteers).toEqual([{ id: jixiangVolunteerId, ...expectedName(viewers[phone]!, vf.get(jixiangVolunteerId)!) }]);
      const { id: _id, ...named } = d.volunteers![0]!;
      expectOnlyName(named, vf.get(jixiangVolunteerId)!);
      // Every step by an account names it; byUserId is kept.
      expect(d.history.map((h) => h.action)).toEqual(['submit', 'publish', 'assign', 'accept']);
      const af = await factsOf(
        'account',
        d.history.map((h) => h.byUserId!),
      );
      for (const h of d.history) {
        expect(h.by, `${phone} ${h.action}`).toEqual(expectedName(viewers[phone]!, af.get(h.byUserId!)!));
        expectOnlyName(h.by, af.get(h.byUserId!)!);
      }
    }
    // The case that showed as a number: the street team's leader sees their 吉祥社区 volunteer by name.
    const leaderView = (await call('GET', `/demands/${demand.id}`, STREET_TEAM_LEADER)).json() as Demand;
    const [p] = [...(await factsOf('volunteer', [jixiangVolunteerId])).values()];
    expect(leaderView.volunteers![0]).toMatchObject({ name: p!.name, nameBo: p!.nameBo, communityName: '吉祥社区' });
    const sangyiView = (await call('GET', `/demands/${demand.id}`, SANGYI_ADMIN)).json() as Demand;
    expect(sangyiView.volunteers![0]!.name).toBe(maskName(p!.name));
  });

  it('leaves list items without names, and the system’s steps without an actor', async () => {
    const list = await call('GET', `/demands?teamId=${STREET_TEAM}`, STREET_ADMIN);
    expect(list.statusCode).toBe(200);
    const item = (list.json().items as Record<string, unknown>[]).find((i) => i.id === demand.id)!;
    expect(item.volunteerIds).toEqual([jixiangVolunteerId]);
    expect(item).not.toHaveProperty('volunteers');

    // A step of the system (an escalation) has no actor to name.
    await queryRows(
      t.db,
      sql`INSERT INTO demand_history (street_id, demand_id, action, from_status, to_status, at, by_account_id, note)
          SELECT street_id, id, 'escalate', status, status, now(), NULL, 'community' FROM demands WHERE id = ${demand.id}`,
    );
    const d = (await call('GET', `/demands/${demand.id}`, SANGYI_ADMIN)).json() as Demand;
    expect(d.history.at(-1)).toMatchObject({ action: 'escalate', byUserId: null, by: null });
  });

  it('keeps the scope: another community’s admin and another team’s volunteer 404; nothing changes', async () => {
    const before = await state();
    expect((await call('GET', `/demands/${demand.id}`, JIXIANG_ADMIN)).statusCode).toBe(404);
    expect((await call('GET', `/demands/${demand.id}`, BUGU_VOLUNTEER)).statusCode).toBe(404);
    expect(await state()).toBe(before);
  });
});

describe('GET /demands/{id}/offers names each offered volunteer', () => {
  it('by the rule; the street team’s leader sees every member of their team in full', async () => {
    for (const phone of [STREET_TEAM_LEADER, SANGYI_ADMIN]) {
      const res = await call('GET', `/demands/${demand.id}/offers`, phone);
      expect(res.statusCode, res.body).toBe(200);
      const offers = res.json().items as DemandOffer[];
      expect(offers.length).toBeGreaterThan(1);
      const facts = await factsOf(
        'volunteer',
        offers.map((o) => o.volunteerId),
      );
      for (const o of offers) {
        const p = facts.get(o.volunteerId)!;
        expect(o.volunteer).toEqual(expectedName(viewers[phone]!, p));
        expectOnlyName(o.volunteer, p);
        if (phone === STREET_TEAM_LEADER) expect(o.volunteer!.name).toBe(p.name);
      }
    }
  });

  it('keeps the scope: a volunteer who sees the demand 403, another community’s admin 404; nothing changes', async () => {
    const before = await state();
    expect((await call('GET', `/demands/${demand.id}/offers`, JIXIANG_VOLUNTEER)).statusCode).toBe(403);
    expect((await call('GET', `/demands/${demand.id}/offers`, RESIDENT)).statusCode).toBe(403);
    expect((await call('GET', `/demands/${demand.id}/offers`, JIXIANG_ADMIN)).statusCode).toBe(404);
    expect(await state()).toBe(before);
  });
});
