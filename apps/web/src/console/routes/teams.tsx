import { useMemo, useState } from 'react';
import { Button, Form, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Team } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useCommunities } from '../../features/organization/api/get-communities';
import { useTeams } from '../../features/organization/api/get-teams';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { canCreateTeam } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CommunitySelect } from '../components/community-select';
import { ProblemAlert } from '../components/query-state';
import { TeamFormDrawer } from '../components/team-form-drawer';

export default function TeamsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('console.teams.title'), t('app.consoleName'));
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const teams = useTeams(communityId || undefined);
  const communities = useCommunities();
  const communityNames = useMemo(
    () => new Map((communities.data?.items ?? []).map((c) => [c.id, localName(c, language).text])),
    [communities.data, language],
  );

  return (
    <>
      <div className="console-title-row">
        <h1 className="console-page-title">{t('console.teams.title')}</h1>
        {canCreateTeam(me) && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('console.teamForm.createTitle')}
          </Button>
        )}
      </div>
      <Form layout="inline" className="console-filters">
        <Form.Item label={t('console.teams.filterCommunity')} htmlFor="teams-community">
          <CommunitySelect id="teams-community" value={communityId ?? ''} onChange={setCommunityId} />
        </Form.Item>
      </Form>
      {teams.isError && <ProblemAlert error={teams.error} onRetry={() => void teams.refetch()} />}
      <Table<Team>
        rowKey="id"
        loading={teams.isPending}
        dataSource={teams.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('fields.name'),
            key: 'name',
            render: (_, team) => (
              <>
                <Link to={`/teams/${team.id}`}>{localName(team, language).text}</Link>
                {me?.teamIds.includes(team.id) && <Tag style={{ marginInlineStart: 8 }}>{t('console.teams.mine')}</Tag>}
              </>
            ),
          },
          {
            title: t('fields.community'),
            key: 'community',
            render: (_, team) => (team.communityId ? (communityNames.get(team.communityId) ?? '') : t('app.street')),
          },
          {
            title: t('fields.domains'),
            key: 'domains',
            render: (_, team) => team.domains.map((d) => <Tag key={d}>{t(`domains.${d}`)}</Tag>),
          },
          { title: t('fields.leader'), dataIndex: 'leaderName', render: (name: string | null) => name ?? t('common.none') },
          { title: t('fields.members'), dataIndex: 'memberCount', align: 'right' },
          { title: t('fields.slogan'), dataIndex: 'slogan', render: (slogan: string | null) => slogan ?? '' },
        ]}
      />
      <TeamFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(team) => {
          setCreating(false);
          navigate(`/teams/${team.id}`);
        }}
      />
    </>
  );
}
