import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwardsReport, UnitPartyMember } from '@duodi/contracts';
import { withTransaction } from '../../platform/db/tx.js';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';
import { periodService } from './index.js';
import { periodRange } from './reports.service.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const STREET_ADMIN = '13900000001';
const SANGYI_ADMIN = '13900000002';
const VOLUNTEER = '13900000006';
const PARTY_MEMBER = '13900000009';
const UNIT_ADMIN = '13900000010';

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of [STREET_ADMIN, SANGYI_ADMIN, VOLUNTEER, PARTY_MEMBER, UNIT_ADMIN]) tokens[phone] = await t.login(phone);
});
afterAll(() => t?.close());

const call = (url: string, phone?: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: phone ? bearer(tokens[phone]!) : {} });

async function workbook(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('DR-18 party double points', () => {
  it('shows the quarter’s community-side points from the ledger in the unit’s member list', async () => {
    const res = await call('/units/unit_power/party-members?period=2026Q4&limit=200', UNIT_ADMIN);
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: UnitPartyMember[] }).items;
    const { from, to } = periodRange('2026Q4');
    const expected = await withTransaction(t.db, (tx) =>
      periodService(
        tx,
        items.map((m) => m.volunteerId),
        from,
        to,
      ),
    );
    for (const m of items) expect(m.points, m.volunteerId).toBe(expected.get(m.volunteerId)!.points);
    expect(items.every((m) => m.points >= 0)).toBe(true);
  });

  it('exports the quarterly report (xlsx) with a sheet of members not reported or without service', async () => {
    const res = await call('/units/unit_power/party-report.xlsx?period=2026Q4', UNIT_ADMIN);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets).toHaveLength(2);
    const members = (await call('/units/unit_power/party-members?period=2026Q4&limit=200', UNIT_ADMIN)).json().items as UnitPartyMember[];
    const [all, attention] = wb.worksheets;
    expect(all!.rowCount).toBe(members.length + 2);
    expect(attention!.rowCount).toBe(members.filter((m) => m.status !== 'active').length + 1);
    expect(String(all!.getRow(2).getCell(7).value)).toBe('本期社区积分');
  });

  it('refuses another unit’s admin and other roles (403), an unknown unit (404) and a bad period (400)', async () => {
    expect((await call('/units/unit_bank/party-report.xlsx?period=2026Q4', UNIT_ADMIN)).statusCode).toBe(403);
    expect((await call('/units/unit_power/party-report.xlsx?period=2026Q4', PARTY_MEMBER)).statusCode).toBe(403);
    expect((await call('/units/unit_nope/party-report.xlsx?period=2026Q4', STREET_ADMIN)).statusCode).toBe(404);
    expect((await call('/units/unit_power/party-report.xlsx?period=2026Q5', UNIT_ADMIN)).statusCode).toBe(400);
    expect((await call('/units/unit_power/party-report.xlsx')).statusCode).toBe(401);
  });
});

describe('评优评先 awards reference', () => {
  it('ranks volunteers by verified hours in the period with records, rating and star', async () => {
    const res = await call('/reports/awards?period=2026&limit=50', STREET_ADMIN);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as AwardsReport;
    expect(report.items.length).toBeGreaterThan(10);
    report.items.forEach((r, i) => {
      expect(r.rank).toBe(i + 1);
      if (i > 0) expect(r.periodMinutes).toBeLessThanOrEqual(report.items[i - 1]!.periodMinutes);
      expect(r.star).toBeGreaterThanOrEqual(0);
    });
    expect(report.items.some((r) => r.averageRating !== null)).toBe(true);
  });

  it('limits a community admin to their community and exports xlsx', async () => {
    const own = (await call('/reports/awards?period=2026Q4', SANGYI_ADMIN)).json() as AwardsReport;
    expect(own.items.every((r) => r.communityId === 'com_sy')).toBe(true);
    expect((await call('/reports/awards?period=2026&communityId=com_jx', SANGYI_ADMIN)).statusCode).toBe(403);
    expect((await call('/reports/awards?period=2026', VOLUNTEER)).statusCode).toBe(403);
    expect((await call('/reports/awards?period=26', STREET_ADMIN)).statusCode).toBe(400);
    const xlsx = await call('/reports/awards?period=2026&format=xlsx', STREET_ADMIN);
    expect(xlsx.statusCode).toBe(200);
    const wb = await workbook(xlsx.rawPayload);
    expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(10);
  });
});

describe(periodService.name, () => {
  it('counts the points the ledger posts when a community record of the period is verified', async () => {
    const { queryRows } = await import('../../platform/db/client.js');
    const { sql } = await import('drizzle-orm');
    const [rec] = await queryRows<{ id: string; volunteer_id: string; served_on: string }>(
      t.db,
      sql`SELECT id, volunteer_id, served_on::text AS served_on FROM service_records WHERE status = 'pending' AND community_id = 'com_sy' AND credited_minutes > 0
          ORDER BY served_on DESC, id LIMIT 1`,
    );
    const month = Number(rec!.served_on.slice(5, 7));
    const quarter = `${rec!.served_on.slice(0, 4)}Q${Math.floor((month - 1) / 3) + 1}`;
    const { from, to } = periodRange(quarter);
    const before = (await withTransaction(t.db, (tx) => periodService(tx, [rec!.volunteer_id], from, to))).get(rec!.volunteer_id)!;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/service-records/${rec!.id}/verify`,
      headers: bearer(tokens[SANGYI_ADMIN]!),
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    const [posted] = await queryRows<{ amount: number }>(
      t.db,
      sql`SELECT coalesce(sum(amount), 0)::int AS amount FROM ledger_transfers WHERE ref_type = 'service_record' AND ref_id = ${rec!.id} AND currency = 'points'`,
    );
    expect(posted!.amount).toBeGreaterThan(0);
    const after = (await withTransaction(t.db, (tx) => periodService(tx, [rec!.volunteer_id], from, to))).get(rec!.volunteer_id)!;
    expect(after.points).toBe(before.points + posted!.amount);
    expect(after.minutes).toBeGreaterThan(before.minutes);
  });
});
