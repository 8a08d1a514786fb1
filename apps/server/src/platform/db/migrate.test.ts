import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from './client.js';
import { migrate, readMigrations } from './migrate.js';

describe(migrate.name, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite-memory' });
  });
  afterAll(() => database?.close());

  it('applies every migration once, then reports the schema up to date', async () => {
    const all = readMigrations();
    expect(await migrate(database)).toEqual(all.map((m) => m.name));
    expect(await migrate(database)).toEqual([]);
    const rows = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM schema_migrations`);
    expect(rows[0]!.n).toBe(all.length);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    await expect(migrate(database, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it('rolls a failing migration back entirely', async () => {
    const broken = [...readMigrations(), { name: '9999_broken', sql: 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;' }];
    await expect(migrate(database, broken)).rejects.toThrow(/9999_broken failed/);
    const rows = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'half_done'`);
    expect(rows[0]!.n).toBe(0);
  });
});
