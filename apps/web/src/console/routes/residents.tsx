import { useState } from 'react';
import { Alert, Button, Form, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ResidentListItem, FOCUS_TAGS, type FocusTag } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useGrids } from '../../features/organization/api/get-grids';
import { useResidents, type ResidentFilters } from '../../features/residents/api/get-residents';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CommunitySelect } from '../components/community-select';
import { ProblemAlert } from '../components/query-state';

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

  return (
    <>
      <h1 className="console-page-title">{t('console.residents.title')}</h1>
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
            options={[{ value: '', label: t('common.all') }, ...gridOptions.map((g) => ({ value: g.id, label: localName(g, language).text }))]}
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
        <>
          <Alert type="info" showIcon title={t('console.residents.masked')} style={{ marginBottom: 16 }} />
          <Table<ResidentListItem>
            rowKey="id"
            loading={residents.isPending}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1100 }}
            columns={[
              { title: t('fields.name'), key: 'name', render: (_, r) => localName(r, language).text },
              { title: t('fields.gender'), dataIndex: 'gender', render: (g: ResidentListItem['gender']) => (g ? t(`gender.${g}`) : '') },
              { title: t('fields.age'), dataIndex: 'age', align: 'right' },
              { title: t('fields.phone'), dataIndex: 'phoneMasked' },
              { title: t('fields.idNumber'), dataIndex: 'idNumberMasked' },
              { title: t('fields.grid'), key: 'grid', render: (_, r) => gridNames.get(r.gridId) ?? r.gridId },
              { title: t('fields.address'), dataIndex: 'address' },
              { title: t('fields.tags'), key: 'tags', render: (_, r) => r.focusTags.map((tag) => <Tag key={tag}>{t(`focusTags.${tag}`)}</Tag>) },
              { title: t('fields.proxy'), dataIndex: 'proxy', render: (proxy: boolean) => (proxy ? t('common.yes') : t('common.no')) },
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
      )}
    </>
  );
}
