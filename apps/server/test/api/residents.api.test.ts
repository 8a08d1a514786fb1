import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ResidentListItem } from '@duodi/contracts';
import { queryRows } from '../../src/platform/db/client.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';
import { residentId, withBadChecksum } from '../import-files.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const STREET_ADMIN = '13900000001';
const SANGYI_ADMIN = '13900000002';
const JIXIANG_ADMIN = '13900000003';
const GRID_WORKER_SY02 = '13900000004';
const VOLUNTEER = '13900000006';

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of [STREET_ADMIN, SANGYI_ADMIN, JIXIANG_ADMIN, GRID_WORKER_SY02, VOLUNTEER]) tokens[phone] = await t.login(phone);
});
afterAll(() => t?.close());

const send = (method: 'POST' | 'PATCH' | 'GET', url: string, phone: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[phone]!), ...(payload ? { payload } : {}) });
const n = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.db, query))[0]!.n;
const residentCount = () => n(sql`SELECT count(*)::int AS n FROM persons WHERE is_resident`);
const householdCount = () => n(sql`SELECT count(*)::int AS n FROM households`);
const auditOf = (entityId: string) =>
  queryRows<{
    action: string;
    old_value: Record<string, unknown> | null;
    new_value: Record<string, unknown> | null;
    reason: string | null;
    actor_account_id: string;
  }>(t.db, sql`SELECT action, old_value, new_value, reason, actor_account_id FROM audit_log WHERE entity_id = ${entityId} ORDER BY id`);
const personRow = async (id: string) =>
  (
    await queryRows<{
      name: string;
      phone_masked: string | null;
      grid_id: string;
      community_id: string;
      household_id: string | null;
      focus_tags_enc: string | null;
      focus_tag_index: string[];
      proxy_needed: boolean;
    }>(
      t.db,
      sql`SELECT name, phone_masked, grid_id, community_id, household_id, focus_tags_enc, focus_tag_index, proxy_needed FROM persons WHERE id = ${id}`,
    )
  )[0]!;

let seq = 7000;
const newResident = (over: Record<string, unknown> = {}) => ({
  name: '次仁央宗',
  nameBo: 'ཚེ་རིང་དབྱངས་འཛོམས།',
  idNumber: residentId(seq++),
  phone: '13912345678',
  gridId: 'grid_sy_02',
  address: '桑伊社区夺底路 8 号 2 单元 301',
  focusTags: ['elderly'],
  proxyNeeded: true,
  ...over,
});

