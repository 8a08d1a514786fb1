import type { TFunction } from 'i18next';
import type { AuditAction, AuditEntityType } from '@duodi/contracts';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from './values';

const ACTIONS = new Set<string>(AUDIT_ACTIONS);
const ENTITY_TYPES = new Set<string>(AUDIT_ENTITY_TYPES);

/** The action in the reader's language; a code the console does not know is shown as it is. */
export function actionLabel(t: TFunction, action: string): string {
  return ACTIONS.has(action) ? t(`audit.actions.${action as AuditAction}`) : action;
}

export function entityTypeLabel(t: TFunction, entityType: string): string {
  return ENTITY_TYPES.has(entityType) ? t(`audit.entityTypes.${entityType as AuditEntityType}`) : entityType;
}

/** When a change was made, in Lhasa time to the second: `2026-11-29 14:05:09` (one form in every language). */
export function formatAuditTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
