import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Space, Tabs, Tag } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/account/api/get-me';
import { useCommunities } from '../../features/organization/api/get-communities';
import { useTeam } from '../../features/organization/api/get-teams';
import { useTeamApplications } from '../../features/teams/api/applications';
import { useDownloadRoster, useTeamMembers } from '../../features/teams/api/members';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { langAttr, localName, localText } from '../../lib/localize';
import { isTeamStaff } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Loading, ProblemAlert } from '../components/query-state';
import { TeamApplicationsPanel } from '../components/team-applications';
import { TeamFormDrawer } from '../components/team-form-drawer';
import { TeamInvitationsPanel } from '../components/team-invitations';
import { TeamLogoUpload } from '../components/team-logo';
import { TeamMembersTable } from '../components/team-members';

const TABS = ['brand', 'members', 'applications', 'invitations'] as const;
type TabKey = (typeof TABS)[number];

/** A team: brand page, members, applications and invitations; what each user may do follows their standing in the team. */
export default function TeamPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const { data: me } = useMe();
  const team = useTeam(id);
  const members = useTeamMembers(id);
  const communities = useCommunities();
  const roster = useDownloadRoster(id ?? '');
  const [editing, setEditing] = useState(false);
  const name = team.data ? localName(team.data, language).text : undefined;
  useDocumentTitle(name, t('app.consoleName'));

  const memberRows = members.data?.pages.flatMap((p) => p.items) ?? [];
  const mine = memberRows.find((m) => m.volunteerId === me?.volunteerId);
  const staff = team.data ? isTeamStaff(me, team.data.communityId) : false;
  const leader = Boolean(team.data && me?.volunteerId && (team.data.leaderId === me.volunteerId || mine?.role === 'leader'));
  const deputy = mine?.role === 'deputy';
  const canEdit = staff || leader;
  const canManage = canEdit || deputy;
  const pending = useTeamApplications(canManage ? id : undefined, 'pending');
  const pendingCount = pending.data?.items.length ?? 0;

  if (team.isPending) return <Loading />;
  if (team.isError) return <ProblemAlert error={team.error} onRetry={() => void team.refetch()} />;
  const d = team.data;
  const slogan = localText(d.slogan, d.sloganBo, language);
  const story = localText(d.story, d.storyBo, language);
  const community = communities.data?.items.find((c) => c.id === d.communityId);
  const requested = params.get('tab') as TabKey | null;
  const visible: TabKey[] = canManage ? [...TABS] : ['brand', 'members'];
  const active: TabKey = requested && visible.includes(requested) ? requested : 'brand';

  const brand = (
    <>
      <Card>
        <div className="console-team-brand">
          {d.logoUrl && <img className="console-logo" src={d.logoUrl} alt={t('h5.team.logo', { name })} />}
          <div style={{ flex: 1, minWidth: 240 }}>
            <h2 className="console-section-title" style={{ marginTop: 0 }}>
              {t('console.teams.brand')}
            </h2>
            {slogan && (
              <p className="console-brand-slogan" lang={langAttr(slogan, language)}>
                {slogan.text}
              </p>
            )}
            {story ? <p lang={langAttr(story, language)}>{story.text}</p> : <p>{t('console.team.noStory')}</p>}
          </div>
        </div>
      </Card>
      <h2 className="console-section-title">{t('h5.team.info')}</h2>
      <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('fields.community')}>
          {community ? localName(community, language).text : (d.communityName ?? t('app.street'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.leader')}>{d.leaderName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('fields.members')}>{d.memberCount}</Descriptions.Item>
        <Descriptions.Item label={t('fields.foundedOn')}>
          {d.foundedOn ? formatDate(d.foundedOn, language) : t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.domains')}>
          {d.domains.map((domain) => (
            <Tag key={domain}>{t(`domains.${domain}`)}</Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      {canEdit && (
        <>
          <h2 className="console-section-title">{t('console.logo.title')}</h2>
          <TeamLogoUpload team={d} name={name ?? d.name} />
        </>
      )}
    </>
  );

  const panels: Record<TabKey, { label: ReactNode; children: ReactNode }> = {
    brand: { label: t('console.team.tabBrand'), children: brand },
    members: {
      label: t('console.team.tabMembers', { count: d.memberCount }),
      children: (
        <>
          {members.isError && <ProblemAlert error={members.error} onRetry={() => void members.refetch()} />}
          <TeamMembersTable teamId={d.id} members={memberRows} loading={members.isPending} canAppoint={canEdit} />
          {members.hasNextPage && (
            <Button style={{ marginTop: 12 }} onClick={() => void members.fetchNextPage()} loading={members.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </>
      ),
    },
    applications: {
      label: (
        <span>
          {t('console.team.tabApplications')} {pendingCount > 0 && <span className="console-count">{pendingCount}</span>}
        </span>
      ),
      children: <TeamApplicationsPanel teamId={d.id} />,
    },
    invitations: {
      label: t('console.team.tabInvitations'),
      children: <TeamInvitationsPanel teamId={d.id} memberIds={memberRows.map((m) => m.volunteerId)} />,
    },
  };

  return (
    <>
      <p>
        <Link to="/teams">{t('console.teams.title')}</Link>
      </p>
      <div className="console-title-row">
        <h1 className="console-page-title">{name}</h1>
        <Space wrap>
          {canEdit && (
            <Button type="primary" onClick={() => setEditing(true)}>
              {t('console.team.edit')}
            </Button>
          )}
          {canEdit && (
            <>
              <Button loading={roster.isPending && roster.variables === 'xlsx'} onClick={() => roster.mutate('xlsx')}>
                {t('console.team.rosterXlsx')}
              </Button>
              <Button loading={roster.isPending && roster.variables === 'csv'} onClick={() => roster.mutate('csv')}>
                {t('console.team.rosterCsv')}
              </Button>
            </>
          )}
        </Space>
      </div>
      {roster.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(roster.error, t)} />}
      {roster.isSuccess && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          role="status"
          title={t('console.team.rosterSaved', { file: roster.data })}
        />
      )}
      <Tabs
        activeKey={active}
        onChange={(key) => setParams(key === 'brand' ? {} : { tab: key }, { replace: true })}
        items={visible.map((key) => ({ key, label: panels[key].label, children: panels[key].children }))}
      />
      <TeamFormDrawer open={editing} team={d} onClose={() => setEditing(false)} />
    </>
  );
}
