import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase, type Database } from '../apps/server/src/platform/db/client.js';

/** Opens the configured database (PGlite in DATA_DIR, or DATABASE_URL) for a command-line script. */
export async function openConfiguredDatabase(): Promise<{ database: Database; config: ReturnType<typeof loadConfig> }> {
  const config = loadConfig();
  const database = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, poolSize: 2 } : { kind: 'pglite', dataDir: config.dataDir },
  );
  return { database, config };
}
