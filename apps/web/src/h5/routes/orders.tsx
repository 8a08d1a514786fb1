import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import { useMe } from '../../features/account/api/get-me';
import { useDemands } from '../../features/demands/api/demands';
import { DemandLinkList } from '../../features/demands/components/demand-list';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/demands/demands.css';

/** 我的订单: each order with where it stands; opens the detail with its history. */
export default function OrdersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('orders.mine.title'), t('app.name'));
  const me = useMe();
  // Ordered by the caller or for them (e.g. by their grid worker), whatever else their roles let them see.
  const demands = useDemands({ mine: 'true' }, { enabled: Boolean(me.data) });
  const user = me.data;
  const items = user ? (demands.data?.pages.flatMap((page) => page.items) ?? []) : [];

  return (
    <>
      <h1 className="h5-page-title">{t('orders.mine.title')}</h1>
      {me.isPending && <Loading />}
      {me.isError && <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />}
      {me.isSuccess && !user && (
        <Section title={t('orders.mine.title')}>
          <p className="h5-muted">{t('orders.mine.signIn')}</p>
          <div className="h5-actions">
            <Link className="h5-button-link" to="/login?next=/orders">
              {t('h5.home.signIn')}
            </Link>
          </div>
        </Section>
      )}
      {user && (
        <>
          <div className="h5-actions">
            <Link className="h5-button-link" to="/services">
              {t('orders.menu.orderCta')}
            </Link>
          </div>
          <Section title={t('orders.mine.list')}>
            {demands.isPending && <Loading />}
            {demands.isError && <ErrorNotice error={demands.error} onRetry={() => void demands.refetch()} />}
            {demands.isSuccess && items.length === 0 && <p className="h5-muted">{t('orders.mine.empty')}</p>}
            {items.length > 0 && <DemandLinkList items={items} basePath="/orders" />}
            {demands.hasNextPage && (
              <Button block loading={demands.isFetchingNextPage} onClick={() => void demands.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            )}
          </Section>
        </>
      )}
    </>
  );
}
