import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { DemandStatus } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useDemands } from '../../features/demands/api/demands';
import { DemandLinkList } from '../../features/demands/components/demand-list';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/demands/demands.css';

function StatusList({ status, title, empty }: { status: DemandStatus; title: string; empty: string }) {
  const { t } = useTranslation();
  const demands = useDemands({ status });
  const items = demands.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section title={title}>
      {demands.isPending && <Loading />}
      {demands.isError && <ErrorNotice error={demands.error} onRetry={() => void demands.refetch()} />}
      {demands.isSuccess && items.length === 0 && <p className="h5-muted">{empty}</p>}
      {items.length > 0 && <DemandLinkList items={items} basePath="/orders" />}
      {demands.hasNextPage && (
        <Button block loading={demands.isFetchingNextPage} onClick={() => void demands.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </Section>
  );
}

/** 网格订单: the grid worker's call-backs (回访) — completed orders to rate for the resident, rated ones to close. */
export default function GridOrdersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('orders.grid.title'), t('app.name'));
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  if (!hasRole(me.data, 'grid_worker', 'community_admin', 'street_admin')) return <p className="h5-notice">{t('intake.staffOnly')}</p>;
  return (
    <>
      <h1 className="h5-page-title">{t('orders.grid.title')}</h1>
      <div className="h5-actions">
        <Link className="h5-button-link" to="/proxy-order">
          {t('orders.proxy.title')}
        </Link>
        <Link className="h5-button-link h5-button-link--ghost" to="/intake">
          {t('intake.title')}
        </Link>
      </div>
      <StatusList status="completed" title={t('orders.grid.completed')} empty={t('orders.grid.noneCompleted')} />
      <StatusList status="rated" title={t('orders.grid.rated')} empty={t('orders.grid.noneRated')} />
      <StatusList status="submitted" title={t('orders.grid.submitted')} empty={t('common.empty')} />
    </>
  );
}
