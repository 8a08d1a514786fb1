import type { Db, Tx } from './client.js';

/**
 * The one way services start a transaction. Everything inside must use the `tx` it receives:
 * on PGlite a query on the outer handle inside a transaction waits forever.
 */
export function withTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => work(tx));
}
