import type { NotificationDto, UiLang } from '@duodi/contracts';
import type { NotificationRow } from './notifications.repository.js';
import { renderNotification } from './render.js';

export function presentNotification(row: NotificationRow, lang: UiLang): NotificationDto {
  const text = renderNotification(lang, row.kind, row.params);
  return {
    id: row.id,
    kind: row.kind,
    title: text.title,
    body: text.body,
    link: row.link,
    refType: row.refType,
    refId: row.refId,
    read: row.readAt !== null,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
