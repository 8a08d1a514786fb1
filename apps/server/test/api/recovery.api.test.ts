import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { residentIdCheckChar } from '@duodi/contracts';
import { queryRows } from '../../src/platform/db/client.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};

interface PersonRow {
  id: string;
  name: string;
  id_type: string;
  id_number_enc: string;
  community_id: string;
}
interface Known {
  personId: string;
  name: string;
  idType: string;
  idNumber: string;
  communityId: string;
}

const known = (r: PersonRow): Known => ({
  personId: r.id,
  name: r.name,
  idType: r.id_type,
  idNumber: t.deps.crypto.decrypt(r.id_number_enc),
  communityId: r.community_id,
});

/** …06 扎西平措: a volunteer with an account. */
let withAccount: Known;
/** Volunteers registered without an account (by staff or import), in 桑伊社区. */
let withoutAccount: Known[];

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of ['13900000001', '13900000002', '13900000003', '13900000004', '13900000006']) tokens[phone] = await t.login(phone);
  const [a] = await queryRows<PersonRow>(
    t.db,
    sql`SELECT p.id, p.name, p.id_type, p.id_number_enc, p.community_id FROM accounts a JOIN persons p ON p.id = a.person_id WHERE a.id = 'acc_demo_06'`,
  );
  withAccount = known(a!);
  const rows = await queryRows<PersonRow>(
    t.db,
    sql`SELECT p.id, p.name, p.id_type, p.id_number_enc, p.community_id FROM volunteers v JOIN persons p ON p.id = v.person_id
         WHERE v.status = 'active' AND p.community_id = ${withAccount.communityId} AND p.id_number_enc IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = p.id)
         ORDER BY p.id LIMIT 4`,
  );
  withoutAccount = rows.map(known);
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST', url: string, phone?: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: phone ? bearer(tokens[phone]!) : {},
    ...(payload !== undefined ? { payload: payload as string } : {}),
  });
