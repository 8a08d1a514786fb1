import type { DemandListItem } from '@duodi/contracts';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../lib/i18n';
import { formatDateTime } from '../model';
import { ServiceItemName, useServiceItemMap } from './service-item-name';
import { DemandStatusBadge } from './status';

/** Orders as link rows: item, status in words, when, urgent/overdue flags; each opens `${basePath}/${id}`. */
export function DemandLinkList({ items, basePath }: { items: readonly DemandListItem[]; basePath: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const menu = useServiceItemMap();
  return (
    <ul className="link-list">
      {items.map((demand) => (
        <li key={demand.id}>
          <Link to={`${basePath}/${encodeURIComponent(demand.id)}`}>
            <span className="link-list__main">
              <span className="link-list__title">
                <ServiceItemName item={menu.get(demand.serviceItemId)} fallbackId={demand.serviceItemId} />
              </span>
              <span className="demand-row__line">
                <DemandStatusBadge status={demand.status} />
                {demand.urgency === 'urgent' && <span className="demand-row__urgent">{t('orders.urgency.urgent')}</span>}
                {demand.overdue && <span className="demand-row__overdue">{t('orders.overdue')}</span>}
              </span>
              <span className="link-list__meta">
                {t('orders.orderedAt', { time: formatDateTime(demand.createdAt, language) })} · {t('orders.number', { id: demand.id })}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
