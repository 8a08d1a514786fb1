import type { LedgerAccount, LedgerEntry } from '@duodi/contracts';
import { requireActor, type Actor } from '../../platform/auth/actor.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { isoWithOffset } from '../../platform/http/time.js';
import { balanceOf, personAccountId } from './transfer.service.js';
import * as repo from './ledger.repository.js';

/** The caller's points and time-bank accounts (created on first use with balance 0). */
export async function myAccounts(deps: Deps, actorOrNone: Actor | undefined): Promise<{ items: LedgerAccount[]; nextCursor: null }> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const items: LedgerAccount[] = [];
    for (const currency of ['points', 'time_bank'] as const) {
      const id = await personAccountId(tx, actor.streetId, actor.personId, currency);
      items.push({ id, kind: currency, balance: await balanceOf(tx, id) });
    }
    return { items, nextCursor: null };
  });
}

/** The history of one of the caller's own accounts, newest first (anyone else's: 404). */
export async function accountEntries(
  deps: Deps,
  actorOrNone: Actor | undefined,
  accountId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: LedgerEntry[]; nextCursor: string | null }> {
  const actor = requireActor(actorOrNone);
  const key = decodeCursor(query.cursor, 1);
  const account = await repo.findAccount(deps.db, actor.streetId, accountId);
  if (!account || account.owner_kind !== 'person' || account.owner_id !== actor.personId) throw new AppError('not_found');
  const rows = await repo.entriesOf(deps.db, account.id, key ? Number(key[0]) : undefined, query.limit);
  const page = pageFrom(rows, query.limit, (r) => [Number(r.id)]);
  return {
    items: page.items.map((r) => ({
      id: String(r.id),
      transferId: r.transfer_id,
      type: r.kind,
      delta: Number(r.delta),
      balanceAfter: Number(r.balance_after),
      refType: r.ref_type,
      refId: r.ref_id,
      memo: r.memo,
      reversed: Boolean(r.reversed),
      at: isoWithOffset(new Date(r.created_at)),
    })),
    nextCursor: page.nextCursor,
  };
}
