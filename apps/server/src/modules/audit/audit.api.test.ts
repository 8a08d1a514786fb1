import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditVerify, ResidentListItem } from '@duodi/contracts';
import { queryRows } from '../../platform/db/client.js';
import { rowHash } from '../../platform/audit/audit.js';
import { auditLog } from '../../schema/index.js';
import { bearer, createTestApp, type TestApp } from '../../../test/test-app.js';
import { residentId } from '../../../test/import-files.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const meOf: Record<string, { id: string; personId: string; volunteerId: string | null }> = {};
const STREET_ADMIN = '13900000001';
const REFUSED = {
  resident: '13900000008',
  volunteer: '13900000006',
  'team leader': '13900000005',
  'community admin': '13900000002',
  'grid worker': '13900000004',
  merchant: '13900000011',
} as const;

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of [STREET_ADMIN, ...Object.values(REFUSED)]) {
    tokens[phone] = await t.login(phone);
    meOf[phone] = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens[phone]!) })).json();
  }
});
afterAll(() => t?.close());

type Page = { items: AuditEntry[]; nextCursor: string | null };
const get = (url: string, phone: string | null = STREET_ADMIN, lang?: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1${url}`,
    headers: { ...(phone ? bearer(tokens[phone]!) : {}), ...(lang ? { 'accept-language': lang } : {}) },
  });
const list = async (query: Record<string, string | number> = {}): Promise<Page> => {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const res = await get(`/audit-log${qs ? `?${qs}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};
const auditCount = async () =>
  (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE street_id = 'duodi'`))[0]!.n;
const newestFirst = (items: AuditEntry[]) => items.every((e, i) => i === 0 || Date.parse(items[i - 1]!.at) >= Date.parse(e.at));

describe('who may read the audit log', () => {
  for (const [role, phone] of Object.entries(REFUSED)) {
    it(`refuses a ${role} with 403 on the list and on verify, and writes nothing`, async () => {
      const before = await auditCount();
      for (const url of ['/audit-log', '/audit-log/verify', '/audit-log?action=role.grant']) {
        const res = await get(url, phone);
        expect(res.statusCode, url).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ code: 'forbidden', status: 403 });
      }
      expect(await auditCount()).toBe(before);
    });
  }

  it('is in the OpenAPI document with its problem responses', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, { get?: { summary?: string; responses: Record<string, unknown> } }>;
    };
    expect(Object.keys(doc.paths['/api/v1/audit-log']!.get!.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    expect(Object.keys(doc.paths['/api/v1/audit-log/verify']!.get!.responses)).toEqual(expect.arrayContaining(['200', '401', '403']));
    expect(doc.paths['/api/v1/audit-log/verify']!.get!.summary).toMatch(/tamper/);
  });

  it('asks for a sign-in (401) without a session', async () => {
    for (const url of ['/audit-log', '/audit-log/verify']) {
      const res = await get(url, null);
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    }
  });
});

