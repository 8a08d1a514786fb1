import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_EXPORT_COLUMNS, type Correction, type ServiceRecord, type VolunteerSummary } from '@duodi/contracts';
import { queryRows } from '../../platform/db/client.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';
import { checkLedgerInvariants } from '../ledger/index.js';
import { starForMinutes } from './index.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const meOf: Record<string, { personId: string; volunteerId: string | null }> = {};
const STREET_ADMIN = '13900000001';
const SANGYI_ADMIN = '13900000002';
const JIXIANG_ADMIN = '13900000003';
const GRID_WORKER = '13900000004';
const LEADER = '13900000005';
const VOLUNTEER = '13900000006';
const VOLUNTEER_2 = '13900000007';
const RESIDENT = '13900000008';

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of [STREET_ADMIN, SANGYI_ADMIN, JIXIANG_ADMIN, GRID_WORKER, LEADER, VOLUNTEER, VOLUNTEER_2, RESIDENT]) {
    tokens[phone] = await t.login(phone);
    meOf[phone] = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens[phone]!) })).json();
  }
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, phone?: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: phone ? bearer(tokens[phone]!) : {},
    ...(payload !== undefined ? { payload: payload as string } : {}),
  });
const vol = () => meOf[VOLUNTEER]!.volunteerId!;
const summary = async (phone = VOLUNTEER): Promise<VolunteerSummary> => {
  const res = await call('GET', `/volunteers/${vol()}/summary`, phone);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const recordRow = async (id: string) =>
  (
    await queryRows<{ status: string; credited_minutes: number; version: number }>(
      t.db,
      sql`SELECT status, credited_minutes, version FROM service_records WHERE id = ${id}`,
    )
  )[0]!;
const auditCount = (action: string) =>
  queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`).then((r) => r[0]!.n);

/** A 补录 by the 桑伊 community admin for the demo volunteer, run by 布谷响铃 (so its leader confirms it). */
const backfill = async (minutes: number, by = SANGYI_ADMIN): Promise<ServiceRecord> => {
  const res = await call('POST', '/service-records', by, {
    volunteerId: vol(),
    servedOn: '2026-11-20',
    minutes,
    content: '入户陪伴独居老人',
    communityId: 'com_sy',
    teamId: 'team_bugu',
    reason: '活动签到设备故障，纸质签到表补录',
    evidence: ['签到表照片 IMG_2031.jpg'],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('service records: 补录, verification and the ledger', () => {
  it('credits hours, points, coins and star on verification by a second staff member', async () => {
    const before = await summary();
    const rec = await backfill(150);
    // Its creator sees it but may not confirm it.
    expect(rec).toMatchObject({ status: 'pending', source: 'backfill', minutes: 150, canDecide: false });
    // The creator may not confirm their own 补录; nothing changes.
    const own = await call('POST', `/service-records/${rec.id}/verify`, SANGYI_ADMIN, {});
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'second_approver_required' });
    expect((await recordRow(rec.id)).status).toBe('pending');

    const res = await call('POST', `/service-records/${rec.id}/verify`, LEADER, { reason: '核对签到表无误' });
    expect(res.statusCode, res.body).toBe(200);
    const verified = res.json() as ServiceRecord;
    expect(verified).toMatchObject({ status: 'verified', minutes: 150, pointsCredited: 25, coinsDeposited: 150 });
    const after = await summary();
    expect(after.verifiedMinutes).toBe(before.verifiedMinutes + 150);
    expect(after.points).toBe(before.points + 25);
    expect(after.timeBankMinutes).toBe(before.timeBankMinutes + 150);
    expect(after.star).toBe(starForMinutes(after.verifiedMinutes));
    expect(await auditCount('service_record.verify')).toBeGreaterThan(0);

    // A second verification is refused and moves nothing.
    const again = await call('POST', `/service-records/${rec.id}/verify`, LEADER, {});
    expect(again.statusCode).toBe(409);
    expect((await summary()).points).toBe(after.points);

    // The history shows the movement with its type.
    const accounts = (await call('GET', '/ledger/accounts/me', VOLUNTEER)).json() as {
      items: { id: string; kind: string; balance: number }[];
    };
    const points = accounts.items.find((a) => a.kind === 'points')!;
    expect(points.balance).toBe(after.points);
    const entries = await call('GET', `/ledger/accounts/${points.id}/entries?limit=5`, VOLUNTEER);
    expect(entries.statusCode).toBe(200);
    expect(entries.json().items[0]).toMatchObject({ type: 'service_earned', delta: 25, refType: 'service_record', refId: rec.id });
    // Someone else's account does not exist for the caller.
    expect((await call('GET', `/ledger/accounts/${points.id}/entries`, VOLUNTEER_2)).statusCode).toBe(404);
    expect((await checkLedgerInvariants(t.db)).ok).toBe(true);
  });

  it('refuses verification by roles and places that did not run the record, changing nothing', async () => {
    const rec = await backfill(60);
    const cases: [string, number][] = [
      [STREET_ADMIN, 403], // sees it, did not run it
      [JIXIANG_ADMIN, 404], // another community
      [VOLUNTEER_2, 404],
      [RESIDENT, 404],
      [GRID_WORKER, 404],
      [VOLUNTEER, 403], // the volunteer sees their own record but cannot confirm it
    ];
    for (const [phone, status] of cases) {
      const res = await call('POST', `/service-records/${rec.id}/verify`, phone, {});
      expect(res.statusCode, `${phone}: ${res.body}`).toBe(status);
    }
    expect(await recordRow(rec.id)).toMatchObject({ status: 'pending', version: 1 });
  });

  it('needs a reason to reject and rejects without crediting', async () => {
    const rec = await backfill(90);
    const before = await summary();
    const bad = await call('POST', `/service-records/${rec.id}/reject`, LEADER, {});
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'reason' })] });
    const res = await call('POST', `/service-records/${rec.id}/reject`, LEADER, { reason: '当天未参加该活动' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', decisionReason: '当天未参加该活动' });
    expect(await summary()).toMatchObject({ verifiedMinutes: before.verifiedMinutes, points: before.points });
  });

  it('refuses a 补录 without evidence (400) and from a role that runs nothing (403), creating nothing', async () => {
    const count = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM service_records`))[0]!.n;
    const n = await count();
    const noEvidence = await call('POST', '/service-records', SANGYI_ADMIN, {
      volunteerId: vol(),
      servedOn: '2026-11-20',
      minutes: 60,
      content: '巡逻',
      communityId: 'com_sy',
      reason: '补录原因说明',
      evidence: [],
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'evidence' })]));
    const byVolunteer = await call('POST', '/service-records', VOLUNTEER, {
      volunteerId: vol(),
      servedOn: '2026-11-20',
      minutes: 60,
      content: '巡逻',
      communityId: 'com_sy',
      reason: '补录原因说明',
      evidence: ['x.jpg'],
    });
    expect(byVolunteer.statusCode).toBe(403);
    const otherCommunity = await call('POST', '/service-records', JIXIANG_ADMIN, {
      volunteerId: vol(),
      servedOn: '2026-11-20',
      minutes: 60,
      content: '巡逻',
      communityId: 'com_sy',
      reason: '补录原因说明',
      evidence: ['x.jpg'],
    });
    expect(otherCommunity.statusCode).toBe(403);
    expect(await count()).toBe(n);
  });
});