describe('POST /api/v1/residents', () => {
  it('adds a resident in a new household: masked in the answer, encrypted at rest, audited with masks only', async () => {
    const body = newResident();
    const res = await send('POST', '/residents', SANGYI_ADMIN, body);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as ResidentListItem;
    expect(r).toMatchObject({
      name: '次仁央宗',
      gridId: 'grid_sy_02',
      communityId: 'com_sy',
      phoneMasked: '139****5678',
      focusTags: ['elderly'],
      proxy: true,
      address: body.address,
    });
    expect(r.idNumberMasked).toBe(`${body.idNumber.slice(0, 4)}**********${body.idNumber.slice(-4)}`);
    const got = await send('GET', `/residents/${r.id}`, SANGYI_ADMIN);
    expect(got.json()).toMatchObject({ id: r.id, householdId: r.householdId, focusTags: ['elderly'] });
    const row = await personRow(r.id);
    expect(row.focus_tag_index).toEqual([t.deps.crypto.blindIndex('focus', 'elderly')]);
    const audit = await auditOf(r.id);
    expect(audit.map((a) => a.action)).toEqual(['resident.create']);
    expect(audit[0]!.new_value).toMatchObject({ phoneMasked: '139****5678', focusTags: ['elderly'], proxyNeeded: true });
    expect(JSON.stringify(audit)).not.toContain(body.idNumber);
    expect(JSON.stringify(audit)).not.toContain('13912345678');
    expect((await auditOf(r.householdId!)).map((a) => a.action)).toEqual(['household.create']);
  });

  it('puts a resident into an existing household of the grid', async () => {
    const first = (await send('POST', '/residents', GRID_WORKER_SY02, newResident({ focusTags: [] }))).json() as ResidentListItem;
    const res = await send(
      'POST',
      '/residents',
      GRID_WORKER_SY02,
      newResident({ address: undefined, householdId: first.householdId, name: '扎西' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ householdId: first.householdId });
  });

  it('refuses a second resident with the same ID number in the street (409) and adds nothing', async () => {
    const body = newResident();
    expect((await send('POST', '/residents', SANGYI_ADMIN, body)).statusCode).toBe(201);
    const before = [await residentCount(), await householdCount()];
    const again = await send('POST', '/residents', STREET_ADMIN, { ...body, gridId: 'grid_jx_01', name: '另一个人' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'duplicate_id_number' });
    expect([await residentCount(), await householdCount()]).toEqual(before);
  });

  it('refuses a bad ID checksum, hostile or over-long strings and unknown fields (400) and adds nothing', async () => {
    const before = [await residentCount(), await householdCount()];
    const bad = await send('POST', '/residents', SANGYI_ADMIN, newResident({ idNumber: withBadChecksum(residentId(seq++)) }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ field: 'idNumber', code: 'id_checksum' })],
    });
    for (const over of [
      { name: '=HYPERLINK("http://evil.example","x")' },
      { name: '扎'.repeat(51) },
      { address: '夺底路\u0000 1 号' },
      { address: '路'.repeat(201) },
      { focusTags: ['rich'] },
      { focusTags: ['elderly', 'elderly'] },
      { isAdmin: true },
      { address: undefined },
      { householdId: 'hh_000001' },
    ]) {
      const res = await send('POST', '/residents', SANGYI_ADMIN, newResident(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
    }
    expect([await residentCount(), await householdCount()]).toEqual(before);
  });

  it('needs a reason for a sensitive focus tag (400 without), and audits it with the tag only as ciphertext', async () => {
    const before = await residentCount();
    const without = await send('POST', '/residents', SANGYI_ADMIN, newResident({ focusTags: ['elderly', 'disabled'] }));
    expect(without.statusCode).toBe(400);
    expect(without.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'reason', code: 'sensitive_tag_reason' })] });
    expect(await residentCount()).toBe(before);
    const withReason = await send(
      'POST',
      '/residents',
      SANGYI_ADMIN,
      newResident({ focusTags: ['elderly', 'disabled'], reason: '残联登记证明' }),
    );
    expect(withReason.statusCode).toBe(201);
    const id = (withReason.json() as ResidentListItem).id;
    const [audit] = await auditOf(id);
    expect(audit!.reason).toBe('残联登记证明');
    expect(audit!.new_value!.focusTags).toEqual(['elderly', '***']);
    expect(JSON.stringify(audit)).not.toContain('disabled');
    expect(JSON.parse(t.deps.crypto.decrypt(audit!.new_value!.sensitiveTagsEnc as string))).toEqual(['disabled']);
    // The answer shows the sensitive tag back: a full view, logged like the lists log it (DR-21).
    expect(
      await n(
        sql`SELECT count(*)::int AS n FROM access_log WHERE person_id = ${id} AND field = 'focus_tags' AND purpose = 'resident_create'`,
      ),
    ).toBe(1);
  });

  it('refuses a 吉祥社区 admin a resident in a 桑伊社区 grid (403), a volunteer anything (403), an unknown grid (404); nothing added', async () => {
    const before = [await residentCount(), await householdCount()];
    const cross = await send('POST', '/residents', JIXIANG_ADMIN, newResident());
    expect(cross.statusCode).toBe(403);
    expect(cross.json()).toMatchObject({ code: 'forbidden' });
    expect((await send('POST', '/residents', GRID_WORKER_SY02, newResident({ gridId: 'grid_sy_03' }))).statusCode).toBe(403);
    expect((await send('POST', '/residents', VOLUNTEER, newResident())).statusCode).toBe(403);
    expect((await send('POST', '/residents', SANGYI_ADMIN, newResident({ gridId: 'grid_nowhere' }))).statusCode).toBe(404);
    const unauth = await t.app.inject({ method: 'POST', url: '/api/v1/residents', payload: newResident() });
    expect(unauth.statusCode).toBe(401);
    expect([await residentCount(), await householdCount()]).toEqual(before);
  });
});

