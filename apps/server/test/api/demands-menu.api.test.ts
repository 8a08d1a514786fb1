import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ServiceItemDto } from '@duodi/contracts';
import { queryRows } from '../../src/platform/db/client.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const STREET_ADMIN = '13900000001';
const SANGYI_ADMIN = '13900000002';
const JIXIANG_ADMIN = '13900000003';
const LEADER = '13900000005';
const VOLUNTEER = '13900000006';
const RESIDENT = '13900000008';

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of [STREET_ADMIN, SANGYI_ADMIN, JIXIANG_ADMIN, LEADER, VOLUNTEER, RESIDENT]) tokens[phone] = await t.login(phone);
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, phone?: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: phone ? bearer(tokens[phone]!) : {}, ...(payload !== undefined ? { payload: payload as string } : {}) });

/** Everything the menu endpoints may change, as one comparable string. */
async function menuState() {
  const [r] = await queryRows<{ s: string }>(
    t.db,
    sql`SELECT concat_ws('|',
          (SELECT string_agg(id || ':' || name || ':' || coalesce(name_bo, '') || ':' || active || ':' || typical_minutes || ':' || category || ':' || array_to_string(skills, ','), ',' ORDER BY id) FROM service_items),
          (SELECT string_agg(service_item_id || ':' || team_id, ',' ORDER BY service_item_id, team_id) FROM service_item_teams),
          (SELECT string_agg(service_item_id || ':' || community_id, ',' ORDER BY service_item_id, community_id) FROM service_item_community_off),
          (SELECT count(*)::text FROM audit_log)) AS s`,
  );
  return r!.s;
}
const audits = async (action: string) => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`))[0]!.n;

const NEW_ITEM = {
  name: '陪同散步',
  nameBo: 'མཉམ་དུ་འཆམ་འཆམ།',
  nameEn: 'Walking companion',
  category: 'elderly_care',
  skills: ['companionship'],
  languages: ['bo', 'zh'],
  typicalMinutes: 45,
  description: '陪老人在小区里散步',
};

describe('GET /service-items', () => {
  it('answers the public menu without a log-in, with names in three languages, teams and switches', async () => {
    const res = await call('GET', '/service-items');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as ServiceItemDto[];
    expect(items.length).toBeGreaterThanOrEqual(20);
    for (const i of items) {
      expect(i.active).toBe(true);
      expect(i.nameBo).toBeTruthy();
      expect(i.nameEn).toBeTruthy();
      expect(Array.isArray(i.teamIds)).toBe(true);
      expect(Array.isArray(i.disabledCommunityIds)).toBe(true);
    }
  });

  it('refuses all=1 to residents and volunteers (403) and to nobody (401)', async () => {
    expect((await call('GET', '/service-items?all=1')).statusCode).toBe(401);
    expect((await call('GET', '/service-items?all=1', RESIDENT)).statusCode).toBe(403);
    expect((await call('GET', '/service-items?all=1', VOLUNTEER)).statusCode).toBe(403);
    expect((await call('GET', '/service-items?all=1', LEADER)).statusCode).toBe(200);
  });

  it('refuses a bad all value with 400', async () => {
    const res = await call('GET', '/service-items?all=yes');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
  });
});

describe('POST and PATCH /service-items (street admin)', () => {
  it('creates an item, audited, and lists it publicly; a second one with the same id is 409', async () => {
    const before = await audits('service_item.create');
    const res = await call('POST', '/service-items', STREET_ADMIN, { ...NEW_ITEM, id: 'svc_walk_companion' });
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json() as ServiceItemDto;
    expect(item).toMatchObject({ id: 'svc_walk_companion', name: '陪同散步', nameBo: NEW_ITEM.nameBo, nameEn: 'Walking companion', typicalMinutes: 45, volunteersNeeded: 1, active: true, teamIds: [] });
    expect(await audits('service_item.create')).toBe(before + 1);
    const list = (await call('GET', '/service-items')).json().items as ServiceItemDto[];
    expect(list.map((i) => i.id)).toContain('svc_walk_companion');
    const state = await menuState();
    const again = await call('POST', '/service-items', STREET_ADMIN, { ...NEW_ITEM, id: 'svc_walk_companion' });
    expect(again.statusCode).toBe(409);
    expect(await menuState()).toBe(state);
  });

  it('refuses community admins, leaders, volunteers and residents with 403 and changes nothing', async () => {
    const state = await menuState();
    for (const phone of [SANGYI_ADMIN, LEADER, VOLUNTEER, RESIDENT]) {
      expect((await call('POST', '/service-items', phone, NEW_ITEM)).statusCode).toBe(403);
      expect((await call('PATCH', '/service-items/svc_haircut', phone, { typicalMinutes: 50 })).statusCode).toBe(403);
    }
    expect(await menuState()).toBe(state);
  });

  it('refuses bad input with 400 field errors and changes nothing', async () => {
    const state = await menuState();
    const bad = await call('POST', '/service-items', STREET_ADMIN, { ...NEW_ITEM, name: '', category: 'cooking', typicalMinutes: 0, skills: ['companionship', 'companionship'] });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json().errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'category', 'typicalMinutes', 'skills']));
    const empty = await call('PATCH', '/service-items/svc_haircut', STREET_ADMIN, {});
    expect(empty.statusCode).toBe(400);
    const unknownField = await call('PATCH', '/service-items/svc_haircut', STREET_ADMIN, { price: 10 });
    expect(unknownField.statusCode).toBe(400);
    expect(await menuState()).toBe(state);
  });

  it('patches names, minutes, languages and active, audited with old and new values; inactive items leave the public menu', async () => {
    const res = await call('PATCH', '/service-items/svc_haircut', STREET_ADMIN, { nameEn: 'Haircut at home', typicalMinutes: 50, languages: ['bo'], active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: 'svc_haircut', nameEn: 'Haircut at home', typicalMinutes: 50, languages: ['bo'], active: false });
    const [audit] = await queryRows<{ old_value: { typicalMinutes: number }; new_value: { typicalMinutes: number } }>(
      t.db,
      sql`SELECT old_value, new_value FROM audit_log WHERE action = 'service_item.update' AND entity_id = 'svc_haircut' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit!.new_value.typicalMinutes).toBe(50);
    expect(audit!.old_value.typicalMinutes).not.toBe(50);
    expect(((await call('GET', '/service-items')).json().items as ServiceItemDto[]).map((i) => i.id)).not.toContain('svc_haircut');
    const all = (await call('GET', '/service-items?all=1', SANGYI_ADMIN)).json().items as ServiceItemDto[];
    expect(all.find((i) => i.id === 'svc_haircut')?.active).toBe(false);
    expect((await call('PATCH', '/service-items/svc_haircut', STREET_ADMIN, { active: true })).statusCode).toBe(200);
  });

  it('answers 404 for an unknown item', async () => {
    expect((await call('PATCH', '/service-items/svc_nothing', STREET_ADMIN, { active: true })).statusCode).toBe(404);
  });
});

