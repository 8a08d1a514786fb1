// The process the crash test kills (see crash-child.ts):
//   LEDGER_CRASH_DB = pglite:<dir> | postgres://…   LEDGER_CRASH_ROUND = n   LEDGER_CRASH_RETRY = prefix:count
import { sql } from 'drizzle-orm';
import { migrate } from '../../src/platform/db/migrate.js';
import { CRASH_STREET, ledgerMigrations, openCrashDb, postKey } from './crash-child.js';

async function main(): Promise<void> {
  const target = process.env.LEDGER_CRASH_DB;
  if (!target) throw new Error('LEDGER_CRASH_DB is required');
  const round = process.env.LEDGER_CRASH_ROUND ?? '0';
  const database = await openCrashDb(target);
  await migrate(database, ledgerMigrations());
  await database.db.execute(
    sql`INSERT INTO streets (id, code, name, district) VALUES (${CRASH_STREET}, 'crash', 'crash test', 'test') ON CONFLICT (id) DO NOTHING`,
  );
  // A retry of the previous round's keys (same payloads): value must not move twice.
  const retry = process.env.LEDGER_CRASH_RETRY;
  if (retry) {
    const [prefix, count] = retry.split(':');
    for (let i = 0; i < Number(count); i++) {
      const key = `${prefix}-${i}`;
      if ((await postKey(database, key)) === 'ack') process.stdout.write(`ACK ${key}\n`);
    }
  }
  process.stdout.write('READY\n');
  for (let i = 0; ; i++) {
    const key = `round${round}-${i}`;
    const outcome = await postKey(database, key);
    process.stdout.write(`${outcome === 'ack' ? 'ACK' : 'REFUSED'} ${key}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`crash child failed: ${String(err)}\n`);
  process.exit(1);
});