const submit = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/recovery-requests', payload: body });
const count = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM recovery_requests`))[0]!.n;
const pendingOf = async (personId: string) =>
  (
    await queryRows<{ id: string; status: string }>(
      t.db,
      sql`SELECT id, status FROM recovery_requests WHERE person_id = ${personId} ORDER BY created_at DESC LIMIT 1`,
    )
  )[0];
const accountOf = async (personId: string) =>
  (
    await queryRows<{ id: string; phone_hash: string; password_hash: string }>(
      t.db,
      sql`SELECT id, phone_hash, password_hash FROM accounts WHERE person_id = ${personId}`,
    )
  )[0];
const login = (phone: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password } });

/** A valid resident ID (GB 11643 checksum) that no demo person holds. */
function unknownId(n: number): string {
  const first17 = `54010219900101${String(900 + n).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

const body = (k: Known, phone: string, extra: Record<string, unknown> = {}) => ({
  name: k.name,
  idType: k.idType,
  idNumber: k.idNumber,
  phone,
  password: 'newpass-2026',
  ...extra,
});

describe('POST /api/v1/auth/recovery-requests', () => {
  it('refuses bad input with 400 and stores nothing', async () => {
    const before = await count();
    const good = body(withAccount, '13811110001');
    const bad: Record<string, unknown>[] = [
      {},
      { ...good, name: undefined },
      { ...good, idNumber: withAccount.idNumber.slice(0, 17) + (withAccount.idNumber.endsWith('0') ? '1' : '0') },
      { ...good, idType: 'resident_id', idNumber: '12345' },
      { ...good, idType: 'alien' },
      { ...good, phone: '12345' },
      { ...good, password: 'short' },
      { ...good, password: 'x'.repeat(129) },
      { ...good, name: '<script>alert(1)</script>' },
      { ...good, name: '=cmd|x' },
      { ...good, name: '名'.repeat(51) },
      { ...good, phone: 13811110001 },
    ];
    for (const b of bad) {
      const res = await submit(b);
      expect(res.statusCode, JSON.stringify(b).slice(0, 80)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const checksum = await submit(bad[2]!);
    expect((checksum.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('idNumber');
    expect(await count()).toBe(before);
  });

  it('answers 202 received for an unknown ID number and stores nothing', async () => {
    const before = await count();
    const res = await submit({
      name: '张三',
      idType: 'resident_id',
      idNumber: unknownId(1),
      phone: '13811110002',
      password: 'newpass-2026',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'received' });
    expect(await count()).toBe(before);
  });

  it('stores a request for a registered ID: the new phone encrypted, the password only as a scrypt hash', async () => {
    const res = await submit(body(withAccount, '13811110003'));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'received' });
    const [row] = await queryRows<Record<string, unknown>>(
      t.db,
      sql`SELECT * FROM recovery_requests WHERE person_id = ${withAccount.personId}`,
    );
    expect(row).toMatchObject({
      status: 'pending',
      name_matches: true,
      phone_masked: '138****0003',
      community_id: withAccount.communityId,
    });
    const all = JSON.stringify(row);
    expect(all).not.toContain('13811110003');
    expect(all).not.toContain('newpass-2026');
    expect(String(row!.password_hash)).toMatch(/^scrypt\$/);
    expect(t.deps.crypto.decrypt(String(row!.phone_enc))).toBe('13811110003');
  });
});

describe('reviewing recovery requests', () => {
  let requestId: string;
  let oldToken: string;

  it('lists pending requests with masks for the community admin of the person’s community and the street admin', async () => {
    const communityAdmin = withAccount.communityId === 'com_sy' ? '13900000002' : '13900000003';
    expect(withAccount.communityId).toBe('com_sy');
    for (const phone of [communityAdmin, '13900000001']) {
      const res = await call('GET', '/api/v1/recovery-requests?status=pending', phone);
      expect(res.statusCode).toBe(200);
      const items = (
        res.json() as {
          items: { id: string; name: string; nameMatches: boolean; idNumberMasked: string; phoneMasked: string; hasAccount: boolean }[];
        }
      ).items;
      const item = items.find((i) => i.name === withAccount.name);
      expect(item).toMatchObject({ nameMatches: true, phoneMasked: '138****0003', hasAccount: true });
      expect(item!.idNumberMasked).toContain('*');
      expect(res.body).not.toContain(withAccount.idNumber);
      expect(res.body).not.toContain('13811110003');
      requestId = item!.id;
    }
  });

  it('shows nothing to a community admin of another community (approve and reject are 404, nothing changed)', async () => {
    const res = await call('GET', '/api/v1/recovery-requests?status=pending', '13900000003');
    expect(res.statusCode).toBe(200);
    expect((res.json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(requestId);
    expect((await call('POST', `/api/v1/recovery-requests/${requestId}/approve`, '13900000003', { idCardChecked: true })).statusCode).toBe(
      404,
    );
    expect((await call('POST', `/api/v1/recovery-requests/${requestId}/reject`, '13900000003', { reason: '不是本人' })).statusCode).toBe(
      404,
    );
    expect((await pendingOf(withAccount.personId))!.status).toBe('pending');
  });

  it('refuses other roles with 403 and anonymous callers with 401', async () => {
    expect((await call('GET', '/api/v1/recovery-requests', '13900000004')).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/recovery-requests', '13900000006')).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/recovery-requests/${requestId}/approve`, '13900000006', { idCardChecked: true })).statusCode).toBe(
      403,
    );
    expect((await call('GET', '/api/v1/recovery-requests')).statusCode).toBe(401);
    expect((await pendingOf(withAccount.personId))!.status).toBe('pending');
  });

  it('needs the ID-card confirmation in the approval (400 otherwise)', async () => {
    for (const b of [{}, { idCardChecked: false }, { idCardChecked: 'yes' }]) {
      expect((await call('POST', `/api/v1/recovery-requests/${requestId}/approve`, '13900000002', b)).statusCode).toBe(400);
    }
    expect((await call('POST', '/api/v1/recovery-requests/bad id!/approve', '13900000002', { idCardChecked: true })).statusCode).toBe(400);
    expect((await pendingOf(withAccount.personId))!.status).toBe('pending');
  });

  it('approves: the person signs in with the new phone and password, the old session is 401 and the old phone no longer works', async () => {
    oldToken = tokens['13900000006']!;
    expect((await call('GET', '/api/v1/me', '13900000006')).statusCode).toBe(200);
    const res = await call('POST', `/api/v1/recovery-requests/${requestId}/approve`, '13900000002', { idCardChecked: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: requestId, status: 'approved' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(oldToken) })).statusCode).toBe(401);
    expect((await login('13900000006', 'demo1345')).statusCode).toBe(401);
    const ok = await login('13811110003', 'newpass-2026');
    expect(ok.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer((ok.json() as { token: string }).token) });
    expect(me.json()).toMatchObject({ id: 'acc_demo_06', phoneMasked: '138****0003' });
    expect((me.json() as { roles: string[] }).roles).toContain('volunteer');
  });

  it('audits the recovery with masked phones only, and a second decision is 409 invalid_transition', async () => {
    const [audit] = await queryRows<{ old_value: unknown; new_value: unknown; actor_account_id: string }>(
      t.db,
      sql`SELECT old_value, new_value, actor_account_id FROM audit_log WHERE action = 'account.recover' AND entity_id = 'acc_demo_06'`,
    );
    expect(audit).toMatchObject({
      actor_account_id: 'acc_demo_02',
      old_value: { phoneMasked: '139****0006' },
      new_value: { phoneMasked: '138****0003' },
    });
    expect(JSON.stringify(audit)).not.toContain('13811110003');
    expect(await verifyAuditChain(t.db, 'duodi')).toBeNull();
    const again = await call('POST', `/api/v1/recovery-requests/${requestId}/approve`, '13900000001', { idCardChecked: true });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_transition' });
    const reject = await call('POST', `/api/v1/recovery-requests/${requestId}/reject`, '13900000001', { reason: '重复' });
    expect(reject.json()).toMatchObject({ code: 'invalid_transition' });
  });

  it('creates an account with the volunteer role for a person registered without one', async () => {
    const k = withoutAccount[0]!;
    expect(await accountOf(k.personId)).toBeUndefined();
    expect((await submit(body(k, '13811110004'))).statusCode).toBe(202);
    const { id } = (await pendingOf(k.personId))!;
    const res = await call('POST', `/api/v1/recovery-requests/${id}/approve`, '13900000001', { idCardChecked: true });
    expect(res.statusCode).toBe(200);
    const ok = await login('13811110004', 'newpass-2026');
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as { user: { roles: string[] } }).user.roles).toEqual(['volunteer']);
    expect(await accountOf(k.personId)).toBeDefined();
  });

  it('refuses a new phone that belongs to another account with 409 conflict and changes nothing', async () => {
    const k = withoutAccount[1]!;
    expect((await submit(body(k, '13900000001', { name: '别人' }))).statusCode).toBe(202);
    const { id } = (await pendingOf(k.personId))!;
    const list = await call('GET', '/api/v1/recovery-requests?status=pending', '13900000002');
    expect((list.json() as { items: { id: string; nameMatches: boolean }[] }).items.find((i) => i.id === id)).toMatchObject({
      nameMatches: false,
    });
    const res = await call('POST', `/api/v1/recovery-requests/${id}/approve`, '13900000002', { idCardChecked: true });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict' });
    expect((await pendingOf(k.personId))!.status).toBe('pending');
    expect(await accountOf(k.personId)).toBeUndefined();
    expect((await login('13900000001', 'demo1345')).statusCode).toBe(200);
  });

  it('rejects only with a reason', async () => {
    const k = withoutAccount[1]!;
    const { id } = (await pendingOf(k.personId))!;
    for (const b of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(201) }]) {
      expect((await call('POST', `/api/v1/recovery-requests/${id}/reject`, '13900000002', b)).statusCode).toBe(400);
    }
    expect((await pendingOf(k.personId))!.status).toBe('pending');
    const res = await call('POST', `/api/v1/recovery-requests/${id}/reject`, '13900000002', { reason: '现场核验证件不符' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', reason: '现场核验证件不符' });
    expect((await call('POST', `/api/v1/recovery-requests/${id}/approve`, '13900000002', { idCardChecked: true })).statusCode).toBe(409);
  });

  it('expires a pending request after 7 days (listed as expired, deciding it is 409)', async () => {
    const k = withoutAccount[2]!;
    expect((await submit(body(k, '13811110005'))).statusCode).toBe(202);
    const { id } = (await pendingOf(k.personId))!;
    await t.db.execute(
      sql`UPDATE recovery_requests SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE id = ${id}`,
    );
    const res = await call('POST', `/api/v1/recovery-requests/${id}/approve`, '13900000001', { idCardChecked: true });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'invalid_transition' });
    const pending = await call('GET', '/api/v1/recovery-requests?status=pending', '13900000001');
    expect((pending.json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(id);
    expect((await pendingOf(k.personId))!.status).toBe('expired');
    expect(await accountOf(k.personId)).toBeUndefined();
  });
});

