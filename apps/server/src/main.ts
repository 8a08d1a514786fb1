import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { fork } from 'node:child_process';
import { embeddedDatabaseExists, openDatabase, queryRows, type Database, type OpenOptions } from './platform/db/client.js';
import { acquireDirLock, type DirLock } from './platform/db/lock.js';
import { migrate } from './platform/db/migrate.js';
import { createFieldCrypto } from './platform/crypto/field-crypto.js';
import type { Deps } from './platform/deps.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/demo-accounts.js';
import type { DemoSummary } from '../seed/load-demo.js';
import type { DemoLoadMessage, DemoLoadRequest } from './demo-load.worker.js';
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

/** The worker's entry beside this file: demo-load.worker.js in the bundle (dist), .ts when run from source (tsx). */
function demoLoadWorkerPath(): string {
  const here = fileURLToPath(import.meta.url);
  const file = path.join(path.dirname(here), `demo-load.worker${path.extname(here)}`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing; rebuild the server (npm run build -w @duodi/server)`);
  return file;
}

/**
 * Loads the demo data in a worker process (demo-load.worker.ts) and resolves once it has closed its database
 * and exited: the generated data set, the load's grown PGlite heap and the native memory behind both go back to
 * the operating system with that process instead of staying in the server's. It runs with this process's
 * Node flags (so also under tsx from source); progress goes to `onMessage`; rejects with the worker's error.
 */
function loadDemoInWorker(request: DemoLoadRequest, onMessage: (message: DemoLoadMessage) => void): Promise<DemoSummary> {
  return new Promise((resolve, reject) => {
    const child = fork(demoLoadWorkerPath(), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // A debugger port cannot be shared with the parent.
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--inspect')),
    });
    let summary: DemoSummary | undefined;
    let failure: string | undefined;
    child.on('message', (message: DemoLoadMessage) => {
      if (message.type === 'loaded') summary = message.summary;
      else if (message.type === 'failed') failure = message.message;
      else onMessage(message);
    });
    // Not started, or the request could not be sent: fatal like any failure (the server exits, the worker with it).
    child.on('error', (err) => reject(new Error(`loading the demo data failed: ${err.message}`)));
    child.on('exit', (code, signal) => {
      if (summary && code === 0) resolve(summary);
      else reject(new Error(`loading the demo data failed: ${failure ?? `the worker process ended (${signal ?? `exit code ${code}`})`}`));
    });
    child.send(request);
  });
}

/** DATA_DIR's lock (embedded database), held from start to exit, also while the demo-load worker has the database open. */
let dirLock: DirLock | undefined;

async function main() {
  const config = loadConfig();
  step(config.databaseUrl ? 'connecting to PostgreSQL' : `opening embedded database in ${config.dataDir}`);
  const openOptions: OpenOptions = config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: config.dataDir, lockHeld: true };
  if (openOptions.kind === 'pglite') {
    fs.mkdirSync(config.dataDir, { recursive: true });
    dirLock = acquireDirLock(config.dataDir);
  }
  let database: Database | undefined;
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
      await database?.close();
      dirLock?.release();
      process.exit(0);
    }
  };
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let outbox: OutboxWorker | undefined;
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const reportMigrations = (applied: string[]) =>
    step(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');
  const loadDemo = async (intro: string) => {
    step(`${intro} the Duodi demo data (6 communities, 17 teams, 1,345 volunteers) in a worker process…`);
    let lastStep = '';
    const summary = await loadDemoInWorker({ open: openOptions, dataKey: config.dataKey, referenceDate: Date.now() }, (message) => {
      if (message.type === 'migrated') {
        if (message.applied.length) reportMigrations(message.applied);
      } else if (message.type === 'progress' && (message.step !== lastStep || message.done === message.total)) {
        step(`  ${message.step} ${message.done}/${message.total}`);
        lastStep = message.step;
      }
    });
    step(`demo data loaded: ${JSON.stringify(summary)}`);
  };

  if (openOptions.kind === 'pglite' && config.demoData && !embeddedDatabaseExists(config.dataDir)) {
    // First start on an empty DATA_DIR: the worker creates, migrates and fills the database; then it is opened as on a restart.
    await loadDemo('new DATA_DIR: creating the database and loading');
    database = await openDatabase(openOptions);
    const applied = await migrate(database);
    if (applied.length) reportMigrations(applied);
  } else {
    database = await openDatabase(openOptions);
    reportMigrations(await migrate(database));
    if (config.demoData && (await isEmpty(database))) {
      if (openOptions.kind === 'pglite') {
        // One process at a time on an embedded directory: close ours while the worker loads, then reopen.
        const ours = database;
        database = undefined;
        await ours.close();
        await loadDemo('empty database: loading');
        database = await openDatabase(openOptions);
      } else {
        await loadDemo('empty database: loading');
      }
    }
  }
  const crypto = createFieldCrypto(config.dataKey);

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
  if (config.demoData) {
    process.stdout.write(`\nDemo log-ins (password ${DEMO_PASSWORD}):\n`);
    for (const a of DEMO_ACCOUNTS) process.stdout.write(`  ${a.phone}  ${a.label}\n`);
    process.stdout.write('\n');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  dirLock?.release();
  process.exit(1);
});
