import { Card, Descriptions, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCommunities } from '../../features/organization/api/get-communities';
import { useTeam } from '../../features/organization/api/get-teams';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { langAttr, localName, localText } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Loading, ProblemAlert } from '../components/query-state';

export default function TeamPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id } = useParams();
  const team = useTeam(id);
  const communities = useCommunities();
  const name = team.data ? localName(team.data, language).text : undefined;
  useDocumentTitle(name, t('app.consoleName'));

  if (team.isPending) return <Loading />;
  if (team.isError) return <ProblemAlert error={team.error} onRetry={() => void team.refetch()} />;
  const d = team.data;
  const slogan = localText(d.slogan, d.sloganBo, language);
  const story = localText(d.story, d.storyBo, language);
  const community = communities.data?.items.find((c) => c.id === d.communityId);

  return (
    <>
      <p>
        <Link to="/teams">{t('console.teams.title')}</Link>
      </p>
      <h1 className="console-page-title">{name}</h1>
      <Card>
        <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
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
            {story && <p lang={langAttr(story, language)}>{story.text}</p>}
          </div>
        </div>
      </Card>
      <h2 className="console-section-title">{t('h5.team.info')}</h2>
      <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('fields.community')}>{community ? localName(community, language).text : (d.communityName ?? t('app.street'))}</Descriptions.Item>
        <Descriptions.Item label={t('fields.leader')}>{d.leaderName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('fields.members')}>{d.memberCount}</Descriptions.Item>
        <Descriptions.Item label={t('fields.foundedOn')}>{d.foundedOn ? formatDate(d.foundedOn, language) : t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('fields.domains')}>
          {d.domains.map((domain) => (
            <Tag key={domain}>{t(`domains.${domain}`)}</Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
