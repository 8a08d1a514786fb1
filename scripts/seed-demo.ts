// npm run db:seed — loads the Duodi demo data into an EMPTY database (never over real data).
import { sql } from 'drizzle-orm';
import { createFieldCrypto } from '../apps/server/src/platform/crypto/field-crypto.js';
import { queryRows } from '../apps/server/src/platform/db/client.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { loadDemoData } from '../apps/server/seed/load-demo.js';
import { openConfiguredDatabase } from './cli-db.js';

const { database, config } = await openConfiguredDatabase();
try {
  await migrate(database);
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM streets`);
  if ((row?.n ?? 0) > 0) {
    console.error('The database already holds a street: demo data is only loaded into an empty database.');
    process.exitCode = 1;
  } else {
    const summary = await loadDemoData(database, createFieldCrypto(config.dataKey), {
      referenceDate: new Date(),
      onProgress: (what, done, total) => process.stdout.write(`\r${what} ${done}/${total}        `),
    });
    console.log(`\ndemo data loaded: ${JSON.stringify(summary)}`);
  }
} finally {
  await database.close();
}
