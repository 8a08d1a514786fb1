import type { Config } from '../config.js';
import type { FieldCrypto } from './crypto/field-crypto.js';
import type { Database, Db } from './db/client.js';

/** What every service function receives first: the database, field crypto, config and a clock. */
export interface Deps {
  database: Database;
  db: Db;
  crypto: FieldCrypto;
  config: Pick<Config, 'sessionDays' | 'secureCookies' | 'bodyLimitBytes'>;
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    deps: Deps;
  }
}
