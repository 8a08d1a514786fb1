import { useState } from 'react';
import { Button, Drawer, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DemandListItem } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useDemandList, type DemandFilters } from '../../features/dispatch/api/demands';
import { formatDateTime, shortId } from '../../features/dispatch/format';
import { useDispatchLookups } from '../components/dispatch-lookups';
import { currentLanguage } from '../../lib/i18n';
import { langAttr, localName, scriptLang } from '../../lib/localize';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useItemName } from '../components/dispatch-card';
import { DemandPanel } from '../components/dispatch-demand-panel';
import { DispatchFilters } from '../components/dispatch-filters';
import { DeadlineBadge, DemandStatusTag, UrgencyTag, useNow } from '../components/dispatch-parts';
import { Loading, ProblemAlert } from '../components/query-state';

/** 需求清单: every demand the caller may see, filtered as the API allows, a page at a time; details in a drawer. */
export default function DemandsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('dispatch.list.title'), t('app.consoleName'));
  const { data: me } = useMe();
  const lookups = useDispatchLookups();
  const itemName = useItemName(lookups);
  const now = useNow();
  const [filters, setFilters] = useState<DemandFilters>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useDemandList(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (!me) return <Loading />;
  return (
    <>
      <h1 className="console-page-title">{t('dispatch.list.title')}</h1>
      <p>{t('dispatch.list.intro')}</p>
      <DispatchFilters
        value={filters}
        onChange={setFilters}
        lookups={lookups}
        withStatus
        withFocus={hasRole(me, 'street_admin', 'community_admin', 'grid_worker')}
      />
      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<DemandListItem>
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('dispatch.fields.item'),
            key: 'item',
            render: (_, d) => {
              const item = itemName(d.serviceItemId);
              return (
                <>
                  <span lang={langAttr(item, language)}>{item.text}</span>
                  <div>
                    <small>{t('dispatch.card.no', { no: shortId(d.id) })}</small>
                  </div>
                </>
              );
            },
          },
          {
            title: t('dispatch.fields.description'),
            dataIndex: 'description',
            width: 260,
            render: (v: string) => (
              <span
                lang={scriptLang(v)}
                style={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
              >
                {v}
              </span>
            ),
          },
          {
            title: t('dispatch.fields.grid'),
            key: 'grid',
            render: (_, d) => {
              const grid = lookups.grids.get(d.gridId);
              const community = lookups.communities.get(d.communityId);
              return `${community ? localName(community, language).text : ''}${grid ? ` · ${localName(grid, language).text}` : ''}`;
            },
          },
          { title: t('dispatch.fields.status'), key: 'status', render: (_, d) => <DemandStatusTag status={d.status} /> },
          { title: t('dispatch.fields.urgency'), key: 'urgency', render: (_, d) => <UrgencyTag urgency={d.urgency} /> },
          { title: t('dispatch.fields.deadline'), key: 'deadline', width: 200, render: (_, d) => <DeadlineBadge demand={d} now={now} /> },
          {
            title: t('dispatch.fields.team'),
            key: 'team',
            render: (_, d) => {
              const team = d.teamId ? lookups.teams.get(d.teamId) : undefined;
              return team ? localName(team, language).text : '';
            },
          },
          {
            title: t('dispatch.fields.volunteers'),
            key: 'slots',
            render: (_, d) => t('dispatch.card.slots', { accepted: d.volunteerIds.length, needed: d.volunteersNeeded }),
          },
          { title: t('dispatch.fields.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, language) },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, d) => (
              <Button size="small" onClick={() => setOpenId(d.id)} aria-label={t('dispatch.list.openLabel', { no: shortId(d.id) })}>
                {t('dispatch.actions.details')}
              </Button>
            ),
          },
        ]}
      />
      <p role="status" style={{ marginTop: 8 }}>
        {list.data ? t(list.hasNextPage ? 'common.shown' : 'dispatch.list.allShown', { count: rows.length }) : ''}
      </p>
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        size="large"
        title={t('dispatch.detail.title')}
        destroyOnHidden
        extra={openId ? <Link to={`/demands/${encodeURIComponent(openId)}`}>{t('dispatch.detail.openPage')}</Link> : null}
      >
        {openId && <DemandPanel demandId={openId} me={me} lookups={lookups} />}
      </Drawer>
    </>
  );
}
