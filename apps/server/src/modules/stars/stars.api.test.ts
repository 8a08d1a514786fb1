import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StarAward, StarNotice, StarObjection } from '@duodi/contracts';
import { queryRows } from '../../platform/db/client.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';
import { REFERENCE_DATE } from '../../../seed/build.js';
import { addWorkingDays, workingDaysBetween } from './working-days.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const STREET_ADMIN = '13900000001';
const SANGYI_ADMIN = '13900000002';
const JIXIANG_ADMIN = '13900000003';
const VOLUNTEER = '13900000006';
// The demo data is dated around REFERENCE_DATE: the clock starts there (and moves on in real time).
const started = Date.now();
const realNow = () => new Date(REFERENCE_DATE.getTime() + (Date.now() - started));
let shiftDays = 0;

beforeAll(async () => {
  t = await createTestApp();
  t.deps.now = () => new Date(realNow().getTime() + shiftDays * 86_400_000);
  for (const phone of [STREET_ADMIN, SANGYI_ADMIN, JIXIANG_ADMIN, VOLUNTEER]) tokens[phone] = await t.login(phone);
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, phone?: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: phone ? bearer(tokens[phone]!) : {},
    ...(payload !== undefined ? { payload: payload as string } : {}),
  });
const awardRow = async (id: string) =>
  (await queryRows<{ status: string; version: number }>(t.db, sql`SELECT status, version FROM star_awards WHERE id = ${id}`))[0]!;
