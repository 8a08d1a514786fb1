import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Demand } from '@duodi/contracts';
import { queryRows } from '../../src/platform/db/client.js';
import { escalateOverdue } from '../../src/modules/demands/index.js';
import { escalationDue, escalates } from '../../src/modules/demands/demand-state.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of ['13900000002', '13900000008']) tokens[phone] = await t.login(phone);
});
afterAll(() => t?.close());

const call = (url: string, phone: string, payload?: unknown) =>
  t.app.inject({ method: payload === undefined ? 'GET' : 'POST', url: `/api/v1${url}`, headers: bearer(tokens[phone]!), ...(payload !== undefined ? { payload: payload as string } : {}) });
const escalations = async (id: string) =>
  (await queryRows<{ note: string; from_status: string; to_status: string }>(t.db, sql`SELECT note, from_status, to_status FROM demand_history WHERE demand_id = ${id} AND action = 'escalate' ORDER BY id`)).map((r) => r.note);
const at = (d: Date) => ({ ...t.deps, now: () => d });

describe('escalationDue (pure)', () => {
  it('community when overdue, street a day later (urgent: 2 h), nothing when closed or on time', () => {
    const due = new Date('2026-11-01T00:00:00Z');
    expect(escalationDue('submitted', 'normal', due, new Date(due.getTime() - 1))).toBeNull();
    expect(escalationDue('submitted', 'normal', due, new Date(due.getTime() + HOUR))).toBe('community');
    expect(escalationDue('submitted', 'normal', due, new Date(due.getTime() + 25 * HOUR))).toBe('street');
    expect(escalationDue('submitted', 'urgent', due, new Date(due.getTime() + 3 * HOUR))).toBe('street');
    expect(escalationDue('closed', 'normal', due, new Date(due.getTime() + 99 * HOUR))).toBeNull();
    expect(escalates(null, 'community')).toBe(true);
    expect(escalates('community', 'community')).toBe(false);
    expect(escalates('community', 'street')).toBe(true);
    expect(escalates('street', 'community')).toBe(false);
  });
});

describe('escalateOverdue', () => {
  it('escalates an overdue demand once per level, and starts again after its next step', async () => {
    const res = await call('/demands', '13900000008', { serviceItemId: 'svc_haircut', description: '想请人上门理发', gridId: 'grid_sy_02' });
    expect(res.statusCode).toBe(201);
    const d = res.json() as Demand;
    const due = new Date(d.slaDueAt!);
    const before = await queryRows<{ version: number; status: string }>(t.db, sql`SELECT version, status FROM demands WHERE id = ${d.id}`);

    await escalateOverdue(at(new Date(due.getTime() - HOUR)));
    expect(await escalations(d.id)).toEqual([]);
    await escalateOverdue(at(new Date(due.getTime() + HOUR)));
    await escalateOverdue(at(new Date(due.getTime() + 2 * HOUR)));
    expect(await escalations(d.id)).toEqual(['community']);
    const street = await escalateOverdue(at(new Date(due.getTime() + 30 * HOUR)));
    expect(street.street).toBeGreaterThanOrEqual(1);
    await escalateOverdue(at(new Date(due.getTime() + 31 * HOUR)));
    expect(await escalations(d.id)).toEqual(['community', 'street']);
    // Escalation changes neither the status nor the version (no transition is disturbed).
    expect(await queryRows(t.db, sql`SELECT version, status FROM demands WHERE id = ${d.id}`)).toEqual(before);

    // The next step sets a new deadline; the demand is escalated afresh only when that one passes.
    const published = (await call(`/demands/${d.id}/publish`, '13900000002', {})).json() as Demand;
    expect(published.history.filter((h) => h.action === 'escalate').map((h) => h.note)).toEqual(['community', 'street']);
    const newDue = new Date(published.slaDueAt!);
    await escalateOverdue(at(new Date(newDue.getTime() - HOUR)));
    expect(await escalations(d.id)).toEqual(['community', 'street']);
    await escalateOverdue(at(new Date(newDue.getTime() + HOUR)));
    expect(await escalations(d.id)).toEqual(['community', 'street', 'community']);
    // Closed demands are never escalated.
    const overdueClosed = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM demand_history h JOIN demands d ON d.id = h.demand_id WHERE h.action = 'escalate' AND h.from_status IN ('closed', 'rejected', 'cancelled')`,
    );
    expect(overdueClosed[0]!.n).toBe(0);
  });
});
