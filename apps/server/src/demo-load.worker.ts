/**
 * Worker process (child_process.fork from main.ts) that loads the demo data into an empty database:
 * opens its own connection (PGlite on DATA_DIR, whose lock the server process holds, or a PostgreSQL
 * pool), migrates, loads, closes and exits. Building and inserting the data set leaves a few hundred MB
 * of JavaScript garbage, a grown WebAssembly heap (PGlite) and freed native memory that the C allocator
 * keeps; a process of its own hands all of it back to the operating system when it exits, so the server
 * that then opens the database starts as lean as on a restart. (A worker thread was measured first: its
 * isolate goes away, but the allocator's arenas kept about 170 MB in the server process.)
 */
import { createFieldCrypto } from './platform/crypto/field-crypto.js';
import { openDatabase, type Database, type OpenOptions } from './platform/db/client.js';
import { migrate } from './platform/db/migrate.js';
import { loadDemoData, type DemoSummary } from '../seed/load-demo.js';

export interface DemoLoadRequest {
  /** For PGlite with `lockHeld: true`: the server process holds DATA_DIR's lock and has closed its own instance. */
  open: OpenOptions;
  dataKey: string;
  /** Epoch milliseconds; the generated dates are shifted so that the demo's reference date becomes this moment. */
  referenceDate: number;
}

export type DemoLoadMessage =
  | { type: 'migrated'; applied: string[] }
  | { type: 'progress'; step: string; done: number; total: number }
  /** Sent after the database was closed; the server opens it once this process has exited. */
  | { type: 'loaded'; summary: DemoSummary }
  | { type: 'failed'; message: string };

async function run(request: DemoLoadRequest, post: (message: DemoLoadMessage) => void): Promise<void> {
  let database: Database | undefined;
  try {
    database = await openDatabase(request.open);
    post({ type: 'migrated', applied: await migrate(database) });
    const summary = await loadDemoData(database, createFieldCrypto(request.dataKey), {
      referenceDate: new Date(request.referenceDate),
      onProgress: (step, done, total) => post({ type: 'progress', step, done, total }),
    });
    const closing = database;
    database = undefined;
    await closing.close();
    post({ type: 'loaded', summary });
  } catch (err) {
    await database?.close().catch(() => undefined);
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}

const send = process.send?.bind(process);
if (!send) throw new Error('demo-load.worker runs as a child process started by main.ts (child_process.fork)');
// Without the server that started it, nobody holds DATA_DIR's lock any more: stop at once.
process.on('disconnect', () => process.exit(1));
process.once('message', (request: DemoLoadRequest) => {
  void run(request, (message) => {
    // The last message ends the process once it is sent.
    const exitCode = message.type === 'loaded' ? 0 : message.type === 'failed' ? 1 : undefined;
    send(message, undefined, {}, exitCode === undefined ? undefined : () => process.exit(exitCode));
  });
});
