import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type Db } from '../src/platform/db/client.js';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto.js';
import type { Deps } from '../src/platform/deps.js';
import { TEST_DATA_KEY, postgresUrl, usePostgres, withDatabase } from './test-env.js';

export interface TestDb {
  database: Database;
  db: Db;
  deps: Deps;
  close(): Promise<void>;
}

/** A private copy of the demo database for one test file (PGlite from the dump, or a PostgreSQL copy of the template). */
export async function createTestDb(opts: { now?: () => Date } = {}): Promise<TestDb> {
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  if (usePostgres()) {
    const url = postgresUrl();
    const name = `duodi_t_${crypto.randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
    database = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolSize: 4 });
    drop = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const file = inject('templateDump');
    database = await openDatabase({ kind: 'pglite-memory', loadDataDir: new Blob([fs.readFileSync(file)]) });
  }
  const deps: Deps = {
    database,
    db: database.db,
    crypto: createFieldCrypto(TEST_DATA_KEY),
    config: { sessionDays: 14, secureCookies: false, bodyLimitBytes: 1024 * 1024 },
    now: opts.now ?? (() => new Date()),
  };
  return {
    database,
    db: database.db,
    deps,
    close: async () => {
      await database.close();
      await drop?.();
    },
  };
}
