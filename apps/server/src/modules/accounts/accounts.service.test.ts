import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { createTestDb, type TestDb } from '../../../test/test-db.js';
import { createStreetAdmin, login, resolveSession } from './accounts.service.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());

describe(createStreetAdmin.name, () => {
  it('creates a street admin who can sign in, and audits the role grant', async () => {
    const { accountId, streetId } = await createStreetAdmin(t.deps, {
      phone: '13688889999',
      password: 'a-long-enough-password',
      name: '测试管理员',
      street: { code: 'duodi', name: '夺底街道', district: '城关区' },
    });
    expect(streetId).toBe('duodi');
    const { token, user } = await login(t.deps, { phone: '13688889999', password: 'a-long-enough-password' });
    expect(user).toMatchObject({ id: accountId, roles: ['street_admin'] });
    expect((await resolveSession(t.deps, token))?.accountId).toBe(accountId);
    const audit = await queryRows<{ action: string; new_value: { role: string } }>(t.db, sql`SELECT action, new_value FROM audit_log WHERE entity_id = ${accountId}`);
    expect(audit).toEqual([{ action: 'role.grant', new_value: expect.objectContaining({ role: 'street_admin' }) }]);
    expect(await verifyAuditChain(t.db, streetId)).toBeNull();
  });

  it('refuses a phone that already has an account and changes nothing', async () => {
    const before = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM accounts`);
    await expect(
      createStreetAdmin(t.deps, { phone: '13900000001', password: 'another-password', name: 'x', street: { code: 'duodi', name: '夺底街道', district: '城关区' } }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const after = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM accounts`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('creates the street of a fresh production database', async () => {
    const { streetId } = await createStreetAdmin(t.deps, {
      phone: '13677776666',
      password: 'a-long-enough-password',
      name: '新街道管理员',
      street: { code: 'jiri', name: '吉日街道', district: '城关区' },
    });
    expect(streetId).toBe('st_jiri');
  });
});

describe('audit chain', () => {
  it('detects an edited audit row', async () => {
    await createStreetAdmin(t.deps, { phone: '13655554444', password: 'a-long-enough-password', name: '甲', street: { code: 'duodi', name: '夺底街道', district: '城关区' } });
    expect(await verifyAuditChain(t.db, 'duodi')).toBeNull();
    await t.db.execute(sql`UPDATE audit_log SET new_value = '{"role":"volunteer"}' WHERE id = (SELECT min(id) FROM audit_log WHERE street_id = 'duodi')`);
    expect(await verifyAuditChain(t.db, 'duodi')).not.toBeNull();
  });
});
