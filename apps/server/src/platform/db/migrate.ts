import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from './client.js';

export interface Migration {
  name: string;
  sql: string;
}

/** The migrations folder, found both from source (src/platform/db) and from the bundle (dist). */
export function defaultMigrationsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, 'migrations'), path.resolve(here, '../../../migrations'), path.resolve(here, '../migrations')];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`migrations folder not found near ${here}`);
  return found;
}

export function readMigrations(dir = defaultMigrationsDir()): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

const checksum = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * Applies forward-only SQL migrations in order, each in its own transaction, and refuses to run
 * when an applied migration's file was edited afterwards (undo is a new migration, never an edit).
 * @returns the names applied by this call
 */
export async function migrate(database: Database, migrations = readMigrations()): Promise<string[]> {
  await database.execScript(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const rows = await queryRows<{ name: string; checksum: string }>(database.db, sql`SELECT name, checksum FROM schema_migrations`);
  const applied = new Map(rows.map((r) => [r.name, r.checksum]));
  const done: string[] = [];
  for (const m of migrations) {
    const sum = checksum(m.sql);
    const prior = applied.get(m.name);
    if (prior !== undefined) {
      if (prior !== sum) throw new Error(`migration ${m.name} was changed after it was applied; write a new migration instead`);
      continue;
    }
    const escaped = m.name.replace(/'/g, "''");
    try {
      await database.execScript(`BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (name, checksum) VALUES ('${escaped}', '${sum}');\nCOMMIT;`);
    } catch (err) {
      await database.execScript('ROLLBACK').catch(() => undefined);
      throw new Error(`migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
    }
    done.push(m.name);
  }
  return done;
}