describe('GET /api/v1/audit-log', () => {
  it('shows the demo’s audit rows and ledger movements to the street admin, newest first, with masked actors', async () => {
    const page = await list({ limit: 200 });
    expect(page.items).toHaveLength(200);
    expect(page.nextCursor).not.toBeNull();
    expect(newestFirst(page.items)).toBe(true);
    expect(page.items.every((e) => /\+08:00$/.test(e.at))).toBe(true);

    const issued = (await list({ action: 'certificate.issue', limit: 200 })).items;
    expect(issued.length).toBeGreaterThan(0);
    const byStreet = issued.find((e) => e.actor?.id === 'acc_demo_01');
    expect(byStreet).toMatchObject({
      source: 'audit',
      entityType: 'volunteer',
      actor: { id: 'acc_demo_01', name: '旦***', role: 'street_admin' },
    });
    expect(byStreet!.id).toMatch(/^\d+$/);
    expect(byStreet!.newValue).toMatchObject({ number: expect.stringMatching(/^DD-ST-/) });

    const grants = (await list({ action: 'role.grant', limit: 200 })).items;
    expect(grants.length).toBeGreaterThan(0);
    expect(
      grants.every((e) => e.action === 'role.grant' && e.entityType === 'account' && e.actor === null && e.reason === '演示数据'),
    ).toBe(true);

    const moves = (await list({ entityType: 'ledger_account', limit: 5 })).items;
    expect(moves).toHaveLength(5);
    for (const m of moves) {
      expect(m.source).toBe('ledger');
      expect(m.id).toMatch(/^ledger-\d+$/);
      expect(['ledger.transfer', 'ledger.reversal']).toContain(m.action);
      const { balance: before } = m.oldValue as { balance: number };
      const { balance: after, delta, currency } = m.newValue as { balance: number; delta: number; currency: string };
      expect(after - before).toBe(delta);
      expect(['points', 'time_bank']).toContain(currency);
    }
  });

  it('pages with ?limit= and ?cursor= through both sources without gaps or repeats', async () => {
    const whole = (await list({ limit: 120 })).items;
    const walked: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list({ limit: 17, ...(cursor ? { cursor } : {}) });
      walked.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && walked.length < 120);
    expect(walked.slice(0, 120).map((e) => e.id)).toEqual(whole.map((e) => e.id));

    const audits = (await list({ entityType: 'volunteer', limit: 200 })).items;
    expect(audits.length).toBeGreaterThan(6);
    const first = await list({ entityType: 'volunteer', limit: 4 });
    const rest = await list({ entityType: 'volunteer', limit: 200, cursor: first.nextCursor! });
    expect([...first.items, ...rest.items].map((e) => e.id)).toEqual(audits.map((e) => e.id));
    expect(rest.nextCursor).toBeNull();
  });

  it('filters by action, entity, actor, dates and words', async () => {
    const all = (await list({ limit: 200, entityType: 'volunteer' })).items;
    const target = all.find((e) => e.action === 'certificate.revoke')!;
    expect(target).toBeDefined();

    const byEntity = (await list({ entityId: target.entityId, limit: 200 })).items;
    expect(byEntity.length).toBeGreaterThan(0);
    expect(byEntity.every((e) => e.entityId === target.entityId)).toBe(true);
    expect(byEntity.map((e) => e.id)).toContain(target.id);

    const byActor = (await list({ actor: 'acc_demo_01', limit: 200 })).items;
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.actor?.id === 'acc_demo_01')).toBe(true);

    const day = target.at.slice(0, 10);
    const sameDay = (await list({ from: day, to: day, action: 'certificate.revoke' })).items;
    expect(sameDay.map((e) => e.id)).toContain(target.id);
    expect((await list({ to: '2000-01-01' })).items).toEqual([]);
    expect((await list({ from: '2999-01-01' })).items).toEqual([]);

    const words = (await list({ q: '演示数据', entityType: 'account', limit: 200 })).items;
    expect(words.length).toBeGreaterThan(0);
    expect(words.every((e) => e.reason === '演示数据')).toBe(true);
    const anyCase = (await list({ q: 'ROLE.GRANT', limit: 200 })).items;
    expect(anyCase.length).toBeGreaterThan(0);
    expect(anyCase.every((e) => e.action === 'role.grant')).toBe(true);
    expect((await list({ q: '100%_no_such_reason' })).items).toEqual([]);
  });

  it('finds a person’s point and time-bank movements by their person id', async () => {
    const personId = meOf[REFUSED.volunteer]!.personId;
    const items = (await list({ entityId: personId, limit: 50 })).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.source === 'ledger' && (e.newValue as { personId?: string }).personId === personId)).toBe(true);
  });

  it('answers 400 validation_failed for bad filters, in the caller’s language', async () => {
    const bad = [
      'action=Role%20Grant',
      'entityType=volunteer;drop',
      'entityId=%3Cscript%3E',
      'actor=a%20b',
      'from=2026-13-01',
      'to=yesterday',
      'from=2026-11-02&to=2026-11-01',
      'limit=0',
      'limit=201',
      'cursor=not-a-cursor',
      `cursor=${Buffer.from(JSON.stringify(['x', 'audit', 1])).toString('base64url')}`,
      `cursor=${Buffer.from(JSON.stringify(['2026-11-01T00:00:00.000000Z', 'other', 1])).toString('base64url')}`,
    ];
    for (const query of bad) {
      const res = await get(`/audit-log?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json(), query).toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ field: expect.any(String) })],
      });
    }
    const details = new Set<string>();
    for (const lang of ['zh-CN', 'bo', 'en'])
      details.add((await get('/audit-log?from=2026-11-02&to=2026-11-01', STREET_ADMIN, lang)).json().detail);
    expect(details.size).toBe(3);
    const en = (await get('/audit-log?from=2026-11-02&to=2026-11-01', STREET_ADMIN, 'en')).json();
    expect(en.errors).toEqual([expect.objectContaining({ field: 'to', code: 'from_before_to' })]);
  });

  it('masks phones, ID numbers, addresses and names that audited changes of residents hold', async () => {
    const idNumber = residentId(8101);
    const address = '桑伊社区夺底路 9 号 3 单元 502';
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents',
      headers: bearer(tokens[STREET_ADMIN]!),
      payload: {
        name: '次仁央宗',
        idNumber,
        phone: '13912345678',
        gridId: 'grid_sy_02',
        address,
        focusTags: ['elderly', 'disabled'],
        reason: '残联登记，联系人电话13987654321',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const resident = created.json() as ResidentListItem;
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/residents/${resident.id}`,
      headers: bearer(tokens[STREET_ADMIN]!),
      payload: { name: '次仁卓嘎' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);

    const items = (await list({ entityId: resident.id })).items;
    expect(items.map((e) => e.action)).toEqual(['resident.update', 'resident.create']);
    const [update, create] = items;
    expect(update).toMatchObject({
      oldValue: { name: '次***' },
      newValue: { name: '次***' },
      actor: { id: 'acc_demo_01', role: 'street_admin' },
    });
    expect(create!.newValue).toMatchObject({
      name: '次***',
      phoneMasked: '139****5678',
      focusTags: ['elderly', '***'],
      sensitiveTagsEnc: '***',
    });
    expect(create!.reason).toBe('残联登记，联系人电话139****4321');
    const household = (await list({ entityId: resident.householdId!, action: 'household.create' })).items;
    expect(household).toHaveLength(1);
    expect((household[0]!.newValue as { address: string }).address).toBe('桑伊社区夺底路 9 号 3 单元 ***');

    const body = JSON.stringify([...items, ...household]);
    for (const secret of ['次仁央宗', '次仁卓嘎', '13912345678', '13987654321', idNumber, address]) expect(body).not.toContain(secret);
  });
});

