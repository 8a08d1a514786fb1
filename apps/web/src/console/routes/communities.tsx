import { useState } from 'react';
import { Button, Descriptions, Drawer, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Community, Grid } from '@duodi/contracts';
import { useCommunities, useCommunity } from '../../features/organization/api/get-communities';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Loading, ProblemAlert } from '../components/query-state';

export default function CommunitiesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('console.communities.title'), t('app.consoleName'));
  const communities = useCommunities();
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <>
      <h1 className="console-page-title">{t('console.communities.title')}</h1>
      {communities.isError && <ProblemAlert error={communities.error} onRetry={() => void communities.refetch()} />}
      <Table<Community>
        rowKey="id"
        loading={communities.isPending}
        dataSource={communities.data?.items ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { title: t('fields.name'), key: 'name', render: (_, c) => localName(c, language).text },
          { title: t('fields.kind'), dataIndex: 'kind', render: (kind: Community['kind']) => t(`communityKinds.${kind}`) },
          { title: t('fields.gridCount'), dataIndex: 'gridCount', align: 'right' },
          { title: t('fields.householdCount'), dataIndex: 'householdCount', align: 'right' },
          { title: t('fields.volunteerCount'), dataIndex: 'volunteerCount', align: 'right' },
          { title: t('fields.station'), dataIndex: 'stationName' },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, c) => (
              <Button
                type="link"
                onClick={() => setOpenId(c.id)}
                aria-label={t('console.communities.detail', { name: localName(c, language).text })}
              >
                {t('common.details')}
              </Button>
            ),
          },
        ]}
      />
      <CommunityDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

function CommunityDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const community = useCommunity(id ?? undefined);
  const c = community.data;
  const name = c ? localName(c, language).text : '';

  return (
    <Drawer open={Boolean(id)} onClose={onClose} size="large" title={name || t('common.details')} destroyOnHidden>
      {community.isPending && <Loading />}
      {community.isError && <ProblemAlert error={community.error} onRetry={() => void community.refetch()} />}
      {c && (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('fields.kind')}>{t(`communityKinds.${c.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.station')}>{c.stationName}</Descriptions.Item>
            <Descriptions.Item label={t('fields.stationAddress')}>{c.stationAddress}</Descriptions.Item>
            <Descriptions.Item label={t('fields.serviceCenter')}>{c.serviceCenterName}</Descriptions.Item>
            <Descriptions.Item label={t('fields.rooms')}>
              {c.serviceCenterRooms.map((room) => (
                <Tag key={room}>{room}</Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          <h2 className="console-section-title">{t('console.communities.gridsOf', { name })}</h2>
          <Table<Grid>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.grids}
            scroll={{ x: 640 }}
            columns={[
              { title: t('fields.code'), dataIndex: 'code' },
              { title: t('fields.name'), key: 'name', render: (_, g) => localName(g, language).text },
              {
                title: t('fields.gridWorker'),
                key: 'gridWorker',
                render: (_, g) => (g.gridWorker ? `${g.gridWorker.name} ${g.gridWorker.phoneMasked}` : t('common.none')),
              },
              { title: t('fields.partyBranch'), dataIndex: 'partyBranch' },
              { title: t('fields.householdCount'), dataIndex: 'householdCount', align: 'right' },
              { title: t('fields.residentCount'), dataIndex: 'residentCount', align: 'right' },
            ]}
          />
          <h2 className="console-section-title">{t('console.communities.teamsOf', { name })}</h2>
          {c.teams.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            <ul>
              {c.teams.map((team) => (
                <li key={team.id}>
                  <Link to={`/teams/${team.id}`}>{team.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Drawer>
  );
}
