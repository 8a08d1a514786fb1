import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { Redemption, RedemptionStatus } from '@duodi/contracts';
import { REDEMPTION_STATUSES } from '../../features/hours/values';
import { itemsOf, useCancelRedemption, useMyRedemptions } from '../../features/hours/api/hours';
import { FilterButtons, LoadMore, PickupCode, SignedIn } from '../../features/hours/components/h5-parts';
import { hoursError } from '../../features/hours/model';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { langAttr, localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/hours/hours.css';

type Filter = RedemptionStatus | 'all';
const FILTERS: readonly Filter[] = ['all', ...REDEMPTION_STATUSES];
const BADGE: Record<RedemptionStatus, string> = { pending_pickup: 'pending', redeemed: 'approved', cancelled: 'cancelled' };

/** 我的兑换: orders with their pickup code while waiting (待核销), redeemed (已核销) or cancelled (已取消, points back). */
export default function RedemptionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.redemptions.title'), t('app.name'));
  return (
    <>
      <h1 className="h5-page-title">{t('hours.redemptions.title')}</h1>
      <SignedIn next="/me/redemptions" title={t('hours.redemptions.title')}>
        {() => <Orders />}
      </SignedIn>
    </>
  );
}

function Orders() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const orders = useMyRedemptions(filter === 'all' ? undefined : filter);
  const items = itemsOf(orders.data);
  return (
    <Section title={t('hours.redemptions.list')}>
      <FilterButtons
        label={t('hours.redemptions.filter')}
        options={FILTERS}
        value={filter}
        labelOf={(s) => (s === 'all' ? t('common.all') : t(`hours.redemptionStatus.${s}`))}
        onChange={setFilter}
      />
      {orders.isPending && <Loading />}
      {orders.isError && <ErrorNotice error={orders.error} onRetry={() => void orders.refetch()} />}
      {orders.isSuccess && items.length === 0 && <p className="h5-muted">{t('hours.redemptions.empty')}</p>}
      {items.length > 0 && (
        <ul className="hours-list" aria-label={t('hours.redemptions.list')}>
          {items.map((order) => (
            <OrderRow key={order.id} order={order} />
          ))}
        </ul>
      )}
      <LoadMore query={orders} />
    </Section>
  );
}

function OrderRow({ order }: { order: Redemption }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const name = localName({ name: order.rewardName, nameBo: order.rewardNameBo, nameEn: order.rewardNameEn }, language);
  const cancel = useCancelRedemption();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="hours-row">
      <div className="hours-row__head">
        <span lang={langAttr(name, language)}>
          {name.text} × {order.quantity}
        </span>
        <span className={`status-badge status-badge--${BADGE[order.status]}`}>{t(`hours.redemptionStatus.${order.status}`)}</span>
      </div>
      <p className="hours-row__meta">
        {order.merchantName} · {t('hours.pointsValue', { value: String(order.points) })} · {formatDate(order.createdAt, language)}
      </p>
      {order.status === 'pending_pickup' && order.pickupCode && (
        <PickupCode code={order.pickupCode} label={t('hours.redemptions.pickupCode')} />
      )}
      {order.status === 'cancelled' && <p className="hours-row__meta">{t('hours.redemptions.refunded')}</p>}
      {order.status === 'pending_pickup' && !confirming && (
        <Button block onClick={() => setConfirming(true)}>
          {t('hours.redemptions.cancel', { name: name.text })}
        </Button>
      )}
      {confirming && (
        <div className="h5-confirm">
          <p>{t('hours.redemptions.cancelConfirmText', { points: order.points })}</p>
          {cancel.isError && (
            <p role="alert" className="h5-error">
              {hoursError(cancel.error, t)}
            </p>
          )}
          <div className="h5-actions">
            <Button
              block
              color="danger"
              loading={cancel.isPending}
              onClick={() => cancel.mutate({ id: order.id }, { onSuccess: () => setConfirming(false) })}
            >
              {t('hours.redemptions.cancelConfirm')}
            </Button>
            <Button block onClick={() => setConfirming(false)}>
              {t('hours.redemptions.keep')}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}
