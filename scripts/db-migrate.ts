// npm run db:migrate — applies the forward-only SQL migrations to DATA_DIR's embedded database or DATABASE_URL.
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { openConfiguredDatabase } from './cli-db.js';

const { database, config } = await openConfiguredDatabase();
try {
  const applied = await migrate(database);
  console.log(`${config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`);
} finally {
  await database.close();
}