describe('concurrent decisions', () => {
  it('lets exactly one of two simultaneous approvals through (the other is 409)', async () => {
    const k = withoutAccount[2]!;
    expect((await submit(body(k, '13811110555'))).statusCode).toBe(202);
    const { id } = (await pendingOf(k.personId))!;
    const results = await Promise.all([
      call('POST', `/api/v1/recovery-requests/${id}/approve`, '13900000001', { idCardChecked: true }),
      call('POST', `/api/v1/recovery-requests/${id}/approve`, '13900000002', { idCardChecked: true }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await pendingOf(k.personId))!.status).toBe('approved');
    const [n] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM accounts WHERE person_id = ${k.personId}`);
    expect(n!.n).toBe(1);
    expect((await login('13811110555', 'newpass-2026')).statusCode).toBe(200);
  });

  it('keeps one pending request per person when two arrive at once', async () => {
    const k = withoutAccount[1]!;
    const results = await Promise.all([submit(body(k, '13811110556')), submit(body(k, '13811110557'))]);
    expect(results.map((r) => r.statusCode)).toEqual([202, 202]);
    const [n] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM recovery_requests WHERE person_id = ${k.personId} AND status = 'pending'`,
    );
    expect(n!.n).toBe(1);
  });
});

describe('throttling', () => {
  it('allows 3 requests per ID number in 24 hours, then 429 (stored in the database)', async () => {
    const k = withoutAccount[3]!;
    for (let i = 0; i < 3; i++) expect((await submit(body(k, `1381111002${i}`))).statusCode).toBe(202);
    const res = await submit(body(k, '13811110029'));
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const [row] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM recovery_throttle WHERE key LIKE 'id:%' AND attempts >= 3`,
    );
    expect(row!.n).toBeGreaterThanOrEqual(1);
    // The refused request changed nothing: the latest request still has the third phone.
    const [latest] = await queryRows<{ phone_masked: string }>(
      t.db,
      sql`SELECT phone_masked FROM recovery_requests WHERE person_id = ${k.personId} AND status = 'pending'`,
    );
    expect(latest!.phone_masked).toBe('138****0022');
  });

  it('throttles unknown ID numbers the same way (no enumeration)', async () => {
    const idNumber = unknownId(2);
    for (let i = 0; i < 3; i++)
      expect(
        (await submit({ name: '张三', idType: 'resident_id', idNumber, phone: `1381111003${i}`, password: 'newpass-2026' })).statusCode,
      ).toBe(202);
    expect(
      (await submit({ name: '张三', idType: 'resident_id', idNumber, phone: '13811110039', password: 'newpass-2026' })).statusCode,
    ).toBe(429);
  });

  it('allows 10 requests per phone in 24 hours, then 429', async () => {
    for (let i = 0; i < 10; i++) {
      expect(
        (await submit({ name: '张三', idType: 'resident_id', idNumber: unknownId(10 + i), phone: '13811110099', password: 'newpass-2026' }))
          .statusCode,
      ).toBe(202);
    }
    const res = await submit({
      name: '张三',
      idType: 'resident_id',
      idNumber: unknownId(30),
      phone: '13811110099',
      password: 'newpass-2026',
    });
    expect(res.statusCode).toBe(429);
  });
});

describe('request logs of recovery requests', () => {
  it('never contain the ID number, the new phone or the new password', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await createTestApp({ logStream: sink });
    try {
      const k = withoutAccount[0]!;
      await logged.app.inject({
        method: 'POST',
        url: '/api/v1/auth/recovery-requests',
        payload: body(k, '13811110777', { password: 'secret-pass-777' }),
      });
      await logged.app.inject({
        method: 'POST',
        url: '/api/v1/auth/recovery-requests',
        payload: { ...body(k, '13811110778'), password: 'x' },
      });
      const log = lines.join('');
      expect(log).toContain('/api/v1/auth/recovery-requests');
      for (const secret of [k.idNumber, '13811110777', '13811110778', 'secret-pass-777']) expect(log, secret).not.toContain(secret);
    } finally {
      await logged.close();
    }
  });
});
