// npm run openapi:dump — writes the OpenAPI document the server publishes to docs/openapi.json.
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../apps/server/src/app.js';
import { createFieldCrypto } from '../apps/server/src/platform/crypto/field-crypto.js';
import { openDatabase } from '../apps/server/src/platform/db/client.js';

const database = await openDatabase({ kind: 'pglite-memory' });
const app = await buildApp({
  deps: {
    database,
    db: database.db,
    crypto: createFieldCrypto('openapi-dump-only-key'),
    config: { sessionDays: 14, secureCookies: false, bodyLimitBytes: 1024 * 1024 },
    now: () => new Date(),
  },
  logLevel: false,
});
await app.ready();
const out = path.resolve('docs/openapi.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(app.swagger(), null, 2)}\n`);
console.log(`wrote ${out}`);
await app.close();
await database.close();
