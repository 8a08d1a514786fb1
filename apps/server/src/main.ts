import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { openDatabase, queryRows, type Database } from './platform/db/client.js';
import { migrate } from './platform/db/migrate.js';
import { createFieldCrypto } from './platform/crypto/field-crypto.js';
import type { Deps } from './platform/deps.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoData } from '../seed/load-demo.js';
import { escalateOverdue } from './modules/demands/index.js';
import { runStarJobs } from './modules/stars/index.js';
import { expireWithdrawals } from './modules/timebank/index.js';
import { endOverdueActivities, sendActivityReminders } from './modules/activities/index.js';
import { runCarePlans } from './modules/visits/index.js';
import { channelConfigFromEnv, createChannelAdapters, startOutboxWorker, type OutboxWorker } from './modules/notifications/index.js';

const started = Date.now();
const step = (msg: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}\n`);

function findWebDist(explicit: string | undefined): string | undefined {
  if (explicit) return path.resolve(explicit);
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [path.resolve(here, '../../web/dist'), path.resolve(here, '../../../apps/web/dist'), path.resolve('apps/web/dist')].find((p) =>
    fs.existsSync(path.join(p, 'index.html')),
  );
}

async function isEmpty(database: Database): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM streets`);
  return (rows[0]?.n ?? 0) === 0;
}

async function main() {
  const config = loadConfig();
  step(config.databaseUrl ? 'connecting to PostgreSQL' : `opening embedded database in ${config.dataDir}`);
  const openOptions = config.databaseUrl ? ({ kind: 'postgres', url: config.databaseUrl } as const) : ({ kind: 'pglite', dataDir: config.dataDir } as const);
  let database = await openDatabase(openOptions);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    step(`${signal}: closing (finishing requests, then the database)`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await outbox?.stop();
      await app?.close();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let outbox: OutboxWorker | undefined;
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const applied = await migrate(database);
  step(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');

  const crypto = createFieldCrypto(config.dataKey);
  let demo = false;
  if (config.demoData && (await isEmpty(database))) {
    step('empty database: loading the Duodi demo data (6 communities, 17 teams, 1,345 volunteers)…');
    let lastStep = '';
    const summary = await loadDemoData(database, crypto, {
      referenceDate: new Date(),
      onProgress: (what, done, total) => {
        if (what !== lastStep || done === total) {
          step(`  ${what} ${done}/${total}`);
          lastStep = what;
        }
      },
    });
    step(`demo data loaded: ${JSON.stringify(summary)}`);
    demo = true;
    if (database.kind === 'pglite') {
      // The bulk load grew PGlite's WebAssembly heap, which never shrinks: reopen to start lean.
      await database.close();
      database = await openDatabase(openOptions);
    }
  } else if (config.demoData) {
    demo = true;
  }

  const deps: Deps = { database, db: database.db, crypto, config, now: () => new Date() };
  app = await buildApp({ deps, logLevel: config.logLevel, webDist: findWebDist(config.webDist) });
  await app.listen({ port: config.port, host: config.host });
  // DR-14: escalate overdue demands every 5 minutes (idempotent; writes history rows only); the same
  // run expires offers nobody answered within OFFER_TTL_HOURS (default 48, DR-16).
  const offerTtlMs = Number(process.env.OFFER_TTL_HOURS ?? 48) * 3_600_000;
  setInterval(() => {
    if (!closing) escalateOverdue(deps, Number.isFinite(offerTtlMs) && offerTtlMs > 0 ? { offerTtlMs } : {}).catch((err: unknown) => app?.log.error({ err }, 'demand escalation failed'));
  }, 5 * 60_000).unref();
  // Activities: reminders 24 h before the start, and in-progress activities an hour past their end ended (open sessions closed and flagged);
  // care plans: due demands created, due visits told to the grid worker, missed visits flagged.
  setInterval(() => {
    if (closing) return;
    const now = new Date();
    sendActivityReminders(deps, now)
      .then(() => endOverdueActivities(deps, now))
      .then(() => runCarePlans(deps, now))
      .catch((err: unknown) => app?.log.error({ err }, 'activity jobs failed'));
  }, 60_000).unref();
  // DR-13: time-bank withdrawals nobody confirmed in time go back to the holder (every 10 minutes).
  setInterval(() => {
    if (!closing) expireWithdrawals(deps, new Date()).catch((err: unknown) => app?.log.error({ err }, 'time-bank expiry failed'));
  }, 10 * 60_000).unref();
  // DR-10: star proposals for volunteers past their awarded level (notified star.reached), awards when notices end; hourly.
  setInterval(() => {
    if (!closing) runStarJobs(deps).catch((err: unknown) => app?.log.error({ err }, 'star job failed'));
  }, 60 * 60_000).unref();
  // Notifications: deliver the outbox (SMS / WeChat when SMS_ENDPOINT / WECHAT_TEMPLATE_ENDPOINT are set, else the log).
  outbox = startOutboxWorker({ db: deps.db, crypto, log: app.log, adapters: createChannelAdapters(channelConfigFromEnv(), app.log) });
  const base = `http://localhost:${config.port}`;
  step(`serving ${base}  (H5 ${base}/  ·  console ${base}/admin  ·  API docs ${base}/api/docs)`);
  if (demo) {
    process.stdout.write(`\nDemo log-ins (password ${DEMO_PASSWORD}):\n`);
    for (const a of DEMO_ACCOUNTS) process.stdout.write(`  ${a.phone}  ${a.label}\n`);
    process.stdout.write('\n');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