describe('PUT /service-items/{id}/teams (资源清单)', () => {
  it('lets the street admin set any teams of the street', async () => {
    const res = await call('PUT', '/service-items/svc_companionship/teams', STREET_ADMIN, { teamIds: ['team_bugu', 'team_amala', 'team_xiaochui'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().teamIds).toEqual(['team_amala', 'team_bugu', 'team_xiaochui']);
    expect(await audits('service_item.teams')).toBeGreaterThanOrEqual(1);
  });

  it('lets a community admin replace only their community’s teams, keeping the others', async () => {
    const res = await call('PUT', '/service-items/svc_companionship/teams', SANGYI_ADMIN, { teamIds: ['team_gesang'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().teamIds).toEqual(['team_amala', 'team_gesang', 'team_xiaochui']);
  });

  it('answers 404 for another community’s team or a street-level team, 403 for residents and volunteers, and changes nothing', async () => {
    const state = await menuState();
    expect((await call('PUT', '/service-items/svc_companionship/teams', SANGYI_ADMIN, { teamIds: ['team_amala'] })).statusCode).toBe(404);
    expect((await call('PUT', '/service-items/svc_companionship/teams', SANGYI_ADMIN, { teamIds: ['team_xiaochui'] })).statusCode).toBe(404);
    expect((await call('PUT', '/service-items/svc_companionship/teams', STREET_ADMIN, { teamIds: ['team_nothing'] })).statusCode).toBe(404);
    expect((await call('PUT', '/service-items/svc_nothing/teams', STREET_ADMIN, { teamIds: [] })).statusCode).toBe(404);
    for (const phone of [RESIDENT, VOLUNTEER, LEADER]) {
      expect((await call('PUT', '/service-items/svc_companionship/teams', phone, { teamIds: ['team_bugu'] })).statusCode).toBe(403);
    }
    const dup = await call('PUT', '/service-items/svc_companionship/teams', STREET_ADMIN, { teamIds: ['team_bugu', 'team_bugu'] });
    expect(dup.statusCode).toBe(400);
    expect(await menuState()).toBe(state);
  });
});

describe('PUT /service-items/{id}/communities/{communityId}', () => {
  it('lets a community admin switch an item off for their community: left out of its menu and not orderable there', async () => {
    const res = await call('PUT', '/service-items/svc_shopping/communities/com_sy', SANGYI_ADMIN, { enabled: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().disabledCommunityIds).toEqual(['com_sy']);
    expect(await audits('service_item.community')).toBe(1);
    const sy = (await call('GET', '/service-items?communityId=com_sy')).json().items as ServiceItemDto[];
    expect(sy.map((i) => i.id)).not.toContain('svc_shopping');
    const jx = (await call('GET', '/service-items?communityId=com_jx')).json().items as ServiceItemDto[];
    expect(jx.map((i) => i.id)).toContain('svc_shopping');
    const order = await call('POST', '/demands', RESIDENT, { serviceItemId: 'svc_shopping', description: '想请人帮忙买些米面', gridId: 'grid_sy_02' });
    expect(order.statusCode).toBe(400);
    expect(order.json().errors[0].field).toBe('serviceItemId');
    expect((await call('PUT', '/service-items/svc_shopping/communities/com_sy', SANGYI_ADMIN, { enabled: true })).statusCode).toBe(200);
    expect((await call('POST', '/demands', RESIDENT, { serviceItemId: 'svc_shopping', description: '想请人帮忙买些米面', gridId: 'grid_sy_02' })).statusCode).toBe(201);
  });

  it('answers 404 for another community and 403 for other roles, changing nothing', async () => {
    const state = await menuState();
    expect((await call('PUT', '/service-items/svc_shopping/communities/com_sy', JIXIANG_ADMIN, { enabled: false })).statusCode).toBe(404);
    expect((await call('PUT', '/service-items/svc_shopping/communities/com_sy', LEADER, { enabled: false })).statusCode).toBe(403);
    expect((await call('PUT', '/service-items/svc_shopping/communities/com_sy', RESIDENT, { enabled: false })).statusCode).toBe(403);
    expect((await call('PUT', '/service-items/svc_shopping/communities/com_nothing', STREET_ADMIN, { enabled: false })).statusCode).toBe(404);
    expect((await call('PUT', '/service-items/svc_shopping/communities/com_sy', STREET_ADMIN, { enabled: 'no' })).statusCode).toBe(400);
    expect(await menuState()).toBe(state);
  });
});