describe('corrections, complaint zeroing and appeals', () => {
  it('re-credits a verified record when a correction is accepted, keeping the old value', async () => {
    const rec = await backfill(120, SANGYI_ADMIN);
    expect((await call('POST', `/service-records/${rec.id}/verify`, LEADER, {})).statusCode).toBe(200);
    const before = await summary();
    // Only the volunteer asks; staff get 403.
    expect(
      (await call('POST', `/service-records/${rec.id}/corrections`, LEADER, { requestedMinutes: 180, reason: '实际服务3小时' })).statusCode,
    ).toBe(403);
    const req = await call('POST', `/service-records/${rec.id}/corrections`, VOLUNTEER, { requestedMinutes: 180, reason: '实际服务3小时' });
    expect(req.statusCode, req.body).toBe(201);
    const c = req.json() as Correction;
    expect(c).toMatchObject({ kind: 'correction', status: 'pending', oldMinutes: 120, requestedMinutes: 180, overdue: false });
    // 10 working days: at least 12 calendar days away.
    expect(Date.parse(c.dueAt!) - Date.now()).toBeGreaterThan(11 * 86_400_000);
    // A second open request for the same record is a conflict.
    expect(
      (await call('POST', `/service-records/${rec.id}/corrections`, VOLUNTEER, { requestedMinutes: 200, reason: '再次申请' })).statusCode,
    ).toBe(409);
    const queue = await call('GET', '/service-record-corrections?status=pending', SANGYI_ADMIN);
    expect(queue.json().items.map((x: Correction) => x.id)).toContain(c.id);
    expect(
      (await call('POST', `/service-record-corrections/${c.id}/resolve`, JIXIANG_ADMIN, { decision: 'accept', reason: '同意' })).statusCode,
    ).toBe(404);

    const res = await call('POST', `/service-record-corrections/${c.id}/resolve`, LEADER, { decision: 'accept', reason: '核对后同意' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', newMinutes: 180 });
    const after = await summary();
    expect(after.verifiedMinutes).toBe(before.verifiedMinutes + 60);
    expect(after.points).toBe(before.points + 10);
    expect((await recordRow(rec.id)).credited_minutes).toBe(180);
    const history = (await call('GET', `/service-records/${rec.id}/corrections`, VOLUNTEER)).json().items as Correction[];
    expect(history[0]).toMatchObject({ oldMinutes: 120, newMinutes: 180 });
    expect((await checkLedgerInvariants(t.db)).ok).toBe(true);
  });

  it('zeroes a record on an upheld complaint, reverses its points, and restores it on an upheld appeal', async () => {
    const rec = await backfill(240, SANGYI_ADMIN);
    expect((await call('POST', `/service-records/${rec.id}/verify`, LEADER, {})).statusCode).toBe(200);
    const credited = await summary();
    expect((await call('POST', `/service-records/${rec.id}/zero`, VOLUNTEER_2, { reason: '投诉' })).statusCode).toBe(404);
    const zero = await call('POST', `/service-records/${rec.id}/zero`, SANGYI_ADMIN, { reason: '服务对象投诉属实：未按要求服务' });
    expect(zero.statusCode, zero.body).toBe(200);
    expect(zero.json()).toMatchObject({ minutes: 0, zeroed: true, pointsCredited: 0 });
    const zeroed = await summary();
    expect(zeroed.verifiedMinutes).toBe(credited.verifiedMinutes - 240);
    expect(zeroed.points).toBe(credited.points - 40);
    expect(zeroed.star).toBe(starForMinutes(zeroed.verifiedMinutes));
    const notified = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'service_record.zeroed' AND ref_id = ${rec.id}`,
    );
    expect(notified[0]!.n).toBe(1);
    // Zeroing twice is refused.
    expect((await call('POST', `/service-records/${rec.id}/zero`, SANGYI_ADMIN, { reason: '再次清零' })).statusCode).toBe(409);

    const appeal = await call('POST', `/service-records/${rec.id}/appeal`, VOLUNTEER, { reason: '有服务照片为证' });
    expect(appeal.statusCode, appeal.body).toBe(201);
    const a = appeal.json() as Correction;
    expect(a).toMatchObject({ kind: 'appeal', requestedMinutes: 240 });
    const res = await call('POST', `/service-record-corrections/${a.id}/resolve`, SANGYI_ADMIN, {
      decision: 'accept',
      reason: '复核后申诉成立',
    });
    expect(res.statusCode, res.body).toBe(200);
    const restored = await summary();
    expect(restored).toMatchObject({ verifiedMinutes: credited.verifiedMinutes, points: credited.points });
    expect(
      (await call('GET', `/volunteers/${vol()}/service-records?limit=50`, VOLUNTEER))
        .json()
        .items.find((r: ServiceRecord) => r.id === rec.id),
    ).toMatchObject({ minutes: 240, zeroed: false });
    expect((await checkLedgerInvariants(t.db)).ok).toBe(true);
    expect(await verifyAuditChain(t.db, 'duodi')).toBeNull();
  });
});

describe('lists, summary and point rules', () => {
  it('shows the verification queue to staff in scope only', async () => {
    const rec = await backfill(30, LEADER);
    const mine = await call('GET', '/service-records?status=pending&communityId=com_sy', SANGYI_ADMIN);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((r: ServiceRecord) => r.id)).toContain(rec.id);
    expect((await call('GET', '/service-records?communityId=com_sy', JIXIANG_ADMIN)).statusCode).toBe(404);
    expect((await call('GET', '/service-records', VOLUNTEER)).statusCode).toBe(403);
    const jx = await call('GET', '/service-records?status=pending', JIXIANG_ADMIN);
    expect(jx.json().items.map((r: ServiceRecord) => r.id)).not.toContain(rec.id);
    const page = await call('GET', '/service-records?limit=2', STREET_ADMIN);
    expect(page.json().items).toHaveLength(2);
    expect(page.json().nextCursor).toEqual(expect.any(String));
  });

  it('shows a volunteer’s records and summary to the volunteer and staff in scope, 404 to others', async () => {
    expect((await call('GET', `/volunteers/${vol()}/service-records`, VOLUNTEER)).statusCode).toBe(200);
    expect((await call('GET', `/volunteers/${vol()}/service-records`, SANGYI_ADMIN)).statusCode).toBe(200);
    expect((await call('GET', `/volunteers/${vol()}/service-records`, LEADER)).statusCode).toBe(200);
    for (const phone of [VOLUNTEER_2, RESIDENT, JIXIANG_ADMIN]) {
      expect((await call('GET', `/volunteers/${vol()}/service-records`, phone)).statusCode, phone).toBe(404);
      expect((await call('GET', `/volunteers/${vol()}/summary`, phone)).statusCode, phone).toBe(404);
    }
    expect((await call('GET', `/volunteers/${vol()}/summary`)).statusCode).toBe(401);
  });

  it('lets the street admin change point rules (audited) and refuses others or bad input', async () => {
    const rules = (await call('GET', '/point-rules', SANGYI_ADMIN)).json();
    expect(rules).toMatchObject({
      pointsPerHour: 10,
      depositCapHours: 1500,
      withdrawMinAge: 60,
      starThresholdsHours: [100, 300, 600, 1000, 1500],
    });
    expect((await call('GET', '/point-rules', VOLUNTEER)).statusCode).toBe(403);
    expect((await call('PUT', '/point-rules', SANGYI_ADMIN, { ...rules, pointsPerHour: 20 })).statusCode).toBe(403);
    const bad = await call('PUT', '/point-rules', STREET_ADMIN, { ...rules, starThresholdsHours: [100, 50, 600, 1000, 1500] });
    expect(bad.statusCode).toBe(400);
    expect((await call('GET', '/point-rules', STREET_ADMIN)).json().pointsPerHour).toBe(10);
    const ok = await call('PUT', '/point-rules', STREET_ADMIN, { ...rules, pointsPerHour: 12 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().pointsPerHour).toBe(12);
    expect(await auditCount('point_rules.update')).toBe(1);
    await call('PUT', '/point-rules', STREET_ADMIN, rules);
  });

  it('documents the hours, ledger and time-bank endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    for (const path of [
      '/api/v1/volunteers/{id}/service-records',
      '/api/v1/volunteers/{id}/summary',
      '/api/v1/service-records',
      '/api/v1/service-records/{id}/verify',
      '/api/v1/service-records/{id}/reject',
      '/api/v1/service-records/{id}/zero',
      '/api/v1/service-records/{id}/appeal',
      '/api/v1/service-records/{id}/corrections',
      '/api/v1/service-record-corrections/{id}/resolve',
      '/api/v1/point-rules',
      '/api/v1/ledger/accounts/me',
      '/api/v1/ledger/accounts/{id}/entries',
      '/api/v1/time-bank/transfers',
      '/api/v1/time-bank/donations',
      '/api/v1/time-bank/withdrawals',
      '/api/v1/time-bank/withdrawals/{id}/confirm',
      '/api/v1/time-bank/relatives',
      '/api/v1/time-bank/relations',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });

  it('exports a volunteer’s records in the Art. 19 field set as CSV and xlsx, to the volunteer and staff in scope only', async () => {
    const csv = await call('GET', `/volunteers/${vol()}/service-records/export?format=csv`, VOLUNTEER);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(RECORD_EXPORT_COLUMNS.join(','));
    const recordCount = (
      await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM service_records WHERE volunteer_id = ${vol()}`)
    )[0]!.n;
    expect(lines).toHaveLength(recordCount + 1);
    expect(csv.body).toContain('扎西平措');
    expect(csv.body).not.toMatch(/\d{17}[\dX]/); // never a full ID number
    const xlsx = await call('GET', `/volunteers/${vol()}/service-records/export`, SANGYI_ADMIN);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await call('GET', `/volunteers/${vol()}/service-records/export?format=csv`, JIXIANG_ADMIN)).statusCode).toBe(404);
    expect((await call('GET', `/volunteers/${vol()}/service-records/export?format=pdf`, VOLUNTEER)).statusCode).toBe(400);
  });
});
