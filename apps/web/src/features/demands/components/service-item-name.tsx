import type { ServiceItemDto } from '@duodi/contracts';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../lib/i18n';
import { langAttr, localName } from '../../../lib/localize';
import { useServiceItems } from '../api/demands';

/** The menu as a map by id (one cached request), for lists that only carry `serviceItemId`. */
export function useServiceItemMap(): Map<string, ServiceItemDto> {
  const items = useServiceItems();
  const list = items.data?.items;
  const map = new Map<string, ServiceItemDto>();
  for (const item of list ?? []) map.set(item.id, item);
  return map;
}

/** An item's name in the UI language (Chinese fallback marked with its lang), never cut short. */
export function ServiceItemName({ item, fallbackId }: { item: ServiceItemDto | undefined; fallbackId?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (!item) return <span>{fallbackId ? t('orders.unknownItem') : ''}</span>;
  const name = localName(item, language);
  return <span lang={langAttr(name, language)}>{name.text}</span>;
}