describe('PATCH /api/v1/residents/{id}', () => {
  let id: string;
  beforeAll(async () => {
    id = (
      (
        await send('POST', '/residents', SANGYI_ADMIN, newResident({ focusTags: ['elderly'], proxyNeeded: false }))
      ).json() as ResidentListItem
    ).id;
  });

  it('changes name, phone and proxy flag; audits only what changed, old → new, masked', async () => {
    const res = await send('PATCH', `/residents/${id}`, GRID_WORKER_SY02, { name: '次仁央宗啦', phone: '13800001111', proxyNeeded: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '次仁央宗啦', phoneMasked: '138****1111', proxy: true });
    const audit = (await auditOf(id)).at(-1)!;
    expect(audit).toMatchObject({
      action: 'resident.update',
      old_value: { name: '次仁央宗', phoneMasked: '139****5678', proxyNeeded: false },
      new_value: { name: '次仁央宗啦', phoneMasked: '138****1111', proxyNeeded: true },
    });
    expect(JSON.stringify(audit)).not.toContain('13800001111');
    const cleared = await send('PATCH', `/residents/${id}`, SANGYI_ADMIN, { phone: null });
    expect(cleared.json()).toMatchObject({ phoneMasked: null });
  });

  it('needs a reason to add or remove a sensitive tag (400 without, nothing changed), audits it with the reason', async () => {
    const before = await personRow(id);
    const res = await send('PATCH', `/residents/${id}`, SANGYI_ADMIN, { focusTags: ['elderly', 'disabled'] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'reason' })] });
    expect(await personRow(id)).toEqual(before);

    const ok = await send('PATCH', `/residents/${id}`, SANGYI_ADMIN, { focusTags: ['elderly', 'disabled'], reason: '入户核实' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ focusTags: ['elderly', 'disabled'] });
    const after = await personRow(id);
    expect(after.focus_tag_index).toContain(t.deps.crypto.blindIndex('focus', 'disabled'));
    const audit = (await auditOf(id)).at(-1)!;
    expect(audit).toMatchObject({
      action: 'resident.update_sensitive',
      reason: '入户核实',
      old_value: { focusTags: ['elderly'] },
      new_value: { focusTags: ['elderly', '***'] },
    });

    const removeWithout = await send('PATCH', `/residents/${id}`, SANGYI_ADMIN, { focusTags: ['elderly'] });
    expect(removeWithout.statusCode).toBe(400);
    const removed = await send('PATCH', `/residents/${id}`, SANGYI_ADMIN, { focusTags: [], reason: '已迁出残联名册' });
    expect(removed.json()).toMatchObject({ focusTags: [] });
    expect((await personRow(id)).focus_tags_enc).toBeNull();
    // Tags that are not sensitive need no reason.
    expect((await send('PATCH', `/residents/${id}`, SANGYI_ADMIN, { focusTags: ['living_alone'] })).statusCode).toBe(200);
  });

  it('hides a 桑伊社区 resident from a 吉祥社区 admin (404) and from a grid worker of another grid; nothing changed', async () => {
    const before = await personRow(id);
    const res = await send('PATCH', `/residents/${id}`, JIXIANG_ADMIN, { name: '改名' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
    expect((await send('PATCH', `/residents/${id}`, VOLUNTEER, { name: '改名' })).statusCode).toBe(403);
    expect((await send('PATCH', '/residents/per_unknown', SANGYI_ADMIN, { name: '改名' })).statusCode).toBe(404);
    expect((await send('PATCH', `/residents/${id}`, SANGYI_ADMIN, {})).statusCode).toBe(400);
    expect(await personRow(id)).toEqual(before);
  });
});

