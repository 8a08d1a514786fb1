import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Demand, Me } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useDemand } from '../../features/demands/api/demands';
import { CancelOrder, CloseOrder, RateOrder } from '../../features/demands/components/actions';
import { DemandFacts } from '../../features/demands/components/demand-facts';
import { ServiceItemName, useServiceItemMap } from '../../features/demands/components/service-item-name';
import { OrderSteps } from '../../features/demands/components/status';
import { DemandTimeline } from '../../features/demands/components/timeline';
import { CANCELLABLE, CLOSABLE } from '../../features/demands/model';
import { hasRole, scopesOf } from '../../lib/roles';
import { scriptLang } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/demands/demands.css';

/** Staff of the demand's place (the server decides; this only hides buttons that would end in 403). */
function isPlaceStaff(me: Me, demand: Demand): boolean {
  return (
    hasRole(me, 'street_admin') ||
    scopesOf(me, 'community_admin').includes(demand.communityId) ||
    scopesOf(me, 'grid_worker').includes(demand.gridId)
  );
}

function isTheResident(me: Me, demand: Demand): boolean {
  return demand.requesterId === me.personId || demand.beneficiary?.id === me.personId;
}

/** 订单详情: where it stands, its history, and the steps this person may take (cancel, rate, close). */
export default function OrderDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const demand = useDemand(id);
  const menu = useServiceItemMap();
  const [reworkSent, setReworkSent] = useState(false);
  useDocumentTitle(t('orders.detail.title'), t('app.name'));

  if (demand.isPending) return <Loading />;
  if (demand.isError) return <ErrorNotice error={demand.error} onRetry={() => void demand.refetch()} />;
  const d = demand.data;
  const user = me.data ?? null;
  const resident = user ? isTheResident(user, d) : false;
  const staff = user ? isPlaceStaff(user, d) : false;
  const gridWorker = user ? scopesOf(user, 'grid_worker').includes(d.gridId) : false;
  const serving = Boolean(
    user?.volunteerId && (d.volunteerIds.includes(user.volunteerId) || (d.teamId && user.teamIds.includes(d.teamId))),
  );

  return (
    <>
      <h1 className="h5-page-title">
        <ServiceItemName item={menu.get(d.serviceItemId)} fallbackId={d.serviceItemId} />
      </h1>
      <OrderSteps status={d.status} />
      {reworkSent && (
        <p role="status" className="h5-notice">
          {t('orders.rate.reworkSent')}
        </p>
      )}
      {!reworkSent && d.reworkCount > 0 && (d.status === 'accepted' || d.status === 'in_service') && (
        <p className="h5-notice">{t('orders.rate.reworkUnderway')}</p>
      )}
      {d.feeFlag && <p className="h5-notice">{t('orders.feeFlag')}</p>}
      {serving && !resident && (
        <p className="h5-notice">
          <Link to={`/tasks/${encodeURIComponent(d.id)}`}>{t('orders.detail.openAsTask')}</Link>
        </p>
      )}
      <Section title={t('orders.detail.facts')}>
        <DemandFacts demand={d} />
        {staff && d.beneficiary && (
          <dl className="fact-list">
            <div>
              <dt>{t('orders.fields.beneficiary')}</dt>
              <dd lang={scriptLang(d.beneficiary.name)}>
                {d.beneficiary.name}
                {d.beneficiary.phoneMasked ? ` · ${d.beneficiary.phoneMasked}` : ''}
              </dd>
            </div>
            {d.beneficiary.address && (
              <div>
                <dt>{t('fields.address')}</dt>
                <dd lang={scriptLang(d.beneficiary.address)}>{d.beneficiary.address}</dd>
              </div>
            )}
          </dl>
        )}
      </Section>
      {d.status === 'completed' && (resident || gridWorker) && (
        <Section title={t('orders.rate.title')}>
          <RateOrder demand={d} forResident={!resident} onRework={() => setReworkSent(true)} />
        </Section>
      )}
      {CLOSABLE.includes(d.status) && staff && (
        <Section title={t('orders.close.title')}>
          <CloseOrder demand={d} />
        </Section>
      )}
      <Section title={t('orders.detail.history')}>
        <DemandTimeline history={d.history} />
      </Section>
      {CANCELLABLE.includes(d.status) && (resident || staff) && (
        <div className="h5-section">
          <CancelOrder demand={d} />
        </div>
      )}
      <div className="h5-actions">
        <Link className="h5-button-link h5-button-link--ghost" to={staff && !resident ? '/grid-orders' : '/orders'}>
          {staff && !resident ? t('orders.grid.title') : t('orders.mine.title')}
        </Link>
      </div>
    </>
  );
}
