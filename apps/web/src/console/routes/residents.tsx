import { useState } from 'react';
import { Alert, Button, Form, Select, Space, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ResidentListItem, FOCUS_TAGS, type FocusTag } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useGrids } from '../../features/organization/api/get-grids';
import { useResidents, type ResidentFilters } from '../../features/residents/api/get-residents';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { canSeeResidents, hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CommunitySelect } from '../components/community-select';
import { HouseholdsPanel } from '../components/households-panel';
import { ProblemAlert } from '../components/query-state';
import { CreateResidentDrawer, EditResidentDrawer, MoveResidentModal } from '../components/resident-forms';
import { LocalName } from '../components/local-name';

/** Residents, masked. Roles that may not list them see the server's 403 problem, in their language. */
export default function ResidentsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('console.residents.title'), t('app.consoleName'));
  const { data: me } = useMe();
  const [filters, setFilters] = useState<ResidentFilters>({});
  const residents = useResidents(filters);
  // Every grid the caller may see (the server scopes it): names for the table, options for the filter.
  const grids = useGrids(null);
  const allGrids = grids.data?.items ?? [];
  const gridNames = new Map(allGrids.map((g) => [g.id, localName(g, language).text]));
  const gridOptions = allGrids.filter((g) => !filters.communityId || g.communityId === filters.communityId);
  const rows = residents.data?.pages.flatMap((page) => page.items) ?? [];
  const update = (patch: Partial<ResidentFilters>) => setFilters((current) => ({ ...current, ...patch }));
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ResidentListItem | null>(null);
  const [moving, setMoving] = useState<ResidentListItem | null>(null);
  const [tab, setTab] = useState<'residents' | 'households'>('residents');
  const canManage = canSeeResidents(me);

  const residentsTable = (
    <>
      <Alert type="info" showIcon title={t('console.residents.masked')} style={{ marginBottom: 16 }} />
      <Table<ResidentListItem>
        rowKey="id"
        loading={residents.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1300 }}
        columns={[
          { title: t('fields.name'), key: 'name', render: (_, r) => <LocalName item={r} /> },
          { title: t('fields.gender'), dataIndex: 'gender', render: (g: ResidentListItem['gender']) => (g ? t(`gender.${g}`) : '') },
          { title: t('fields.age'), dataIndex: 'age', align: 'right' },
          {
            title: t('fields.phone'),
            dataIndex: 'phoneMasked',
            width: 130,
            render: (v: string | null) => <span className="console-nowrap">{v}</span>,
          },
          {
            title: t('fields.idNumber'),
            dataIndex: 'idNumberMasked',
            // Masked IDs never wrap; the column is wide enough for 18 characters.
            width: 200,
            render: (v: string | null) => <span className="console-nowrap">{v}</span>,
          },
          { title: t('fields.grid'), key: 'grid', render: (_, r) => gridNames.get(r.gridId) ?? r.gridId },
          { title: t('fields.address'), dataIndex: 'address' },
          {
            title: t('fields.tags'),
            key: 'tags',
            render: (_, r) => r.focusTags.map((tag) => <Tag key={tag}>{t(`focusTags.${tag}`)}</Tag>),
          },
          { title: t('fields.proxy'), dataIndex: 'proxy', render: (proxy: boolean) => (proxy ? t('common.yes') : t('common.no')) },
          ...(canManage
            ? [
                {
                  title: t('fields.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  width: 160,
                  render: (_: unknown, r: ResidentListItem) => (
                    <Space wrap>
                      <Button size="small" onClick={() => setEditing(r)}>
                        {t('console.residents.edit')}
                        <span className="visually-hidden"> {r.name}</span>
                      </Button>
                      <Button size="small" onClick={() => setMoving(r)}>
                        {t('console.residents.move')}
                        <span className="visually-hidden"> {r.name}</span>
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', marginTop: 16 }}>
        <span role="status">{t('common.shown', { count: rows.length })}</span>
        {residents.hasNextPage ? (
          <Button onClick={() => void residents.fetchNextPage()} loading={residents.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : (
          residents.isSuccess && <span>{t('common.noMore')}</span>
        )}
      </div>
    </>
  );

  return (
    <>
      <div className="console-title-row">
        <h1 className="console-page-title">{t('console.residents.title')}</h1>
        {canManage && !residents.isError && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('console.residents.addTitle')}
          </Button>
        )}
      </div>
      <Form layout="inline" className="console-filters">
        {hasRole(me, 'street_admin') && (
          <Form.Item label={t('console.residents.filterCommunity')} htmlFor="residents-community">
            <CommunitySelect
              id="residents-community"
              value={filters.communityId ?? ''}
              onChange={(communityId) => update({ communityId: communityId || undefined, gridId: undefined })}
            />
          </Form.Item>
        )}
        <Form.Item label={t('console.residents.filterGrid')} htmlFor="residents-grid">
          <Select
            id="residents-grid"
            style={{ minWidth: 200 }}
            value={filters.gridId ?? ''}
            onChange={(gridId: string) => update({ gridId: gridId || undefined })}
            options={[
              { value: '', label: t('common.all') },
              ...gridOptions.map((g) => ({ value: g.id, label: localName(g, language).text })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('console.residents.filterTag')} htmlFor="residents-tag">
          <Select
            id="residents-tag"
            style={{ minWidth: 160 }}
            value={filters.tag ?? ''}
            onChange={(tag: FocusTag | '') => update({ tag: tag || undefined })}
            options={[{ value: '', label: t('common.all') }, ...FOCUS_TAGS.map((tag) => ({ value: tag, label: t(`focusTags.${tag}`) }))]}
          />
        </Form.Item>
      </Form>
      {residents.isError ? (
        <ProblemAlert error={residents.error} onRetry={() => void residents.refetch()} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as 'residents' | 'households')}
          items={[
            { key: 'residents', label: t('console.residents.tabResidents'), children: residentsTable },
            {
              key: 'households',
              label: t('console.residents.tabHouseholds'),
              children: <HouseholdsPanel grids={gridOptions} communityId={filters.communityId} gridId={filters.gridId} />,
            },
          ]}
        />
      )}
      <CreateResidentDrawer open={adding} grids={gridOptions} onClose={() => setAdding(false)} />
      <EditResidentDrawer resident={editing} onClose={() => setEditing(null)} />
      <MoveResidentModal resident={moving} grids={allGrids} onClose={() => setMoving(null)} />
    </>
  );
}
