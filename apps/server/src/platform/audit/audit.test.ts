import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client.js';
import { withTransaction } from '../db/tx.js';
import { createTestDb, type TestDb } from '../../../test/test-db.js';
import { appendAudit, verifyAuditChain } from './audit.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());

describe(appendAudit.name, () => {
  it('keeps one unbroken chain per street when many transactions append at once', async () => {
    const before = (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE street_id = 'duodi'`))[0]!.n;
    const writers = Array.from({ length: 24 }, (_, i) =>
      withTransaction(t.db, async (tx) => {
        await appendAudit(tx, {
          streetId: 'duodi',
          actorAccountId: null,
          action: 'test.concurrent',
          entityType: 'test',
          entityId: `w${i}`,
          oldValue: { n: i },
          newValue: { n: i + 1 },
          reason: 'concurrency',
        });
        // Hold the transaction open a little, so that the others queue up behind this one on a server.
        await tx.execute(sql`SELECT pg_sleep(0.01)`);
      }),
    );
    await Promise.all(writers);

    const rows = await queryRows<{ n: number; predecessors: number }>(
      t.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT prev_hash)::int AS predecessors FROM audit_log WHERE street_id = 'duodi'`,
    );
    expect(rows[0]!.n).toBe(before + 24);
    expect(rows[0]!.predecessors).toBe(before + 24); // no two rows chained to the same predecessor
    expect(await verifyAuditChain(t.db, 'duodi')).toBeNull();
  });
});
