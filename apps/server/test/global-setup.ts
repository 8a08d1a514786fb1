import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/client.js';
import { migrate } from '../src/platform/db/migrate.js';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto.js';
import { loadDemoData } from '../seed/load-demo.js';
import { TEST_DATA_KEY, postgresUrl, usePostgres, withDatabase } from './test-env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDump: string;
    templateDatabase: string;
  }
}

/**
 * Builds the demo database once per run: a PGlite dump that each test file loads (about 1 s
 * instead of a 7 s fresh instance plus seeding), or a PostgreSQL template database that each test
 * file copies with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  if (usePostgres()) {
    const url = postgresUrl();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = `duodi_tpl_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolSize: 2 });
    await migrate(database);
    await loadDemoData(database, createFieldCrypto(TEST_DATA_KEY));
    await database.close();
    project.provide('templateDatabase', name);
    project.provide('templateDump', '');
    console.log(`[test setup] PostgreSQL template ${name} ready in ${Date.now() - started} ms`);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    };
  }
  const database = await openDatabase({ kind: 'pglite-memory' });
  await migrate(database);
  await loadDemoData(database, createFieldCrypto(TEST_DATA_KEY));
  const dump = await database.dump!();
  await database.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duodi-test-'));
  const file = path.join(dir, 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('templateDump', file);
  project.provide('templateDatabase', '');
  console.log(`[test setup] PGlite template ready in ${Date.now() - started} ms`);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
