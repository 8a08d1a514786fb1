import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/platform/db/client.js';
import { checkLedgerInvariants } from '../src/modules/ledger/index.js';
import { starForMinutes } from '../src/modules/records/index.js';
import { createTestDb, type TestDb } from '../test/test-db.js';

// The demo database as loaded by global-setup (load-demo.ts → records.ts).
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());

describe('demo service records, hours, stars and ledger', () => {
  it('has verified records summing to every volunteer’s verified minutes, and star = thresholds applied to them', async () => {
    const rows = await queryRows<{ id: string; verified_minutes: number; star: number; recorded: number }>(
      t.db,
      sql`SELECT v.id, v.verified_minutes, v.star,
                 coalesce((SELECT sum(r.credited_minutes) FROM service_records r WHERE r.volunteer_id = v.id AND r.status = 'verified'), 0)::int AS recorded
            FROM volunteers v`,
    );
    expect(rows.length).toBe(1345);
    const wrongSum = rows.filter((r) => Number(r.recorded) !== r.verified_minutes);
    const wrongStar = rows.filter((r) => r.star !== starForMinutes(r.verified_minutes));
    expect(wrongSum).toEqual([]);
    expect(wrongStar).toEqual([]);
    // Every star level is represented.
    expect(new Set(rows.map((r) => r.star))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
  });

  it('spreads the records over the last 18 months, with older hours in one 导入 record per volunteer', async () => {
    const [span] = await queryRows<{ recent: number; imports: number; oldest_recent: string }>(
      t.db,
      sql`SELECT count(*) FILTER (WHERE source <> 'import')::int AS recent, count(*) FILTER (WHERE source = 'import')::int AS imports,
                 min(served_on) FILTER (WHERE source = 'auto' AND id LIKE 'sr_hist_%')::text AS oldest_recent
            FROM service_records`,
    );
    expect(span!.recent).toBeGreaterThan(5000);
    expect(span!.imports).toBeGreaterThan(100);
    expect(span!.oldest_recent >= '2025-05-01').toBe(true);
    const [perVolunteer] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM (SELECT volunteer_id FROM service_records WHERE source = 'import' GROUP BY volunteer_id HAVING count(*) > 1) x`,
    );
    expect(perVolunteer!.n).toBe(0);
  });

  it('keeps the demo accounts’ hours and has a queue, a correction and an appeal in 桑伊社区', async () => {
    const demo = await queryRows<{ person_id: string; verified_minutes: number; star: number }>(
      t.db,
      sql`SELECT person_id, verified_minutes, star FROM volunteers WHERE person_id IN ('per_000037', 'per_000041', 'per_000048') ORDER BY person_id`,
    );
    expect(demo).toEqual([
      { person_id: 'per_000037', verified_minutes: 41_250, star: 3 },
      { person_id: 'per_000041', verified_minutes: 7_920, star: 1 },
      { person_id: 'per_000048', verified_minutes: 21_480, star: 2 },
    ]);
    const [queue] = await queryRows<{ n: number; backfill: number }>(
      t.db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE source = 'backfill')::int AS backfill FROM service_records WHERE community_id = 'com_sy' AND status = 'pending'`,
    );
    expect(queue!.n).toBeGreaterThanOrEqual(5);
    expect(queue!.backfill).toBeGreaterThanOrEqual(2);
    const kinds = await queryRows<{ kind: string; status: string }>(
      t.db,
      sql`SELECT kind, status FROM service_record_corrections ORDER BY id`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        { kind: 'correction', status: 'pending' },
        { kind: 'correction', status: 'rejected' },
        { kind: 'zeroing', status: 'applied' },
        { kind: 'appeal', status: 'pending' },
      ]),
    );
  });

  it('posts balances through transfers that keep every ledger invariant', async () => {
    const report = await checkLedgerInvariants(t.db);
    expect(report).toMatchObject({ ok: true });
    const [counts] = await queryRows<{ transfers: number; gifts: number; donations: number; holders: number }>(
      t.db,
      sql`SELECT count(*)::int AS transfers, count(*) FILTER (WHERE kind = 'gift_out')::int AS gifts, count(*) FILTER (WHERE kind = 'donation')::int AS donations,
                 (SELECT count(*)::int FROM ledger_accounts WHERE kind = 'person' AND balance > 0) AS holders
            FROM ledger_transfers`,
    );
    expect(counts!.transfers).toBeGreaterThan(1000);
    expect(counts!.gifts).toBeGreaterThanOrEqual(2);
    expect(counts!.donations).toBeGreaterThanOrEqual(3);
    expect(counts!.holders).toBeGreaterThan(1000);
  });
});