describe('POST /api/v1/residents/{id}/move', () => {
  let id: string;
  beforeAll(async () => {
    id = ((await send('POST', '/residents', SANGYI_ADMIN, newResident())).json() as ResidentListItem).id;
  });

  it('refuses a target grid outside the caller’s scope (403) and a resident outside it (404); nothing changed', async () => {
    const before = await personRow(id);
    const gridWorker = await send('POST', `/residents/${id}/move`, GRID_WORKER_SY02, { gridId: 'grid_sy_03' });
    expect(gridWorker.statusCode).toBe(403);
    const sangyi = await send('POST', `/residents/${id}/move`, SANGYI_ADMIN, { gridId: 'grid_jx_01', address: '吉祥路 1 号' });
    expect(sangyi.statusCode).toBe(403);
    const jixiang = await send('POST', `/residents/${id}/move`, JIXIANG_ADMIN, { gridId: 'grid_jx_01' });
    expect(jixiang.statusCode).toBe(404);
    const otherGridHousehold = (
      await queryRows<{ id: string }>(t.db, sql`SELECT id FROM households WHERE grid_id = 'grid_sy_04' LIMIT 1`)
    )[0]!.id;
    const mismatch = await send('POST', `/residents/${id}/move`, SANGYI_ADMIN, { gridId: 'grid_sy_03', householdId: otherGridHousehold });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'householdId', code: 'household_not_in_grid' })] });
    expect(await personRow(id)).toEqual(before);
  });

  it('moves a resident to another grid of the community into a new household; audited old → new', async () => {
    const before = await personRow(id);
    const res = await send('POST', `/residents/${id}/move`, SANGYI_ADMIN, {
      gridId: 'grid_sy_03',
      address: '桑伊社区新村 5 号',
      reason: '搬家',
    });
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json() as ResidentListItem;
    expect(moved).toMatchObject({ gridId: 'grid_sy_03', communityId: 'com_sy', address: '桑伊社区新村 5 号' });
    expect(moved.householdId).not.toBe(before.household_id);
    const audit = (await auditOf(id)).at(-1)!;
    expect(audit).toMatchObject({
      action: 'resident.move',
      reason: '搬家',
      old_value: { gridId: 'grid_sy_02', householdId: before.household_id },
      new_value: { gridId: 'grid_sy_03', householdId: moved.householdId },
    });
    // The grid worker of SY-02 no longer sees the resident.
    expect((await send('GET', `/residents/${id}`, GRID_WORKER_SY02)).statusCode).toBe(404);
  });

  it('lets the street admin move a resident across communities', async () => {
    const res = await send('POST', `/residents/${id}/move`, STREET_ADMIN, { gridId: 'grid_jx_01' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ gridId: 'grid_jx_01', communityId: 'com_jx', householdId: null });
    expect((await send('GET', `/residents/${id}`, SANGYI_ADMIN)).statusCode).toBe(404);
    expect((await send('GET', `/residents/${id}`, JIXIANG_ADMIN)).statusCode).toBe(200);
  });
});

describe('households', () => {
  it('adds a household and changes its address, audited; scope answers 403 / 404 and changes nothing', async () => {
    const created = await send('POST', '/households', GRID_WORKER_SY02, { gridId: 'grid_sy_02', address: '夺底路 99 号' });
    expect(created.statusCode, created.body).toBe(201);
    const h = created.json() as { id: string; memberCount: number; communityId: string };
    expect(h).toMatchObject({ communityId: 'com_sy', memberCount: 0 });
    const before = await householdCount();
    expect((await send('POST', '/households', JIXIANG_ADMIN, { gridId: 'grid_sy_02', address: '夺底路 100 号' })).statusCode).toBe(403);
    expect((await send('POST', '/households', VOLUNTEER, { gridId: 'grid_sy_02', address: '夺底路 100 号' })).statusCode).toBe(403);
    expect((await send('POST', '/households', SANGYI_ADMIN, { gridId: 'grid_sy_02', address: ' ' })).statusCode).toBe(400);
    expect(await householdCount()).toBe(before);

    expect((await send('PATCH', `/households/${h.id}`, JIXIANG_ADMIN, { address: '改' })).statusCode).toBe(404);
    const patched = await send('PATCH', `/households/${h.id}`, SANGYI_ADMIN, { address: '夺底路 99 号 1 单元' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ address: '夺底路 99 号 1 单元' });
    expect((await auditOf(h.id)).map((a) => [a.action, a.old_value, a.new_value])).toEqual([
      ['household.create', null, expect.objectContaining({ address: '夺底路 99 号' })],
      ['household.update', { address: '夺底路 99 号' }, { address: '夺底路 99 号 1 单元' }],
    ]);
  });

  it('keeps the audit hash chain intact after all these changes', async () => {
    expect(await verifyAuditChain(t.db, 'duodi')).toBeNull();
  });
});