const auditCount = async (action: string) =>
  (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`))[0]!.n;
const awardsOf = async (status: string, phone = STREET_ADMIN) =>
  ((await call('GET', `/star-awards?status=${status}&limit=200`, phone)).json() as { items: StarAward[] }).items;

describe('star thresholds', () => {
  it('default to 100/300/600/1000/1500 h and are set by the street admin only, audited', async () => {
    const res = await call('GET', '/star-thresholds', VOLUNTEER);
    expect(res.json()).toEqual({ thresholdsHours: [100, 300, 600, 1000, 1500], blockYears: 2 });
    expect(
      (await call('PUT', '/star-thresholds', SANGYI_ADMIN, { thresholdsHours: [50, 300, 600, 1000, 1500], blockYears: 2 })).statusCode,
    ).toBe(403);
    const bad = await call('PUT', '/star-thresholds', STREET_ADMIN, { thresholdsHours: [100, 90, 600, 1000, 1500], blockYears: 4 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    expect((await call('GET', '/star-thresholds', VOLUNTEER)).json()).toMatchObject({ thresholdsHours: [100, 300, 600, 1000, 1500] });
    const ok = await call('PUT', '/star-thresholds', STREET_ADMIN, { thresholdsHours: [100, 300, 600, 1000, 1500], blockYears: 3 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await call('GET', '/star-thresholds', VOLUNTEER)).json()).toEqual({
      thresholdsHours: [100, 300, 600, 1000, 1500],
      blockYears: 3,
    });
    expect(await auditCount('star.settings')).toBe(1);
  });
});

describe('the award flow (DR-10)', () => {
  it('has demo awards in every state, two on public notice', async () => {
    const rows = await queryRows<{ status: string; n: number }>(
      t.db,
      sql`SELECT status, count(*)::int AS n FROM star_awards GROUP BY status`,
    );
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    for (const s of ['proposed', 'reviewed', 'on_notice', 'awarded', 'rejected', 'revoked']) expect(byStatus[s], s).toBeGreaterThan(0);
    const notices = (await call('GET', '/star-notices')).json() as { items: StarNotice[] };
    expect(notices.items.length).toBeGreaterThanOrEqual(2);
    for (const n of notices.items) {
      expect(n.maskedName).toContain('*');
      expect(workingDaysBetween(n.noticeStart, n.noticeEnd)).toBeGreaterThanOrEqual(5);
    }
  });

  it('reviews, posts a notice of at least 5 working days, takes objections, awards after the notice and revokes', async () => {
    const proposed = (await awardsOf('proposed'))[0]!;
    const outsider = proposed.communityId === 'com_jx' ? SANGYI_ADMIN : JIXIANG_ADMIN;
    const v0 = await awardRow(proposed.id);
    expect((await call('POST', `/star-awards/${proposed.id}/review`, outsider, {})).statusCode).toBe(404);
    expect((await call('POST', `/star-awards/${proposed.id}/review`, VOLUNTEER, {})).statusCode).toBe(403);
    expect((await call('POST', `/star-awards/${proposed.id}/publish`, STREET_ADMIN)).statusCode).toBe(409);
    expect(await awardRow(proposed.id)).toEqual(v0);

    const reviewed = await call('POST', `/star-awards/${proposed.id}/review`, STREET_ADMIN, { note: '记录核实无误' });
    expect(reviewed.json()).toMatchObject({ status: 'reviewed' });
    expect((await call('POST', `/star-awards/${proposed.id}/publish`, SANGYI_ADMIN)).statusCode).toBe(403);
    const posted = (await call('POST', `/star-awards/${proposed.id}/publish`, STREET_ADMIN)).json() as StarAward;
    expect(posted.status).toBe('on_notice');
    expect(posted.noticeEnd).toBe(addWorkingDays(posted.noticeStart!, 5));
    expect(workingDaysBetween(posted.noticeStart!, posted.noticeEnd!)).toBe(5);

    const early = await call('POST', `/star-awards/${proposed.id}/award`, STREET_ADMIN);
    expect(early.statusCode).toBe(409);
    expect((await awardRow(proposed.id)).status).toBe('on_notice');

    const objection = await call('POST', `/star-awards/${proposed.id}/objections`, VOLUNTEER, { text: '该志愿者部分时长为重复记录' });
    expect(objection.statusCode, objection.body).toBe(201);
    const objectionId = (objection.json() as StarObjection).id;
    expect((await call('GET', '/star-notices')).json().items.some((n: StarNotice) => n.awardId === proposed.id)).toBe(true);

    shiftDays = 10; // the notice has ended
    try {
      expect((await call('POST', `/star-awards/${proposed.id}/objections`, VOLUNTEER, { text: '太晚了' })).statusCode).toBe(409);
      expect((await call('POST', `/star-awards/${proposed.id}/award`, STREET_ADMIN)).statusCode).toBe(409);
      const dismissed = await call('POST', `/star-objections/${objectionId}/resolve`, STREET_ADMIN, {
        decision: 'dismissed',
        note: '核查为同日两次不同服务，不重复',
      });
      expect(dismissed.json()).toMatchObject({ status: 'dismissed' });
      const awarded = await call('POST', `/star-awards/${proposed.id}/award`, STREET_ADMIN);
      expect(awarded.statusCode, awarded.body).toBe(200);
      expect(awarded.json()).toMatchObject({ status: 'awarded', openObjections: 0 });
    } finally {
      shiftDays = 0;
    }
    // The volunteer is told when they have an account (most demo volunteers have none).
    const [note] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'star.awarded' AND ref_id = ${proposed.id}`,
    );
    const [hasAccount] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM accounts a JOIN volunteers v ON v.person_id = a.person_id WHERE v.id = ${proposed.volunteerId}`,
    );
    expect(note!.n).toBe(Math.min(1, hasAccount!.n));
    expect((await call('POST', `/star-awards/${proposed.id}/revoke`, STREET_ADMIN, { reason: '' })).statusCode).toBe(400);
    const revoked = await call('POST', `/star-awards/${proposed.id}/revoke`, STREET_ADMIN, { reason: '经查实虚报时长' });
    expect(revoked.json()).toMatchObject({ status: 'revoked', reason: '经查实虚报时长' });
    for (const a of ['star_award.review', 'star_award.publish', 'star_award.award', 'star_award.revoke', 'star_award.objection'])
      expect(await auditCount(a), a).toBeGreaterThan(0);
    expect(await verifyAuditChain(t.db, 'duodi')).toBeNull();
  });

  it('an upheld objection rejects the award', async () => {
    const onNotice = (await awardsOf('on_notice')).find((a) => a.openObjections === 0)!;
    const created = await call('POST', `/star-awards/${onNotice.id}/objections`, VOLUNTEER, { text: '服务时间与其上班时间冲突' });
    expect(created.statusCode, created.body).toBe(201);
    const o = created.json() as StarObjection;
    expect((await call('POST', `/star-objections/${o.id}/resolve`, VOLUNTEER, { decision: 'upheld', note: 'x' })).statusCode).toBe(403);
    const res = await call('POST', `/star-objections/${o.id}/resolve`, STREET_ADMIN, { decision: 'upheld', note: '查实时间冲突' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await awardRow(onNotice.id)).status).toBe('rejected');
  });

  it('proposes on reaching a level (notifying star.reached), is idempotent, and respects a blocking period', async () => {
    const [v] = await queryRows<{ id: string }>(
      t.db,
      sql`SELECT v.id FROM volunteers v WHERE v.star = 0 AND v.status = 'active'
            AND EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = v.person_id) ORDER BY v.id LIMIT 1`,
    );
    const [w] = await queryRows<{ id: string }>(
      t.db,
      sql`SELECT v.id FROM volunteers v WHERE v.star = 0 AND v.status = 'active' AND v.id <> ${v!.id} ORDER BY v.id DESC LIMIT 1`,
    );
    await t.db.execute(sql`UPDATE volunteers SET star = 1, verified_minutes = 6100 WHERE id IN (${v!.id}, ${w!.id})`);
    expect((await call('POST', `/volunteers/${w!.id}/star-block`, SANGYI_ADMIN, { reason: '虚报' })).statusCode).toBe(403);
    const block = await call('POST', `/volunteers/${w!.id}/star-block`, STREET_ADMIN, { reason: '经查实虚报服务时长', years: 1 });
    expect(block.statusCode, block.body).toBe(201);
    expect(block.json().blockedUntil.slice(0, 4)).toBe(String(new Date().getFullYear() + 1));

    expect((await call('POST', '/star-awards/run', SANGYI_ADMIN)).statusCode).toBe(403);
    const run = await call('POST', '/star-awards/run', STREET_ADMIN);
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().proposed).toBeGreaterThanOrEqual(1);
    const mine = await queryRows<{ status: string; level: number }>(
      t.db,
      sql`SELECT status, level FROM star_awards WHERE volunteer_id = ${v!.id}`,
    );
    expect(mine).toEqual([{ status: 'proposed', level: 1 }]);
    expect(await queryRows(t.db, sql`SELECT id FROM star_awards WHERE volunteer_id = ${w!.id}`)).toHaveLength(0);
    const [reached] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM notifications n JOIN accounts a ON a.id = n.recipient_account_id JOIN volunteers v ON v.person_id = a.person_id
          WHERE n.kind = 'star.reached' AND v.id = ${v!.id}`,
    );
    expect(reached!.n).toBe(1);
    expect((await call('POST', '/star-awards/run', STREET_ADMIN)).json()).toMatchObject({ proposed: 0 });
  });

  it('awards the notices that ended without objection when the job runs', async () => {
    const before = (await awardsOf('on_notice')).filter((a) => a.openObjections === 0).length;
    shiftDays = 10;
    try {
      const run = await call('POST', '/star-awards/run', STREET_ADMIN);
      expect(run.json().awarded).toBe(before);
    } finally {
      shiftDays = 0;
    }
  });

  it('lists only the caller’s community for a community admin', async () => {
    const items = (await call('GET', '/star-awards?limit=200', SANGYI_ADMIN)).json().items as StarAward[];
    expect(items.every((a) => a.communityId === 'com_sy')).toBe(true);
    expect((await call('GET', '/star-awards', VOLUNTEER)).statusCode).toBe(403);
    expect((await call('GET', '/star-awards?communityId=com_jx', SANGYI_ADMIN)).statusCode).toBe(403);
  });
});