describe('GET /api/v1/audit-log/verify', () => {
  const verify = async (): Promise<AuditVerify> => {
    const res = await get('/audit-log/verify');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AuditVerify;
  };
  const ledgerAccounts = async () =>
    (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM ledger_accounts WHERE street_id = 'duodi'`))[0]!.n;
  const auditIds = async () =>
    (await queryRows<{ id: number }>(t.db, sql`SELECT id FROM audit_log WHERE street_id = 'duodi' ORDER BY id`)).map((r) => Number(r.id));

  it('reports an intact audit chain and ledger', async () => {
    const result = await verify();
    expect(result).toEqual({
      ok: true,
      checked: await auditCount(),
      firstBrokenId: null,
      ledger: {
        ok: true,
        accountsChecked: await ledgerAccounts(),
        entriesChecked: expect.any(Number),
        firstBrokenAccount: null,
        brokenAccounts: 0,
      },
    });
    expect(result.checked).toBeGreaterThan(20);
    expect(result.ledger.entriesChecked).toBeGreaterThan(1000);
  });

  it('walks a chain longer than one read batch (2,000 rows)', async () => {
    // 2,050 rows chained exactly as appendAudit chains them (its rowHash), inserted at once.
    const [tail] = await t.db
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .where(eq(auditLog.streetId, 'duodi'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    let prevHash = tail!.hash;
    const start = Date.now();
    const rows = Array.from({ length: 2_050 }, (_, i) => {
      const row = {
        streetId: 'duodi',
        actorAccountId: 'acc_demo_01',
        action: 'star.settings',
        entityType: 'street',
        entityId: 'duodi',
        oldValue: { i },
        newValue: { i: i + 1 },
        reason: null,
        at: new Date(start + i),
      };
      const hash = rowHash(prevHash, row);
      const chained = { ...row, prevHash, hash };
      prevHash = hash;
      return chained;
    });
    await t.db.insert(auditLog).values(rows);
    expect(await verify()).toMatchObject({ ok: true, checked: await auditCount(), firstBrokenId: null });
  });

  it('names the first row that was edited directly in the database, however far down the chain', async () => {
    const ids = await auditIds();
    const late = ids[ids.length - 3]!;
    await t.db.execute(sql`UPDATE audit_log SET new_value = '{"i": 999}'::jsonb WHERE id = ${late}`);
    expect(await verify()).toMatchObject({ ok: false, checked: ids.length, firstBrokenId: String(late) });

    const early = ids[5]!;
    await t.db.execute(sql`UPDATE audit_log SET reason = 'changed afterwards' WHERE id = ${early}`);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: String(early), ledger: { ok: true } });
  });

  it('reports a tampered ledger entry through the ledger’s own check', async () => {
    // The ledger refuses UPDATE by trigger; this test's private database turns it off to forge an entry.
    await t.db.execute(sql`ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only`);
    const [entry] = await queryRows<{ id: number; account_id: string }>(
      t.db,
      sql`SELECT e.id, e.account_id FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
          WHERE a.street_id = 'duodi' AND a.owner_kind = 'person' ORDER BY e.id LIMIT 1`,
    );
    await t.db.execute(sql`UPDATE ledger_entries SET balance_after = balance_after + 1000 WHERE id = ${entry!.id}`);
    const result = await verify();
    expect(result.ledger).toMatchObject({ ok: false, brokenAccounts: 1, firstBrokenAccount: entry!.account_id });
  });
});
