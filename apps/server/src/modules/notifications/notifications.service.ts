import type { NotificationDto, NotificationQuery, ReadAllResult, UiLang, UnreadCount } from '@duodi/contracts';
import { requireActor, type Actor } from '../../platform/auth/actor.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { presentNotification } from './notifications.presenter.js';
import * as repo from './notifications.repository.js';

// Every signed-in account has a notification center of its own; nobody reads another's
// (another account's notification is 404, as if it did not exist).

/**
 * The caller's notifications, newest first, rendered in `lang`.
 * @throws unauthenticated | validation_failed
 */
export async function listMyNotifications(
  deps: Deps,
  actorOrNone: Actor | undefined,
  query: NotificationQuery,
  lang: UiLang,
): Promise<{ items: NotificationDto[]; nextCursor: string | null }> {
  const actor = requireActor(actorOrNone);
  const cursor = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  let after: { createdAt: Date; id: string } | undefined;
  if (cursor) {
    const createdAt = new Date(cursor[0]);
    if (Number.isNaN(createdAt.getTime())) throw new AppError('validation_failed', {}, { fields: [{ field: 'cursor', key: 'invalid_format' }] });
    after = { createdAt, id: cursor[1] };
  }
  const unreadOnly = query.unread === '1' || query.unread === 'true';
  const rows = await repo.listForRecipient(deps.db, actor.accountId, { unreadOnly, limit: query.limit, after });
  const page = pageFrom(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: page.items.map((r) => presentNotification(r, lang)), nextCursor: page.nextCursor };
}

/** @throws unauthenticated */
export async function unreadCount(deps: Deps, actorOrNone: Actor | undefined): Promise<UnreadCount> {
  const actor = requireActor(actorOrNone);
  return { count: await repo.unreadCount(deps.db, actor.accountId) };
}

/**
 * Marks one of the caller's notifications read (already read: unchanged, same answer).
 * @throws unauthenticated | not_found
 */
export async function markRead(deps: Deps, actorOrNone: Actor | undefined, id: string, lang: UiLang): Promise<NotificationDto> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const row = (await repo.markRead(tx, actor.accountId, id, now)) ?? (await repo.findForRecipient(tx, actor.accountId, id));
    if (!row) throw new AppError('not_found');
    return presentNotification(row, lang);
  });
}

/** @throws unauthenticated */
export async function markAllRead(deps: Deps, actorOrNone: Actor | undefined): Promise<ReadAllResult> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => ({ updated: await repo.markAllRead(tx, actor.accountId, now) }));
}
