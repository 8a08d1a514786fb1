import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../../schema/index.js';
import { acquireDirLock, type DirLock } from './lock.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** The handle a repository receives: the root database or a transaction. Inside a transaction use only `tx`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Runs a multi-statement SQL script outside the ORM (migrations). */
  execScript(sqlText: string): Promise<void>;
  /** Physical copy of an embedded database (PGlite only), used for test templates. */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

export type OpenOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | {
      kind: 'pglite';
      dataDir: string;
      /**
       * The caller already holds DATA_DIR's lock (acquireDirLock): the server's main thread, which keeps it
       * across a close and reopen, or the demo-load worker it starts. Then the database neither takes nor releases it.
       */
      lockHeld?: boolean;
    }
  | { kind: 'pglite-memory'; loadDataDir?: Blob };

/**
 * PGlite's WebAssembly heap grows with shared_buffers and never shrinks; a street's data (tens of MB)
 * is served well by a smaller cache, which keeps the server's resident memory under 500 MB.
 */
const EMBEDDED_POSTGRES_CONF = ['shared_buffers = 32MB', 'work_mem = 4MB', 'maintenance_work_mem = 32MB'];

// int8 (count(*), bigserial) as JS numbers on the server driver, as PGlite already does.
pg.types.setTypeParser(20, (v) => Number(v));

/** The embedded database's cluster directory inside DATA_DIR. */
const clusterDir = (dataDir: string) => path.resolve(dataDir, 'pg');

/** Whether DATA_DIR already holds an embedded database (PGlite has created its cluster there). */
export function embeddedDatabaseExists(dataDir: string): boolean {
  return fs.existsSync(path.join(clusterDir(dataDir), 'PG_VERSION'));
}

/** Opens the embedded PGlite (locked directory or memory) or a PostgreSQL pool, behind one Drizzle type. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle pooled connection that the server ends (restart, DROP DATABASE … FORCE) must not crash
    // the process; the pool replaces it on the next query.
    pool.on('error', (err) => {
      process.emitWarning(`PostgreSQL pool: idle connection lost (${(err as { code?: string }).code ?? err.message})`);
    });
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      execScript: async (sqlText) => {
        await pool.query(sqlText);
      },
      close: () => pool.end(),
    };
  }
  let lock: DirLock | undefined;
  let client: PGlite;
  if (opts.kind === 'pglite') {
    const dir = clusterDir(opts.dataDir);
    fs.mkdirSync(dir, { recursive: true });
    lock = opts.lockHeld ? undefined : acquireDirLock(path.resolve(opts.dataDir));
    try {
      client = await PGlite.create({ dataDir: dir, extensions: { pg_trgm }, postgresqlconf: EMBEDDED_POSTGRES_CONF });
    } catch (err) {
      lock?.release();
      throw err;
    }
  } else {
    client = await PGlite.create({ extensions: { pg_trgm }, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    execScript: async (sqlText) => {
      await client.exec(sqlText);
    },
    dump: () => client.dumpDataDir('none'),
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Rows of a raw SQL query; both drivers answer `{ rows }`. */
export async function queryRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
